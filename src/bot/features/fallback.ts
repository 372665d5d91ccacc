import { Composer, type Context } from "grammy";
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
    const text = ctx.message.text ?? "";
    const command = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?/.exec(text);
    if (isGroupChat(ctx)) {
      const addressedToMe = command?.[2] !== undefined && command[2].toLowerCase() === ctx.me.username.toLowerCase();
      if (addressedToMe) await ctx.reply(`I don't know /${command?.[1] ?? ""}. /help lists my commands.`);
      return;
    }
    if (ctx.chat.type !== "private") return;
    if (command) await ctx.reply(`I don't know /${(command[1] ?? "").slice(0, 32)}. /help lists my commands.`);
    else if (ctx.message.text !== undefined) await ctx.reply("I answer commands: try /list, /upcoming or /search WORDS. /help lists them all.");
    else await ctx.reply("I only read text commands (stickers, photos and files aside from /ingest are not for me). /help lists them.");
  });

  return feature;
}
