// One poll of one source: conditional GET, parse, keep the items not seen before, read and
// ingest each (one transaction per document, through the same pipeline as `mindet ingest`),
// announce what is new, and record the source's health. A failure is recorded on the source
// with a one-line reason and never escapes: the round goes on with the other sources.
import type { Clock } from "../clock.ts";
import { contentHash } from "../commitments/commitment-key.ts";
import type { ExtractFn } from "../commitments/extractor.ts";
import { ingestSource } from "../commitments/ingest-source.ts";
import type { Db } from "../db/client.ts";
import type { Feed } from "../generated/prisma/client.ts";
import type { Logger } from "../logger.ts";
import { announceNewCommitments } from "./announce-new.ts";
import type { SourceFetcher } from "./fetcher.ts";
import { nextPollAt } from "./next-poll.ts";
import { documentNameFor, normaliseLink } from "./normalise-link.ts";
import { parseFeed, type FeedEntry } from "./parse-feed.ts";
import { parseListing } from "./parse-listing.ts";
import { composeDocument, readItem } from "./read-item.ts";
import { describeError, oneLine, SourceError } from "./source-error.ts";

const ACCEPT_FEED = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

/** What the admins are told, once, when a source keeps failing (each in their chat's language). */
export interface FailingSourceNotice {
  feedId: number;
  url: string;
  failures: number;
  reason: string;
  nextTry: Date;
}

export interface PollDeps {
  db: Db;
  fetcher: SourceFetcher;
  clock: Clock;
  logger: Logger;
  /** Zone in which feed instants become publication dates. */
  timeZone: string;
  /** After this many failures in a row admins are told, once. */
  notifyAfterFailures: number;
  notifyAdmins?: (notice: FailingSourceNotice) => Promise<void>;
  /** The extractor (tests may inject one); the real one by default. */
  extract?: ExtractFn;
  /** Telegram user ids of the admins, asked about doubtful matches ("Same as #12?"). */
  admins?: Iterable<string>;
  /** True once shutting down: the poll stops between items, and the rest waits for the next poll. */
  shouldStop?: () => boolean;
}

export interface PollReport {
  feedId: number;
  url: string;
  outcome: "ok" | "not-modified" | "error";
  newItems: number;
  commitments: number;
  announced: number;
  error: string | null;
}

/** Polls one source; never throws for the source's own failures (they are recorded on it). */
export async function pollFeed(deps: PollDeps, feed: Feed): Promise<PollReport> {
  const report: PollReport = { feedId: feed.id, url: feed.url, outcome: "ok", newItems: 0, commitments: 0, announced: 0, error: null };
  const log = deps.logger.child({ feedId: feed.id, url: feed.url });
  try {
    const fetched = await deps.fetcher.get(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, feed.linkPattern ? "text/html,*/*;q=0.5" : ACCEPT_FEED);
    const now = deps.clock.now();
    const healthy = { lastPolledAt: now, failures: 0, failureNotifiedAt: null };
    if (fetched.notModified) {
      report.outcome = "not-modified";
      await deps.db.feed.update({
        where: { id: feed.id },
        data: { ...healthy, lastStatus: "not-modified", lastError: null, nextPollAt: nextPollAt({ now, everyMinutes: feed.everyMinutes, failures: 0, cacheControl: fetched.cacheControl }) },
      });
      return report;
    }
    const parsed = feed.linkPattern
      ? { kind: "listing", title: null, ttlMinutes: null, entries: parseListing(fetched.text, fetched.url, feed.linkPattern), withoutLink: 0 }
      : parseFeed(fetched.text, fetched.url);
    const notes: string[] = [];
    if (parsed.withoutLink > 0) notes.push(`${parsed.withoutLink} item(s) without a link skipped`);
    // The first good poll reads the backlog but announces nothing: adding a source must not flood
    // its followers (kind is set by the first poll that could parse the source, failed ones do not count).
    const announce = feed.kind !== null;
    let retryLater = false;
    // Oldest first, so commitments are stored in publication order.
    for (const entry of (await unseenEntries(deps.db, feed.id, parsed.entries)).reverse()) {
      if (deps.shouldStop?.()) {
        retryLater = true;
        break;
      }
      const outcome = await ingestEntry(deps, feed.id, entry, announce);
      report.newItems += outcome.recorded ? 1 : 0;
      report.commitments += outcome.commitments;
      report.announced += outcome.announced;
      if (outcome.note) notes.push(outcome.note);
      if (outcome.retry) retryLater = true;
      // Extraction and Readability are synchronous: let the bot's replies and reminders in between items.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await deps.db.feed.update({
      where: { id: feed.id },
      data: {
        ...healthy,
        kind: parsed.kind,
        title: parsed.title?.slice(0, 200) ?? feed.title,
        // An item to retry must not be hidden behind a 304 next time: the validators are dropped.
        etag: retryLater ? null : fetched.etag,
        lastModified: retryLater ? null : fetched.lastModified,
        lastStatus: "ok",
        lastError: notes.length > 0 ? oneLine(notes.join("; ")) : null,
        nextPollAt: nextPollAt({ now: deps.clock.now(), everyMinutes: feed.everyMinutes, failures: 0, ttlMinutes: parsed.ttlMinutes, cacheControl: fetched.cacheControl }),
        itemsSeen: { increment: report.newItems },
        commitmentsFound: { increment: report.commitments },
      },
    });
    if (report.newItems > 0) log.info({ newItems: report.newItems, commitments: report.commitments, announced: report.announced }, "source polled");
    return report;
  } catch (error) {
    report.outcome = "error";
    report.error = describeError(error);
    if (!(error instanceof SourceError)) log.error({ err: error }, "source poll failed unexpectedly");
    await recordFailure(deps, feed, report.error, error instanceof SourceError ? error.retryAfterMs : null);
    return report;
  }
}

