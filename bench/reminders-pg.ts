// Reminders on PostgreSQL at issue 11's size: 1,000,000 chats and 1,000 commitments, seeded in SQL
// (generate_series, the follow mix of bench/reminders.ts). (1) The planning tick at the busy
// 09:00 of a fresh start (catch-up of that day's reminders, then the 36 h horizon, within the
// row budget), and the passes and ticks that write the rest of its backlog: wall time, CPU time,
// peak RSS. (2) Delivery of what is then due, for a fixed window, to the Bot API emulator (its
// own process) limited to 1,000 messages a second overall (Telegram's paid broadcast rate),
// through the app's path on PostgreSQL: the outbound limiter taking its slots from the database
// (src/telegram/shared-pacing.ts). Reports messages a second as a share of 1,000, answers 429 and
// messages per chat. Prints human lines, then one JSON line: {"name":"reminders-pg", ...}.
// `--chats N` (default 1,000,000), `--window S` seconds of sending from the first message (default 45),
// `--drain-minutes M` wall-time cap on writing the start-up backlog (default 10), `--planning-only`.
import { Api } from "grammy";
import { pino } from "pino";
import { parseArgs } from "../src/cli/parse-args.ts";
import { createManualClock } from "../src/clock.ts";
import { createPlannerState } from "../src/reminders/load-plan-input.ts";
import { runBacklogPass, runPlanning } from "../src/reminders/planning.ts";
import { BACKLOG_PASS_INTERVAL_MS, createReminderScheduler } from "../src/reminders/schedule.ts";
import { createOutboundLimiter } from "../src/telegram/outbound-limiter.ts";
import { createSharedPacing } from "../src/telegram/shared-pacing.ts";
import { startEmulatorProcess } from "../src/testing/emulator-control-client.ts";
import { countDelivered, measure } from "./support/measure.ts";
import { trackPeakMemory } from "./support/peak-memory.ts";
import { benchPgUnavailable, createBenchPgDatabase, type BenchPgDatabase } from "./support/postgres.ts";

const args = parseArgs("bench/reminders-pg.ts", process.argv.slice(2), { booleans: ["--planning-only"], values: ["--chats", "--window", "--drain-minutes"] });
const CHATS = Number(args.flags.get("--chats") ?? 1_000_000);
const WINDOW_S = Number(args.flags.get("--window") ?? 45);
const DRAIN_CAP_MS = Number(args.flags.get("--drain-minutes") ?? 10) * 60_000;
const COMMITMENTS = 1_000;
/** Telegram's paid broadcast rate: the emulator's and the app's overall limit here. */
const RATE = 1_000;
const LIMITS = { globalPerSecond: RATE, perChatPerSecond: 1, perGroupPerMinute: 20 };
const TOPICS = ["economy & trade", "energy", "health", "education", "transport", "digital", "agriculture", "ecology", "finance", "social"];
const BODIES = Array.from({ length: 30 }, (_, i) => `Ministry ${i}`);
const ZONES = ["Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Asia/Almaty", "Europe/Berlin", "Asia/Aqtobe"];
// 09:00:30 in Almaty: the busiest minute of the day.
const NINE_AM = new Date("2026-03-24T04:00:30Z");

const list = (items: readonly string[]): string => `ARRAY[${items.map((t) => `'${t.replaceAll("'", "''")}'`).join(",")}]`;

