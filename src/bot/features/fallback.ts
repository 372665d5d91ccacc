import { Composer, type Context } from "grammy";
import { commandText, isForOtherBot, leadingCommand } from "../command-target.ts";
import { isGroupChat } from "../reply.ts";

/**
 * The catch-all, registered last: helpful in private chats, silent in groups unless a command
 * was addressed to this bot by name (groups are not to be spammed).
 */
export function createFallbackFeature(): Composer<Context> {
  const feature = new Composer<Context>();

  feature.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery({ text: "This button has expired.", show_alert: true });
  });

  feature.on("edited_message", async (ctx) => {
    if (isGroupChat(ctx) || ctx.chat.type !== "private") return;
    await ctx.reply("I don't act on edited messages; send the command again.");
  });

  feature.on("message", async (ctx) => {
    // Commands for another bot ("/list@otherbot") never get here: the update gate drops them.
    if (isForOtherBot(ctx)) return;
    const command = leadingCommand(commandText(ctx));
    const name = command?.name.slice(0, 32) ?? "";
    if (isGroupChat(ctx)) {
      // Groups are not spammed: only a command named to this bot gets an answer.
      if (command?.bot) await ctx.reply(`I don't know /${name}. /help lists my commands.`);
      return;
    }
    if (ctx.chat.type !== "private") return;
    if (command) await ctx.reply(`I don't know /${name}. /help lists my commands.`);
    else if (ctx.message.text !== undefined) await ctx.reply("I answer commands: try /list, /upcoming or /search WORDS. /help lists them all.");
    else await ctx.reply("I only read text commands (stickers, photos and files aside from /ingest are not for me). /help lists them.");
  });

  return feature;
}
