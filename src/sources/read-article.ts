// An article page to its main text and publication date. Readability (Firefox's reader view)
// drops navigation, related links, comments and footers; linkedom gives it a DOM without a browser.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { htmlToText } from "./html-text.ts";
import { toIsoDate } from "./publication-date.ts";
import { SourceError } from "./source-error.ts";

/** Below this many characters of main text a page holds no article (a menu, a login wall). */
export const MIN_ARTICLE_CHARS = 200;

export interface ReadArticle {
  title: string | null;
  text: string;
  /** YYYY-MM-DD from the page's metadata, or null. */
  publishedOn: string | null;
}

/** Reads a page; throws SourceError when it has no readable text. */
export function readArticle(html: string, url: string, timeZone: string): ReadArticle {
  const { document } = parseHTML(html);
  // Metadata first: Readability rewrites the document it is given.
  const publishedOn = pagePublishedDate(document, timeZone);
  const metaTitle = document.querySelector('meta[property="og:title"]')?.getAttribute("content") ?? null;
  let parsed: { title?: string | null; content?: string | null } | null = null;
  try {
    parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: MIN_ARTICLE_CHARS }).parse();
  } catch (error) {
    throw new SourceError(`cannot read the page ${url}: ${(error as Error).message}`);
  }
  const text = parsed?.content ? htmlToText(parsed.content) : "";
  if (text.length < MIN_ARTICLE_CHARS) throw new SourceError(`no readable article text at ${url}`);
  const title = (parsed?.title ?? metaTitle)?.replace(/\s+/g, " ").trim() || null;
  return { title, text: dropRepeatedTitle(text, title), publishedOn };
}

/** Readability keeps the <h1> inside the content: the document gets its title once, on top. */
function dropRepeatedTitle(text: string, title: string | null): string {
  if (!title) return text;
  const [first, ...rest] = text.split("\n");
  return first?.trim() === title ? rest.join("\n").trim() : text;
}

interface MinimalDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
}

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="article:published_time"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
];

/** article:published_time and its cousins, then JSON-LD datePublished, then the first <time datetime>. */
export function pagePublishedDate(document: MinimalDocument, timeZone: string): string | null {
  for (const selector of META_SELECTORS) {
    const date = toIsoDate(document.querySelector(selector)?.getAttribute("content") ?? null, timeZone);
    if (date) return date;
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const date = toIsoDate(findDatePublished(safeJson(script.textContent ?? "")), timeZone);
    if (date) return date;
  }
  const time = document.querySelector("article time[datetime]") ?? document.querySelector("time[datetime]");
  return toIsoDate(time?.getAttribute("datetime") ?? null, timeZone);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The first datePublished anywhere in a JSON-LD tree (@graph, arrays, nested objects). */
function findDatePublished(node: unknown, depth = 0): string | null {
  if (depth > 8 || node === null || typeof node !== "object") return null;
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findDatePublished(child, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const value = (node as Record<string, unknown>).datePublished;
  if (typeof value === "string") return value;
  for (const child of Object.values(node)) {
    const found = findDatePublished(child, depth + 1);
    if (found) return found;
  }
  return null;
}