/** The seed of bench/reminders.ts in SQL: chat i is a group when i % 5 = 0, follows all when i % 10 = 0, else 1 to 5 follows (70% a commitment, 15% a topic, 15% a body). */
async function seed(pg: BenchPgDatabase): Promise<void> {
  await pg.sql(`SELECT setseed(0.42)`);
  await pg.sql(`INSERT INTO "Source" (id, path, file, "contentHash", content, "createdAt", "updatedAt") VALUES (1, 'bench.txt', 'bench.txt', 'x', 'x', now(), now())`);
  await pg.sql(`INSERT INTO "Commitment" (id, "sourceId", key, title, precision, "dueOn", "extractedDueOn", status, topics, body, quote, "quoteStart", "quoteEnd", "createdAt", "updatedAt")
    SELECT i, 1, 'k' || i, 'Commitment ' || i, 'day', due, due, 'open', '|' || (${list(TOPICS)})[1 + floor(random() * ${TOPICS.length})::int] || '|' || (${list(TOPICS)})[1 + floor(random() * ${TOPICS.length})::int] || '|',
      (${list(BODIES)})[1 + floor(random() * ${BODIES.length})::int], 'q', 0, 1, now(), now()
    FROM (SELECT i, to_char(date '2026-03-24' + floor(random() * 365)::int, 'YYYY-MM-DD') AS due FROM generate_series(1, ${COMMITMENTS}) i) AS g`);
  const chatId = `CASE WHEN i % 5 = 0 THEN -1000000000000 - i ELSE 1000000 + i END`;
  await pg.sql(`INSERT INTO "Chat" (id, type, "timeZone", "createdAt", "updatedAt")
    SELECT ${chatId}, CASE WHEN i % 5 = 0 THEN 'supergroup' ELSE 'private' END, (${list(ZONES)})[1 + floor(random() * ${ZONES.length})::int], now(), now()
    FROM generate_series(0, ${CHATS - 1}) i`);
  await pg.sql(`INSERT INTO "Follow" ("chatId", kind, value, "createdAt") SELECT ${chatId}, 'all', '', now() FROM generate_series(0, ${CHATS - 1}, 10) i`);
  // random() per row in a subquery (volatile: not flattened), so kind and value agree.
  await pg.sql(`INSERT INTO "Follow" ("chatId", kind, value, "commitmentId", "createdAt")
    SELECT ${chatId}, CASE WHEN r < 0.7 THEN 'commitment' WHEN r < 0.85 THEN 'topic' ELSE 'body' END,
      CASE WHEN r < 0.7 THEN (1 + floor(v * ${COMMITMENTS}))::text WHEN r < 0.85 THEN (${list(TOPICS)})[1 + floor(v * ${TOPICS.length})::int] ELSE (${list(BODIES)})[1 + floor(v * ${BODIES.length})::int] END,
      CASE WHEN r < 0.7 THEN 1 + floor(v * ${COMMITMENTS})::int END, now()
    FROM (SELECT i, random() AS r, random() AS v FROM (SELECT i, 1 + floor(random() * 5)::int AS n FROM generate_series(0, ${CHATS - 1}) i WHERE i % 10 <> 0) AS c
      CROSS JOIN LATERAL generate_series(1, c.n) AS k) AS f
    ON CONFLICT DO NOTHING`);
  await pg.sql(`ANALYZE`);
}

async function benchPlanning(pg: BenchPgDatabase): Promise<Record<string, number>> {
  const db = pg.db;
  const state = createPlannerState();
  const memory = trackPeakMemory(5);
  const cpu = process.cpuUsage();
  // On PostgreSQL there is no bulk connection: the planner's SQL goes through Prisma (bulk null).
  const startup = await measure("busy 09:00 tick, fresh start (catch-up first, then the 36 h horizon, within the row budget)", () => runPlanning(db, state, NINE_AM));
  // The scheduler writes the rest between ticks: a pass every BACKLOG_PASS_INTERVAL_MS, a tick a minute.
  let at = NINE_AM.getTime();
  let passes = 0;
  let ticks = 0;
  let maxMs = startup.ms;
  let maxCpuMs = startup.cpuMs;
  let rows = startup.result.inserted;
  const drainStarted = performance.now();
  while (state.backlog.length > 0 && performance.now() - drainStarted < DRAIN_CAP_MS) {
    at += BACKLOG_PASS_INTERVAL_MS;
    const when = new Date(at);
    const tick = (at - NINE_AM.getTime()) % 60_000 < BACKLOG_PASS_INTERVAL_MS;
    const m = await measure("pass", () => (tick ? runPlanning(db, state, when) : runBacklogPass(db, state, when)), false);
    if (tick) ticks++;
    else passes++;
    maxMs = Math.max(maxMs, m.ms);
    maxCpuMs = Math.max(maxCpuMs, m.cpuMs);
    rows += m.result.inserted;
  }
  const drainMs = Math.round(performance.now() - drainStarted);
  const used = process.cpuUsage(cpu);
  const peaks = memory.stop();
  const left = state.backlog.length;
  console.log(`backlog: ${passes} passes and ${ticks} minute ticks in ${drainMs} ms wall (slowest ${maxMs} ms, CPU ${maxCpuMs} ms), ${rows} rows in all, ${left === 0 ? "drained" : `${left} backlog entries left at the cap`}`);
  const nine = await pg.sql(`SELECT count(*)::int AS n, count(DISTINCT "chatId")::int AS chats FROM "Delivery" WHERE "notBefore" <= '${NINE_AM.toISOString()}'`);
  const due = nine.rows[0] as { n: number; chats: number };
  console.log(`due by 09:00:30: ${due.n} rows for ${due.chats} chats; planning peak RSS ${Math.round(peaks.rss / 2 ** 20)} MB, CPU ${Math.round((used.user + used.system) / 1000)} ms`);
  return {
    busyTickMs: startup.ms,
    busyTickCpuMs: startup.cpuMs,
    busyTickRows: startup.result.inserted,
    busyTickPeakRssMb: startup.peakRssMb,
    backlogPasses: passes,
    backlogTicks: ticks,
    backlogMaxMs: maxMs,
    backlogMaxCpuMs: maxCpuMs,
    backlogWallMs: drainMs,
    backlogLeft: left,
    plannedRows: rows,
    dueAtNineRows: due.n,
    dueAtNineChats: due.chats,
    planningCpuMs: Math.round((used.user + used.system) / 1000),
    planningPeakRssMb: Math.round(peaks.rss / 2 ** 20),
    planningPeakHeapMb: Math.round(peaks.heap / 2 ** 20),
  };
}

