// Reminders benchmark: (1) planning ticks with 100,000 chats and 1,000 open commitments;
// (2) delivering 10,000 reminders to the Bot API emulator limited to 300 messages a second.
// Prints human lines, then one JSON line: {"name":"reminders", ...}.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Api } from "grammy";
import { pino } from "pino";
import { addDays } from "../src/calendar.ts";
import { createManualClock } from "../src/clock.ts";
import { openDatabase, type Db } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { toDbTime } from "../src/db/time.ts";
import { createPlannerState } from "../src/reminders/load-plan-input.ts";
import { runPlanning } from "../src/reminders/planning.ts";
import { openBulkSql } from "../src/reminders/bulk-sql.ts";
import { createReminderScheduler } from "../src/reminders/schedule.ts";
import { startEmulatorProcess } from "../src/testing/emulator-control-client.ts";

const CHATS = 100_000;
const COMMITMENTS = 1_000;
const DELIVERIES = 10_000;
const RATE = 300;
const TOPICS = ["economy & trade", "energy", "health", "education", "transport", "digital", "agriculture", "ecology", "finance", "social"];
const BODIES = Array.from({ length: 30 }, (_, i) => `Ministry ${i}`);
const ZONES = ["Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Europe/Berlin", "Asia/Aqtobe"];
const TODAY = "2026-03-24";
// 09:00:30 in Almaty: the busiest minute of the day.
const NINE_AM = new Date("2026-03-24T04:00:30Z");

const dir = mkdtempSync(path.join(tmpdir(), "mindet-bench-reminders-"));
let seed = 42;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function seedPlanningDb(file: string): void {
  migrateDatabase(file);
  const sql = new Database(file);
  const now = toDbTime(new Date("2026-03-01T00:00:00Z"));
  sql.transaction(() => {
    sql.prepare(`INSERT INTO Source (id, path, file, contentHash, content, createdAt, updatedAt) VALUES (1, 'bench.txt', 'bench.txt', 'x', 'x', ?, ?)`).run(now, now);
    const commitment = sql.prepare(`INSERT INTO Commitment (id, sourceId, key, title, precision, dueOn, extractedDueOn, status, topics, body, quote, quoteStart, quoteEnd, createdAt, updatedAt)
      VALUES (?, 1, ?, ?, 'day', ?, ?, 'open', ?, ?, 'q', 0, 1, ?, ?)`);
    for (let id = 1; id <= COMMITMENTS; id++) {
      const due = addDays(TODAY, Math.floor(random() * 365));
      commitment.run(id, `k${id}`, `Commitment ${id}`, due, due, `|${pick(TOPICS)}|${pick(TOPICS)}|`, pick(BODIES), now, now);
    }
    const chat = sql.prepare(`INSERT INTO Chat (id, type, timeZone, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`);
    const follow = sql.prepare(`INSERT OR IGNORE INTO Follow (chatId, kind, value, commitmentId, createdAt) VALUES (?, ?, ?, ?, ?)`);
    for (let i = 0; i < CHATS; i++) {
      const id = i % 5 === 0 ? -1_000_000_000_000 - i : 1_000_000 + i;
      chat.run(id, id < 0 ? "supergroup" : "private", pick(ZONES), now, now);
      if (i % 10 === 0) {
        follow.run(id, "all", "", null, now);
        continue;
      }
      const count = 1 + Math.floor(random() * 5);
      for (let k = 0; k < count; k++) {
        const r = random();
        if (r < 0.7) {
          const c = 1 + Math.floor(random() * COMMITMENTS);
          follow.run(id, "commitment", String(c), c, now);
        } else if (r < 0.85) follow.run(id, "topic", pick(TOPICS), null, now);
        else follow.run(id, "body", pick(BODIES), null, now);
      }
    }
  })();
  sql.close();
}

async function measure<T>(label: string, fn: () => Promise<T>, print = true): Promise<{ result: T; ms: number; peakRssMb: number; peakHeapMb: number }> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 5);
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  clearInterval(timer);
  sample();
  const out = { result, ms: Math.round(ms), peakRssMb: Math.round(peakRss / 2 ** 20), peakHeapMb: Math.round(peakHeap / 2 ** 20) };
  if (print) console.log(`${label}: ${out.ms} ms, peak RSS ${out.peakRssMb} MB, peak heap ${out.peakHeapMb} MB, ${JSON.stringify(result)}`);
  return out;
}

