import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerCommands } from "../../src/bot/commands.ts";
import { createHarnessFile, say, textOf } from "./harness.ts";

const file = createHarnessFile();

beforeAll(() => file.setup(), 30_000);
afterAll(() => file.teardown());
afterEach(() => file.stop());

async function chatActive(id: number): Promise<boolean | undefined> {
  return (await file.db.chat.findUnique({ where: { id: BigInt(id) } }))?.active;
}

describe("Telegram errors on replies", () => {
  it("429 waits retry_after (injected sleep) and retries; the user gets the answer", async () => {
    const h = await file.start();
    h.emulator.failNext("sendMessage", { kind: "429", retryAfter: 3 }, { times: 2 });
    const reply = await say(h, h.userChat, h.user, "/help");
    expect(textOf(reply)).toContain("Commands");
    expect(h.sleeps).toEqual([3000, 3000]);
  });

  it("429 with an unreasonable retry_after is not waited for; the user gets a short apology", async () => {
    const h = await file.start();
    h.emulator.failNext("sendMessage", { kind: "429", retryAfter: 3600 });
    const reply = await say(h, h.userChat, h.user, "/help");
    expect(textOf(reply)).toBe("Something went wrong; try again.");
    expect(h.sleeps).toEqual([]);
  });

  it("5xx retries after a backoff", async () => {
    const h = await file.start();
    h.emulator.failNext("sendMessage", { kind: "5xx", status: 502 });
    expect(textOf(await say(h, h.userChat, h.user, "/help"))).toContain("Commands");
    expect(h.sleeps).toEqual([500]);
  });

  it("a persistent 5xx does not crash the bot; the next command works", async () => {
    const h = await file.start();
    h.emulator.failNext("sendMessage", { kind: "5xx" }, { times: 6 });
    await h.handled(h.emulator.sendText(h.userChat, h.user, "/help"));
    // the reply and the apology, each tried three times
    expect(h.emulator.getCalls({ method: "sendMessage" }).filter((c) => c.injected === "5xx")).toHaveLength(6);
    expect(textOf(await say(h, h.userChat, h.user, "/help"))).toContain("Commands");
  });

  it("403 (blocked mid-conversation) marks the chat inactive without a crash", async () => {
    const h = await file.start();
    await say(h, h.userChat, h.user, "/start");
    h.emulator.failNext("sendMessage", { kind: "403", description: "Forbidden: bot was blocked by the user" });
    await h.handled(h.emulator.sendText(h.userChat, h.user, "/help"));
    expect(await chatActive(h.userChat.id)).toBe(false);
    // writing again makes it active
    expect(textOf(await say(h, h.userChat, h.user, "/help"))).toContain("Commands");
    expect(await chatActive(h.userChat.id)).toBe(true);
  });

  it("400 chat not found marks the chat inactive", async () => {
    const h = await file.start();
    await say(h, h.userChat, h.user, "/start");
    h.emulator.failNext("sendMessage", { kind: "400-chat-not-found" });
    await h.handled(h.emulator.sendText(h.userChat, h.user, "/list"));
    expect(await chatActive(h.userChat.id)).toBe(false);
  });

  it("400 with migrate_to_chat_id moves the chat to its new id", async () => {
    const h = await file.start();
    const group = h.emulator.createGroup({ title: "Old group", admins: [h.admin] });
    await say(h, group, h.admin, "/follow all");
    h.emulator.failNext("sendMessage", { kind: "400-migrate", migrateToChatId: -1009876543210 }, { chatId: group.id });
    await h.handled(h.emulator.sendText(group, h.admin, "/help"));
    const old = await file.db.chat.findUniqueOrThrow({ where: { id: BigInt(group.id) } });
    expect(old.migratedToId).toBe(-1009876543210n);
    expect(await file.db.follow.count({ where: { chatId: -1009876543210n } })).toBe(1);
  });

  it("a timeout is retried (the reply is not lost), the bot goes on", async () => {
    const h = await file.start({ timeoutSeconds: 1 });
    h.emulator.failNext("sendMessage", { kind: "timeout" });
    const help = h.emulator.sendText(h.userChat, h.user, "/help");
    await h.emulator.waitForCall("sendMessage", (c) => c.injected === "timeout");
    await h.handled(help);
    expect(h.emulator.sentMessages(h.userChat.id).map(textOf)).toEqual([expect.stringContaining("Commands")]);
    expect(textOf(await h.emulator.converse(h.userChat, h.user, "/start", { timeoutMs: 8000 }))).toContain("Mindet");
  });

  it("a button answer whose reply was lost is not answered twice into an error: the retry's refusal counts as answered", async () => {
    const errors: string[] = [];
    const h = await file.start({ timeoutSeconds: 1, logger: pino({ level: "warn" }, { write: (line: string) => errors.push(line) }) });
    const start = await say(h, h.userChat, h.user, "/start");
    // The answer to "Browse" reaches Telegram after the bot's 1 s timeout (Telegram takes it at
    // 1.1 s); the bot's retry reaches it at 1.3 s and is refused: the press is already answered.
    h.emulator.failNext("answerCallbackQuery", { kind: "timeout", ms: 1_100 });
    h.emulator.failNext("answerCallbackQuery", { kind: "timeout", ms: 300 });
    const press = h.emulator.pressButton(start, 1);
    await h.handled(press.update);
    const answers = h.emulator.getCalls({ method: "answerCallbackQuery" });
    expect(answers).toHaveLength(2);
    const outcomes = answers.map((c) => (c.outcome.kind === "response" && !c.outcome.body.ok ? c.outcome.body.description : "ok"));
    expect(outcomes).toEqual(["ok", expect.stringContaining("query is too old")]);
    // The list was shown in place, no apology was tried, nothing was logged as an error.
    expect(String(h.emulator.getCalls({ method: "editMessageText" })[0]?.params.text)).toContain("No commitments are tracked yet");
    expect(answers.every((c) => c.params.show_alert === undefined)).toBe(true);
    expect(errors.filter((line) => JSON.parse(line).level >= 50)).toEqual([]);
  });

  it("an edit that changes nothing is not an error", async () => {
    const h = await file.start();
    await file.db.chat.deleteMany({});
    const reply = await say(h, h.userChat, h.user, "/settings");
    const first = await h.emulator.pressButton(reply, "1:s:tz:0").answer;
    expect(String(first.text)).toContain("Saved");
    const second = await h.emulator.pressButton(reply, "1:s:tz:0").answer;
    expect(String(second.text)).toContain("Saved");
    const edits = h.emulator.getCalls({ method: "editMessageText" });
    expect(edits.some((c) => c.outcome.kind === "response" && !c.outcome.body.ok)).toBe(true);
    expect(h.emulator.getCalls({ method: "answerCallbackQuery" }).every((c) => !String(c.params.text).includes("wrong"))).toBe(true);
  });
});

