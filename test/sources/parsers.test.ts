import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { isPrivateAddress, parseSourceUrl } from "../../src/sources/address-guard.ts";
import { decodeBody } from "../../src/sources/decode-text.ts";
import { maxAgeMs, nextPollAt } from "../../src/sources/next-poll.ts";
import { documentNameFor, normaliseLink } from "../../src/sources/normalise-link.ts";
import { parseFeed } from "../../src/sources/parse-feed.ts";
import { checkLinkPattern, parseListing } from "../../src/sources/parse-listing.ts";
import { toIsoDate } from "../../src/sources/publication-date.ts";
import { readArticle } from "../../src/sources/read-article.ts";
import { SourceError } from "../../src/sources/source-error.ts";
import { articlePage, atom, DIGITAL_ARTICLE, EMPTY_PAGE, listingPage, rdf, ROADS_ARTICLE, rss2, WATER_ARTICLE } from "./fixtures.ts";

const BASE = "https://example.gov.kz/en/rss";
const ITEMS = [
  { title: "Roads &amp; bridges: plan approved", link: "/en/news/roads", guid: "news-101", date: "Fri, 20 Nov 2026 05:15:00 GMT", description: "<p>The Ministry of Transport must finish by 2027.</p><p>Second paragraph.</p>" },
  { title: "Water standards", link: "https://example.gov.kz/en/news/water", date: "Thu, 19 Nov 2026 20:30:00 GMT" },
];

describe("parseFeed", () => {
  it("reads RSS 2.0: guid, absolute link, entities, HTML description as paragraphs, ttl", () => {
    const feed = parseFeed(rss2("Government news", ITEMS, "<ttl>90</ttl>"), BASE);
    expect(feed).toMatchObject({ kind: "rss", title: "Government news", ttlMinutes: 90, withoutLink: 0 });
    expect(feed.entries[0]).toEqual({
      guid: "news-101",
      link: "https://example.gov.kz/en/news/roads",
      title: "Roads & bridges: plan approved",
      date: "Fri, 20 Nov 2026 05:15:00 GMT",
      text: "The Ministry of Transport must finish by 2027.\n\nSecond paragraph.",
    });
    expect(feed.entries[1]?.guid).toBeNull();
  });

  it("reads RSS 1.0 (RDF) with dc:date and Atom with alternate links", () => {
    const r = parseFeed(rdf("RDF news", [{ title: "A", link: "https://example.gov.kz/a", date: "2026-11-20T10:00:00+05:00" }]), BASE);
    expect(r).toMatchObject({ kind: "rdf", title: "RDF news" });
    expect(r.entries[0]).toMatchObject({ guid: "https://example.gov.kz/a", link: "https://example.gov.kz/a", date: "2026-11-20T10:00:00+05:00" });
    const a = parseFeed(atom("Atom news", [{ title: "B &lt;b&gt;", link: "https://example.gov.kz/b", guid: "tag:gov,2026:b", date: "2026-11-19T10:00:00Z", description: "Summary" }]), BASE);
    expect(a).toMatchObject({ kind: "atom", title: "Atom news" });
    expect(a.entries[0]).toMatchObject({ guid: "tag:gov,2026:b", link: "https://example.gov.kz/b", title: "B", text: "Summary" });
  });

  it("refuses bad feeds with a one-line reason", () => {
    const reason = (xml: string): string => {
      try {
        parseFeed(xml, BASE);
      } catch (error) {
        expect(error).toBeInstanceOf(SourceError);
        return (error as Error).message;
      }
      throw new Error("no error");
    };
    expect(reason("<rss><channel><item><title>x</title></channel></rss>")).toMatch(/^malformed XML at line 1: /);
    expect(reason(articlePage(ROADS_ARTICLE))).toMatch(/^HTML page served where a feed was expected/);
    expect(reason(rss2("Empty", []))).toBe("the feed has no items");
    expect(reason(rss2("No links", [{ title: "a" }, { title: "b" }]))).toBe("none of the feed's 2 items has a link");
    expect(reason(`<?xml version="1.0"?><sitemap><url>x</url></sitemap>`)).toBe("not an RSS or Atom feed (the document's root is <sitemap>)");
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title><link>https://x.kz/</link></item></channel></rss>`;
    expect(reason(bomb)).toBe("the feed declares XML entities (<!ENTITY>), which feeds do not need; refused");
  });

  it("skips items without a link and counts them", () => {
    const feed = parseFeed(rss2("Mixed", [{ title: "no link" }, ...ITEMS]), BASE);
    expect(feed.entries).toHaveLength(2);
    expect(feed.withoutLink).toBe(1);
  });
});

