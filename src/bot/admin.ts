import type { Context } from "grammy";
import { isAnonymousGroupAdmin } from "./chat-admins.ts";
import type { BotDeps } from "./deps.ts";

/** True when the sender's user id is in ADMIN_IDS. */
export function isAdmin(deps: BotDeps, ctx: Context): boolean {
  return ctx.from !== undefined && deps.config.adminIds.has(String(ctx.from.id));
}

/** Replies with a refusal for non-admins; true when the command may go on. */
export async function ensureAdmin(deps: BotDeps, ctx: Context): Promise<boolean> {
  if (isAdmin(deps, ctx)) return true;
  if (isAnonymousGroupAdmin(ctx)) {
    // Telegram hides who an anonymous admin is, so ADMIN_IDS cannot be checked.
    await ctx.reply("You are writing anonymously, so I cannot tell whether you are a Mindet admin. Send this command in a private chat with me.");
    return false;
  }
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: "Only Mindet admins can do this.", show_alert: true });
  else await ctx.reply("This command is for Mindet admins only.");
  return false;
}

/** The admin's display name for the status history. */
export function senderName(ctx: Context): string | null {
  const from = ctx.from;
  if (!from) return null;
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return from.username ? `${name} (@${from.username})` : name || null;
}
