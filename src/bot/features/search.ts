import { Composer } from "grammy";
import { MAX_SEARCH_CHARS, searchCommitments } from "../../commitments/search-commitments.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { th } from "../i18n/translate.ts";
import { commitmentLine } from "../format/commitment.ts";
import { clipInput, html, truncate } from "../format/html.ts";
import { commandArgs, replyHtml } from "../reply.ts";
import { today } from "../today.ts";

export const SEARCH_RESULTS = 15;

/** /search WORDS: commitments whose title, responsible body or quote contain every word. */
export function createSearchFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("search", async (ctx) => {
    const text = commandArgs(ctx);
    if (text === "") {
      await ctx.reply(ctx.t("search-usage"));
      return;
    }
    // Cut here on a grapheme boundary: the store cuts by UTF-16 units and could split an emoji.
    const result = await searchCommitments(deps.db, clipInput(text, MAX_SEARCH_CHARS), { limit: SEARCH_RESULTS });
    const shown = truncate(result.words.join(" "), 80);
    const note = text.length > MAX_SEARCH_CHARS ? th(ctx.lang, "search-cut", { max: MAX_SEARCH_CHARS }) : html``;
    if (result.total === 0) {
      await replyHtml(ctx, th(ctx.lang, "search-none", { query: shown, note }));
      return;
    }
    const day = today(deps);
    const firstOnly = result.total > result.rows.length ? th(ctx.lang, "search-more", { shown: result.rows.length }) : html``;
    await replyHtml(ctx, [
      th(ctx.lang, result.more ? "search-found-many" : "search-found", { total: result.total, query: shown, more: firstOnly, note }),
      ...result.rows.map((row) => commitmentLine(ctx.lang, row, day)),
    ]);
  });
  return feature;
}
