// One new item to the document Mindet stores: the article page's main text and date, or, when
// the page cannot be read, the feed's own text (and a note saying so).
import { describeError, SourceError } from "./source-error.ts";
import type { FeedEntry } from "./parse-feed.ts";
import type { SourceFetcher } from "./fetcher.ts";
import { toIsoDate } from "./publication-date.ts";
import { readArticle } from "./read-article.ts";

/** A feed's own text shorter than this is a teaser, not something to extract commitments from. */
export const MIN_FEED_TEXT_CHARS = 80;
const ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

export type ItemText =
  | { kind: "text"; title: string | null; publishedOn: string | null; text: string; textFrom: "page" | "feed-text"; note: string | null }
  /** Nothing to ingest for good (a page with no article and no feed text): recorded, not retried. */
  | { kind: "unreadable"; reason: string }
  /** A passing failure (429, 5xx, timeout, network): not recorded, so a later poll tries again. */
  | { kind: "retry"; reason: string };

export async function readItem(fetcher: SourceFetcher, entry: FeedEntry, timeZone: string): Promise<ItemText> {
  const feedDate = toIsoDate(entry.date, timeZone);
  let reason: string;
  let passing = false;
  try {
    const page = await fetcher.get(entry.link, {}, ACCEPT_HTML);
    // A decree as a PDF or a scan is not text Readability can read: say so rather than ingest noise.
    const type = page.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
    if (type !== "" && !/^(?:text\/html|application\/xhtml\+xml|text\/plain)$/.test(type)) throw new SourceError(`not an HTML page (${type}) at ${entry.link}`);
    const article = readArticle(page.text, page.url, timeZone);
    return { kind: "text", title: article.title ?? entry.title, publishedOn: article.publishedOn ?? feedDate, text: article.text, textFrom: "page", note: null };
  } catch (error) {
    reason = describeError(error);
    passing = isPassing(error);
  }
  if (entry.text.length >= MIN_FEED_TEXT_CHARS) {
    const note = `page unreadable (${reason}); used the feed's text`;
    return { kind: "text", title: entry.title, publishedOn: feedDate, text: entry.text, textFrom: "feed-text", note };
  }
  return passing ? { kind: "retry", reason } : { kind: "unreadable", reason };
}

/** 429, 5xx, timeouts and network errors pass; a 404 or a page without an article does not. */
export function isPassing(error: unknown): boolean {
  if (!(error instanceof SourceError)) return true;
  return error.retryAfterMs !== null || /^HTTP (?:429|5\d\d)|timed out|connection (?:refused|reset|closed)|cannot resolve|could not be read/.test(error.message);
}

/**
 * The stored document: a "date YYYY-MM-DD" header (the extractor's own header format, so the
 * publication date is the reference date and `mindet ingest` of the same text reads it the same
 * way), the title, the text.
 */
export function composeDocument(title: string | null, publishedOn: string | null, text: string): string {
  const parts: string[] = [];
  if (publishedOn) parts.push(`date ${publishedOn}`);
  if (title) parts.push(title, "");
  parts.push(text);
  return `${parts.join("\n")}\n`;
}
