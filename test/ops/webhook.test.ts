import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { startTestApp, type TestApp } from "../support/app.ts";

const SECRET = "s3cret-token_for-tests-0123456789";
const HOOK = "https://bot.example.test/telegram/hook";

// Webhook mode end to end: `mindet start`'s app (createApp) serving the webhook, /healthz and
// /metrics on one port; the test plays Telegram and posts updates the way Telegram does.
describe("webhook mode, /healthz and /metrics", () => {
  let t: TestApp;
  let base: string;
  let emulator: TestApp["emulator"];
  let testDb: TestApp["testDb"];
  let app: TestApp["app"];
  let clock: TestApp["clock"];

  beforeAll(async () => {
    const started = await startTestApp({
      env: { WEBHOOK_URL: HOOK, WEBHOOK_SECRET: SECRET, PORT: "0" },
      app: { webhookAnswerWithinMs: 300 },
    });
    t = started;
    ({ emulator, testDb, app, clock } = started);
    expect(started.httpPort).not.toBeNull();
    base = `http://127.0.0.1:${started.httpPort}`;
  }, 30_000);
  afterAll(() => t.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/telegram/hook`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
  const replies = () => emulator.getCalls({ method: "sendMessage" }).length;

  it("registers the webhook with its secret and the update types the bot handles", () => {
    const registered = emulator.world.bot(emulator.token).webhook;
    expect(registered).toEqual({ url: HOOK, secretToken: SECRET, allowedUpdates: ["message", "edited_message", "callback_query", "my_chat_member"] });
  });

  it("answers an update posted with the secret, and replies through the Bot API", async () => {
    const user = emulator.createUser({ firstName: "Wen" });
    const chat = emulator.createPrivateChat(user);
    const update = emulator.sendText(chat, user, "/start");
    const res = await post(JSON.stringify(update), { "x-telegram-bot-api-secret-token": SECRET });
    expect(res.status).toBe(200);
    const reply = await emulator.waitForMessage(chat, undefined, { timeoutMs: 5_000 });
    expect(reply.text).toMatch(/Mindet/);
  });

  it("answers Telegram in time when the work is slow, and finishes the work after the answer", async () => {
    const user = emulator.createUser({ firstName: "Slo" });
    const chat = emulator.createPrivateChat(user);
    // The reply's sendMessage is answered 1.5 s late: the handler is still busy when the answer is due.
    emulator.failNext("sendMessage", { kind: "timeout", ms: 1_500 });
    const update = emulator.sendText(chat, user, "/help");
    const started = performance.now();
    const res = await post(JSON.stringify(update), { "x-telegram-bot-api-secret-token": SECRET });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_400);
    const reply = await emulator.waitForMessage(chat, undefined, { timeoutMs: 5_000 });
    expect(reply.text).toContain("/list");
  });

  it("refuses a missing or wrong secret with 401 and changes nothing", async () => {
    const before = replies();
    const user = emulator.createUser({ firstName: "Eve" });
    const update = emulator.sendText(emulator.createPrivateChat(user), user, "/start");
    expect((await post(JSON.stringify(update))).status).toBe(401);
    expect((await post(JSON.stringify(update), { "x-telegram-bot-api-secret-token": `${SECRET}x` })).status).toBe(401);
    expect((await post(JSON.stringify(update), { "x-telegram-bot-api-secret-token": SECRET.replace("s", "S") })).status).toBe(401);
    expect(replies()).toBe(before);
    expect(await testDb.db.chat.count({ where: { id: BigInt(user.id) } })).toBe(0);
  });

  it("refuses a body that is not JSON (400), not an update (400) or over 1 MB (413)", async () => {
    const auth = { "x-telegram-bot-api-secret-token": SECRET };
    const before = replies();
    expect((await post("{not json", auth)).status).toBe(400);
    expect((await post(JSON.stringify({ hello: 1 }), auth)).status).toBe(400);
    expect((await post(JSON.stringify({ update_id: 1, pad: "x".repeat(1_100_000) }), auth)).status).toBe(413);
    expect(replies()).toBe(before);
    // The server is still there.
    expect((await fetch(`${base}/healthz`)).status).toBeLessThan(600);
  });

  it("/healthz reports the database and the age of the last reminder tick", async () => {
    await app.scheduler.tick();
    const healthy = await fetch(`${base}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ ok: true, database: "ok", lastReminderTickAgeSeconds: 0 });
    clock.advance(10 * 60_000);
    const stale = await fetch(`${base}/healthz`);
    expect(stale.status).toBe(503);
    expect(await stale.json()).toMatchObject({ ok: false, lastReminderTickAgeSeconds: 600 });
    await app.scheduler.tick();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("/metrics speaks the Prometheus text format", async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^mindet_updates_handled_total 2$/m);
    expect(text).toMatch(/^mindet_replies_total [1-9]\d*$/m);
    expect(text).toMatch(/^mindet_outbox_depth \d+$/m);
    expect(text).toMatch(/^mindet_reminder_tick_duration_seconds_count [1-9]\d*$/m);
    expect(text).toMatch(/^# TYPE mindet_telegram_429_total counter$/m);
    expect(text).toMatch(/^mindet_reminders_sent_total \d+$/m);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
  });
});

describe("webhook configuration", () => {
  const env = { BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ" };
  const fails = (extra: Record<string, string>) => {
    try {
      loadConfig({ ...env, ...extra }, { requireToken: true });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).variable;
    }
    return null;
  };

  it("names the variable that is wrong", () => {
    expect(fails({ WEBHOOK_URL: "http://bot.example.org/hook", WEBHOOK_SECRET: SECRET })).toBe("WEBHOOK_URL");
    expect(fails({ WEBHOOK_URL: HOOK })).toBe("WEBHOOK_SECRET");
    expect(fails({ WEBHOOK_SECRET: SECRET })).toBe("WEBHOOK_URL");
    expect(fails({ WEBHOOK_URL: HOOK, WEBHOOK_SECRET: "short" })).toBe("WEBHOOK_SECRET");
    expect(fails({ WEBHOOK_URL: "not a url", WEBHOOK_SECRET: SECRET })).toBe("WEBHOOK_URL");
    expect(fails({ PORT: "http" })).toBe("PORT");
    expect(fails({ PORT: "70000" })).toBe("PORT");
  });

  it("listens on PORT (default 8080 with a webhook) and polls without one", () => {
    expect(loadConfig({ ...env, WEBHOOK_URL: HOOK, WEBHOOK_SECRET: SECRET }, { requireToken: true })).toMatchObject({
      port: 8080,
      webhook: { url: HOOK, secret: SECRET, path: "/telegram/hook" },
    });
    expect(loadConfig(env, { requireToken: true })).toMatchObject({ port: null, webhook: null });
    expect(loadConfig({ ...env, PORT: "9090" }, { requireToken: true }).port).toBe(9090);
  });
});
