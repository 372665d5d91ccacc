// The database connections drop in the middle of a run (every backend of the database cut by
// the server, as a failover or a restart of PostgreSQL does): the instance keeps answering, a
// tick that hit the cut fails and the next one catches up, nothing is lost or sent twice, and
// the planning lock is taken again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { createManualClock, type ManualClock } from "../../src/clock.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { adminQuery, pgSkipReason } from "../support/postgres.ts";
import { addChat, addCommitment, addFollow, silentLogger } from "./db-helpers.ts";

const CHATS = 40;
const skip = pgSkipReason();

describe.skipIf(skip !== null)(`connection loss on PostgreSQL${skip ? ` (skipped: ${skip})` : ""}`, () => {
  let t: TestDb;
  let emulator: BotApiEmulator;
  let clock: ManualClock;
  let app: App;

  const cutEveryConnection = (): Promise<void> =>
    adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${t.file}' AND pid <> pg_backend_pid()`);

  beforeAll(async () => {
    t = await createTestDb("postgresql");
    emulator = await createBotApiEmulator({ autoCreateChats: true, bot: { username: "mindet_test_bot" } });
    clock = createManualClock("2026-03-24T03:58:00Z");
    await addCommitment(t.db, { title: "Survives a failover", dueOn: "2026-03-31" });
    for (let i = 0; i < CHATS; i++) {
      await addChat(t.db, 90_000 + i);
      await addFollow(t.db, 90_000 + i, "all");
    }
    // Its own client (not the test's), so the cut reaches every connection the app has.
    app = await createApp({ env: { BOT_TOKEN: emulator.token, DATABASE_URL: t.url, LOG_LEVEL: "silent", SEND_RATE_GLOBAL_PER_SECOND: "300" }, apiRoot: emulator.apiRoot, clock, logger: silentLogger });
    await app.start({ pollTimeoutSeconds: 1 });
  }, 30_000);

  afterAll(async () => {
    await app?.stop();
    await emulator?.close();
    await t.destroy();
  });

  it("cut at 09:00: the bot still answers, the next tick delivers every reminder once, and planning resumes", async () => {
    // start() ran a first tick already; this one waits for it.
    await app.scheduler.tick();
    expect(await t.db.delivery.count({ where: { state: "pending" } })).toBe(CHATS);
    await cutEveryConnection();
    const user = emulator.createUser({ firstName: "Dana", languageCode: "en" });
    const chat = emulator.createPrivateChat(user);
    // The first query after the cut may fail on a dead connection; the bot answers either way.
    const answer = await emulator.converse(chat, user, "/help");
    expect(answer.text ?? "").not.toBe("");

    clock.set("2026-03-24T04:00:00Z");
    await cutEveryConnection();
    const reports = [];
    for (let i = 0; i < 3 && (reports.at(-1)?.sent ?? 0) < CHATS; i++) {
      reports.push(await app.scheduler.tick().catch((error: unknown) => ({ error, sent: 0, planner: false })));
      clock.set(new Date(clock.now().getTime() + 60_000));
    }
    const sent = new Map<number, number>();
    for (const call of emulator.getCalls({ method: "sendMessage" })) {
      const id = Number(call.params.chat_id);
      if (id >= 90_000 && id < 90_000 + CHATS && call.outcome.kind === "response" && call.outcome.body.ok) sent.set(id, (sent.get(id) ?? 0) + 1);
    }
    expect(sent.size).toBe(CHATS);
    expect([...sent.values()].every((n) => n === 1)).toBe(true);
    expect(reports.at(-1)?.planner).toBe(true);
    // And the bot, on fresh connections, answers what needs the database.
    expect((await emulator.converse(chat, user, "/list")).text).toContain("Survives a failover");
  }, 60_000);
});
