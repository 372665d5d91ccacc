// Live sources benchmark: one poll round over 200 feeds of 50 items each, 20 of them new per feed
// (4,000 article pages read with Readability, extracted and ingested, one transaction each, and
// their commitments announced to 100 chats following everything), on loopback with politeness
// gaps at zero; then a second round where every feed answers 304 and nothing is re-read.
// Run: node --import tsx bench/sources.ts [FEEDS] [ITEMS] [NEW]. Last line: one JSON object.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { createManualClock } from "../src/clock.ts";
import { openDatabase } from "../src/db/client.ts";
import { createSourceFetcher } from "../src/sources/fetcher.ts";
import { createSourcePoller } from "../src/sources/poller.ts";
import { loadSourcesConfig } from "../src/sources/sources-config.ts";
import { trackPeakMemory } from "./support/peak-memory.ts";

const FEEDS = Number(process.argv[2] ?? 200);
const ITEMS = Number(process.argv[3] ?? 50);
const NEW = Number(process.argv[4] ?? 20);
const CHATS = Number(process.env.BENCH_CHATS ?? 100);

const MINISTRIES = ["Transport", "Energy", "Finance", "Health", "Education", "Digital Development", "Agriculture", "Ecology"];

function article(feed: number, item: number): string {
  const ministry = MINISTRIES[(feed + item) % MINISTRIES.length];
  const year = 2027 + (item % 3);
  const day = 1 + (item % 28);
  const nav = `<header><nav><ul>${["News", "Government", "Documents", "Contacts", "Қазақша", "Русский"].map((n) => `<li><a href="/${n}">${n}</a></li>`).join("")}</ul></nav></header>`;
  const related = `<aside class="related"><h3>Related news</h3><ul>${[1, 2, 3].map((k) => `<li><a href="/a/${feed}/${(item + k) % ITEMS}">Related item ${k}</a></li>`).join("")}</ul></aside>`;
  const comments = `<section class="comments"><h3>Comments</h3><div class="comment"><p>Will it be done in time? Feed ${feed}.</p></div></section>`;
  const footer = `<footer><p>© 2026 Press service. All rights reserved.</p><a href="/privacy">Privacy</a></footer>`;
  const paragraphs = [
    `ASTANA – At a meeting of the Government on item ${item} of feed ${feed}, the Prime Minister reviewed the work of the Ministry of ${ministry} on regional programmes.`,
    `The Ministry of ${ministry} must complete the modernisation of ${10 + item} regional facilities by the end of ${year}. Akimats were instructed to submit their reports by ${day} March ${year}.`,
    `The Ministry of Finance is to allocate funding for the programme by 1 July ${year}, the press service said. More than ${feed * 10 + item} specialists will be involved.`,
    `Officials noted that the previous stage of the programme covered ${item + 3} districts and that public hearings will continue in every region of the country.`,
  ];
  return `<!doctype html><html><head><meta charset="utf-8"><title>Item ${feed}-${item}</title><meta property="article:published_time" content="2026-11-${String(1 + (item % 19)).padStart(2, "0")}T10:00:00+05:00"></head><body>${nav}<main><article><h1>Government reviews programme ${feed}-${item}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article>${related}${comments}</main>${footer}</body></html>`;
}

