// The outbound limiter and transformer against the Bot API emulator enforcing Telegram's limits
// on the same virtual time: a send let go too early shows up as a 429 in the emulator's stats.
import { Api, HttpError, type Transformer } from "grammy";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createOutboundLimiter, type OutboundLimiter } from "../../src/telegram/outbound-limiter.ts";
import { createOutboundTransformer } from "../../src/telegram/outbound-transformer.ts";
import { sendWithRetries, type SendResult } from "../../src/telegram/send-with-retries.ts";
import { createBotApiEmulator, type BotApiEmulator, type RecordedCall } from "../../src/testing/bot-api-emulator.ts";
import { createVirtualTime, type VirtualTime } from "./virtual-time.ts";

const TELEGRAM = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };
const logger = pino({ level: "silent" });

interface Rig {
  emulator: BotApiEmulator;
  time: VirtualTime;
  limiter: OutboundLimiter;
  /** bot.api as the bot has it: replies through the outbound transformer. */
  replies: Api;
  /** The scheduler's plain Api: reminders pace themselves in sendWithRetries. */
  reminders: Api;
  /** The transformer's backoff waits. */
  backoffs: number[];
  run<T>(work: Promise<T>): Promise<T>;
  remind(chatId: number, text: string): Promise<SendResult>;
  /** Accepted sendMessage calls, in arrival order. */
  delivered(): RecordedCall[];
}

let emulator: BotApiEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function setup(): Promise<Rig> {
  const time = createVirtualTime();
  emulator = await createBotApiEmulator({ clock: { now: time.now }, autoCreateChats: true, rateLimit: TELEGRAM });
  const limiter = createOutboundLimiter({ limits: TELEGRAM, now: time.now, sleep: time.sleep });
  let inFlight = 0;
  // Innermost: counts HTTP requests in flight, so virtual time stands still while one is.
  const counting: Transformer = async (prev, method, payload, signal) => {
    inFlight++;
    try {
      return await prev(method, payload, signal);
    } finally {
      inFlight--;
    }
  };
  const backoffs: number[] = [];
  const replies = new Api(emulator.token, { apiRoot: emulator.apiRoot });
  replies.config.use(counting, createOutboundTransformer({ limiter, logger, sleep: (ms) => (backoffs.push(ms), time.sleep(ms)) }));
  const reminders = new Api(emulator.token, { apiRoot: emulator.apiRoot });
  reminders.config.use(counting);
  const policy = { sendTimeoutMs: 5_000, maxTransientRetries: 3, backoffMs: 100, max429: 3 };
  const e = emulator;
  return {
    emulator: e,
    time,
    limiter,
    replies,
    reminders,
    backoffs,
    run: (work) => time.drive(work, { busy: () => inFlight > 0 }),
    remind: (chatId, text) => sendWithRetries({ api: reminders, limiter, sleep: time.sleep, policy, logger }, BigInt(chatId), chatId < 0, text),
    delivered: () => e.getCalls({ method: "sendMessage" }).filter((c) => c.outcome.kind === "response" && c.outcome.body.ok),
  };
}

const chatOf = (c: RecordedCall): number => Number(c.params.chat_id);

