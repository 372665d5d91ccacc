import { Composer, type Context } from "grammy";
import { listFollows } from "../../chats/follow.ts";
import { getChat } from "../../chats/upsert-chat.ts";
import type { BotDeps } from "../deps.ts";
import { describeFollow, settingsLines } from "../format/chat.ts";
import { html, type Html } from "../format/html.ts";
import { replyHtml } from "../reply.ts";

/** /mine: what this chat follows and its reminder settings. */
export function createMineFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  feature.command("mine", async (ctx) => {
    const chat = await getChat(deps.db, ctx.chat.id);
    const follows = await listFollows(deps.db, ctx.chat.id);
    const lines: Html[] = [html`<b>This chat follows</b>`];
    if (follows.length === 0) lines.push(html`nothing yet: /follow to start.`);
    for (const f of follows) lines.push(html`• ${describeFollow(f)}`);
    if (chat) lines.push(html``, ...settingsLines(chat), html``, html`/settings to change them, /calendar for an .ics file.`);
    await replyHtml(ctx, lines);
  });
  return feature;
}
