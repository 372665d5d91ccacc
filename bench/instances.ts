// Two instances on one PostgreSQL database (issue 11): two real `mindet start` processes (webhook
// mode, as several instances are deployed; long polling allows one) deliver 10,000 reminders due
// at 09:00 to the Bot API emulator in its own process, enforcing Telegram's 30 messages a second
// overall and 1 a second per chat. In the middle one instance is killed with kill -9; the other
// carries on, and claims the dead one's unsent rows once their two-minute lease has passed.
// Counted: lost (chats that never got their reminder), duplicates (bound: the killed instance's
// sends in flight, its deliverer's concurrency), 429 answers, and the rate achieved as a share of
// 30/s: with both instances, with the survivor alone, and overall (the lease wait excluded).
// Takes about 8 minutes. Run: node --import tsx bench/instances.ts [--reminders N]
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmulatorProcess, type EmulatorProcess } from "../src/testing/emulator-control-client.ts";
import type { RecordedCall } from "../src/testing/emulator/types.ts";
import { benchPgUnavailable, createBenchPgDatabase, type BenchPgDatabase } from "./support/postgres.ts";

const { values } = parseArgs({ options: { reminders: { type: "string", default: "10000" } } });
const REMINDERS = Number(values.reminders);
const LIMITS = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };
/** The deliverer's concurrency at 30/s (max(4, ceil(30 / 4))): the most sends one instance has in flight. */
const IN_FLIGHT_BOUND = Math.max(4, Math.ceil(LIMITS.globalPerSecond / 4));
// Ten seconds before 09:00 in Almaty: the reminders fall due while both instances run.
const START = "2026-03-24T03:59:50Z";
const CHAT_BASE = 10_000_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function seed(pg: BenchPgDatabase): Promise<void> {
  await pg.sql(`INSERT INTO "Source" (id, path, file, "contentHash", content, "createdAt", "updatedAt") VALUES (1, 'bench.txt', 'bench.txt', 'x', 'x', now(), now())`);
  await pg.sql(`INSERT INTO "Commitment" (id, "sourceId", key, title, precision, "dueOn", "extractedDueOn", status, topics, quote, "quoteStart", "quoteEnd", "createdAt", "updatedAt")
    VALUES (1, 1, 'k1', 'Two-instance benchmark commitment', 'day', '2026-03-31', '2026-03-31', 'open', '|energy|', 'The ministry must finish by 31 March 2026.', 0, 1, now(), now())`);
  await pg.sql(`SELECT setval(pg_get_serial_sequence('"Commitment"', 'id'), 1)`);
  await pg.sql(`INSERT INTO "Chat" (id, type, "createdAt", "updatedAt") SELECT ${CHAT_BASE} + g, 'private', timestamp '2026-01-01', timestamp '2026-01-01' FROM generate_series(1, ${REMINDERS}) g`);
  await pg.sql(`INSERT INTO "Follow" ("chatId", kind, value, "commitmentId", "createdAt") SELECT ${CHAT_BASE} + g, 'commitment', '1', 1, timestamp '2026-01-01' FROM generate_series(1, ${REMINDERS}) g`);
}