describe("the error boundary", () => {
  it("a failing handler is logged and the user gets one line, never a stack trace", async () => {
    const real = file.db;
    // The store breaks under the handler: every commitment query throws.
    const broken = new Proxy(real, {
      get(target, property, receiver) {
        if (property === "commitment") throw new Error("disk I/O error at /secret/path.db");
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const h = await file.start({ db: broken });
    expect(textOf(await say(h, h.userChat, h.user, "/list"))).toBe("Something went wrong; try again.");
    const reply = await say(h, h.userChat, h.user, "/start");
    const answer = await h.emulator.pressButton(reply, 1).answer;
    expect(answer).toMatchObject({ text: "Something went wrong; try again.", show_alert: true });
    for (const call of h.emulator.getCalls()) expect(JSON.stringify(call.params)).not.toMatch(/secret|at .*\.ts/);
  });
});

describe("flood control", () => {
  it("200 messages from one user in a second: 5 answered, one notice, and another user is still answered promptly", async () => {
    const h = await file.start({ rateLimit: { burst: 5, refillPerSecond: 1 } });
    const flood = Array.from({ length: 200 }, () => h.emulator.sendText(h.userChat, h.user, "/list"));
    const started = Date.now();
    const other = h.emulator.createUser({ firstName: "Cy" });
    const otherChat = h.emulator.createPrivateChat(other);
    const reply = await h.emulator.converse(otherChat, other, "/help", { timeoutMs: 2000 });
    expect(textOf(reply)).toContain("Commands");
    expect(Date.now() - started).toBeLessThan(1000);
    await Promise.all(flood.map((u) => h.handled(u)));
    const toFlooder = h.emulator.getCalls({ method: "sendMessage" }).filter((c) => Number(c.params.chat_id) === h.userChat.id);
    expect(toFlooder.filter((c) => String(c.params.text).includes("Slow down"))).toHaveLength(1);
    expect(toFlooder).toHaveLength(6);
    // a second later one more command goes through
    h.clock.advance(1000);
    expect(textOf(await say(h, h.userChat, h.user, "/help"))).toContain("Commands");
  });
});

describe("the runner", () => {
  it("handles one chat's updates in order while other chats are answered meanwhile", async () => {
    const h = await file.start();
    // The reply to the first command is held 400 ms by "Telegram".
    h.emulator.failNext("sendMessage", { kind: "timeout", ms: 400 }, { chatId: h.userChat.id });
    const first = h.emulator.sendText(h.userChat, h.user, "/help");
    const second = h.emulator.sendText(h.userChat, h.user, "/start");
    const other = h.emulator.createUser({ firstName: "Di" });
    const otherReply = await h.emulator.converse(h.emulator.createPrivateChat(other), other, "/start", { timeoutMs: 2000 });
    expect(textOf(otherReply)).toContain("Mindet");
    expect(h.emulator.sentMessages(h.userChat.id)).toHaveLength(0); // the held reply is not out yet
    await h.handled(first);
    await h.handled(second);
    expect(h.emulator.sentMessages(h.userChat.id).map(textOf).map((t) => t.split("\n")[0])).toEqual(["Commands", expect.stringContaining("Mindet")]);
  });
});

describe("command menu", () => {
  it("setMyCommands: public commands for everyone, admin commands in each admin's chat", async () => {
    const h = await file.start();
    await registerCommands(h.bot.api, h.config.adminIds);
    const everyone = h.emulator.commands().map((c) => c.command);
    expect(everyone).toEqual(expect.arrayContaining(["start", "help", "list", "upcoming", "overdue", "status", "search", "follow", "unfollow", "mine", "settings", "calendar"]));
    expect(everyone).not.toContain("done");
    const admin = h.emulator.commands({ scope: { type: "chat", chat_id: h.admin.id } }).map((c) => c.command);
    expect(admin).toEqual(expect.arrayContaining(["done", "missed", "postpone", "reopen", "ingest", "stats", "list"]));
  });
});
