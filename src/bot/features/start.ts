import { Composer, InlineKeyboard } from "grammy";
import { encodeCallback } from "../callback-data.ts";
import { ADMIN_COMMANDS, helpLine, PUBLIC_COMMANDS } from "../commands.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { html, type Html } from "../format/html.ts";
import type { Language } from "../i18n/languages.ts";
import { t, th } from "../i18n/translate.ts";
import { replyHtml } from "../reply.ts";

/** The /start greeting, also sent when the bot is added to a group. */
export function greeting(lang: Language): { text: Html; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard()
    .text(t(lang, "start-follow-all"), encodeCallback({ type: "follow", target: "all" }))
    .text(t(lang, "start-browse"), encodeCallback({ type: "page", view: { kind: "all" }, page: 0 }));
  return { text: th(lang, "start-greeting"), keyboard };
}

/** /start and /help. */
export function createStartFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx) => {
    const { text, keyboard } = greeting(ctx.lang);
    await replyHtml(ctx, text, { keyboard });
  });

  feature.command("help", async (ctx) => {
    const lines = [th(ctx.lang, "help-title"), ...PUBLIC_COMMANDS.map((c) => html`${helpLine(ctx.lang, c)}`)];
    if (ctx.from && deps.config.adminIds.has(String(ctx.from.id))) {
      lines.push(html``, th(ctx.lang, "help-admin-title"), ...ADMIN_COMMANDS.map((c) => html`${helpLine(ctx.lang, c)}`), th(ctx.lang, "help-merge-note"));
    }
    lines.push(html``, th(ctx.lang, "help-footer"));
    await replyHtml(ctx, lines);
  });

  return feature;
}