/** What is due at 09:00:30, sent for WINDOW_S seconds through the app's PostgreSQL send path. */
async function benchDelivery(pg: BenchPgDatabase): Promise<Record<string, number>> {
  const emulator = await startEmulatorProcess({ autoCreateChats: true });
  await emulator.client.setRateLimit(LIMITS);
  // As src/app.ts wires it on PostgreSQL: one outbound limiter whose slots come from the database.
  const limiter = createOutboundLimiter({ limits: LIMITS, shared: createSharedPacing(pg.db) });
  const scheduler = createReminderScheduler({
    db: pg.db,
    api: new Api(emulator.token, { apiRoot: emulator.apiRoot }),
    clock: createManualClock(NINE_AM),
    logger: pino({ level: process.env.BENCH_LOG ?? "silent" }, pino.destination(2)),
    config: { rateLimits: LIMITS },
    limiter,
  });
  const memory = trackPeakMemory(5);
  const started = performance.now();
  let done = false;
  const tick = scheduler.tick().finally(() => {
    done = true;
  });
  // The window starts at the first message: the tick first plans, sweeps and claims.
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  while (!done && (await emulator.client.getStats()).sendMessageAccepted === 0) await sleep(100);
  const firstAfterMs = Math.round(performance.now() - started);
  console.log(`first reminder accepted ${firstAfterMs} ms after the tick began`);
  await sleep(WINDOW_S * 1000);
  // Stops between batches: the claimed batch is still sent.
  await scheduler.stop();
  const report = await tick;
  const peaks = memory.stop();
  const { accepted, perChat, first, last, rate, tooManyRequests } = await countDelivered(emulator);
  const result = {
    delivered: accepted,
    deliveryChats: perChat.size,
    messagesPerChat: Math.round((accepted / Math.max(1, perChat.size)) * 1000) / 1000,
    maxMessagesPerChat: Math.max(0, ...perChat.values()),
    deliverySeconds: Math.round((last - first) / 10) / 100,
    achievedPerSecond: Math.round(rate * 10) / 10,
    shareOfLimit: Math.round((rate / RATE) * 1000) / 1000,
    tooManyRequests,
    recordedSent: report.sent,
    deliveryPeakRssMb: Math.round(peaks.rss / 2 ** 20),
    firstMessageAfterMs: firstAfterMs,
  };
  console.log(`delivery for ${WINDOW_S} s at ${RATE}/s: ${JSON.stringify(result)}`);
  await emulator.stop();
  return result;
}

const skip = await benchPgUnavailable();
if (skip) {
  console.log(`skipped: ${skip}`);
  console.log(JSON.stringify({ name: "reminders-pg", skipped: skip }));
} else {
  const pg = await createBenchPgDatabase("mindet_bench_reminders");
  try {
    const seeded = performance.now();
    await seed(pg);
    const counts = (await pg.sql(`SELECT (SELECT count(*) FROM "Chat")::int AS chats, (SELECT count(*) FROM "Follow")::int AS follows`)).rows[0] as { chats: number; follows: number };
    const seedMs = Math.round(performance.now() - seeded);
    console.log(`seeded ${counts.chats} chats, ${COMMITMENTS} commitments, ${counts.follows} follows in ${seedMs} ms (generate_series, ANALYZE)`);
    const planning = await benchPlanning(pg);
    const delivery = args.flags.has("--planning-only") ? {} : await benchDelivery(pg);
    console.log(JSON.stringify({ name: "reminders-pg", chats: counts.chats, commitments: COMMITMENTS, follows: counts.follows, seedMs, ...planning, rateLimit: RATE, windowSeconds: WINDOW_S, ...delivery }));
  } finally {
    await pg.drop();
  }
}