/** The entries not seen before: by GUID, then by normalised link (each also unique within this poll). */
async function unseenEntries(db: Db, feedId: number, entries: readonly FeedEntry[]): Promise<FeedEntry[]> {
  const keyed = entries.map((e) => {
    const link = normaliseLink(e.link);
    return { ...e, link, guid: e.guid?.slice(0, 500) ?? link };
  });
  const seen = await db.feedItem.findMany({
    where: { feedId, OR: [{ guid: { in: keyed.map((e) => e.guid) } }, { link: { in: keyed.map((e) => e.link) } }] },
    select: { guid: true, link: true },
  });
  const guids = new Set(seen.map((s) => s.guid));
  const links = new Set(seen.map((s) => s.link));
  const out: FeedEntry[] = [];
  for (const e of keyed) {
    if (guids.has(e.guid as string) || links.has(e.link)) continue;
    guids.add(e.guid as string);
    links.add(e.link);
    out.push(e);
  }
  return out;
}

interface EntryOutcome {
  recorded: boolean;
  commitments: number;
  announced: number;
  note: string | null;
  retry: boolean;
}

async function ingestEntry(deps: PollDeps, feedId: number, entry: FeedEntry, announce: boolean): Promise<EntryOutcome> {
  const item = await readItem(deps.fetcher, entry, deps.timeZone);
  const label = `"${(entry.title ?? entry.link).slice(0, 60)}"`;
  const base = { feedId, guid: entry.guid as string, link: entry.link, title: entry.title?.slice(0, 300) ?? null };
  if (item.kind === "retry") return { recorded: false, commitments: 0, announced: 0, note: `${label}: ${item.reason}; will retry`, retry: true };
  if (item.kind === "unreadable") {
    await deps.db.feedItem.create({ data: { ...base, textFrom: "error", error: item.reason } });
    return { recorded: true, commitments: 0, announced: 0, note: `${label}: ${item.reason}`, retry: false };
  }
  const document = composeDocument(item.title, item.publishedOn, item.text);
  const hash = contentHash(document);
  const fields = { ...base, title: item.title?.slice(0, 300) ?? base.title, publishedOn: item.publishedOn, contentHash: hash, textFrom: item.textFrom, error: item.note };
  const note = item.note ? `${label}: ${item.note}` : null;
  // The same text under another link or in another source is one document, read once.
  const twin = await deps.db.feedItem.findFirst({ where: { contentHash: hash, documentId: { not: null } }, select: { documentId: true } });
  if (twin) {
    await deps.db.feedItem.create({ data: { ...fields, documentId: twin.documentId } });
    return { recorded: true, commitments: 0, announced: 0, note, retry: false };
  }
  const result = await ingestSource(deps.db, { file: documentNameFor(entry.link), text: document, now: deps.clock.now(), extract: deps.extract, admins: deps.admins });
  const ids = (await deps.db.commitment.findMany({ where: { sourceId: result.sourceId, withdrawnAt: null }, select: { id: true } })).map((c) => c.id);
  // Recorded after the document: a crash in between re-reads the item, and the ingest is then "unchanged".
  await deps.db.feedItem.create({ data: { ...fields, documentId: result.sourceId, commitments: ids.length } });
  const announced = announce ? await announceNewCommitments(deps.db, ids, deps.clock.now()) : 0;
  return { recorded: true, commitments: ids.length, announced, note, retry: false };
}

/** Backs off and, after repeated failures, tells the admins once (claimed on the row before sending). */
async function recordFailure(deps: PollDeps, feed: Feed, reason: string, retryAfterMs: number | null): Promise<void> {
  const now = deps.clock.now();
  const failures = feed.failures + 1;
  const next = nextPollAt({ now, everyMinutes: feed.everyMinutes, failures, retryAfterMs });
  const tell = failures >= deps.notifyAfterFailures && feed.failureNotifiedAt === null;
  // updateMany: a source removed while it was being polled is simply gone, not a second error.
  const { count } = await deps.db.feed.updateMany({
    where: { id: feed.id },
    data: { lastPolledAt: now, lastStatus: "error", lastError: reason, failures, nextPollAt: next, ...(tell ? { failureNotifiedAt: now } : {}) },
  });
  if (count === 0 || !tell || !deps.notifyAdmins) return;
  try {
    await deps.notifyAdmins({ feedId: feed.id, url: feed.url, failures, reason, nextTry: next });
  } catch (error) {
    deps.logger.warn({ err: error, feedId: feed.id }, "could not tell the admins about a failing source");
  }
}
