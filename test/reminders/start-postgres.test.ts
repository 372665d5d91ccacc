// `mindet start` on PostgreSQL, wired as createApp wires it: the bot answers, /follow plans,
// the scheduler sends the reminder at 09:00 local through the emulator, and /unfollow stops the
// next one. (SQLite runs the same path in test/e2e.)
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { createManualClock, type ManualClock } from "../../src/clock.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { commitment, seed } from "../bot/harness.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { pgSkipReason } from "../support/postgres.ts";

const skip = pgSkipReason();

describe.skipIf(skip !== null)(`mindet start on PostgreSQL${skip ? ` (skipped: ${skip})` : ""}`, () => {
  let emulator: BotApiEmulator;
  let testDb: TestDb;
  let clock: ManualClock;
  let app: App;

  beforeAll(async () => {
    emulator = await createBotApiEmulator({ bot: { username: "mindet_test_bot" } });
    testDb = await createTestDb("postgresql");
    clock = createManualClock("2026-01-15T06:00:00Z"); // 11:00 in Almaty
    app = await createApp({
      env: { BOT_TOKEN: emulator.token, DATABASE_URL: testDb.url, LOG_LEVEL: "silent" },
      apiRoot: emulator.apiRoot,
      db: testDb.db,
      clock,
      logger: pino({ level: "silent" }),
    });
    await app.start({ pollTimeoutSeconds: 1 });
  }, 30_000);

  afterAll(async () => {
    await app?.stop();
    await emulator?.close();
    await testDb?.destroy();
  });

  it("answers, plans on /follow, sends the 7-day reminder at 09:00, and not the 1-day one after /unfollow", async () => {
    const [id] = await seed(testDb.db, "pg.txt", [commitment({ title: "Open the Aktau hub", due: "2026-01-23", dueText: "by 23 January 2026" })]);
    const user = emulator.createUser({ firstName: "Aigerim", languageCode: "en" });
    const chat = emulator.createPrivateChat(user);
    await emulator.converse(chat, user, "/start");
    expect((await emulator.converse(chat, user, `/follow ${id}`)).text).toMatch(/follow/i);

    clock.set("2026-01-16T03:59:00Z");
    await app.scheduler.tick();
    clock.set("2026-01-16T04:00:00Z"); // 09:00 in Almaty
    await app.scheduler.tick();
    const week = await emulator.waitForMessage(chat, (m) => /Open the Aktau hub/.test(m.text ?? "") && /7 days/.test(m.text ?? ""), { timeoutMs: 10_000 });
    expect(week.text).toContain("Open the Aktau hub");
    const rows = await testDb.db.delivery.findMany({ where: { chatId: BigInt(chat.id) }, select: { key: true, state: true } });
    expect(rows.filter((r) => r.state === "sent").map((r) => r.key)).toEqual([`r:${chat.id}:${id}:before-7:2026-01-23`]);

    await emulator.converse(chat, user, `/unfollow ${id}`);
    const before = emulator.sentMessages(chat.id).length;
    clock.set("2026-01-22T04:00:00Z");
    await app.scheduler.tick();
    expect(emulator.sentMessages(chat.id).length).toBe(before);
    expect(await testDb.db.delivery.count({ where: { chatId: BigInt(chat.id), state: "sent" } })).toBe(1);
  });
});
