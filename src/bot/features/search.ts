import { Composer, type Context } from "grammy";
import { MAX_SEARCH_CHARS, searchCommitments } from "../../commitments/search-commitments.ts";
import type { BotDeps } from "../deps.ts";
import { commitmentLine } from "../format/commitment.ts";
import { clipInput, html, truncate } from "../format/html.ts";
import { commandArgs, replyHtml } from "../reply.ts";
import { today } from "../today.ts";

export const SEARCH_RESULTS = 15;

/** /search WORDS: commitments whose title, responsible body or quote contain every word. */
export function createSearchFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  feature.command("search", async (ctx) => {
    const text = commandArgs(ctx);
    if (text === "") {
      await ctx.reply("Usage: /search WORDS, for example /search port Aktau.");
      return;
    }
    // Cut here on a grapheme boundary: the store cuts by UTF-16 units and could split an emoji.
    const result = await searchCommitments(deps.db, clipInput(text, MAX_SEARCH_CHARS), { limit: SEARCH_RESULTS });
    const shown = truncate(result.words.join(" "), 80);
    const note = text.length > MAX_SEARCH_CHARS ? html` <i>(only the first ${MAX_SEARCH_CHARS} characters were used)</i>` : html``;
    if (result.total === 0) {
      await replyHtml(ctx, html`Nothing matches “${shown}”.${note} Try fewer or shorter words.`);
      return;
    }
    const day = today(deps);
    const more = result.total > result.rows.length ? ` (first ${result.rows.length}; add words to narrow it down)` : "";
    await replyHtml(ctx, [
      html`<b>${result.total} found for “${shown}”</b>${more}${note}`,
      ...result.rows.map((row) => commitmentLine(row, day)),
    ]);
  });
  return feature;
}
