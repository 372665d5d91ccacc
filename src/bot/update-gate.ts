import type { Context, MiddlewareFn } from "grammy";
import { isForOtherBot } from "./command-target.ts";
import { languageFromTelegram } from "./i18n/languages.ts";
import { t } from "./i18n/translate.ts";

/**
 * Drops, before anything reads the database, the updates no feature serves:
 * - channel posts (a channel is not a chat the bot keeps; its id has no Chat row);
 * - anything in a channel (my_chat_member when someone adds the bot to one);
 * - a button on an inline-mode message (no `message`, so no chat to answer in): answered with
 *   an alert so the user's client stops spinning;
 * - a message whose command names another bot ("/list@otherbot"): that bot will answer.
 */
export function createUpdateGate(): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (ctx.channelPost || ctx.editedChannelPost || ctx.chat?.type === "channel") return;
    if (ctx.callbackQuery && !ctx.callbackQuery.message) {
      await ctx.answerCallbackQuery({ text: t(languageFromTelegram(ctx.from?.language_code), "button-not-here"), show_alert: true });
      return;
    }
    if (ctx.message && isForOtherBot(ctx)) return;
    return next();
  };
}
