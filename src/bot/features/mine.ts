import { Composer } from "grammy";
import { listFollows } from "../../chats/follow.ts";
import { getChat } from "../../chats/upsert-chat.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { th } from "../i18n/translate.ts";
import { describeFollow, settingsLines } from "../format/chat.ts";
import { html, type Html } from "../format/html.ts";
import { replyHtml } from "../reply.ts";

/** /mine: what this chat follows and its reminder settings. */
export function createMineFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("mine", async (ctx) => {
    const chat = await getChat(deps.db, ctx.chat.id);
    const follows = await listFollows(deps.db, ctx.chat.id);
    const lines: Html[] = [th(ctx.lang, "mine-title")];
    if (follows.length === 0) lines.push(th(ctx.lang, "mine-nothing"));
    for (const f of follows) lines.push(html`• ${describeFollow(ctx.lang, f, "item")}`);
    if (chat) lines.push(html``, ...settingsLines(ctx.lang, chat), html``, th(ctx.lang, "mine-footer"));
    await replyHtml(ctx, lines);
  });
  return feature;
}
