import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createBot } from "../../src/bot/index.ts";
import { runBot, type BotRunner } from "../../src/bot/runner.ts";
import { createManualClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { loadScheduler, schedulerApi, type Scheduler } from "../../src/main.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { commitment, seed } from "../bot/harness.ts";

// The whole path of an admin's status change: /done in the admin's chat -> changeStatus ->
// onStatusChanged -> the real scheduler's tick -> a message in every following chat.
describe("status announcements", () => {
  let emulator: BotApiEmulator;
  let testDb: TestDb;
  let runner: BotRunner;
  let scheduler: Scheduler | null;

  beforeAll(async () => {
    emulator = await createBotApiEmulator();
    testDb = await createTestDb();
    const clock = createManualClock("2026-01-15T06:00:00Z");
    const config = loadConfig({ ADMIN_IDS: "42", DATABASE_URL: testDb.url, LOG_LEVEL: "silent" }, { requireToken: false });
    const logger = pino({ level: "silent" });
    scheduler = await loadScheduler({ db: testDb.db, api: schedulerApi(emulator.token, emulator.apiRoot), clock, logger, config });
    const bot = createBot({
      token: emulator.token,
      config,
      db: testDb.db,
      clock,
      logger,
      apiRoot: emulator.apiRoot,
      onStatusChanged: () => void scheduler?.tick(),
    });
    runner = runBot(bot, { pollTimeoutSeconds: 1 });
  }, 30_000);
  afterAll(async () => {
    await runner.stop();
    await scheduler?.stop();
    await emulator.close();
    await testDb.destroy();
  });

  it("a follower hears about /done at once", async () => {
    if (!scheduler) return; // the reminders module is not there (yet)
    const [id] = await seed(testDb.db, "announce.txt", [commitment({ title: "Open the wind farm" })]);
    const follower = emulator.createUser({ firstName: "Fay" });
    const followerChat = emulator.createPrivateChat(follower);
    await emulator.converse(followerChat, follower, `/follow ${id}`);
    const admin = emulator.createUser({ id: 42, firstName: "Ada" });
    const adminChat = emulator.createPrivateChat(admin);
    expect((await emulator.converse(adminChat, admin, `/done ${id} https://gov.kz/x`)).text).toContain("marked done");
    const announcement = await emulator.waitForMessage(followerChat, (m) => /done/i.test(m.text ?? ""), { timeoutMs: 10_000 });
    expect(announcement.text).toContain("Open the wind farm");
    expect(announcement.text).toMatch(/done/i);
  });
});