describe("replies through the outbound transformer", () => {
  it("48 replies, three of them to one chat: paced to 30/s and 1/s per chat, no 429", async () => {
    const rig = await setup();
    const start = rig.time.now();
    const sends = [
      ...[1, 2, 3].map((n) => rig.replies.sendMessage(1001, `reply ${n}`)),
      ...Array.from({ length: 45 }, (_, i) => rig.replies.sendMessage(2001 + i, "hello")),
    ];
    await rig.run(Promise.all(sends));
    expect(rig.emulator.stats.tooManyRequests).toBe(0);
    const delivered = rig.delivered();
    expect(delivered).toHaveLength(48);
    const toOne = delivered.filter((c) => chatOf(c) === 1001);
    expect(toOne.map((c) => c.params.text)).toEqual(["reply 1", "reply 2", "reply 3"]);
    expect((toOne[1]?.time ?? 0) - (toOne[0]?.time ?? 0)).toBeGreaterThanOrEqual(1000);
    expect((toOne[2]?.time ?? 0) - (toOne[1]?.time ?? 0)).toBeGreaterThanOrEqual(1000);
    // 45 chats at 30/s less the 6% margin: about 1.6 s. The one chat's third reply 2 x (1.06 s +
    // 100 ms) after its first, give or take the wait for a global slot (1.06 s / 30).
    expect((delivered.filter((c) => chatOf(c) !== 1001).at(-1)?.time ?? 0) - start).toBeLessThan(1700);
    expect((toOne[2]?.time ?? 0) - start).toBeGreaterThanOrEqual(2320);
    expect((toOne[2]?.time ?? 0) - start).toBeLessThan(2320 + 2 * (1060 / 30));
  });

  it("getMe, sendChatAction and edits are not paced: they go at once behind a queue of replies", async () => {
    const rig = await setup();
    const queued = Array.from({ length: 5 }, (_, i) => rig.replies.sendMessage(1001, `reply ${i}`));
    const first = await rig.run(queued[0] as Promise<{ message_id: number }>);
    const at = rig.time.now();
    await rig.run(Promise.all([rig.replies.getMe(), rig.replies.sendChatAction(1001, "typing"), rig.replies.editMessageText(1001, first.message_id, "edited")]));
    expect(rig.time.now()).toBe(at);
    expect(rig.limiter.waiting().reply).toBe(4);
    await rig.run(Promise.all(queued));
  });

  it("an edit that changes nothing is a success", async () => {
    const rig = await setup();
    const sent = await rig.run(rig.replies.sendMessage(1001, "same"));
    await expect(rig.run(rig.replies.editMessageText(1001, sent.message_id, "same"))).resolves.toBe(true);
  });
});

describe("two priorities on one limiter", () => {
  it("replies arriving behind 40 reminders go out before the reminders still waiting", async () => {
    const rig = await setup();
    const reminders = Array.from({ length: 40 }, (_, i) => rig.remind(3001 + i, "reminder"));
    const replies = Array.from({ length: 20 }, (_, i) => rig.replies.sendMessage(4001 + i, "reply"));
    const results = await rig.run(Promise.all([...reminders, ...replies]));
    expect(results).toHaveLength(60);
    expect(rig.emulator.stats.tooManyRequests).toBe(0);
    const order = rig.delivered().map((c) => (chatOf(c) >= 4001 ? "reply" : "reminder"));
    // The first reminder found the limiter idle; after it, all 20 replies, then the reminders.
    expect(order.slice(0, 21)).toEqual(["reminder", ...Array<string>(20).fill("reply")]);
    expect(order.slice(21).every((o) => o === "reminder")).toBe(true);
  });
});

describe("a 429 pauses every sender", () => {
  it.each([
    // The first reminder leaves at once, the first reply right after it: both with others waiting.
    ["a reply", 4001],
    ["a reminder", 3001],
  ])("%s drawing retry_after 5: nothing at all is sent for 5 s, then both resume", async (_, victim) => {
    const rig = await setup();
    rig.emulator.failNext("sendMessage", { kind: "429", retryAfter: 5 }, { chatId: victim });
    const work = Promise.all([
      ...Array.from({ length: 10 }, (_, i) => rig.remind(3001 + i, "reminder")),
      ...Array.from({ length: 10 }, (_, i) => rig.replies.sendMessage(4001 + i, "reply")),
    ]);
    await rig.run(work);
    const refused = rig.emulator.getCalls({ method: "sendMessage" }).filter((c) => c.injected === "429");
    expect(refused).toHaveLength(1);
    const pausedAt = refused[0]?.time ?? 0;
    const delivered = rig.delivered();
    expect(delivered).toHaveLength(20);
    expect(delivered.filter((c) => c.time > pausedAt && c.time < pausedAt + 5000)).toEqual([]);
    const after = delivered.filter((c) => c.time >= pausedAt + 5000).map(chatOf);
    expect(after).toContain(victim);
    expect(after.some((chat) => chat >= 4001)).toBe(true);
    expect(after.some((chat) => chat < 4001)).toBe(true);
    expect(rig.emulator.stats.tooManyRequests).toBe(1);
  });
});

