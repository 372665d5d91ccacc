import type { Context } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { Html, splitHtmlLines } from "./format/html.ts";

export interface ReplyOptions {
  keyboard?: InlineKeyboardMarkup;
}

/**
 * Sends HTML, split at line boundaries into messages of at most 4,096 characters; the keyboard
 * goes on the last one. Link previews are off: a card's evidence link should not take the screen.
 */
export async function replyHtml(ctx: Context, content: Html | readonly Html[], options: ReplyOptions = {}): Promise<void> {
  const lines = content instanceof Html ? [content] : content;
  const chunks = splitHtmlLines(lines);
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    await ctx.reply(chunk, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(last && options.keyboard ? { reply_markup: options.keyboard } : {}),
    });
  }
}

/**
 * Whether the message a button was pressed on has text to replace. A photo or a document (the
 * scorecard's chart, or any message a stale or forged button claims) has at most a caption, and
 * Telegram refuses editMessageText there ("there is no text in the message to edit"); a message
 * too old to be shown to the bot has neither. An inline-mode message (no message in the update)
 * is edited by its id.
 */
function hasTextToEdit(ctx: Context): boolean {
  const message = ctx.callbackQuery?.message;
  return message === undefined || "text" in message;
}

/**
 * Replaces the text of the message a button was pressed on (one message only: pages are built
 * to fit); on a message without text, sends the content as a new message instead. "message is
 * not modified" is turned into success by the API transformer.
 */
export async function editHtml(ctx: Context, content: readonly Html[], options: ReplyOptions = {}): Promise<void> {
  if (!hasTextToEdit(ctx)) {
    await replyHtml(ctx, content, options);
    return;
  }
  const [first] = splitHtmlLines(content);
  await ctx.editMessageText(first ?? "", {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(options.keyboard ? { reply_markup: options.keyboard } : {}),
  });
}

/** editHtml for plain text: replaces the pressed message's text, or sends it when that message has none. */
export async function editText(ctx: Context, text: string): Promise<void> {
  if (hasTextToEdit(ctx)) await ctx.editMessageText(text);
  else await ctx.reply(text);
}

/** The text after the command ("/status 12" -> "12"), trimmed; "" when none. */
export function commandArgs(ctx: Context): string {
  const match = ctx.match;
  return typeof match === "string" ? match.trim() : "";
}

export function isGroupChat(ctx: Context): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}

/** Reply to the triggering message in groups, so it is clear whom the bot answers. */
export function replyTo(ctx: Context): { message_id: number; allow_sending_without_reply: true } | undefined {
  const id = ctx.message?.message_id;
  return id !== undefined && isGroupChat(ctx) ? { message_id: id, allow_sending_without_reply: true } : undefined;
}
