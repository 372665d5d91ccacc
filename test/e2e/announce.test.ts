import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createApp, type App } from "../../src/app.ts";
import { createManualClock } from "../../src/clock.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { commitment, seed } from "../bot/harness.ts";

// The whole path of an admin's status change, as `mindet start` wires it (createApp): /done in
// the admin's chat -> changeStatus -> onStatusChanged -> the real scheduler's tick -> a message in
// every following chat.
describe("status announcements", () => {
  let emulator: BotApiEmulator;
  let testDb: TestDb;
  let app: App;

  beforeAll(async () => {
    emulator = await createBotApiEmulator();
    testDb = await createTestDb();
    app = await createApp({
      env: { BOT_TOKEN: emulator.token, ADMIN_IDS: "42", DATABASE_URL: testDb.url, LOG_LEVEL: "silent" },
      apiRoot: emulator.apiRoot,
      db: testDb.db,
      clock: createManualClock("2026-01-15T06:00:00Z"),
      logger: pino({ level: "silent" }),
    });
    await app.start({ pollTimeoutSeconds: 1 });
  }, 30_000);
  afterAll(async () => {
    await app.stop();
    await emulator.close();
    await testDb.destroy();
  });

  it("a follower hears about /done at once", async () => {
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
