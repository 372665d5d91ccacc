import { Composer, InlineKeyboard, type Context } from "grammy";
import { encodeCallback } from "../callback-data.ts";
import type { BotDeps } from "../deps.ts";
import { html, joinHtml } from "../format/html.ts";
import { ADMIN_COMMANDS, PUBLIC_COMMANDS } from "../commands.ts";
import { replyHtml } from "../reply.ts";

/** The /start greeting, also sent when the bot is added to a group. */
export function greeting(): { text: ReturnType<typeof html>; keyboard: InlineKeyboard } {
  const text = joinHtml([
    html`👋 <b>Mindet</b> keeps track of the government's dated commitments, read from official news.`,
    html`Follow everything, a topic, a ministry or one commitment, and I remind this chat before, on and after each deadline.`,
    html`Try /list, /upcoming or /search; /help lists every command.`,
  ]);
  const keyboard = new InlineKeyboard()
    .text("🔔 Follow all", encodeCallback({ type: "follow", target: "all" }))
    .text("📋 Browse", encodeCallback({ type: "page", view: { kind: "all" }, page: 0 }));
  return { text, keyboard };
}

/** /start and /help. */
export function createStartFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();

  feature.command("start", async (ctx) => {
    const { text, keyboard } = greeting();
    await replyHtml(ctx, text, { keyboard });
  });

  feature.command("help", async (ctx) => {
    const lines = [html`<b>Commands</b>`, ...PUBLIC_COMMANDS.map((c) => html`/${c.usage ?? c.command} — ${c.description}`)];
    if (ctx.from && deps.config.adminIds.has(String(ctx.from.id))) {
      lines.push(html``, html`<b>Admin</b>`, ...ADMIN_COMMANDS.map((c) => html`/${c.usage ?? c.command} — ${c.description}`));
    }
    lines.push(html``, html`In groups only admins change follows and settings. Ids come from /list.`);
    await replyHtml(ctx, lines);
  });

  return feature;
}