function feedXml(base: string, feed: number): string {
  const items = Array.from({ length: ITEMS }, (_, i) => ITEMS - 1 - i)
    .map((i) => `<item><title>Government reviews programme ${feed}-${i}</title><link>${base}/a/${feed}/${i}</link><guid isPermaLink="false">f${feed}-i${i}</guid><pubDate>Fri, 20 Nov 2026 05:00:00 GMT</pubDate><description>Item ${i}</description></item>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${feed}</title><link>${base}/</link><description>News</description>${items}</channel></rss>`;
}

let requests = 0;
let notModified = 0;
let pagesServed = 0;
const server = http.createServer((req, res) => {
  requests++;
  const url = req.url ?? "/";
  const feed = /^\/feed\/(\d+)\.xml$/.exec(url);
  if (feed) {
    const etag = `"feed-${feed[1]}-v1"`;
    if (req.headers["if-none-match"] === etag) {
      notModified++;
      return void res.writeHead(304, { etag }).end();
    }
    return void res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag }).end(feedXml(base, Number(feed[1])));
  }
  const page = /^\/a\/(\d+)\/(\d+)$/.exec(url);
  if (page) {
    pagesServed++;
    return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(article(Number(page[1]), Number(page[2])));
  }
  res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const work = mkdtempSync(path.join(tmpdir(), "mindet-bench-sources-"));
const memory = trackPeakMemory(100);
try {
  const db = await openDatabase(`file:${path.join(work, "bench.db")}`);
  const clock = createManualClock("2026-11-20T06:00:00Z");
  // The previous round saw the oldest ITEMS - NEW items of every feed (and announced nothing yet).
  for (let f = 0; f < FEEDS; f++) {
    const feed = await db.feed.create({ data: { url: `${base}/feed/${f}.xml`, nextPollAt: clock.now(), lastPolledAt: new Date("2026-11-20T05:30:00Z"), kind: "rss" } });
    await db.feedItem.createMany({ data: Array.from({ length: ITEMS - NEW }, (_, i) => ({ feedId: feed.id, guid: `f${f}-i${i}`, link: `${base}/a/${f}/${i}`, textFrom: "page" })) });
  }
  for (let c = 1; c <= CHATS; c++) {
    await db.chat.create({ data: { id: BigInt(c), type: "private" } });
    await db.follow.create({ data: { chatId: BigInt(c), kind: "all" } });
  }
  const config = { ...loadSourcesConfig({ SOURCES_ALLOW_PRIVATE: "true", SOURCES_HOST_GAP_MS: "0" }) };
  const poller = createSourcePoller({
    db, clock, logger: pino({ level: "silent" }), timeZone: "Asia/Almaty", concurrency: config.concurrency, notifyAfterFailures: 3,
    fetcher: createSourceFetcher({ config, clock }),
  });
  global.gc?.();
  memory.sample();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const first = await poller.pollDue();
  const firstSeconds = (performance.now() - t0) / 1000;
  const documents = await db.source.count();
  const deliveries = await db.delivery.count({ where: { kind: "new" } });

  clock.advance(31 * 60_000);
  const requestsBefore = requests;
  const pagesBefore = pagesServed;
  const t1 = performance.now();
  const second = await poller.pollDue();
  const secondSeconds = (performance.now() - t1) / 1000;
  const secondRequests = requests - requestsBefore;
  const reread = pagesServed - pagesBefore;
  const documentsAfter = await db.source.count();
  await db.$disconnect();
  const { rss: peakRss, heap: peakHeap } = memory.stop();

  const mb = (bytes: number): number => Number((bytes / 1_048_576).toFixed(1));
  console.log(`feeds: ${FEEDS} x ${ITEMS} items, ${NEW} new each, one host on loopback, gap 0, ${CHATS} chats following all`);
  console.log(`round 1: ${firstSeconds.toFixed(2)} s, ${first.ok} ok / ${first.failed} failed, ${first.newItems} new items (${(first.newItems / firstSeconds).toFixed(0)}/s), ${first.commitments} commitments, ${documents} documents, ${deliveries} announcements planned`);
  console.log(`round 2: ${secondSeconds.toFixed(2)} s, ${second.notModified} of ${second.polled} answered 304, ${secondRequests} requests, ${reread} pages re-read, documents ${documents} -> ${documentsAfter}`);
  console.log(`memory: peak RSS ${mb(peakRss)} MB (${mb(rssBefore)} MB before the round), peak heap ${mb(peakHeap)} MB`);
  console.log(
    JSON.stringify({
      name: "sources",
      feeds: FEEDS,
      itemsPerFeed: ITEMS,
      newPerFeed: NEW,
      firstRoundSeconds: Number(firstSeconds.toFixed(2)),
      newItems: first.newItems,
      itemsPerSecond: Math.round(first.newItems / firstSeconds),
      commitments: first.commitments,
      announcements: deliveries,
      failed: first.failed + second.failed,
      secondRoundSeconds: Number(secondSeconds.toFixed(3)),
      secondRound304: second.notModified,
      server304s: notModified,
      secondRoundRequests: secondRequests,
      secondRoundPagesReread: reread,
      peakRssMb: mb(peakRss),
      peakHeapMb: mb(peakHeap),
    }),
  );
  const ok = first.newItems === FEEDS * NEW && first.failed === 0 && second.notModified === FEEDS && reread === 0 && documentsAfter === documents;
  process.exitCode = ok ? 0 : 1;
} finally {
  memory.stop();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
