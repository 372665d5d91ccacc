import { Composer } from "grammy";
import { commandText, isForOtherBot, leadingCommand } from "../command-target.ts";
import type { BotContext } from "../context.ts";
import { isGroupChat } from "../reply.ts";

/**
 * The catch-all, registered last: helpful in private chats, silent in groups unless a command
 * was addressed to this bot by name (groups are not to be spammed).
 */
export function createFallbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true });
  });

  feature.on("edited_message", async (ctx) => {
    if (isGroupChat(ctx) || ctx.chat.type !== "private") return;
    await ctx.reply(ctx.t("fallback-edited"));
  });

  feature.on("message", async (ctx) => {
    // Commands for another bot ("/list@otherbot") never get here: the update gate drops them.
    if (isForOtherBot(ctx)) return;
    const command = leadingCommand(commandText(ctx));
    // Command names are ASCII, so a UTF-16 slice cannot split a character.
    const name = command?.name.slice(0, 32) ?? "";
    if (isGroupChat(ctx)) {
      // Groups are not spammed: only a command named to this bot gets an answer.
      if (command?.bot) await ctx.reply(ctx.t("fallback-unknown-command", { command: name }));
      return;
    }
    if (ctx.chat.type !== "private") return;
    if (command) await ctx.reply(ctx.t("fallback-unknown-command", { command: name }));
    else if (ctx.message.text !== undefined) await ctx.reply(ctx.t("fallback-text"));
    else await ctx.reply(ctx.t("fallback-media"));
  });

  return feature;
}
