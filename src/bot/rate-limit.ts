import type { Context, MiddlewareFn } from "grammy";
import type { Clock } from "../clock.ts";
import { languageFromTelegram } from "./i18n/languages.ts";
import { t } from "./i18n/translate.ts";

export interface UserRateLimitOptions {
  /** Commands a user may send at once (default 5). */
  burst?: number;
  /** Tokens refilled per second (default 1). */
  refillPerSecond?: number;
  /** Buckets kept at most; the least recently used go first (default 10,000). */
  maxUsers?: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
  /** The "slow down" notice went out since the bucket last ran dry. */
  warned: boolean;
}

/**
 * Per-user token bucket in memory. Runs before anything touches the database or the per-chat
 * queue, so 200 messages from one user cost 200 map look-ups and one notice, and other users'
 * updates are not held up behind them.
 */
export function createUserRateLimit(clock: Clock, options: UserRateLimitOptions = {}): MiddlewareFn<Context> {
  const burst = options.burst ?? 5;
  const refill = options.refillPerSecond ?? 1;
  const maxUsers = options.maxUsers ?? 10_000;
  const buckets = new Map<number, Bucket>();
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    // Only people are limited; my_chat_member and service messages pass.
    if (userId === undefined || (!ctx.message && !ctx.callbackQuery && !ctx.editedMessage)) return next();
    const nowMs = clock.now().getTime();
    let bucket = buckets.get(userId);
    if (bucket) {
      buckets.delete(userId); // re-insert below: Map order doubles as LRU order
      bucket.tokens = Math.min(burst, bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * refill);
      bucket.updatedMs = nowMs;
    } else {
      bucket = { tokens: burst, updatedMs: nowMs, warned: false };
    }
    buckets.set(userId, bucket);
    if (buckets.size > maxUsers) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.warned = false;
      return next();
    }
    if (bucket.warned) return;
    bucket.warned = true;
    // Runs before the chat's stored language is read (no database here): the sender's language.
    const lang = languageFromTelegram(ctx.from?.language_code);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t(lang, "slow-down-alert") });
    else if (ctx.chat?.type === "private") await ctx.reply(t(lang, "slow-down"));
  };
}
