// Two instances (two outbound limiters, each with its own Api) on one PostgreSQL database,
// sending to the Bot API emulator enforcing Telegram's limits on the same virtual time: the
// limits hold over both together, replies of one keep priority over the other's reminders, and
// a chat written to by both still gets one message a second. Without the shared pacing the same
// work draws 429s (the control case), so the tests can fail.
import { Api, type Transformer } from "grammy";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOutboundLimiter, type OutboundLimiter } from "../../src/telegram/outbound-limiter.ts";
import { createSharedPacing, type SharedPacing } from "../../src/telegram/shared-pacing.ts";
import { sendWithRetries } from "../../src/telegram/send-with-retries.ts";
import { createBotApiEmulator, type BotApiEmulator, type RecordedCall } from "../../src/testing/bot-api-emulator.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { pgSkipReason } from "../support/postgres.ts";
import { createVirtualTime, type VirtualTime } from "./virtual-time.ts";

const TELEGRAM = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };
const logger = pino({ level: "silent" });
const policy = { sendTimeoutMs: 5_000, maxTransientRetries: 3, backoffMs: 100, max429: 3 };
const skip = pgSkipReason();

interface Instance {
  limiter: OutboundLimiter;
  api: Api;
  remind(chatId: number): Promise<unknown>;
  reply(chatId: number): Promise<unknown>;
}

