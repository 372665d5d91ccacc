// Bot benchmark: command round-trip latency (update injected into the emulator -> the bot's reply
// recorded by the emulator) for /list, /status and /search (common and rare words), with 100,000 chats and 100,000
// commitments (issue 13's scale) in a temporary database, through the real grammY bot, runner and
// HTTP client. Run: npx tsx bench/bot.ts [RUNS] [COMMITMENTS] [--engine sqlite|postgresql|both]
// (default both: PostgreSQL is skipped with the reason when no server answers). Last line: one JSON object.
import { mkdtempSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { pino } from "pino";
import { createBot } from "../src/bot/index.ts";
import { runBot } from "../src/bot/runner.ts";
import { createManualClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase, type Db } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { toDbTime } from "../src/db/time.ts";
import { TOPICS } from "../src/extraction/types.ts";
import { createBotApiEmulator } from "../src/testing/bot-api-emulator.ts";
import { benchPgUnavailable, createBenchPgDatabase, type BenchPgDatabase } from "./support/postgres.ts";

const args = parseArgs({ allowPositionals: true, options: { engine: { type: "string", default: "both" } } });
const RUNS = Number(args.positionals[0] ?? 200);
const CHATS = 100_000;
const COMMITMENTS = Number(args.positionals[1] ?? 100_000);
const ENGINES = args.values.engine === "both" ? ["sqlite", "postgresql"] : [args.values.engine];
const NOW = new Date("2026-03-01T04:00:00Z");
/** Issue 13's aim for every command at 100,000 commitments. */
const TARGET_P95_MS = 10;

const VERBS = ["Build", "Adopt", "Launch", "Complete", "Develop", "Open", "Approve", "Modernise", "Digitise", "Reform"];
const THINGS = ["a port hub", "the grid", "a law", "schools", "hospitals", "a railway", "an airport", "the tax code", "courts", "a data centre"];
const PLACES = ["in Aktau", "in Almaty", "in Astana", "in Shymkent", "in Atyrau", "nationwide", "in Karaganda", "in Pavlodar"];
const BODIES = Array.from({ length: 40 }, (_, i) => `Ministry of Affairs ${i + 1}`);

function seed(file: string): void {
  migrateDatabase(file);
  const db = new Database(file);
  const now = toDbTime(NOW);
  db.transaction(() => {
    db.prepare(`INSERT INTO "Source" (id, path, file, contentHash, title, publishedOn, content, createdAt, updatedAt) VALUES (1, 'bench.txt', 'bench.txt', 'x', 'Bench', '2026-01-01', 'text', ?, ?)`).run(now, now);
    const commitment = db.prepare(`INSERT INTO "Commitment" (sourceId, key, article, publishedOn, title, responsible, body, topics, extractedDueOn, precision, dueText, dueOn, quote, quoteStart, quoteEnd, status, createdAt, updatedAt)
      VALUES (1, ?, 'Bench article', '2026-01-01', ?, ?, ?, ?, ?, 'day', ?, ?, ?, 0, 10, ?, ?, ?)`);
    for (let i = 0; i < COMMITMENTS; i++) {
      const title = `${VERBS[i % VERBS.length]} ${THINGS[(i >> 2) % THINGS.length]} ${PLACES[(i >> 4) % PLACES.length]} (${i})`;
      const due = new Date(Date.UTC(2025, 6, 1) + (i % 900) * 86_400_000).toISOString().slice(0, 10);
      const body = BODIES[i % BODIES.length] as string;
      const status = i % 17 === 0 ? "done" : "open";
      commitment.run(`k${i}`, title, body, body, `|${TOPICS[i % TOPICS.length]}|`, due, `by ${due}`, due, `${body} must ${title.toLowerCase()} by ${due}.`, status, now, now);
    }
    const chat = db.prepare(`INSERT INTO "Chat" (id, type, title, timeZone, offsets, createdAt, updatedAt) VALUES (?, ?, ?, 'Asia/Almaty', '7,1,0,-1', ?, ?)`);
    const follow = db.prepare(`INSERT INTO "Follow" (chatId, kind, value, commitmentId, createdAt) VALUES (?, ?, ?, ?, ?)`);
    for (let i = 0; i < CHATS; i++) {
      const group = i % 5 === 0;
      const id = group ? -(1_000_000_000_000 + i) : 200_000_000 + i;
      chat.run(id, group ? "supergroup" : "private", `Chat ${i}`, now, now);
      if (i % 10 === 0) follow.run(id, "all", "", null, now);
      else follow.run(id, "commitment", String((i % COMMITMENTS) + 1), (i % COMMITMENTS) + 1, now);
    }
  })();
  db.close();
}

/** The same rows on PostgreSQL, generated in SQL (generate_series), not row by row. */
async function seedPostgres(pg: BenchPgDatabase): Promise<void> {
  const list = (items: readonly string[]): string => `ARRAY[${items.map((t) => `'${t.replaceAll("'", "''")}'`).join(",")}]`;
  await pg.sql(`INSERT INTO "Source" (id, path, file, "contentHash", title, "publishedOn", content, "createdAt", "updatedAt") VALUES (1, 'bench.txt', 'bench.txt', 'x', 'Bench', '2026-01-01', 'text', now(), now())`);
  await pg.sql(`INSERT INTO "Commitment" ("sourceId", key, article, "publishedOn", title, responsible, body, topics, "extractedDueOn", precision, "dueText", "dueOn", quote, "quoteStart", "quoteEnd", status, "createdAt", "updatedAt")
    SELECT 1, 'k' || i, 'Bench article', '2026-01-01', title, body, body, '|' || (${list(TOPICS)})[i % ${TOPICS.length} + 1] || '|', due, 'day', 'by ' || due, due,
      body || ' must ' || lower(title) || ' by ' || due || '.', 0, 10, CASE WHEN i % 17 = 0 THEN 'done' ELSE 'open' END, now(), now()
    FROM (SELECT i, (${list(VERBS)})[i % ${VERBS.length} + 1] || ' ' || (${list(THINGS)})[(i / 4) % ${THINGS.length} + 1] || ' ' || (${list(PLACES)})[(i / 16) % ${PLACES.length} + 1] || ' (' || i || ')' AS title,
      'Ministry of Affairs ' || (i % ${BODIES.length} + 1) AS body, to_char(date '2025-07-01' + (i % 900), 'YYYY-MM-DD') AS due FROM generate_series(0, ${COMMITMENTS - 1}) i) AS g`);
  await pg.sql(`INSERT INTO "Chat" (id, type, title, "timeZone", offsets, "createdAt", "updatedAt")
    SELECT CASE WHEN i % 5 = 0 THEN -(1000000000000 + i) ELSE 200000000 + i END, CASE WHEN i % 5 = 0 THEN 'supergroup' ELSE 'private' END, 'Chat ' || i, 'Asia/Almaty', '7,1,0,-1', now(), now()
    FROM generate_series(0, ${CHATS - 1}) i`);
  await pg.sql(`INSERT INTO "Follow" ("chatId", kind, value, "commitmentId", "createdAt")
    SELECT CASE WHEN i % 5 = 0 THEN -(1000000000000 + i) ELSE 200000000 + i END, CASE WHEN i % 10 = 0 THEN 'all' ELSE 'commitment' END,
      CASE WHEN i % 10 = 0 THEN '' ELSE ((i % ${COMMITMENTS}) + 1)::text END, CASE WHEN i % 10 = 0 THEN NULL ELSE (i % ${COMMITMENTS}) + 1 END, now()
    FROM generate_series(0, ${CHATS - 1}) i`);
  await pg.sql(`ANALYZE`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** p50 and p95 of each command against `db` (seeded), through the real bot. */
async function measure(db: Db, databaseUrl: string): Promise<Record<string, number>> {
  const emulator = await createBotApiEmulator({ bot: { username: "mindet_bench_bot" } });
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" }, { requireToken: false });
  const bot = createBot({
    token: emulator.token,
    config,
    db,
    clock: createManualClock(NOW),
    logger: pino({ level: "silent" }),
    apiRoot: emulator.apiRoot,
    // The bench measures handling, not the per-user flood limit.
    rateLimit: { burst: 1e9, refillPerSecond: 1e9 },
  });
  const runner = runBot(bot, { pollTimeoutSeconds: 10 });
  await emulator.waitForLongPoll({ timeoutMs: 10_000 });
  const users = Array.from({ length: 20 }, (_, i) => emulator.createUser({ id: 300_000_000 + i }));
  const chats = users.map((u) => emulator.createPrivateChat(u));
  const commands: Record<string, (i: number) => string> = {
    list: () => "/list",
    status: (i) => `/status ${(i * 37) % COMMITMENTS + 1}`,
    search: (i) => `/search ${["port aktau", "grid", "schools astana", "railway", "tax code"][i % 5]}`,
    // Words in few rows or none: a plan that walks the due-date index testing rows reads the whole table.
    rareSearch: (i) => `/search ${["zanzibar", "12345", "aktau 777", "hospitals 4242"][i % 4]}`,
  };
  const figures: Record<string, number> = {};
  for (const [name, make] of Object.entries(commands)) {
    // Warm up (first chat upserts, query plans, JIT) before measuring.
    for (let i = 0; i < 20; i++) await emulator.converse(chats[i % chats.length]!, users[i % users.length]!, make(i), { timeoutMs: 10_000 });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const k = i % chats.length;
      const started = performance.now();
      await emulator.converse(chats[k]!, users[k]!, make(i), { timeoutMs: 10_000 });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    figures[`${name}P50Ms`] = Number(percentile(times, 50).toFixed(2));
    figures[`${name}P95Ms`] = Number(percentile(times, 95).toFixed(2));
  }
  await runner.stop();
  await emulator.close();
  return figures;
}

const figures: Record<string, number | string> = {};
const report = (engine: string, f: Record<string, number>): void => {
  for (const name of ["list", "status", "search", "rareSearch"]) console.log(`${engine.padEnd(10)} ${name.padEnd(10)} p50 ${f[`${name}P50Ms`]} ms  p95 ${f[`${name}P95Ms`]} ms  (${RUNS} runs)`);
};
if (ENGINES.includes("sqlite")) {
  const work = mkdtempSync(path.join(tmpdir(), "mindet-bench-bot-"));
  const file = path.join(work, "bench.db");
  const seedStart = performance.now();
  seed(file);
  console.log(`sqlite: seeded ${CHATS} chats and ${COMMITMENTS} commitments in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const db = await openDatabase(`file:${file}`, { migrate: false });
  const f = await measure(db, `file:${file}`);
  report("sqlite", f);
  Object.assign(figures, f);
  await db.$disconnect();
  rmSync(work, { recursive: true, force: true });
}
if (ENGINES.includes("postgresql")) {
  const skip = await benchPgUnavailable();
  if (skip) {
    console.log(`postgresql: skipped, ${skip}`);
    figures.postgresqlSkipped = skip;
  } else {
    const pg = await createBenchPgDatabase("mindet_bench_bot");
    try {
      const seedStart = performance.now();
      await seedPostgres(pg);
      console.log(`postgresql: seeded ${CHATS} chats and ${COMMITMENTS} commitments in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (generate_series)`);
      const f = await measure(pg.db, pg.url);
      report("postgresql", f);
      for (const [k, v] of Object.entries(f)) figures[`pg${k[0]!.toUpperCase()}${k.slice(1)}`] = v;
    } finally {
      await pg.drop();
    }
  }
}
const worstP95 = Math.max(...["listP95Ms", "statusP95Ms", "searchP95Ms", "rareSearchP95Ms", "pgListP95Ms", "pgStatusP95Ms", "pgSearchP95Ms", "pgRareSearchP95Ms"].map((k) => Number(figures[k] ?? 0)));
console.log(JSON.stringify({ name: "bot", chats: CHATS, commitments: COMMITMENTS, runs: RUNS, ...figures, worstP95Ms: worstP95, targetP95Ms: TARGET_P95_MS, ok: worstP95 <= TARGET_P95_MS }));
