// Every bad input of the issue: recorded on its source with a one-line reason, the round goes
// on with the other sources, and nothing half-ingested is left behind.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSourceFetcher } from "../../src/sources/fetcher.ts";
import { addFeed } from "../../src/sources/manage-feeds.ts";
import { loadSourcesConfig } from "../../src/sources/sources-config.ts";
import { articlePage, EMPTY_PAGE, ROADS_ARTICLE, rss2, WATER_ARTICLE } from "./fixtures.ts";
import { createSourcesHarness, type SourcesHarness } from "./harness.ts";

let h: SourcesHarness;
beforeEach(async () => {
  h = await createSourcesHarness();
});
afterEach(async () => {
  await h.close();
});

describe("bad sources", () => {
  it("records each failure with its reason and still ingests the good source in the same round", async () => {
    const s = h.server;
    const base = s.base;
    s.serve("/en/news/roads", articlePage(ROADS_ARTICLE), "text/html");
    s.serve("/good.xml", rss2("Good", [{ title: "Roads", link: `${base}/en/news/roads` }]), "application/rss+xml");
    s.serve("/malformed.xml", `<?xml version="1.0"?>\n<rss><channel><title>x</title>\n<item><title>a</item></channel></rss>`, "application/xml");
    s.serve("/html.xml", EMPTY_PAGE, "text/html");
    s.serve("/empty.xml", rss2("Empty", []), "application/rss+xml");
    s.serve("/nolinks.xml", rss2("No links", [{ title: "a" }, { title: "b" }]), "application/rss+xml");
    s.serve("/listing-empty", EMPTY_PAGE, "text/html");
    s.routes.set("/loop", (_req, res) => void res.writeHead(301, { location: "/loop2" }).end());
    s.routes.set("/loop2", (_req, res) => void res.writeHead(301, { location: "/loop" }).end());
    s.routes.set("/huge.xml", (_req, res) => void res.writeHead(200, { "content-type": "application/xml", "content-length": String(50 * 1_048_576) }).end());
    s.routes.set("/busy.xml", (_req, res) => void res.writeHead(429, { "retry-after": "7200" }).end());
    s.routes.set("/down.xml", (_req, res) => void res.writeHead(502).end());
    s.routes.set("/hang.xml", () => undefined);
    const ids: Record<string, number> = {};
    for (const path of ["/good.xml", "/malformed.xml", "/html.xml", "/empty.xml", "/nolinks.xml", "/loop", "/huge.xml", "/busy.xml", "/down.xml", "/hang.xml"]) ids[path] = await h.add(path);
    ids["/listing-empty"] = await h.add("/listing-empty", { links: "/en/news/\\d+" });

    const round = await h.poller.pollAll();
    expect(round).toMatchObject({ polled: 11, ok: 1, failed: 10, newItems: 1 });
    const feeds = await h.t.db.feed.findMany({ orderBy: { id: "asc" } });
    const reasons = Object.fromEntries(feeds.map((f) => [new URL(f.url).pathname, f.lastError]));
    expect(reasons).toEqual({
      "/good.xml": null,
      "/malformed.xml": "malformed XML at line 3: Expected closing tag 'title' (opened in line 3, col 7) instead of closing tag 'item'.",
      "/html.xml": "HTML page served where a feed was expected (add it with --links to read it as a listing page)",
      "/empty.xml": "the feed has no items",
      "/nolinks.xml": "none of the feed's 2 items has a link",
      "/loop": `redirect loop at ${base}/loop`,
      "/huge.xml": `response from ${s.host} is larger than 5 MB`,
      "/busy.xml": `HTTP 429 (too many requests) from ${s.host}`,
      "/down.xml": `HTTP 502 from ${s.host}`,
      "/hang.xml": `timed out after 1 s fetching ${s.host}`,
      "/listing-empty": "no link on the page matches the pattern /en/news/\\d+",
    });
    for (const f of feeds.filter((f) => !f.url.endsWith("/good.xml"))) expect(f).toMatchObject({ lastStatus: "error", failures: 1, itemsSeen: 0 });
    // Retry-After (2 h) outranks the first backoff step (1 h).
    expect(feeds.find((f) => f.url.endsWith("/busy.xml"))?.nextPollAt.toISOString()).toBe("2026-11-20T08:00:00.000Z");
    expect(feeds.find((f) => f.url.endsWith("/down.xml"))?.nextPollAt.toISOString()).toBe("2026-11-20T07:00:00.000Z");
    expect(await h.t.db.source.count()).toBe(1);
    expect(await h.t.db.feedItem.count()).toBe(1);
  });

  it("refuses a private address unless SOURCES_ALLOW_PRIVATE, and bad URLs, intervals and patterns up front", async () => {
    const now = h.clock.now();
    const add = (url: string, extra: { allowPrivate?: boolean; everyMinutes?: number; linkPattern?: string } = {}) =>
      addFeed(h.t.db, { url, now, allowPrivate: false, ...extra }).then(() => "added", (e: Error) => e.message);
    expect(await add(`${h.server.base}/good.xml`)).toBe(`${h.server.host} is a private, loopback or link-local address (set SOURCES_ALLOW_PRIVATE=true to allow)`);
    expect(await add("http://169.254.169.254/latest/")).toMatch(/private/);
    expect(await add("ftp://gov.kz/rss")).toBe("only http and https URLs can be sources, not ftp:");
    expect(await add("https://gov.kz/rss", { everyMinutes: 2 })).toBe("the interval must be a whole number of minutes from 5 to 10080");
    expect(await add("https://gov.kz/news", { linkPattern: "([" })).toMatch(/is not a regular expression/);
    expect(await add("https://gov.kz/rss")).toBe("added");
    // A feed's query is part of its address (only the fragment goes).
    expect(await add("https://Gov.kz/index.php?rss=1&ref=home#top")).toBe("added");
    expect((await h.t.db.feed.findFirstOrThrow({ orderBy: { id: "desc" } })).url).toBe("https://gov.kz/index.php?rss=1&ref=home");
    expect(await h.t.db.feed.count()).toBe(2);
    // A name that resolves to this machine is refused when it is fetched (the DNS answer is checked).
    const port = h.server.host.split(":")[1];
    const fetcher = createSourceFetcher({ config: { ...loadSourcesConfig({}), hostGapMs: 0 }, clock: h.clock });
    expect(await fetcher.get(`http://localhost:${port}/good.xml`).catch((e: Error) => e.message)).toMatch(/private, loopback or link-local/);
  });

  it("leaves no half-ingested document when ingesting fails mid-poll, and retries the item next time", async () => {
    let calls = 0;
    const { extractDocument } = await import("../../src/extraction/index.ts");
    await h.close();
    h = await createSourcesHarness({
      extract: (text) => {
        if (++calls === 2) throw new Error("disk full");
        return extractDocument(text, {});
      },
    });
    h.server.serve("/en/news/roads", articlePage(ROADS_ARTICLE), "text/html");
    h.server.serve("/en/news/water", articlePage(WATER_ARTICLE), "text/html");
    h.server.serve("/rss.xml", rss2("News", [{ title: "Water", link: `${h.server.base}/en/news/water` }, { title: "Roads", link: `${h.server.base}/en/news/roads` }]), "application/rss+xml", { etag: '"e"' });
    const id = await h.add("/rss.xml");
    const first = await h.poll(id);
    expect(first).toMatchObject({ outcome: "error", error: "disk full" });
    expect((await h.t.db.source.findMany()).map((s) => s.file)).toEqual([`web/${h.server.host}/en/news/roads`]);
    expect(await h.t.db.feedItem.count()).toBe(1);
    expect(await h.t.db.feed.findUniqueOrThrow({ where: { id } })).toMatchObject({ etag: null, failures: 1, lastError: "disk full" });
    h.clock.advance(2 * 3_600_000);
    expect(await h.poll(id)).toMatchObject({ outcome: "ok", newItems: 1 });
    expect(await h.t.db.source.count()).toBe(2);
  });
});