describe("readArticle", () => {
  it("keeps the article and drops navigation, related links, comments and footer", () => {
    const article = readArticle(articlePage(ROADS_ARTICLE), "https://example.gov.kz/en/news/roads", "Asia/Almaty");
    expect(article.title).toBe(ROADS_ARTICLE.title);
    expect(article.publishedOn).toBe("2026-11-20");
    expect(article.text).toContain("The Ministry of Transport must complete the reconstruction of the Astana–Karaganda highway by the end of 2027.");
    expect(article.text.split("\n\n")).toHaveLength(ROADS_ARTICLE.paragraphs.length);
    for (const noise of ["Related news", "Comments (2)", "Last year's promise", "All rights reserved", "Privacy policy", "Қазақша"]) {
      expect(article.text).not.toContain(noise);
    }
  });

  it("finds the date in JSON-LD @graph and in <time datetime>", () => {
    expect(readArticle(articlePage(WATER_ARTICLE), "https://x.kz/w", "Asia/Almaty").publishedOn).toBe("2026-11-19");
    expect(readArticle(articlePage(DIGITAL_ARTICLE), "https://x.kz/d", "Asia/Almaty").publishedOn).toBe("2026-11-18");
    expect(readArticle(articlePage({ ...DIGITAL_ARTICLE, date: undefined }), "https://x.kz/d", "Asia/Almaty").publishedOn).toBeNull();
  });

  it("refuses a page with no readable text", () => {
    expect(() => readArticle(EMPTY_PAGE, "https://x.kz/login", "Asia/Almaty")).toThrow("no readable article text at https://x.kz/login");
  });
});

describe("parseListing", () => {
  const html = listingPage([
    { href: "/en/news/details/101", text: "Roads plan approved" },
    { href: "/en/news/details/102#top", text: "Water standards" },
    { href: "/en/news/details/101", text: "Roads plan approved (again)" },
    { href: "javascript:void(0)", text: "Print" },
  ]);
  it("picks article links by regular expression or CSS selector, each once, in page order", () => {
    const byRegex = parseListing(html, "https://gov.kz/en/news", "/news/details/\\d+");
    expect(byRegex.map((e) => [e.link, e.title])).toEqual([
      ["https://gov.kz/en/news/details/101", "Roads plan approved"],
      ["https://gov.kz/en/news/details/102", "Water standards"],
    ]);
    expect(parseListing(html, "https://gov.kz/en/news", "css:.news-card a").map((e) => e.link)).toEqual(byRegex.map((e) => e.link));
  });
  it("says when nothing matches, and checks patterns up front", () => {
    expect(() => parseListing(html, "https://gov.kz/en/news", "/press/\\d+")).toThrow("no link on the page matches the pattern /press/\\d+");
    expect(checkLinkPattern("([")).toMatch(/is not a regular expression/);
    expect(checkLinkPattern("css:div[")).toMatch(/is not a CSS selector/);
    expect(checkLinkPattern("css:.news a")).toBeNull();
  });
});