describe.skipIf(skip !== null)(`Telegram's limits over two instances on one PostgreSQL database${skip ? ` (skipped: ${skip})` : ""}`, () => {
  let t: TestDb;
  let emulator: BotApiEmulator | undefined;
  let time: VirtualTime;
  let inFlight = 0;

  beforeAll(async () => {
    t = await createTestDb("postgresql");
  });
  afterAll(async () => {
    await t.destroy();
  });
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
    await t.db.$executeRaw`DELETE FROM "SendPace"`;
  });

  /** Counts a promise as work in flight: virtual time stands still until it settles. */
  const counted = <T>(work: Promise<T>): Promise<T> => {
    inFlight++;
    return work.finally(() => inFlight--);
  };

  async function setup(): Promise<void> {
    time = createVirtualTime();
    inFlight = 0;
    emulator = await createBotApiEmulator({ clock: { now: time.now }, autoCreateChats: true, rateLimit: TELEGRAM });
  }

  function instance(shared: boolean): Instance {
    const e = emulator as BotApiEmulator;
    const pacing = createSharedPacing(t.db, { now: time.now });
    // The database's answers count as work in flight, like the HTTP requests.
    const countedPacing: SharedPacing = {
      reserve: (requests, spacing) => counted(pacing.reserve(requests, spacing)),
      pauseAll: (ms) => counted(pacing.pauseAll(ms)),
    };
    const limiter = createOutboundLimiter({ limits: TELEGRAM, now: time.now, sleep: time.sleep, ...(shared ? { shared: countedPacing } : {}) });
    const api = new Api(e.token, { apiRoot: e.apiRoot });
    const counting: Transformer = (prev, method, payload, signal) => counted(prev(method, payload, signal));
    api.config.use(counting);
    return {
      limiter,
      api,
      remind: (chatId) => sendWithRetries({ api, limiter, sleep: time.sleep, policy, logger }, BigInt(chatId), chatId < 0, "reminder"),
      reply: async (chatId) => {
        await limiter.acquire(chatId, chatId < 0, "reply");
        return api.sendMessage(chatId, "reply");
      },
    };
  }

  const run = <T>(work: Promise<T>): Promise<T> => time.drive(work, { busy: () => inFlight > 0 });
  const delivered = (): RecordedCall[] =>
    (emulator as BotApiEmulator).getCalls({ method: "sendMessage" }).filter((c) => c.outcome.kind === "response" && c.outcome.body.ok);
  const chatOf = (c: RecordedCall): number => Number(c.params.chat_id);
  /** The most messages accepted in any one second. */
  const busiestSecond = (calls: RecordedCall[]): number => {
    const times = calls.map((c) => c.time).sort((a, b) => a - b);
    let most = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while ((times[i] as number) - (times[j] as number) >= 1000) j++;
      most = Math.max(most, i - j + 1);
    }
    return most;
  };

  it("90 reminders from each instance: at most 30 a second together, no 429, and close to the limit", async () => {
    await setup();
    const [a, b] = [instance(true), instance(true)];
    const start = time.now();
    await run(Promise.all([...Array.from({ length: 90 }, (_, i) => a.remind(1000 + i)), ...Array.from({ length: 90 }, (_, i) => b.remind(2000 + i))]));
    const calls = delivered();
    expect(calls).toHaveLength(180);
    expect(emulator?.stats.tooManyRequests).toBe(0);
    expect(busiestSecond(calls)).toBeLessThanOrEqual(30);
    // 180 at 30/s less the 6% margin is 6.4 s; both instances sent all along.
    const took = (calls.at(-1)?.time ?? 0) - start;
    expect(took).toBeLessThan(6_500);
    expect(calls.slice(0, 30).some((c) => chatOf(c) < 2000) && calls.slice(0, 30).some((c) => chatOf(c) >= 2000)).toBe(true);
  });

  it("the control case: two instances pacing alone send 60 a second and draw 429s", async () => {
    await setup();
    const [a, b] = [instance(false), instance(false)];
    await run(Promise.all([...Array.from({ length: 90 }, (_, i) => a.remind(1000 + i)), ...Array.from({ length: 90 }, (_, i) => b.remind(2000 + i))]));
    expect(emulator?.stats.tooManyRequests).toBeGreaterThan(0);
  });

  it("replies on one instance wait behind at most the lookahead of the other's reminders", async () => {
    await setup();
    const [a, b] = [instance(true), instance(true)];
    const start = time.now();
    const reminders = Array.from({ length: 120 }, (_, i) => a.remind(1000 + i));
    const replies = (async () => {
      await time.sleep(1_000);
      const asked = time.now();
      await Promise.all(Array.from({ length: 10 }, (_, i) => b.reply(5000 + i)));
      return asked;
    })();
    const [, asked] = await run(Promise.all([Promise.all(reminders), replies]));
    expect(emulator?.stats.tooManyRequests).toBe(0);
    const calls = delivered();
    const replyTimes = calls.filter((c) => chatOf(c) >= 5000).map((c) => c.time);
    expect(replyTimes).toHaveLength(10);
    // 10 replies need 10 slots (0.35 s) after at most 0.2 s of slots the reminders hold.
    expect(Math.max(...replyTimes) - asked).toBeLessThan(200 + 10 * (1060 / 30) + 50);
    // Meanwhile the reminders had the rest, and all of them arrived.
    expect(calls.filter((c) => chatOf(c) < 5000)).toHaveLength(120);
    expect((calls.at(-1)?.time ?? 0) - start).toBeLessThan(130 * (1060 / 30) + 300);
  });

  it("one chat written to by both instances still gets one message a second, and a group 20 a minute", async () => {
    await setup();
    const [a, b] = [instance(true), instance(true)];
    const start = time.now();
    await run(Promise.all([a.remind(777), a.remind(777), b.reply(777), b.reply(777), ...Array.from({ length: 12 }, () => a.remind(-100)), ...Array.from({ length: 12 }, () => b.reply(-100))]));
    expect(emulator?.stats.tooManyRequests).toBe(0);
    const toChat = delivered().filter((c) => chatOf(c) === 777).map((c) => c.time);
    expect(toChat).toHaveLength(4);
    for (let i = 1; i < toChat.length; i++) expect((toChat[i] as number) - (toChat[i - 1] as number)).toBeGreaterThanOrEqual(1000);
    const toGroup = delivered().filter((c) => chatOf(c) === -100).map((c) => c.time);
    expect(toGroup).toHaveLength(24);
    expect(toGroup.filter((at) => at - start < 60_000).length).toBeLessThanOrEqual(20);
  });

  it("a 429 heard by one instance holds the other's sends too", async () => {
    await setup();
    const [a, b] = [instance(true), instance(true)];
    emulator?.failNext("sendMessage", { kind: "429", retryAfter: 3 }, { chatId: 1000 });
    const first = a.remind(1000);
    const work = (async () => {
      await time.sleep(100);
      await Promise.all(Array.from({ length: 5 }, (_, i) => b.remind(2000 + i)));
    })();
    await run(Promise.all([first, work]));
    const pausedAt = emulator?.getCalls({ method: "sendMessage" }).find((c) => c.injected === "429")?.time ?? 0;
    const fromB = delivered().filter((c) => chatOf(c) >= 2000).map((c) => c.time);
    expect(fromB).toHaveLength(5);
    // B's first slots had been granted before the 429 (at most the lookahead); none after it until it ends.
    expect(fromB.filter((at) => at > pausedAt + 200 && at < pausedAt + 3000)).toEqual([]);
  });
});