describe("a source removed while it is polled", () => {
  it("is simply gone: the round goes on and nothing is recorded for it", async () => {
    h.server.serve("/en/news/roads", articlePage(ROADS_ARTICLE), "text/html");
    h.server.serve("/good.xml", rss2("Good", [{ title: "Roads", link: `${h.server.base}/en/news/roads` }]), "application/rss+xml");
    const good = await h.add("/good.xml");
    let gone = 0;
    for (const path of ["/gone-failing.xml", "/gone-good.xml"]) {
      const id = await h.add(path);
      h.server.routes.set(path, (_req, res) => {
        void h.t.db.feed.delete({ where: { id } }).then(() => {
          gone++;
          if (path === "/gone-failing.xml") return void res.writeHead(500).end();
          res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss2("Gone", [{ title: "Roads", link: `${h.server.base}/en/news/roads?from=gone` }]));
        });
      });
    }
    const round = await h.poller.pollAll();
    expect(gone).toBe(2);
    expect(round.polled).toBe(3);
    expect(round.reports.find((r) => r.feedId === good)).toMatchObject({ outcome: "ok", newItems: 1 });
    expect((await h.t.db.feed.findMany()).map((f) => f.id)).toEqual([good]);
    expect(await h.t.db.feedItem.count()).toBe(1);
  });
});

describe("repeated failures", () => {
  it("back off up to a day, tell the admins once, and recover", async () => {
    let up = false;
    h.server.routes.set("/flaky.xml", (_req, res) => {
      if (!up) return void res.writeHead(500).end();
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss2("Back", [{ title: "Roads", link: `${h.server.base}/en/news/roads` }]));
    });
    h.server.serve("/en/news/roads", articlePage(ROADS_ARTICLE), "text/html");
    const id = await h.add("/flaky.xml");
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = h.clock.now().getTime();
      await h.poller.pollDue();
      const feed = await h.t.db.feed.findUniqueOrThrow({ where: { id } });
      delays.push((feed.nextPollAt.getTime() - before) / 60_000);
      // Nothing is due before its time: a round now polls nothing.
      if (i === 0) expect((await h.poller.pollDue()).polled).toBe(0);
      h.clock.set(feed.nextPollAt);
    }
    expect(delays.slice(0, 4)).toEqual([60, 120, 240, 480]);
    expect(delays.at(-1)).toBe(24 * 60);
    expect(h.notices).toHaveLength(1);
    expect(h.notices[0]).toContain(`Source #${id} (${h.server.base}/flaky.xml) has failed 3 times in a row: HTTP 500 from ${h.server.host}`);
    up = true;
    await h.poller.pollDue();
    const healed = await h.t.db.feed.findUniqueOrThrow({ where: { id } });
    expect(healed).toMatchObject({ lastStatus: "ok", failures: 0, failureNotifiedAt: null, lastError: null, itemsSeen: 1 });
  });
});