describe("decodeBody", () => {
  const russian = "Правительство утвердило план до 2027 года";
  it("decodes windows-1251 declared in Content-Type, in the XML declaration, or in <meta>", () => {
    const bytes = iconv.encode(russian, "windows-1251");
    expect(decodeBody(bytes, "text/plain; charset=windows-1251")).toBe(russian);
    const xml = Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="windows-1251"?><rss>`), bytes]);
    expect(decodeBody(xml, "application/xml")).toContain(russian);
    const html = Buffer.concat([Buffer.from(`<html><head><meta charset="windows-1251"></head><body>`), bytes]);
    expect(decodeBody(html, "text/html")).toContain(russian);
  });
  it("reads UTF-8 by default and an unknown charset as UTF-8", () => {
    expect(decodeBody(Buffer.from(russian), "text/html")).toBe(russian);
    expect(decodeBody(Buffer.from(russian), "text/html; charset=x-unknown")).toBe(russian);
  });
});

describe("addresses and links", () => {
  it("knows private, loopback and link-local addresses", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "100.64.0.1"]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ["8.8.8.8", "195.210.46.1", "2a00:1450:4001::1"]) expect(isPrivateAddress(ip), ip).toBe(false);
  });
  it("refuses non-http(s), credentials and private hosts unless allowed", () => {
    expect(() => parseSourceUrl("ftp://gov.kz/feed", false)).toThrow("only http and https URLs can be sources, not ftp:");
    expect(() => parseSourceUrl("file:///etc/passwd", true)).toThrow("not file:");
    expect(() => parseSourceUrl("not a url", false)).toThrow('not a URL: "not a url"');
    expect(() => parseSourceUrl("https://u:p@gov.kz/", false)).toThrow("user name or password");
    expect(() => parseSourceUrl("http://127.0.0.1:5432/", false)).toThrow("127.0.0.1:5432 is a private, loopback or link-local address");
    expect(() => parseSourceUrl("http://[::1]/", false)).toThrow("private");
    expect(() => parseSourceUrl("http://localhost/", false)).toThrow("private");
    expect(parseSourceUrl("http://127.0.0.1:5432/feed#x", true).href).toBe("http://127.0.0.1:5432/feed");
  });
  it("normalises links: host case, default port, fragment, tracking parameters, trailing slash", () => {
    expect(normaliseLink("HTTPS://Gov.KZ:443/en/news/1/?utm_source=tg&b=2&a=1#top")).toBe("https://gov.kz/en/news/1?a=1&b=2");
    expect(documentNameFor("https://gov.kz/en/news/1/?utm_medium=rss")).toBe("web/gov.kz/en/news/1");
  });
  it("reads dates: ISO keeps the site's day, RFC 822 is read in the zone", () => {
    expect(toIsoDate("2026-11-20T23:30:00+05:00", "Asia/Almaty")).toBe("2026-11-20");
    expect(toIsoDate("Fri, 20 Nov 2026 20:30:00 GMT", "Asia/Almaty")).toBe("2026-11-21");
    expect(toIsoDate("2026-02-30", "Asia/Almaty")).toBeNull();
    expect(toIsoDate("yesterday", "Asia/Almaty")).toBeNull();
  });
});

describe("nextPollAt", () => {
  const now = new Date("2026-11-20T00:00:00Z");
  const after = (input: Partial<Parameters<typeof nextPollAt>[0]>): number => (nextPollAt({ now, everyMinutes: 30, failures: 0, ...input }).getTime() - now.getTime()) / 60_000;
  it("waits the interval, or longer when ttl or max-age ask, but at least 5 minutes", () => {
    expect(after({})).toBe(30);
    expect(after({ everyMinutes: 1 })).toBe(5);
    expect(after({ ttlMinutes: 120 })).toBe(120);
    expect(after({ cacheControl: "public, max-age=3600" })).toBe(60);
    expect(maxAgeMs("no-cache")).toBeNull();
  });
  it("backs off exponentially on failure, honours Retry-After, and caps at a day", () => {
    expect([1, 2, 3, 4].map((failures) => after({ failures }))).toEqual([60, 120, 240, 480]);
    expect(after({ failures: 1, retryAfterMs: 3 * 3_600_000 })).toBe(180);
    expect(after({ failures: 30 })).toBe(24 * 60);
    expect(after({ failures: 1, retryAfterMs: 9e9 })).toBe(24 * 60);
  });
});