describe("a 429 on a call that is not a message", () => {
  it("still holds every message for retry_after; the call itself retries after sleeping it", async () => {
    const rig = await setup();
    rig.emulator.failNext("sendChatAction", { kind: "429", retryAfter: 2 });
    await rig.run(rig.replies.sendChatAction(1001, "typing"));
    const pausedAt = rig.time.now();
    expect(rig.backoffs).toEqual([2000]);
    await rig.run(Promise.all([rig.replies.sendMessage(1002, "reply"), rig.remind(1003, "reminder")]));
    // The chat action's own wait ran first (2 s); the pause it set had ended with it.
    expect(rig.delivered().every((c) => c.time >= pausedAt)).toBe(true);
    const actions = rig.emulator.getCalls({ method: "sendChatAction" });
    expect(actions.map((c) => c.injected ?? "ok")).toEqual(["429", "ok"]);
    expect((actions[1]?.time ?? 0) - (actions[0]?.time ?? 0)).toBe(2000);
  });

  it("a message queued while that call sleeps waits for the pause too", async () => {
    const rig = await setup();
    rig.emulator.failNext("sendChatAction", { kind: "429", retryAfter: 5 });
    const start = rig.time.now();
    // The second reply to chat 1002 would go after its chat's second (1.16 s); the 429 says 5 s.
    const replies = [rig.replies.sendMessage(1002, "first"), rig.replies.sendMessage(1002, "second")];
    const action = rig.replies.sendChatAction(1001, "typing");
    await rig.run(Promise.all([...replies, action]));
    const times = rig.delivered().map((c) => c.time - start);
    expect(times[0]).toBe(0);
    expect(times[1]).toBeGreaterThanOrEqual(5000);
  });
});

describe("a reply that failed on the network", () => {
  it("is retried after a dropped connection (socket hang up) and arrives once", async () => {
    const rig = await setup();
    rig.emulator.failNext("sendMessage", { kind: "drop" }, { times: 2 });
    await rig.run(rig.replies.sendMessage(1001, "answer"));
    expect(rig.delivered().map((c) => c.params.text)).toEqual(["answer"]);
    expect(rig.backoffs).toEqual([250, 500]);
    expect(rig.emulator.getCalls({ method: "sendMessage" }).filter((c) => c.injected === "drop")).toHaveLength(2);
  });

  it("gives up after three retries, with the network's error", async () => {
    const rig = await setup();
    rig.emulator.failNext("sendMessage", { kind: "drop" }, { times: 10 });
    const error = await rig.run(rig.replies.sendMessage(1001, "answer").then(() => null, (e: unknown) => e));
    expect(error).toBeInstanceOf(HttpError);
    expect(rig.emulator.getCalls({ method: "sendMessage" })).toHaveLength(4);
    expect(rig.backoffs).toEqual([250, 500, 1000]);
  });

  it("each retry queues for a slot again: a retried reply to a chat still keeps its second", async () => {
    const rig = await setup();
    rig.emulator.failNext("sendMessage", { kind: "drop" }, { chatId: 1001 });
    await rig.run(Promise.all([rig.replies.sendMessage(1001, "first"), rig.replies.sendMessage(1001, "second")]));
    const calls = rig.emulator.getCalls({ method: "sendMessage" });
    expect(calls.map((c) => [c.params.text, c.injected ?? "ok"])).toEqual([["first", "drop"], ["second", "ok"], ["first", "ok"]]);
    expect((calls[2]?.time ?? 0) - (calls[1]?.time ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(rig.emulator.stats.tooManyRequests).toBe(0);
  });
});
