import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articlePage, atom, DIGITAL_ARTICLE, EMPTY_PAGE, rdf, ROADS_ARTICLE, rss2, WATER_ARTICLE, type FeedItemFixture } from "./fixtures.ts";
import { createSourcesHarness, type SourcesHarness } from "./harness.ts";

let h: SourcesHarness;
beforeEach(async () => {
  h = await createSourcesHarness();
});
afterEach(async () => {
  await h.close();
});

const item = (slug: string, title: string, extra: Partial<FeedItemFixture> = {}): FeedItemFixture => ({ title, link: `${h.server.base}/en/news/${slug}`, guid: `gov-${slug}`, date: "Fri, 20 Nov 2026 05:15:00 GMT", ...extra });
const pageHits = (): number => h.server.requests.filter((r) => r.path.startsWith("/en/news/")).length;

function serveArticles(): void {
  h.server.serve("/en/news/roads", articlePage(ROADS_ARTICLE), "text/html; charset=utf-8");
  h.server.serve("/en/news/water", articlePage(WATER_ARTICLE), "text/html; charset=utf-8");
  h.server.serve("/en/news/digital", articlePage(DIGITAL_ARTICLE), "text/html; charset=utf-8");
}

describe("polling a feed", () => {
  it("reads each new article page, ingests it with its publication date, then answers 304 with nothing re-read", async () => {
    serveArticles();
    h.server.serve("/rss.xml", rss2("Government news", [item("roads", "Roads plan"), item("water", "Water standards")]), "application/rss+xml", { etag: '"v1"' });
    const id = await h.add("/rss.xml");
    const first = await h.poll(id);
    expect(first).toMatchObject({ outcome: "ok", newItems: 2, announced: 0, error: null });
    expect(first.commitments).toBeGreaterThanOrEqual(4);

    const sources = await h.t.db.source.findMany({ orderBy: { id: "asc" } });
    expect(sources.map((s) => [s.file, s.publishedOn, s.title])).toEqual([
      [`web/${h.server.host}/en/news/water`, "2026-11-19", WATER_ARTICLE.title],
      [`web/${h.server.host}/en/news/roads`, "2026-11-20", ROADS_ARTICLE.title],
    ]);
    const roads = await h.t.db.commitment.findMany({ where: { sourceId: sources[1]!.id }, orderBy: { id: "asc" } });
    expect(roads.map((c) => [c.dueOn, c.publishedOn])).toContainEqual(["2027-12-31", "2026-11-20"]);
    expect(roads.map((c) => c.quote).join(" ")).not.toMatch(/Comments|Related news|All rights reserved/);

    const feed = await h.t.db.feed.findUniqueOrThrow({ where: { id } });
    expect(feed).toMatchObject({ kind: "rss", title: "Government news", etag: '"v1"', lastStatus: "ok", lastError: null, itemsSeen: 2, commitmentsFound: first.commitments, failures: 0 });
    expect(feed.nextPollAt.toISOString()).toBe("2026-11-20T06:30:00.000Z");

    const pagesBefore = pageHits();
    h.clock.advance(30 * 60_000);
    const second = await h.poll(id);
    expect(second).toMatchObject({ outcome: "not-modified", newItems: 0, commitments: 0 });
    expect(h.server.requests.at(-1)?.headers["if-none-match"]).toBe('"v1"');
    expect(pageHits()).toBe(pagesBefore);
    expect(await h.t.db.source.count()).toBe(2);
  });

  it("reads RSS 1.0 and Atom feeds and a listing page without a feed", async () => {
    serveArticles();
    h.server.serve("/rdf", rdf("RDF", [item("roads", "Roads")]), "application/rdf+xml");
    h.server.serve("/atom", atom("Atom", [item("water", "Water")]), "application/atom+xml");
    h.server.serve(
      "/en/press",
      `<html><body><nav><a href="/en/about">About</a></nav><ul><li><a href="/en/news/digital">Digital ID</a></li><li><a href="/en/news/roads?utm_source=site">Roads</a></li></ul></body></html>`,
      "text/html",
    );
    const [a, b, c] = [await h.add("/rdf"), await h.add("/atom"), await h.add("/en/press", { links: "/en/news/[a-z]+" })];
    const round = await h.poller.pollAll();
    expect(round).toMatchObject({ polled: 3, ok: 3, failed: 0 });
    const kinds = await h.t.db.feed.findMany({ orderBy: { id: "asc" }, select: { id: true, kind: true, itemsSeen: true } });
    expect(kinds).toEqual([{ id: a, kind: "rdf", itemsSeen: 1 }, { id: b, kind: "atom", itemsSeen: 1 }, { id: c, kind: "listing", itemsSeen: 2 }]);
    // The roads article reached through the RDF feed and the listing page is one document.
    expect(await h.t.db.source.count()).toBe(3);
  });

  it("dedupes by GUID, then normalised link, then content hash", async () => {
    serveArticles();
    h.server.serve("/en/news/roads-copy", articlePage(ROADS_ARTICLE), "text/html");
    h.server.serve("/rss.xml", rss2("News", [item("roads", "Roads")]), "application/rss+xml");
    const id = await h.add("/rss.xml");
    await h.poll(id);
    h.server.serve("/rss.xml", rss2("News", [
      item("roads", "Roads, re-dated", { date: "Sat, 21 Nov 2026 05:15:00 GMT" }),
      item("roads", "Roads, new guid, same link", { guid: "other-guid", link: `${h.server.base}/en/news/roads/?utm_source=rss#top` }),
      item("roads-copy", "Same text, another address", { guid: "copy" }),
    ]), "application/rss+xml");
    h.clock.advance(31 * 60_000);
    const report = await h.poll(id);
    expect(report).toMatchObject({ outcome: "ok", newItems: 1, commitments: 0 });
    const items = await h.t.db.feedItem.findMany({ orderBy: { id: "asc" } });
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({ guid: "copy", documentId: items[0]!.documentId, textFrom: "page" });
    expect(await h.t.db.source.count()).toBe(1);
  });

  it("falls back to the feed's own text when the page cannot be read, and says so", async () => {
    const description = "<p>ASTANA – The Ministry of Energy must commission the new power unit at Ekibastuz by the end of 2027, the ministry said on Friday.</p>";
    h.server.serve("/en/news/login", EMPTY_PAGE, "text/html");
    h.server.serve("/en/news/decree", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n".repeat(50)), "application/pdf");
    h.server.serve("/rss.xml", rss2("News", [item("login", "Power unit at Ekibastuz", { description }), item("gone", "Gone page", { description }), item("decree", "Decree", { description: description.replace("Ekibastuz", "Pavlodar") })]), "application/rss+xml");
    const id = await h.add("/rss.xml");
    const report = await h.poll(id);
    expect(report).toMatchObject({ outcome: "ok", newItems: 3 });
    expect(report.commitments).toBeGreaterThanOrEqual(1);
    const items = await h.t.db.feedItem.findMany({ orderBy: { id: "asc" } });
    expect(items.map((i) => [i.textFrom, i.error])).toEqual([
      ["feed-text", `page unreadable (not an HTML page (application/pdf) at ${h.server.base}/en/news/decree); used the feed's text`],
      ["feed-text", `page unreadable (HTTP 404 for ${h.server.base}/en/news/gone); used the feed's text`],
      ["feed-text", `page unreadable (no readable article text at ${h.server.base}/en/news/login); used the feed's text`],
    ]);
    const feed = await h.t.db.feed.findUniqueOrThrow({ where: { id } });
    expect(feed.lastStatus).toBe("ok");
    expect(feed.lastError).toContain(`"Power unit at Ekibastuz": page unreadable (no readable article text`);
  });

  it("records an unreadable page with no feed text, and retries a page that failed for now (no 304 hides it)", async () => {
    h.server.serve("/en/news/login", EMPTY_PAGE, "text/html");
    let up = false;
    h.server.routes.set("/en/news/later", (_req, res) => {
      if (!up) return void res.writeHead(503).end();
      res.writeHead(200, { "content-type": "text/html" }).end(articlePage(DIGITAL_ARTICLE));
    });
    h.server.serve("/rss.xml", rss2("News", [item("login", "Login wall"), item("later", "Digital ID")]), "application/rss+xml", { etag: '"same"' });
    const id = await h.add("/rss.xml");
    const first = await h.poll(id);
    expect(first).toMatchObject({ outcome: "ok", newItems: 1, commitments: 0 });
    expect(await h.t.db.feedItem.findFirst({ select: { textFrom: true, error: true } })).toEqual({ textFrom: "error", error: `no readable article text at ${h.server.base}/en/news/login` });
    expect((await h.t.db.feed.findUniqueOrThrow({ where: { id } })).etag).toBeNull();
    up = true;
    h.clock.advance(31 * 60_000);
    const second = await h.poll(id);
    expect(second).toMatchObject({ outcome: "ok", newItems: 1 });
    expect(second.commitments).toBeGreaterThanOrEqual(1);
    expect((await h.t.db.feed.findUniqueOrThrow({ where: { id } })).etag).toBe('"same"');
  });

  it("decodes a windows-1251 feed and page", async () => {
    const iconv = (await import("iconv-lite")).default;
    const title = "Правительство утвердило план";
    h.server.serve("/ru.xml", iconv.encode(rss2(title, [item("ru", title)]).replace('encoding="UTF-8"', 'encoding="windows-1251"'), "windows-1251"), "application/xml");
    const page = articlePage({ ...ROADS_ARTICLE, title, lang: "ru" }).replace('<meta charset="utf-8">', "");
    h.server.serve("/en/news/ru", iconv.encode(page, "windows-1251"), "text/html; charset=windows-1251");
    const id = await h.add("/ru.xml");
    expect(await h.poll(id)).toMatchObject({ outcome: "ok", newItems: 1 });
    expect((await h.t.db.feed.findUniqueOrThrow({ where: { id } })).title).toBe(title);
    expect((await h.t.db.source.findFirstOrThrow()).title).toBe(title);
  });
});

describe("the poller's schedule", () => {
  it("checks at once on start and then on the injected timer, polling only what is due", async () => {
    serveArticles();
    h.server.serve("/rss.xml", rss2("News", [item("roads", "Roads")]), "application/rss+xml", { etag: '"r"' });
    const id = await h.add("/rss.xml");
    const { createSourcePoller } = await import("../../src/sources/poller.ts");
    const rounds: number[] = [];
    let roundDone: () => void = () => undefined;
    const nextRound = (): Promise<void> => new Promise((resolve) => (roundDone = resolve));
    let tick: () => void = () => undefined;
    let cancelled = false;
    const poller = createSourcePoller({
      ...h.deps,
      concurrency: 2,
      onRound: (r) => {
        rounds.push(r.polled);
        roundDone();
      },
      every: (ms, fn) => {
        expect(ms).toBe(60_000);
        tick = fn;
        return () => void (cancelled = true);
      },
    });
    poller.start();
    // Stopped before the first check's turn of the event loop: no round at all, now or later.
    await poller.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(rounds).toEqual([]);
    expect(cancelled).toBe(true);

    let done = nextRound();
    poller.start();
    await done;
    expect(rounds).toEqual([1]);
    // The timer fires before the source's 30 minutes are up: nothing is due.
    done = nextRound();
    tick();
    await done;
    expect(rounds).toEqual([1, 0]);
    h.clock.advance(30 * 60_000);
    done = nextRound();
    tick();
    await done;
    await poller.stop();
    expect(rounds).toEqual([1, 0, 1]);
    expect((await h.t.db.feed.findUniqueOrThrow({ where: { id } })).lastStatus).toBe("not-modified");
  });

  it("a stop ends the round between items; the rest is read at the next poll", async () => {
    serveArticles();
    h.server.serve("/rss.xml", rss2("News", [item("roads", "Roads"), item("water", "Water"), item("digital", "Digital")]), "application/rss+xml", { etag: '"r"' });
    const id = await h.add("/rss.xml");
    let stop = false;
    const { pollFeed } = await import("../../src/sources/poll-source.ts");
    const deps = { ...h.deps, shouldStop: () => stop };
    // Stop as soon as the first article page has been served.
    h.server.routes.set("/en/news/digital", (_req, res) => {
      stop = true;
      res.writeHead(200, { "content-type": "text/html" }).end(articlePage(DIGITAL_ARTICLE));
    });
    const first = await pollFeed(deps, await h.t.db.feed.findUniqueOrThrow({ where: { id } }));
    expect(first).toMatchObject({ outcome: "ok", newItems: 1 });
    expect((await h.t.db.feed.findUniqueOrThrow({ where: { id } })).etag).toBeNull();
    stop = false;
    h.clock.advance(30 * 60_000);
    expect(await pollFeed(deps, await h.t.db.feed.findUniqueOrThrow({ where: { id } }))).toMatchObject({ outcome: "ok", newItems: 2 });
  });
});
