// The admins' commands, driven through the real bot over HTTP against the local Bot API emulator.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSourceFetcher } from "../../src/sources/fetcher.ts";
import { createSourcePoller } from "../../src/sources/poller.ts";
import { loadSourcesConfig } from "../../src/sources/sources-config.ts";
import { createHarnessFile, say, textOf } from "../bot/harness.ts";
import { startFixtureServer, type FixtureServer } from "./fixture-server.ts";
import { articlePage, ROADS_ARTICLE, rss2 } from "./fixtures.ts";
import { silentLogger } from "./harness.ts";

const file = createHarnessFile();
let server: FixtureServer;
beforeAll(async () => {
  await file.setup();
  server = await startFixtureServer();
  server.serve("/en/news/roads", articlePage(ROADS_ARTICLE), "text/html");
  server.serve("/rss.xml", rss2("Government news", [{ title: "Roads", link: `${server.base}/en/news/roads` }]), "application/rss+xml");
  server.routes.set("/down.xml", (_req, res) => void res.writeHead(503).end());
});
afterEach(() => file.stop());
afterAll(async () => {
  await server.close();
  await file.teardown();
});

async function start() {
  let clockRef: { now(): Date } = { now: () => new Date() };
  const config = { ...loadSourcesConfig({ SOURCES_ALLOW_PRIVATE: "true", SOURCES_HOST_GAP_MS: "0" }), timeoutMs: 1_000 };
  const clock = { now: () => clockRef.now() };
  const poller = createSourcePoller({ db: file.db, clock, logger: silentLogger, timeZone: "Asia/Almaty", concurrency: 2, notifyAfterFailures: 3, fetcher: createSourceFetcher({ config, clock }) });
  const h = await file.start({ sources: { poller, allowPrivate: true } });
  clockRef = h.clock;
  return h;
}

describe("admin source commands", () => {
  it("/addsource, /poll, /sources, /removesource", async () => {
    const h = await start();
    const ask = async (text: string) => textOf(await say(h, h.adminChat, h.admin, text));
    expect(await ask("/sources")).toContain("No live sources yet");
    expect(await ask(`/addsource ${server.base}/rss.xml --every 15`)).toBe(`Added source #1: ${server.base}/rss.xml\nIt is read within a minute; /sources shows how it went.`);
    expect(await ask(`/addsource ${server.base}/down.xml`)).toContain("Added source #2");
    expect(await ask(`/addsource ${server.base}/rss.xml`)).toBe(`${server.base}/rss.xml is already source #1.`);
    expect(await ask("/addsource ftp://gov.kz/rss")).toBe("Not added: only http and https URLs can be sources, not ftp:");
    expect(await ask("/addsource https://gov.kz/news --links ([")).toMatch(/^Not added: "\(\[" is not a regular expression/);
    expect(await ask("/addsource")).toMatch(/^Usage: \/addsource URL/);
    expect(await ask("/addsource https://gov.kz/rss --every often")).toBe("--every takes a whole number of minutes (at least 5).");

    const polled = await ask("/poll");
    expect(polled).toMatch(/^Read 2 sources in [\d.]+ s: 1 ok, 0 unchanged, 1 failed; 1 new item, \d+ commitments?\./);
    expect(polled).toContain(`#2: HTTP 503 from ${server.host}`);
    expect(h.emulator.getCalls().some((c) => c.method === "sendChatAction")).toBe(true);

    const list = await ask("/sources");
    expect(list).toContain(`Live sources (2)`);
    expect(list).toContain(`#1 ${server.base}/rss.xml`);
    expect(list).toMatch(/every 15 min · last 2026-01-15 06:00 UTC · next 2026-01-15 06:15 UTC · 1 item, \d+ commitments?/);
    expect(list).toContain(`❌ failed once: HTTP 503 from ${server.host}`);

    expect(await ask("/removesource 2")).toBe("Removed source #2. The commitments it brought stay.");
    expect(await ask("/removesource 2")).toBe("There is no source #2. /sources lists them.");
    expect(await ask("/removesource two")).toBe("Usage: /removesource ID (ids are in /sources)");

    // The commitment card shows the page it was read from.
    const commitment = await file.db.commitment.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(await ask(`/c ${commitment.id}`)).toContain(`Page: ${server.base}/en/news/roads`);
  });

  it("are for admins only, and /settings turns announcements of new commitments off", async () => {
    const h = await start();
    for (const command of ["/sources", "/addsource https://gov.kz/rss", "/removesource 1", "/poll"]) {
      expect(textOf(await say(h, h.userChat, h.user, command))).toBe("This command is for Mindet admins only.");
    }
    expect(await file.db.feed.count({ where: { url: "https://gov.kz/rss" } })).toBe(0);
    expect(textOf(await say(h, h.userChat, h.user, "/settings"))).toContain("New commitments from live sources: announced");
    expect(textOf(await say(h, h.userChat, h.user, "/settings new off"))).toContain("New commitments from live sources: not announced");
    expect((await file.db.chat.findUniqueOrThrow({ where: { id: BigInt(h.userChat.id) } })).announceNew).toBe(false);
    expect(textOf(await say(h, h.userChat, h.user, "/settings new maybe"))).toBe("Say /settings new on or /settings new off (announce new commitments from live sources).");
  });
});
