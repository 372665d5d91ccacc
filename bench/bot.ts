// Bot benchmark: command round-trip latency (update injected into the emulator -> the bot's reply
// recorded by the emulator) for /list, /status and /search, with 100,000 chats and 100,000
// commitments (issue 13's scale) in a temporary database, through the real grammY bot, runner and
// HTTP client. Run: npx tsx bench/bot.ts [RUNS] [COMMITMENTS]. Last line: one JSON object.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { pino } from "pino";
import { createBot } from "../src/bot/index.ts";
import { runBot } from "../src/bot/runner.ts";
import { createManualClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { toDbTime } from "../src/db/time.ts";
import { TOPICS } from "../src/extraction/types.ts";
import { createBotApiEmulator } from "../src/testing/bot-api-emulator.ts";

const RUNS = Number(process.argv[2] ?? 200);
const CHATS = 100_000;
const COMMITMENTS = Number(process.argv[3] ?? 100_000);
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const work = mkdtempSync(path.join(tmpdir(), "mindet-bench-bot-"));
const file = path.join(work, "bench.db");
const seedStart = performance.now();
seed(file);
console.log(`seeded ${CHATS} chats and ${COMMITMENTS} commitments in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

const emulator = await createBotApiEmulator({ bot: { username: "mindet_bench_bot" } });
const db = await openDatabase(`file:${file}`, { migrate: false });
const config = loadConfig({ DATABASE_URL: `file:${file}`, LOG_LEVEL: "silent" }, { requireToken: false });
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
  console.log(`${name.padEnd(7)} p50 ${figures[`${name}P50Ms`]} ms  p95 ${figures[`${name}P95Ms`]} ms  (${RUNS} runs)`);
}
await runner.stop();
await db.$disconnect();
await emulator.close();
rmSync(work, { recursive: true, force: true });
const worstP95 = Math.max(figures.listP95Ms ?? 0, figures.statusP95Ms ?? 0, figures.searchP95Ms ?? 0);
console.log(JSON.stringify({ name: "bot", chats: CHATS, commitments: COMMITMENTS, runs: RUNS, ...figures, worstP95Ms: worstP95, targetP95Ms: TARGET_P95_MS, ok: worstP95 <= TARGET_P95_MS }));
