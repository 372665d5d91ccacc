// When sources are polled. A check every minute polls the sources whose nextPollAt has passed,
// a few at a time (one host is always one request at a time: the fetcher's gate). Time comes
// from the injected clock and the timer is injected, so tests drive rounds without waiting.
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { Feed } from "../generated/prisma/client.ts";
import type { Logger } from "../logger.ts";
import { pollFeed, type PollDeps, type PollReport } from "./poll-source.ts";
import { describeError } from "./source-error.ts";

/** How often the poller looks for due sources. */
export const CHECK_EVERY_MS = 60_000;

export interface RoundReport {
  polled: number;
  ok: number;
  notModified: number;
  failed: number;
  newItems: number;
  commitments: number;
  announced: number;
  durationMs: number;
  reports: PollReport[];
}

export interface SourcePoller {
  /** Polls every source whose time has come. */
  pollDue(): Promise<RoundReport>;
  /** Polls every source now (`mindet sources poll --once`, /poll). */
  pollAll(): Promise<RoundReport>;
  /** Starts the minute check (first one at once); returns at once. */
  start(): void;
  /** Stops the check and waits for a round in progress. */
  stop(): Promise<void>;
}

export interface PollerDeps extends PollDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Sources polled at the same time. */
  concurrency: number;
  /** After each scheduled round (main.ts ticks the reminders so announcements go out at once). */
  onRound?: (report: RoundReport) => void;
  /** Calls `fn` every `ms`; returns a cancel. setInterval by default. */
  every?: (ms: number, fn: () => void) => () => void;
}

const defaultEvery = (ms: number, fn: () => void): (() => void) => {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
};

export function createSourcePoller(deps: PollerDeps): SourcePoller {
  const inFlight = new Set<number>();
  let stopping = false;
  // A shutdown does not wait for a whole round: polls stop between items, the round between sources.
  const pollDeps: PollDeps = { ...deps, shouldStop: () => stopping || (deps.shouldStop?.() ?? false) };
  let running: Promise<void> | null = null;
  let cancel: (() => void) | null = null;
  let first: NodeJS.Immediate | null = null;

  async function round(feeds: Feed[]): Promise<RoundReport> {
    const started = performance.now();
    // A source already being polled (the minute check and /poll at once) is not polled twice.
    const queue = feeds.filter((f) => !inFlight.has(f.id));
    for (const f of queue) inFlight.add(f.id);
    const reports: PollReport[] = [];
    const worker = async (): Promise<void> => {
      for (let feed = queue.shift(); feed; feed = queue.shift()) {
        if (stopping) {
          inFlight.delete(feed.id);
          continue;
        }
        try {
          reports.push(await pollFeed(pollDeps, feed));
        } catch (error) {
          // pollFeed records its source's failures itself; this is the database failing under it.
          // One source must not stop the round.
          deps.logger.error({ err: error, feedId: feed.id }, "could not record a source's poll");
          reports.push({ feedId: feed.id, url: feed.url, outcome: "error", newItems: 0, commitments: 0, announced: 0, error: describeError(error) });
        } finally {
          inFlight.delete(feed.id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, worker));
    const count = (outcome: PollReport["outcome"]): number => reports.filter((r) => r.outcome === outcome).length;
    const sum = (pick: (r: PollReport) => number): number => reports.reduce((total, r) => total + pick(r), 0);
    return {
      polled: reports.length, ok: count("ok"), notModified: count("not-modified"), failed: count("error"),
      newItems: sum((r) => r.newItems), commitments: sum((r) => r.commitments), announced: sum((r) => r.announced),
      durationMs: Math.round(performance.now() - started), reports: reports.sort((a, b) => a.feedId - b.feedId),
    };
  }

  const pollDue = async (): Promise<RoundReport> => round(await deps.db.feed.findMany({ where: { nextPollAt: { lte: deps.clock.now() } }, orderBy: { nextPollAt: "asc" } }));
  const pollAll = async (): Promise<RoundReport> => round(await deps.db.feed.findMany({ orderBy: { id: "asc" } }));

  const check = (): void => {
    if (running) return;
    running = (async (): Promise<void> => {
      let report: RoundReport;
      try {
        report = await pollDue();
      } catch (error) {
        deps.logger.error({ err: error, job: "sources" }, "sources round failed");
        return;
      } finally {
        running = null;
      }
      if (report.polled > 0) deps.logger.info({ job: "sources", ...report, reports: undefined }, "sources round");
      // After `running` is cleared: a check made from here on starts a new round.
      deps.onRound?.(report);
    })();
  };

  return {
    pollDue,
    pollAll,
    start() {
      if (cancel) return;
      stopping = false;
      cancel = (deps.every ?? defaultEvery)(CHECK_EVERY_MS, check);
      // The first check waits for the current turn of the event loop: start-up is not delayed by it.
      first = setImmediate(() => {
        first = null;
        check();
      });
    },
    async stop() {
      stopping = true;
      cancel?.();
      cancel = null;
      // A stop before the first check ran means no check at all.
      if (first) clearImmediate(first);
      first = null;
      await running;
    },
  };
}
