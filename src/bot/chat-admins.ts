import { GrammyError, type Context } from "grammy";
import type { BotContext } from "./context.ts";
import type { Clock } from "../clock.ts";
import { isGroupChat, replyTo } from "./reply.ts";

/** How long a getChatMember answer is trusted (a promotion or demotion shows after at most this). */
export const ADMIN_CACHE_TTL_MS = 60_000;
const MAX_CACHED = 10_000;

/**
 * Telegram's "GroupAnonymousBot": a message an anonymous admin sends on behalf of the group comes
 * from this user id, with the group itself as sender_chat.
 */
export const ANONYMOUS_ADMIN_ID = 1087968824;


/** Decides whether the sender may change this chat's follows and settings; replies if not. */
export type ManageCheck = (ctx: BotContext) => Promise<boolean>;

/** True for a message an anonymous admin sent as the group itself (only admins can do that). */
export function isAnonymousGroupAdmin(ctx: Context): boolean {
  const chatId = ctx.chat?.id;
  return chatId !== undefined && ctx.from?.id === ANONYMOUS_ADMIN_ID && ctx.message?.sender_chat?.id === chatId;
}

/**
 * Builds the group-admin check: anyone in a private chat; in a group its creator and
 * administrators, or an anonymous admin writing as the group. getChatMember answers are cached
 * per (chat, user) for `ttlMs` on the injected clock, so a run of button presses costs one call.
 */
export function createManageCheck(clock: Clock, ttlMs = ADMIN_CACHE_TTL_MS): ManageCheck {
  const cache = new Map<string, { admin: boolean; expiresAt: number }>();
  const isGroupAdmin = async (ctx: Context, chatId: number, userId: number): Promise<boolean> => {
    const key = `${chatId}:${userId}`;
    const now = clock.now().getTime();
    const hit = cache.get(key);
    if (hit && hit.expiresAt > now) return hit.admin;
    let admin: boolean;
    try {
      const member = await ctx.api.getChatMember(chatId, userId);
      admin = member.status === "creator" || member.status === "administrator";
    } catch (error) {
      // "user not found" and the like: not a member, so not an admin. Outages go to the boundary.
      if (error instanceof GrammyError && error.error_code === 400) admin = false;
      else throw error;
    }
    cache.delete(key);
    if (cache.size >= MAX_CACHED) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(key, { admin, expiresAt: now + ttlMs });
    return admin;
  };

  return async (ctx) => {
    if (!isGroupChat(ctx)) return true;
    const chatId = ctx.chat?.id;
    const userId = ctx.from?.id;
    if (chatId === undefined || userId === undefined) return false;
    if (isAnonymousGroupAdmin(ctx)) return true;
    // A member posting as a channel (sender_chat is not this group) cannot be checked: refuse.
    const asOtherChat = ctx.message?.sender_chat !== undefined;
    if (!asOtherChat && (await isGroupAdmin(ctx, chatId, userId))) return true;
    const refusal = ctx.t(asOtherChat ? "group-admins-only-channel" : "group-admins-only");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: refusal, show_alert: true });
    else await ctx.reply(refusal, { reply_parameters: replyTo(ctx) });
    return false;
  };
}
