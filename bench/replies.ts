// Replies benchmark (issue 12, "Replies within Telegram's limits"): 300 users each send /start
// and /follow all within about a second to the real bot (grammY, runner, HTTP client), against
// the Bot API emulator in its own process enforcing 30 messages a second overall and 1 a second
// per chat. Counted: the emulator's 429 answers (aim 0) and how long the last reply waited
// (command sent -> reply accepted). Then the same burst while 600 reminders are being delivered
// through the same outbound limiter (replies first).
// `--separate` measures the old wiring for comparison: no limiter on the bot's replies and a
// limiter of the scheduler's own. Run: node --import tsx bench/replies.ts [--separate]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Api } from "grammy";
import type { Chat, User } from "grammy/types";
import { pino } from "pino";
import { createBot } from "../src/bot/index.ts";
import { runBot } from "../src/bot/runner.ts";
import { createManualClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase, type Db } from "../src/db/client.ts";
import { createReminderScheduler } from "../src/reminders/schedule.ts";
import { createOutboundLimiter } from "../src/telegram/outbound-limiter.ts";
import { startEmulatorProcess, type EmulatorProcess } from "../src/testing/emulator-control-client.ts";
import type { RecordedCall } from "../src/testing/emulator/types.ts";

const USERS = 300;
const BURST_MS = 1000;
const REMINDERS = 600;
const LIMITS = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };
// 09:00:30 in Almaty: reminders are due.
const NOW = new Date("2026-03-24T04:00:30Z");
const SEPARATE = process.argv.includes("--separate");
const USER_BASE = 300_000_000;
const REMINDER_CHAT_BASE = 5_000_000;

const logger = pino({ level: "silent" });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function seed(db: Db): Promise<void> {
  const source = await db.source.create({ data: { file: "bench.txt", path: "bench.txt", contentHash: "x", content: "x" } });
  const commitment = await db.commitment.create({
    data: {
      sourceId: source.id, key: "k", title: "Benchmark commitment", precision: "day", dueOn: "2026-03-31", extractedDueOn: "2026-03-31",
      quote: "The ministry must finish the benchmark by 31 March 2026.", quoteStart: 0, quoteEnd: 10, topics: "|energy|",
    },
  });
  const ids = Array.from({ length: REMINDERS }, (_, i) => BigInt(REMINDER_CHAT_BASE + i));
  await db.chat.createMany({ data: ids.map((id) => ({ id, type: "private" })) });
  // Each chat follows the commitment: the deliverer skips rows of chats that unfollowed.
  await db.follow.createMany({ data: ids.map((chatId) => ({ chatId, kind: "commitment", value: String(commitment.id), commitmentId: commitment.id })) });
  await db.delivery.createMany({
    data: ids.map((chatId) => ({ key: `r:${chatId}:${commitment.id}:before-7:2026-03-31`, chatId, commitmentId: commitment.id, kind: "before", offsetDays: 7, dueOn: "2026-03-31", notBefore: NOW })),
  });
}

interface Scenario {
  withReminders: boolean;
}

async function run(emulator: EmulatorProcess, db: Db, { withReminders }: Scenario): Promise<Record<string, number>> {
  await emulator.client.reset();
  await emulator.client.setRateLimit(LIMITS);
  const config = loadConfig({ DATABASE_URL: "file:unused.db", LOG_LEVEL: "silent" }, { requireToken: false });
  const clock = createManualClock(NOW);
  // The one limiter of the process; --separate: the bot without one, the scheduler with its own.
  const outbound = SEPARATE ? undefined : createOutboundLimiter({ limits: LIMITS });
  const bot = createBot({
    token: emulator.token, config, db, clock, logger, apiRoot: emulator.apiRoot,
    ...(outbound ? { outbound } : {}),
    // The bench measures Telegram's limits, not the per-user flood limit.
    rateLimit: { burst: 1e9, refillPerSecond: 1e9 },
  });
  const runner = runBot(bot, { pollTimeoutSeconds: 10 });
  await emulator.client.waitForLongPoll({ timeoutMs: 10_000 });
  const users: User[] = [];
  for (let i = 0; i < USERS; i++) users.push(await emulator.client.createUser({ id: USER_BASE + i, firstName: `U${i}` }));
  const chats: Chat.PrivateChat[] = [];
  for (const user of users) chats.push(await emulator.client.createPrivateChat(user));
  const since = await emulator.client.mark();

  const scheduler = withReminders
    ? createReminderScheduler({ db, api: new Api(emulator.token, { apiRoot: emulator.apiRoot }), clock, logger, config: { rateLimits: LIMITS }, ...(outbound ? { limiter: outbound } : {}) })
    : null;
  // Reminders are already flowing when the burst starts.
  const tick = scheduler?.tick();
  if (scheduler) await sleep(300);

  const { sentAt, started, burstMs } = await burst(emulator, users, chats);
  // Every user has both replies (or two minutes have passed).
  for (let waited = 0; ; waited += 200) {
    const replies = (await emulator.client.getCalls({ since })).filter((c) => isReply(c) && accepted(c));
    if (replies.length >= 2 * USERS || waited > 120_000) break;
    await sleep(200);
  }
  const report = tick ? await tick : null;
  await runner.stop();
  await scheduler?.stop();

  const calls = await emulator.client.getCalls({ since });
  const stats = await emulator.client.getStats();
  return { ...summarize(calls, sentAt, started), burstMs, tooManyRequests: stats.tooManyRequests, ...(report ? { remindersRecordedSent: report.sent } : {}) };
}

