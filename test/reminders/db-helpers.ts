import { Api } from "grammy";
import { pino } from "pino";
import type { Db, DbEngine } from "../../src/db/client.ts";
import { afterEach, beforeEach } from "vitest";
import { createManualClock, type ManualClock } from "../../src/clock.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { createReminderScheduler, type ReminderScheduler } from "../../src/reminders/schedule.ts";
import type { DeliverOptions } from "../../src/reminders/deliver.ts";
import type { RateLimits } from "../../src/config.ts";
import type { PlanningOptions } from "../../src/reminders/planning.ts";

export const silentLogger = pino({ level: "silent" });

let keyCounter = 0;

export async function addSource(db: Db): Promise<number> {
  const source = await db.source.create({ data: { file: "test.txt", path: `test-${Math.random()}.txt`, contentHash: "x", content: "text" } });
  return source.id;
}

export interface CommitmentSeed {
  title?: string;
  dueOn?: string | null;
  precision?: string;
  status?: string;
  topics?: string;
  body?: string | null;
}

export async function addCommitment(db: Db, seed: CommitmentSeed = {}): Promise<number> {
  // Looked up, not remembered: a PostgreSQL test database is emptied and reused between tests.
  const sid = (await db.source.findFirst({ select: { id: true } }))?.id ?? (await addSource(db));
  const dueOn = seed.dueOn === undefined ? "2026-03-31" : seed.dueOn;
  const row = await db.commitment.create({
    data: {
      sourceId: sid,
      key: `k${++keyCounter}`,
      title: seed.title ?? `Commitment ${keyCounter}`,
      precision: seed.precision ?? "day",
      dueOn,
      extractedDueOn: dueOn,
      status: seed.status ?? "open",
      topics: seed.topics ?? "|energy|",
      body: seed.body ?? "Ministry of Energy",
      quote: "quote",
      quoteStart: 0,
      quoteEnd: 5,
    },
  });
  return row.id;
}

export async function addChat(db: Db, id: number | bigint, data: { type?: string; timeZone?: string; quietStart?: number; quietEnd?: number; digestDay?: number; digestHour?: number; offsets?: string } = {}): Promise<void> {
  await db.chat.create({ data: { id: BigInt(id), type: data.type ?? "private", title: `chat ${id}`, ...data } });
}

/**
 * A follow; `createdAt` is when the chat followed, by default long before any test's virtual
 * time (the database's own default would be the wall clock, which tests must not depend on).
 */
export async function addFollow(db: Db, chatId: number | bigint, kind: "all" | "commitment" | "topic" | "body", value = "", commitmentId?: number, createdAt?: Date): Promise<void> {
  await db.follow.create({ data: { chatId: BigInt(chatId), kind, value: kind === "commitment" ? String(commitmentId) : value, commitmentId: commitmentId ?? null, createdAt: createdAt ?? LONG_AGO } });
}

const LONG_AGO = new Date("2000-01-01T00:00:00Z");

/**
 * Private chats with these ids, each following one commitment (or everything, without one): what
 * a loop of addChat and addFollow makes, in two statements.
 */
export async function addChatsFollowing(db: Db, ids: readonly number[], commitmentId?: number): Promise<void> {
  await db.chat.createMany({ data: ids.map((id) => ({ id: BigInt(id), type: "private", title: `chat ${id}` })) });
  const follow = commitmentId === undefined ? { kind: "all", value: "", commitmentId: null } : { kind: "commitment", value: String(commitmentId), commitmentId };
  await db.follow.createMany({ data: ids.map((id) => ({ chatId: BigInt(id), ...follow, createdAt: LONG_AGO })) });
}

export interface TestScheduler extends ReminderScheduler {
  sleeps: number[];
}

/**
 * A scheduler against the emulator whose waits are recorded and return at once; `databaseUrl`
 * turns the bulk connection on, as in production. `planning` budgets default to none.
 */
export function testScheduler(db: Db, clock: ManualClock, apiRoot: string, token: string, extra: { rateLimits?: RateLimits; options?: Partial<DeliverOptions>; realSleep?: boolean; databaseUrl?: string; planning?: Partial<PlanningOptions> } = {}): TestScheduler {
  const sleeps: number[] = [];
  const api = new Api(token, { apiRoot });
  const scheduler = createReminderScheduler({
    db,
    api,
    clock,
    logger: silentLogger,
    config: { rateLimits: extra.rateLimits ?? { globalPerSecond: 10_000, perChatPerSecond: 10_000, perGroupPerMinute: 100_000 }, ...(extra.databaseUrl ? { databaseUrl: extra.databaseUrl } : {}) },
    ...(extra.realSleep ? {} : { sleep: async (ms: number) => { sleeps.push(ms); } }),
    options: { backoffMs: 1, sendTimeoutMs: 400, failedRetryDelayMs: 60_000, ...extra.options },
    // Tests call tick() directly, without the backlog passes the running scheduler makes
    // between ticks: each tick does the whole of its planning instead (unless a test sets budgets).
    planning: { rowBudget: Infinity, timeBudgetMs: Infinity, ...extra.planning },
  });
  return Object.assign(scheduler, { sleeps });
}

/** A fresh database, emulator, manual clock and scheduler for each test of a file. */
export interface DeliveryHarness {
  t: TestDb;
  emulator: BotApiEmulator;
  clock: ManualClock;
  scheduler: TestScheduler;
  /** The texts the bot sent to a chat, in order (edits applied). */
  texts(chatId: number): string[];
}

/**
 * Registers beforeEach/afterEach hooks that build and tear down a DeliveryHarness starting at
 * `start`; the returned object's fields are replaced before every test.
 */
export function useDeliveryHarness(start: string, engine: DbEngine = "sqlite"): DeliveryHarness {
  const h = { texts: (chatId: number) => h.emulator.sentMessages(chatId).map((m) => m.text ?? "") } as DeliveryHarness;
  beforeEach(async () => {
    h.t = await createTestDb(engine);
    h.emulator = await createBotApiEmulator({ autoCreateChats: true });
    h.clock = createManualClock(start);
    h.scheduler = testScheduler(h.t.db, h.clock, h.emulator.apiRoot, h.emulator.token, { databaseUrl: h.t.url });
  });
  afterEach(async () => {
    await h.scheduler.stop();
    await h.emulator.close();
    await h.t.destroy();
  });
  return h;
}
