import { Api, GrammyError, HttpError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { RateLimiter } from "../../src/testing/emulator/rate-limiter.ts";

let emulator: BotApiEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function setup(options: Parameters<typeof createBotApiEmulator>[0] = {}, timeoutSeconds?: number) {
  emulator = await createBotApiEmulator(options);
  const api = new Api(emulator.token, { apiRoot: emulator.apiRoot, ...(timeoutSeconds ? { timeoutSeconds } : {}) });
  const user = emulator.createUser();
  const chatId = emulator.createPrivateChat(user).id;
  return { emulator, api, chatId };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => expect.unreachable("the call should fail"), (e: unknown) => e);
}

describe("failNext", () => {
  it.each([
    [{ kind: "429", retryAfter: 7 } as const, 429, "Too Many Requests: retry after 7", { retry_after: 7 }],
    [{ kind: "403" } as const, 403, "Forbidden: bot was blocked by the user", {}],
    [{ kind: "400-chat-not-found" } as const, 400, "Bad Request: chat not found", {}],
    [{ kind: "400-migrate", migrateToChatId: -1001234567890 } as const, 400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: -1001234567890 }],
    [{ kind: "400", description: "Bad Request: not enough rights" } as const, 400, "Bad Request: not enough rights", {}],
    [{ kind: "5xx" } as const, 502, "Bad Gateway", {}],
    [{ kind: "5xx", status: 500 } as const, 500, "Internal Server Error", {}],
  ])("%j surfaces as a GrammyError", async (injected, code, description, parameters) => {
    const { emulator, api, chatId } = await setup();
    emulator.failNext("sendMessage", injected);
    const error = (await failure(api.sendMessage(chatId, "reminder"))) as GrammyError;
    expect(error).toBeInstanceOf(GrammyError);
    expect([error.error_code, error.description, error.parameters]).toEqual([code, description, parameters]);
    expect(emulator.calls.at(-1)?.injected).toBe(injected.kind);
    // Only the next call fails.
    await api.sendMessage(chatId, "reminder");
    expect(emulator.stats.sendMessageAccepted).toBe(1);
  });

  it("fails only matching calls, the given number of times", async () => {
    const { emulator, api, chatId } = await setup();
    const other = emulator.createPrivateChat(emulator.createUser()).id;
    emulator.failNext("sendMessage", { kind: "403" }, { times: 2, chatId, match: (p) => String(p["text"]).includes("due") });
    await api.sendMessage(other, "due soon");
    await api.sendMessage(chatId, "hello");
    await failure(api.sendMessage(chatId, "due soon"));
    await failure(api.sendMessage(chatId, "due today"));
    await api.sendMessage(chatId, "due tomorrow");
    expect(emulator.stats.perChat[String(chatId)]).toEqual({ accepted: 2, tooManyRequests: 0, errors: 2 });
  });

  it("timeout surfaces as an HttpError when the client gives up", async () => {
    const { emulator, api, chatId } = await setup({}, 1);
    emulator.failNext("sendMessage", { kind: "timeout" });
    const error = await failure(api.sendMessage(chatId, "slow"));
    expect(error).toBeInstanceOf(HttpError);
    expect(emulator.sentMessages(chatId)).toEqual([]);
  });

  it("timeout with ms delivers late, even though the client gave up", async () => {
    const { emulator, api, chatId } = await setup({}, 1);
    emulator.failNext("sendMessage", { kind: "timeout", ms: 1200 });
    expect(await failure(api.sendMessage(chatId, "late"))).toBeInstanceOf(HttpError);
    const delivered = await emulator.waitForMessage(chatId, { textIncludes: "late" }, { since: 0 });
    expect(delivered.text).toBe("late");
  });

  it("drop destroys the socket (HttpError)", async () => {
    const { emulator, api, chatId } = await setup();
    emulator.failNext("sendMessage", { kind: "drop" });
    expect(await failure(api.sendMessage(chatId, "x"))).toBeInstanceOf(HttpError);
    expect(emulator.calls.at(-1)?.outcome).toEqual({ kind: "dropped" });
  });
});

describe("rate limits", () => {
  it("limits one chat per second and the bot overall, by the injected clock", async () => {
    let now = Date.UTC(2026, 2, 1, 9, 0, 0);
    const { emulator, api, chatId } = await setup({ clock: { now: () => now }, rateLimit: { perChatPerSecond: 1, globalPerSecond: 3 } });
    await api.sendMessage(chatId, "1");
    const error = (await failure(api.sendMessage(chatId, "2"))) as GrammyError;
    expect([error.error_code, error.description, error.parameters.retry_after]).toEqual([429, "Too Many Requests: retry after 1", 1]);
    now += 1000;
    await api.sendMessage(chatId, "2");
    // Three other chats in the same second hit the global limit on the third.
    const others = [1, 2, 3].map(() => emulator.createPrivateChat(emulator.createUser()).id);
    await api.sendMessage(others[0] as number, "a");
    await api.sendMessage(others[1] as number, "b");
    await failure(api.sendMessage(others[2] as number, "c"));
    expect(emulator.stats.tooManyRequests).toBe(2);
    expect(emulator.stats.sendMessageAccepted).toBe(4);
  });

  it("counts 20 messages per minute in a group with a retry_after up to the window's end", () => {
    const limiter = new RateLimiter({ perGroupPerMinute: 20 });
    const start = 1_000_000;
    for (let i = 0; i < 20; i++) expect(limiter.check("bot", -5, true, start + i * 100).allowed).toBe(true);
    expect(limiter.check("bot", -5, true, start + 2_500)).toEqual({ allowed: false, retryAfterSeconds: 58 });
    expect(limiter.check("bot", 5, false, start + 2_500).allowed).toBe(true);
    expect(limiter.check("bot", -5, true, start + 60_000).allowed).toBe(true);
  });
});

describe("waiting", () => {
  it("rejects with the recent calls when nothing matching arrives", async () => {
    const { emulator, api, chatId } = await setup();
    await api.sendMessage(chatId, "something else");
    await expect(emulator.waitForCall("sendDocument", { chatId }, { timeoutMs: 50, since: 0 }))
      .rejects.toThrow(/waiting for sendDocument.*\n.*Recent calls:\n.*sendMessage chat=/s);
  });

  it("handles thousands of chats and sends without slowing down", async () => {
    const { emulator, api } = await setup({ autoCreateChats: true });
    for (let i = 0; i < 100_000; i++) emulator.createGroup({ title: `g${i}`, type: "supergroup" });
    const chats = Array.from({ length: 300 }, (_, i) => 200_000_000 + i);
    await Promise.all(chats.map((id) => api.sendMessage(id, `reminder ${id}`)));
    expect(emulator.stats.sendMessageAccepted).toBe(300);
    expect(emulator.lastMessage(200_000_299)?.text).toBe("reminder 200000299");
  });
});