const isReply = (c: RecordedCall): boolean => c.method === "sendMessage" && Number(c.params["chat_id"]) >= USER_BASE && Number(c.params["chat_id"]) < USER_BASE + USERS;
const isReminder = (c: RecordedCall): boolean => c.method === "sendMessage" && Number(c.params["chat_id"]) >= REMINDER_CHAT_BASE && Number(c.params["chat_id"]) < REMINDER_CHAT_BASE + REMINDERS;
const accepted = (c: RecordedCall): boolean => c.outcome.kind === "response" && c.outcome.body.ok;

/** Each user's two commands, the users spread evenly over BURST_MS; when each command was sent. */
async function burst(emulator: EmulatorProcess, users: User[], chats: Chat.PrivateChat[]): Promise<{ sentAt: Map<number, number[]>; started: number; burstMs: number }> {
  const sentAt = new Map<number, number[]>();
  const started = Date.now();
  await Promise.all(
    chats.map(async (chat, i) => {
      await sleep((i * BURST_MS) / USERS);
      const stamps: number[] = [];
      sentAt.set(chat.id, stamps);
      stamps.push(Date.now());
      await emulator.client.sendText(chat, users[i]!, "/start");
      stamps.push(Date.now());
      await emulator.client.sendText(chat, users[i]!, "/follow all");
    }),
  );
  return { sentAt, started, burstMs: Date.now() - started };
}

/** The figures of one run from the emulator's call log (its clock stamped every arrival). */
function summarize(calls: RecordedCall[], sentAt: Map<number, number[]>, started: number): Record<string, number> {
  const replies = calls.filter((c) => isReply(c) && accepted(c));
  const waits: number[] = [];
  const seen = new Map<number, number>();
  for (const reply of replies) {
    const chatId = Number(reply.params["chat_id"]);
    const k = seen.get(chatId) ?? 0;
    seen.set(chatId, k + 1);
    const at = sentAt.get(chatId)?.[k];
    if (at !== undefined) waits.push(reply.time - at);
  }
  waits.sort((a, b) => a - b);
  const lastReply = replies.at(-1);
  const reminderCalls = calls.filter(isReminder);
  const reminders = reminderCalls.filter(accepted);
  // Replies first: reminders accepted between the first command and the last reply.
  const remindersDuringReplies = reminders.filter((c) => c.time >= started && c.time <= (lastReply?.time ?? 0)).length;
  // Which limit a 429 stood for: the chat's (an accepted send to it less than 1 s before) or the global one.
  const refused = calls.filter((c) => c.injected === "rate-limit");
  const perChatRefusals = refused.filter((r) => calls.some((c) => accepted(c) && c.method === "sendMessage" && c.params["chat_id"] === r.params["chat_id"] && c.time <= r.time && r.time - c.time < 1000)).length;
  if (refused.length > 0) console.log(`  first 429s: ${refused.slice(0, 5).map((r) => `chat ${String(r.params["chat_id"])} at +${r.time - started} ms`).join(", ")}`);
  return {
    replies: replies.length,
    perChatTooManyRequests: perChatRefusals,
    replyTooManyRequests: calls.filter((c) => isReply(c) && c.injected === "rate-limit").length,
    lastReplyAfterBurstStartMs: (lastReply?.time ?? NaN) - started,
    lastReplyWaitedMs: waits.at(-1) ?? NaN,
    p50ReplyWaitMs: waits[Math.floor(waits.length / 2)] ?? NaN,
    // n messages span n - 1 gaps: against the 30/s limit (28.3/s with the limiter's 6% margin).
    replyRatePerSecond: Math.round(((replies.length - 1) / (((lastReply?.time ?? 0) - (replies[0]?.time ?? 0)) / 1000)) * 10) / 10,
    ...(reminderCalls.length > 0
      ? { remindersSent: reminders.length, remindersDuringReplies, reminderTooManyRequests: reminderCalls.filter((c) => c.injected === "rate-limit").length }
      : {}),
  };
}

const dir = mkdtempSync(path.join(tmpdir(), "mindet-bench-replies-"));
const emulator = await startEmulatorProcess({ autoCreateChats: true });
try {
  const burstDb = await openDatabase(`file:${path.join(dir, "burst.db")}`);
  const alone = await run(emulator, burstDb, { withReminders: false });
  console.log(`replies alone: ${JSON.stringify(alone)}`);
  await burstDb.$disconnect();
  const mixedDb = await openDatabase(`file:${path.join(dir, "mixed.db")}`);
  await seed(mixedDb);
  const mixed = await run(emulator, mixedDb, { withReminders: true });
  console.log(`with ${REMINDERS} reminders: ${JSON.stringify(mixed)}`);
  await mixedDb.$disconnect();
  const prefix = (o: Record<string, number>, p: string) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${p}${k[0]?.toUpperCase()}${k.slice(1)}`, v]));
  console.log(JSON.stringify({
    name: "replies", users: USERS, wiring: SEPARATE ? "separate" : "shared", ...prefix(alone, "alone"), ...prefix(mixed, "mixed"),
    ok: alone.tooManyRequests === 0 && mixed.tooManyRequests === 0 && alone.replies === 2 * USERS && mixed.replies === 2 * USERS,
  }));
} finally {
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
}
