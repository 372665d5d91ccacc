import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createApp, type App } from "../../src/app.ts";
import { createManualClock, type ManualClock } from "../../src/clock.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { commitment, seed } from "../bot/harness.ts";

// Reminders are sent without an update, so they speak the chat's stored language: a Russian
// user's reminder comes in Russian, and after /language kk the next one comes in Kazakh. The
// whole path as `mindet start` wires it: createApp, the real scheduler, the emulator.
describe("reminders in the chat's language", () => {
  let emulator: BotApiEmulator;
  let testDb: TestDb;
  let app: App;
  let clock: ManualClock;

  beforeAll(async () => {
    emulator = await createBotApiEmulator();
    testDb = await createTestDb();
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
    await app.stop();
    await emulator.close();
    await testDb.destroy();
  });

  it("a Russian user's reminder is Russian; after /language kk the next one is Kazakh", async () => {
    const [id] = await seed(testDb.db, "language.txt", [commitment({ title: "Open the Aktau hub", due: "2026-01-23", dueText: "by 23 January 2026" })]);
    const user = emulator.createUser({ firstName: "Айгерим", languageCode: "ru" });
    const chat = emulator.createPrivateChat(user);
    await emulator.converse(chat, user, "/start");
    expect((await emulator.converse(chat, user, `/follow ${id}`)).text).toContain("подписан");

    // The 7-day reminder: 16 January, 09:00 in Almaty.
    clock.set("2026-01-16T04:00:00Z");
    await app.scheduler.tick();
    const russian = await emulator.waitForMessage(chat, (m) => /Напоминания/.test(m.text ?? ""), { timeoutMs: 10_000 });
    expect(russian.text).toContain("Open the Aktau hub — 23 января 2026, через 7 дней");

    expect((await emulator.converse(chat, user, "/language kk")).text).toMatch(/қазақ/i);

    // The 1-day reminder: 22 January, 09:00 in Almaty.
    clock.set("2026-01-22T04:00:00Z");
    await app.scheduler.tick();
    const kazakh = await emulator.waitForMessage(chat, (m) => /Еске салулар/.test(m.text ?? ""), { timeoutMs: 10_000 });
    expect(kazakh.text).toContain("Open the Aktau hub — 2026 жылғы 23 қаңтар");
  });
});
