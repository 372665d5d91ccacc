// One reminder or announcement to one chat through grammY, with Telegram's answers turned into
// decisions: wait and retry (429), back off and retry (5xx, network, timeout), or give up with a
// reason. Every try waits for the shared outbound limiter at background priority, so replies to
// users go first; a 429 pauses that limiter, i.e. every sender of the process, not just this one.
//
// A retry after a network failure or a timeout may send the message twice when the first try
// did reach Telegram and only its answer was lost. The outbox accepts that: a reminder sent twice
// is a nuisance, a reminder never sent (the row left "transient" until retries run out) is the
// failure the product exists to prevent.
import { GrammyError, HttpError, type Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Logger } from "../logger.ts";
import type { RateLimiter } from "./outbound-limiter.ts";

export interface SendPolicy {
  /** A request unanswered this long is abandoned and counts as a transient failure. */
  sendTimeoutMs: number;
  /** Transient failures (5xx, network, timeout) retried within one attempt. */
  maxTransientRetries: number;
  /** First backoff after a transient failure; doubles each time. */
  backoffMs: number;
  /** 429 answers honoured within one attempt before the rows are left for a later tick. */
  max429: number;
}

export type SendResult =
  | { kind: "sent"; messageId: number }
  /** The group became a supergroup: send again to the new id. */
  | { kind: "migrated"; newChatId: bigint }
  /** The chat blocked the bot or no longer exists (403, 400 chat not found). */
  | { kind: "gone"; reason: string }
  /** Retries ran out; a later tick tries again. */
  | { kind: "transient"; error: string }
  /** Telegram rejected this message (400): sending it again cannot help. */
  | { kind: "rejected"; error: string };

export interface SendDeps {
  api: Api;
  limiter: RateLimiter;
  /** Backoff waits, and a 429's wait when the limiter cannot pause (no pauseAll). */
  sleep: (ms: number) => Promise<void>;
  policy: SendPolicy;
  logger: Logger;
}

/**
 * Sends `text` (HTML) to `chatId`, with inline buttons when given, waiting for the rate limiter
 * before every try. Never throws for Telegram errors.
 */
export async function sendWithRetries(deps: SendDeps, chatId: bigint, isGroup: boolean, text: string, replyMarkup?: InlineKeyboardMarkup): Promise<SendResult> {
  let transient = 0;
  let tooMany = 0;
  for (;;) {
    await deps.limiter.acquire(chatId, isGroup);
    try {
      const message = await deps.api.sendMessage(
        chatId.toString(),
        text,
        { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(replyMarkup ? { reply_markup: replyMarkup } : {}) },
        // grammY types its signal with the abort-controller polyfill; the built-in one is compatible.
        AbortSignal.timeout(deps.policy.sendTimeoutMs) as Parameters<Api["sendMessage"]>[3],
      );
      return { kind: "sent", messageId: message.message_id };
    } catch (error) {
      const decision = classify(error);
      if (decision.kind === "retry-after") {
        if (++tooMany > deps.policy.max429) return { kind: "transient", error: decision.error };
        deps.logger.warn({ chatId: String(chatId), waitMs: decision.waitMs }, "telegram 429: every sender waits retry_after");
        // The next acquire waits out the pause along with every other sender.
        if (deps.limiter.pauseAll) deps.limiter.pauseAll(decision.waitMs);
        else await deps.sleep(decision.waitMs);
        continue;
      }
      if (decision.kind === "transient") {
        if (transient >= deps.policy.maxTransientRetries) return decision;
        const waitMs = deps.policy.backoffMs * 2 ** transient++;
        deps.logger.warn({ chatId: String(chatId), error: decision.error, attempt: transient, waitMs }, "send failed, backing off");
        await deps.sleep(waitMs);
        continue;
      }
      return decision;
    }
  }
}

type Decision = Exclude<SendResult, { kind: "sent" }> | { kind: "retry-after"; waitMs: number; error: string };

/** What an error from grammY means for the delivery. */
export function classify(error: unknown): Decision {
  if (error instanceof GrammyError) {
    const description = `${error.error_code}: ${error.description}`;
    if (error.error_code === 429) {
      return { kind: "retry-after", waitMs: Math.max(1, error.parameters.retry_after ?? 1) * 1000, error: description };
    }
    const migrateTo = error.parameters.migrate_to_chat_id;
    if (migrateTo !== undefined) return { kind: "migrated", newChatId: BigInt(migrateTo) };
    if (error.error_code === 403) return { kind: "gone", reason: description };
    if (error.error_code === 400 && /chat not found|chat_id is empty|user is deactivated|group chat was deleted/i.test(error.description)) {
      return { kind: "gone", reason: description };
    }
    if (error.error_code >= 500) return { kind: "transient", error: description };
    return { kind: "rejected", error: description };
  }
  if (error instanceof HttpError) return { kind: "transient", error: `network: ${String(error.error instanceof Error ? error.error.message : error.message)}` };
  return { kind: "transient", error: error instanceof Error ? error.message : String(error) };
}
