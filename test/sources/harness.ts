// A throwaway database, a local site and a poller wired as `mindet start` wires them, with a
// manual clock and no politeness gap: what the poll tests share.
import { failingSourceText } from "../../src/bot/features/sources.ts";
import { pino } from "pino";
import { createManualClock, type ManualClock } from "../../src/clock.ts";
import { createSourceFetcher } from "../../src/sources/fetcher.ts";
import { addFeed } from "../../src/sources/manage-feeds.ts";
import { pollFeed, type PollDeps, type PollReport } from "../../src/sources/poll-source.ts";
import { createSourcePoller, type SourcePoller } from "../../src/sources/poller.ts";
import { loadSourcesConfig } from "../../src/sources/sources-config.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { startFixtureServer, type FixtureServer } from "./fixture-server.ts";

export const silentLogger = pino({ level: "silent" });
export const START = "2026-11-20T06:00:00Z";

export interface SourcesHarness {
  t: TestDb;
  server: FixtureServer;
  clock: ManualClock;
  deps: PollDeps;
  poller: SourcePoller;
  notices: string[];
  add(path: string, options?: { links?: string; every?: number }): Promise<number>;
  poll(feedId: number): Promise<PollReport>;
  close(): Promise<void>;
}

export async function createSourcesHarness(overrides: Partial<PollDeps> = {}): Promise<SourcesHarness> {
  const t = await createTestDb();
  const server = await startFixtureServer();
  const clock = createManualClock(START);
  const config = { ...loadSourcesConfig({ SOURCES_ALLOW_PRIVATE: "true", SOURCES_HOST_GAP_MS: "0" }), timeoutMs: 1_000 };
  const notices: string[] = [];
  const deps: PollDeps = {
    db: t.db,
    fetcher: createSourceFetcher({ config, clock }),
    clock,
    logger: silentLogger,
    timeZone: "Asia/Almaty",
    notifyAfterFailures: 3,
    notifyAdmins: async (notice) => void notices.push(failingSourceText("en", notice)),
    ...overrides,
  };
  const poller = createSourcePoller({ ...deps, concurrency: 4 });
  return {
    t, server, clock, deps, poller, notices,
    async add(path, options = {}) {
      const url = path.startsWith("http") ? path : `${server.base}${path}`;
      return (await addFeed(t.db, { url, linkPattern: options.links, everyMinutes: options.every, allowPrivate: true, now: clock.now() })).id;
    },
    async poll(feedId) {
      return pollFeed(deps, await t.db.feed.findUniqueOrThrow({ where: { id: feedId } }));
    },
    async close() {
      await server.close();
      await t.destroy();
    },
  };
}