function startInstance(emulator: EmulatorProcess, pg: BenchPgDatabase, port: number): ChildProcess {
  const child = spawn(process.execPath, [path.resolve("bin/mindet.mjs"), "start"], {
    env: {
      ...process.env,
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: pg.url,
      MINDET_NOW: START,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "error",
      WEBHOOK_URL: "https://bot.example.org/telegram",
      WEBHOOK_SECRET: "bench_secret_0123456789",
      PORT: String(port),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

const accepted = (c: RecordedCall): boolean => c.outcome.kind === "response" && c.outcome.body.ok;
const share = (count: number, ms: number): number => Math.round((count / (ms / 1000) / LIMITS.globalPerSecond) * 1000) / 1000;

const skip = await benchPgUnavailable();
const result: Record<string, unknown> = { name: "instances", reminders: REMINDERS };
if (skip) {
  console.log(`instances: skipped, ${skip}`);
  result.skipped = skip;
} else {
  const pg = await createBenchPgDatabase("mindet_bench_instances");
  const emulator = await startEmulatorProcess({ autoCreateChats: true });
  const children: ChildProcess[] = [];
  try {
    await seed(pg);
    await emulator.client.setRateLimit(LIMITS);
    const a = startInstance(emulator, pg, 18_611);
    const b = startInstance(emulator, pg, 18_612);
    children.push(a, b);
    const aExit = new Promise((resolve) => a.once("exit", resolve));
    // Kill one in the middle of the run.
    for (;;) {
      await sleep(500);
      if ((await emulator.client.getStats()).sendMessageAccepted >= REMINDERS / 2) break;
    }
    const killedAt = Date.now();
    a.kill("SIGKILL");
    await aExit;
    console.log(`killed instance A with kill -9 after ${(await emulator.client.getStats()).sendMessageAccepted} accepted messages`);
    // The survivor sends the rest, then (two minutes after A's last claim) A's unsent claimed rows.
    const deadline = Date.now() + 20 * 60_000;
    let received = 0;
    while (Date.now() < deadline) {
      await sleep(2_000);
      const stats = await emulator.client.getStats();
      received = Object.values(stats.perChat).filter((c) => c.accepted > 0).length;
      if (received >= REMINDERS) break;
    }
    await sleep(1_000);
    b.kill("SIGTERM");
    await new Promise((resolve) => (b.exitCode !== null ? resolve(null) : b.once("exit", resolve)));

    const stats = await emulator.client.getStats();
    const calls = (await emulator.client.getCalls({ method: "sendMessage" })).filter(accepted).sort((x, y) => x.time - y.time);
    const refused = (await emulator.client.getCalls({ method: "sendMessage" })).filter((c) => !accepted(c));
    for (const c of refused.slice(0, 12)) {
      const inWindow = calls.filter((x) => x.time > c.time - 1000 && x.time <= c.time).length;
      console.log(`429 at +${c.time - (calls[0]?.time ?? 0)} ms to chat ${String(c.params.chat_id)}: ${inWindow} accepted in the second before it`);
    }
    const perChat = new Map<number, number>();
    for (const c of calls) perChat.set(Number(c.params.chat_id), (perChat.get(Number(c.params.chat_id)) ?? 0) + 1);
    const lost = REMINDERS - perChat.size;
    const duplicates = [...perChat.values()].reduce((sum, n) => sum + n - 1, 0);
    const first = calls[0]?.time ?? 0;
    const before = calls.filter((c) => c.time <= killedAt);
    // The survivor's run up to the first pause of more than 10 s (the lease wait for A's claimed rows).
    const after = calls.filter((c) => c.time > killedAt);
    let survivorEnd = killedAt;
    for (const c of after) {
      if (c.time - survivorEnd > 10_000) break;
      survivorEnd = c.time;
    }
    const survivor = after.filter((c) => c.time <= survivorEnd);
    const tail = after.length - survivor.length;
    const sendingMs = survivorEnd - first + (tail > 0 ? (calls.at(-1)?.time ?? 0) - (after[survivor.length]?.time ?? 0) : 0);
    Object.assign(result, {
      lost,
      duplicates,
      duplicateBound: IN_FLIGHT_BOUND,
      tooManyRequests: stats.tooManyRequests,
      acceptedBeforeKill: before.length,
      shareBothInstances: share(before.length, killedAt - first),
      shareSurvivorAlone: share(survivor.length, survivorEnd - killedAt),
      reclaimedAfterLease: tail,
      shareOverallExcludingLeaseWait: share(calls.length, sendingMs),
      wallSeconds: Math.round(((calls.at(-1)?.time ?? 0) - first) / 100) / 10,
    });
    console.log(
      `${REMINDERS} reminders, two instances, one killed with kill -9 after ${before.length}: lost ${lost}, duplicates ${duplicates} (bound ${IN_FLIGHT_BOUND}), ` +
        `429s ${stats.tooManyRequests}; rate ${result.shareBothInstances} of 30/s with both, ${result.shareSurvivorAlone} with the survivor alone, ` +
        `${result.shareOverallExcludingLeaseWait} overall without the lease wait; ${tail} rows of the killed instance re-sent after its lease`,
    );
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await emulator.stop();
    await pg.drop();
  }
}
console.log(JSON.stringify(result));