async function benchPlanning(): Promise<Record<string, number>> {
  const file = path.join(dir, "planning.db");
  const seeded = performance.now();
  seedPlanningDb(file);
  console.log(`seeded ${CHATS} chats, ${COMMITMENTS} commitments in ${Math.round(performance.now() - seeded)} ms`);
  const db: Db = await openDatabase(`file:${file}`, { migrate: false });
  const state = createPlannerState();
  const bulk = openBulkSql(`file:${file}`);
  const tick = (at: Date) => runPlanning(db, state, at, bulk);
  const startup = await measure("start-up tick (catch-up first, then the 36 h horizon, within the row budget)", () => tick(NINE_AM));
  // The start-up backlog drains one budget per minute.
  let at = NINE_AM;
  let drainTicks = 0;
  let drainMaxMs = 0;
  let drainRows = startup.result.inserted;
  let peakRss = startup.peakRssMb;
  while (state.backlog.length > 0) {
    at = new Date(at.getTime() + 60_000);
    const m = await measure(`  catch-up tick ${++drainTicks}`, () => tick(at), false);
    drainMaxMs = Math.max(drainMaxMs, m.ms);
    drainRows += m.result.inserted;
    peakRss = Math.max(peakRss, m.peakRssMb);
  }
  console.log(`start-up backlog drained in ${drainTicks} more ticks (slowest ${drainMaxMs} ms), ${drainRows} rows in all`);
  // Through the rest of the day every 15 minutes (fewer ticks plan no less: the horizon moves
  // the same), then every minute around the next 09:00, the busiest minute.
  const nextNine = new Date(NINE_AM.getTime() + 86_400_000);
  let dayMaxMs = 0;
  let dayRows = 0;
  for (at = new Date(at.getTime() + 15 * 60_000); at.getTime() < nextNine.getTime() - 10 * 60_000; at = new Date(at.getTime() + 15 * 60_000)) {
    const m = await measure("  day tick", () => tick(at), false);
    dayMaxMs = Math.max(dayMaxMs, m.ms);
    dayRows += m.result.inserted;
    peakRss = Math.max(peakRss, m.peakRssMb);
  }
  for (at = new Date(nextNine.getTime() - 10 * 60_000); at < nextNine; at = new Date(at.getTime() + 60_000)) {
    const m = await measure("  minute tick", () => tick(at), false);
    dayMaxMs = Math.max(dayMaxMs, m.ms);
    dayRows += m.result.inserted;
  }
  console.log(`the day after: slowest tick ${dayMaxMs} ms, ${dayRows} rows planned ahead`);
  const busy = await measure("09:00 tick the next day", () => tick(nextNine));
  const quiet = await measure("quiet minute tick (09:01)", () => tick(new Date(nextNine.getTime() + 60_000)));
  const dueAtNine = (await db.delivery.count({ where: { notBefore: { lte: nextNine, gt: new Date(nextNine.getTime() - 60_000) } } }));
  console.log(`rows due in the 09:00 minute the next day, all written before it: ${dueAtNine}`);
  bulk?.close();
  await db.$disconnect();
  return {
    startupTickMs: startup.ms,
    startupRows: startup.result.inserted,
    startupDrainTicks: drainTicks,
    startupDrainMaxTickMs: drainMaxMs,
    startupTotalRows: drainRows,
    quietTickMs: quiet.ms,
    busyTickMs: busy.ms,
    busyTickRows: busy.result.inserted,
    busyMinuteRows: dueAtNine,
    maxTickMs: Math.max(startup.ms, drainMaxMs, dayMaxMs, busy.ms, quiet.ms),
    peakRssMb: Math.max(peakRss, busy.peakRssMb, quiet.peakRssMb),
    peakHeapMb: Math.max(startup.peakHeapMb, quiet.peakHeapMb, busy.peakHeapMb),
  };
}

