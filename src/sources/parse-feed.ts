// RSS 2.0, RSS 1.0 (RDF) and Atom to one item shape. fast-xml-parser does the XML (validation
// with line numbers, entities, CDATA); this file only knows where each format keeps its fields.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { htmlToText } from "./html-text.ts";
import { SourceError } from "./source-error.ts";

export type FeedKind = "rss" | "rdf" | "atom";

export interface FeedEntry {
  /** GUID / id / rdf:about as given, or null. */
  guid: string | null;
  /** Absolute link, resolved against the feed's URL. */
  link: string;
  title: string | null;
  /** The item's date as written (RFC 822 or ISO 8601), or null. */
  date: string | null;
  /** The item's own text (description, content, summary), as plain text. */
  text: string;
}

export interface ParsedFeed {
  kind: FeedKind;
  title: string | null;
  /** RSS <ttl>, minutes. */
  ttlMinutes: number | null;
  entries: FeedEntry[];
  /** Items skipped because they had no usable link. */
  withoutLink: number;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
  // Feeds are untrusted input: no entity expansion beyond XML's own five.
  processEntities: true,
  htmlEntities: true,
});

type Node = Record<string, unknown>;

/** True when the text looks like an HTML page rather than XML (a site's error or home page). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(text);
}

/** Parses a feed; throws SourceError for HTML, malformed XML, an unknown root, no items, or no linked item. */
export function parseFeed(xml: string, baseUrl: string): ParsedFeed {
  if (looksLikeHtml(xml)) throw new SourceError("HTML page served where a feed was expected (add it with --links to read it as a listing page)");
  // Feeds never need their own entities; refusing them rules out entity-expansion bombs.
  if (/<!ENTITY/i.test(xml)) throw new SourceError("the feed declares XML entities (<!ENTITY>), which feeds do not need; refused");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new SourceError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  const doc = parser.parse(xml) as Node;
  const { kind, channel, items } = locate(doc);
  const entries: FeedEntry[] = [];
  let withoutLink = 0;
  for (const item of items) {
    const entry = kind === "atom" ? atomEntry(item, baseUrl) : rssEntry(item, baseUrl);
    if (entry) entries.push(entry);
    else withoutLink++;
  }
  if (items.length === 0) throw new SourceError("the feed has no items");
  if (entries.length === 0) throw new SourceError(`none of the feed's ${items.length} items has a link`);
  const ttl = Number(text(channel.ttl));
  return { kind, title: text(channel.title), ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null, entries, withoutLink };
}

function locate(doc: Node): { kind: FeedKind; channel: Node; items: Node[] } {
  const rss = doc.rss as Node | undefined;
  if (rss && typeof rss === "object") {
    const channel = (rss.channel ?? {}) as Node;
    return { kind: "rss", channel, items: asNodes(channel.item) };
  }
  const rdf = doc.RDF as Node | undefined;
  if (rdf && typeof rdf === "object") return { kind: "rdf", channel: (rdf.channel ?? {}) as Node, items: asNodes(rdf.item) };
  const feed = doc.feed as Node | undefined;
  if (feed && typeof feed === "object") return { kind: "atom", channel: feed, items: asNodes(feed.entry) };
  const root = Object.keys(doc).find((k) => k !== "?xml") ?? "nothing";
  throw new SourceError(`not an RSS or Atom feed (the document's root is <${root}>)`);
}

function asNodes(value: unknown): Node[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is Node => typeof v === "object" && v !== null);
}

/** The text of an element that may be a string, a {#text} object or a list of either. */
function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number") return String(value);
  if (value && typeof value === "object" && "#text" in value) return text((value as Node)["#text"]);
  return null;
}

function absolute(link: string | null, baseUrl: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function rssEntry(item: Node, baseUrl: string): FeedEntry | null {
  const guid = text(item.guid) ?? text(item["@_about"]);
  const permalink = (item.guid as Node | undefined)?.["@_isPermaLink"] !== "false" ? guid : null;
  const link = absolute(text(item.link), baseUrl) ?? absolute(permalink && /^https?:/i.test(permalink) ? permalink : null, baseUrl);
  if (!link) return null;
  const body = text(item.encoded) ?? text(item.description) ?? "";
  return { guid, link, title: stripTags(text(item.title)), date: text(item.pubDate) ?? text(item.date) ?? text(item.published), text: htmlToText(body) };
}

function atomEntry(entry: Node, baseUrl: string): FeedEntry | null {
  const links = asNodes(entry.link);
  const alternate = links.find((l) => l["@_rel"] === undefined || l["@_rel"] === "alternate") ?? links[0];
  const link = absolute(text(alternate?.["@_href"]), baseUrl);
  if (!link) return null;
  const body = text(entry.content) ?? text(entry.summary) ?? "";
  return { guid: text(entry.id), link, title: stripTags(text(entry.title)), date: text(entry.published) ?? text(entry.updated), text: htmlToText(body) };
}

function stripTags(value: string | null): string | null {
  return value === null ? null : htmlToText(value).replace(/\s+/g, " ").trim() || null;
}
