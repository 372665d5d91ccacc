// The transformer's decisions on a fake transport: what is retried, how often, after how long.
import { HttpError, type Transformer } from "grammy";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createOutboundLimiter } from "../../src/telegram/outbound-limiter.ts";
import { createOutboundTransformer } from "../../src/telegram/outbound-transformer.ts";
import { createVirtualTime } from "./virtual-time.ts";

type Prev = Parameters<Transformer>[0];
type Answer = Awaited<ReturnType<Prev>>;

/** A transport that plays `answers` in order (an Error is thrown), counting calls. */
function transport(answers: (Answer | Error)[]) {
  let calls = 0;
  const prev = (async () => {
    const answer = answers[Math.min(calls++, answers.length - 1)] as Answer | Error;
    if (answer instanceof Error) throw answer;
    return answer;
  }) as unknown as Prev;
  return { prev, calls: () => calls };
}

const ok: Answer = { ok: true, result: true as never };
const hangUp = new HttpError("Network request for 'sendMessage' failed!", new Error("socket hang up"));

function setup() {
  const sleeps: number[] = [];
  const transformer = createOutboundTransformer({
    logger: pino({ level: "silent" }),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { transformer, sleeps };
}

describe("the outbound transformer's retries", () => {
  it("a network failure is retried with backoff 250, 500, 1000 ms, then thrown", async () => {
    const { transformer, sleeps } = setup();
    const t = transport([hangUp]);
    await expect(transformer(t.prev, "sendMessage", { chat_id: 1, text: "x" })).rejects.toBe(hangUp);
    expect(t.calls()).toBe(4);
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it("getUpdates is not retried here (the runner does), nor a call its caller aborted", async () => {
    const { transformer, sleeps } = setup();
    const polls = transport([hangUp]);
    await expect(transformer(polls.prev, "getUpdates", { timeout: 30 })).rejects.toBe(hangUp);
    expect(polls.calls()).toBe(1);
    const aborted = transport([hangUp]);
    const controller = new AbortController();
    controller.abort();
    await expect(transformer(aborted.prev, "sendMessage", { chat_id: 1, text: "x" }, controller.signal as Parameters<Transformer>[3])).rejects.toBe(hangUp);
    expect(aborted.calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("an error that is not the network's (a bug) is not retried", async () => {
    const { transformer } = setup();
    const bug = new TypeError("cannot read properties of undefined");
    const t = transport([bug]);
    await expect(transformer(t.prev, "sendMessage", { chat_id: 1, text: "x" })).rejects.toBe(bug);
    expect(t.calls()).toBe(1);
  });

  it("5xx backs off 500 then 1000 ms, then the answer goes back to the caller", async () => {
    const { transformer, sleeps } = setup();
    const badGateway: Answer = { ok: false, error_code: 502, description: "Bad Gateway" };
    const t = transport([badGateway]);
    await expect(transformer(t.prev, "sendMessage", { chat_id: 1, text: "x" })).resolves.toEqual(badGateway);
    expect(sleeps).toEqual([500, 1000]);
  });

  it("an edit that changes nothing is a success; other 400s are not retried", async () => {
    const { transformer } = setup();
    const notModified = transport([{ ok: false, error_code: 400, description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same" }]);
    await expect(transformer(notModified.prev, "editMessageText", { chat_id: 1, message_id: 2, text: "x" })).resolves.toEqual(ok);
    const refused = transport([{ ok: false, error_code: 400, description: "Bad Request: can't parse entities" }, ok]);
    await expect(transformer(refused.prev, "sendMessage", { chat_id: 1, text: "<b" })).resolves.toMatchObject({ ok: false, error_code: 400 });
    expect(refused.calls()).toBe(1);
  });

  it("an answer to a button press Telegram no longer takes is a success; other answerCallbackQuery 400s are not", async () => {
    const { transformer, sleeps } = setup();
    const gone: Answer = { ok: false, error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" };
    // The first answer timed out on the way back; Telegram had taken it, so the retry is refused.
    const retried = transport([hangUp, gone]);
    await expect(transformer(retried.prev, "answerCallbackQuery", { callback_query_id: "7" })).resolves.toEqual(ok);
    expect(retried.calls()).toBe(2);
    expect(sleeps).toEqual([250]);
    // A press answered too late (over 15 s): nothing to answer any more, the handler goes on.
    await expect(transformer(transport([gone]).prev, "answerCallbackQuery", { callback_query_id: "8" })).resolves.toEqual(ok);
    const tooLong: Answer = { ok: false, error_code: 400, description: "Bad Request: MESSAGE_TOO_LONG" };
    await expect(transformer(transport([tooLong]).prev, "answerCallbackQuery", { callback_query_id: "9", text: "x".repeat(300) })).resolves.toEqual(tooLong);
    // The same words from another method are that method's error.
    await expect(transformer(transport([gone]).prev, "sendMessage", { chat_id: 1, text: "x" })).resolves.toEqual(gone);
  });

  it("a retry_after over 30 s is not waited for, and pauses nobody", async () => {
    const time = createVirtualTime(0);
    const limiter = createOutboundLimiter({ limits: { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 }, now: time.now, sleep: time.sleep });
    const transformer = createOutboundTransformer({ limiter, logger: pino({ level: "silent" }), sleep: time.sleep });
    const t = transport([{ ok: false, error_code: 429, description: "Too Many Requests: retry after 3600", parameters: { retry_after: 3600 } }]);
    await expect(time.drive(transformer(t.prev, "sendMessage", { chat_id: 1, text: "x" }))).resolves.toMatchObject({ error_code: 429 });
    await time.drive(limiter.acquire(2, false));
    expect(time.now()).toBeLessThan(100);
  });
});
