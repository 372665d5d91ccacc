// A news index page without a feed: its article links, picked by a CSS selector ("css:.news a")
// or by a regular expression over the link's absolute URL ("/press/news/details/").
import { parseHTML } from "linkedom";
import { SourceError } from "./source-error.ts";
import type { FeedEntry } from "./parse-feed.ts";

/** Listing pages are long; more links than this on one page is a menu, not news. */
export const MAX_LISTING_LINKS = 200;

/** Checks a --links value; returns a message for a bad one, null when it is usable. */
export function checkLinkPattern(pattern: string): string | null {
  if (pattern.trim() === "") return "the link pattern is empty";
  if (pattern.startsWith("css:")) {
    try {
      parseHTML("<html><body></body></html>").document.querySelectorAll(pattern.slice(4));
      return null;
    } catch {
      return `"${pattern.slice(4)}" is not a CSS selector`;
    }
  }
  try {
    new RegExp(pattern);
    return null;
  } catch (error) {
    return `"${pattern}" is not a regular expression: ${(error as Error).message}`;
  }
}

/** The page's article links in page order, each once, with the link text as title. */
export function parseListing(html: string, baseUrl: string, pattern: string): FeedEntry[] {
  const { document } = parseHTML(html);
  const css = pattern.startsWith("css:") ? pattern.slice(4) : null;
  const regex = css === null ? new RegExp(pattern) : null;
  const anchors = css === null ? document.querySelectorAll("a[href]") : document.querySelectorAll(css);
  const seen = new Set<string>();
  const entries: FeedEntry[] = [];
  for (const node of anchors) {
    const anchor = node.matches("a[href]") ? node : node.querySelector("a[href]");
    const href = anchor?.getAttribute("href");
    if (!anchor || !href) continue;
    let url: URL;
    try {
      url = new URL(href, baseUrl);
    } catch {
      continue;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") continue;
    url.hash = "";
    if (regex && !regex.test(url.href)) continue;
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const title = anchor.textContent?.replace(/\s+/g, " ").trim() || null;
    entries.push({ guid: null, link: url.href, title, date: null, text: "" });
    if (entries.length >= MAX_LISTING_LINKS) break;
  }
  if (entries.length === 0) throw new SourceError(`no link on the page matches ${css === null ? `the pattern ${pattern}` : `the selector ${css}`}`);
  return entries;
}