async function benchDelivery(): Promise<Record<string, number>> {
  const file = path.join(dir, "delivery.db");
  migrateDatabase(file);
  const sql = new Database(file);
  const stamp = toDbTime(NINE_AM);
  sql.transaction(() => {
    sql.prepare(`INSERT INTO Source (id, path, file, contentHash, content, createdAt, updatedAt) VALUES (1, 'bench.txt', 'bench.txt', 'x', 'x', ?, ?)`).run(stamp, stamp);
    sql.prepare(`INSERT INTO Commitment (id, sourceId, key, title, precision, dueOn, extractedDueOn, status, quote, quoteStart, quoteEnd, createdAt, updatedAt)
      VALUES (1, 1, 'k', 'Benchmark commitment', 'day', '2026-03-31', '2026-03-31', 'open', 'q', 0, 1, ?, ?)`).run(stamp, stamp);
    const chat = sql.prepare(`INSERT INTO Chat (id, type, createdAt, updatedAt) VALUES (?, 'private', ?, ?)`);
    // Each chat follows the commitment: the deliverer skips rows of chats that unfollowed.
    const follow = sql.prepare(`INSERT INTO Follow (chatId, kind, value, commitmentId, createdAt) VALUES (?, 'commitment', '1', 1, ?)`);
    const row = sql.prepare(`INSERT INTO Delivery (key, chatId, commitmentId, kind, offsetDays, dueOn, notBefore, createdAt, updatedAt) VALUES (?, ?, 1, 'before', 7, '2026-03-31', ?, ?, ?)`);
    for (let i = 0; i < DELIVERIES; i++) {
      const id = 5_000_000 + i;
      chat.run(id, stamp, stamp);
      follow.run(id, stamp);
      row.run(`r:${id}:1:before-7:2026-03-31`, id, stamp, stamp, stamp);
    }
  })();
  sql.close();
  const db = await openDatabase(`file:${file}`, { migrate: false });
  // The emulator runs in its own process, as Telegram would: arrival times are stamped by a
  // clock the sender's event loop cannot pause.
  const emulator = await startEmulatorProcess({ autoCreateChats: true });
  await emulator.client.setRateLimit({ globalPerSecond: RATE, perChatPerSecond: 1, perGroupPerMinute: 20 });
  const scheduler = createReminderScheduler({
    db,
    api: new Api(emulator.token, { apiRoot: emulator.apiRoot }),
    clock: createManualClock(NINE_AM),
    logger: pino({ level: "silent" }),
    config: { rateLimits: { globalPerSecond: RATE, perChatPerSecond: 1, perGroupPerMinute: 20 } },
  });
  const report = await scheduler.tick();
  await scheduler.stop();
  const accepted = (await emulator.client.getCalls({ method: "sendMessage" })).filter((c) => c.outcome.kind === "response" && c.outcome.body.ok);
  const stats = await emulator.client.getStats();
  const perChat = new Map<number, number>();
  for (const c of accepted) perChat.set(Number(c.params["chat_id"]), (perChat.get(Number(c.params["chat_id"])) ?? 0) + 1);
  const first = accepted[0]?.time ?? 0;
  const last = accepted.at(-1)?.time ?? 0;
  // n messages within a sliding window span n-1 gaps: the rate is (n - 1) / span.
  const rate = (accepted.length - 1) / ((last - first) / 1000);
  const result = {
    delivered: accepted.length,
    deliverySeconds: Math.round((last - first) / 10) / 100,
    achievedPerSecond: Math.round(rate * 10) / 10,
    shareOfLimit: Math.round((rate / RATE) * 1000) / 1000,
    tooManyRequests: stats.tooManyRequests,
    lost: DELIVERIES - perChat.size,
    duplicated: [...perChat.values()].reduce((sum, n) => sum + n - 1, 0),
    recordedSent: report.sent,
  };
  console.log(`delivery of ${DELIVERIES}: ${JSON.stringify(result)}`);
  await emulator.stop();
  await db.$disconnect();
  return result;
}

// `--only planning|delivery` runs one half (while working on it); the full run does both.
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
try {
  const planning = only === "delivery" ? {} : await benchPlanning();
  const delivery = only === "planning" ? {} : await benchDelivery();
  console.log(JSON.stringify({ name: "reminders", chats: CHATS, commitments: COMMITMENTS, ...planning, rateLimit: RATE, ...delivery }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
