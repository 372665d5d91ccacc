// Two app instances (createApp, each with its own database client) on one PostgreSQL database:
// one plans at a time (the advisory lock of planning-lock.ts), both deliver, nobody gets a
// reminder twice; when the planner dies (its lock's session is cut) or stops, the other plans at
// its next tick, one minute later on the injected clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { createManualClock, type ManualClock } from "../../src/clock.ts";
import type { TickReport } from "../../src/reminders/schedule.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { adminQuery, pgSkipReason } from "../support/postgres.ts";
import { addChat, addCommitment, addFollow, silentLogger } from "./db-helpers.ts";

const CHATS = 60;
const skip = pgSkipReason();

describe.skipIf(skip !== null)(`planning by one instance at a time${skip ? ` (skipped: ${skip})` : ""}`, () => {
  let t: TestDb;
  let emulator: BotApiEmulator;
  let clock: ManualClock;
  const apps: App[] = [];

  const instance = async (): Promise<App> => {
    const app = await createApp({
      env: { BOT_TOKEN: emulator.token, DATABASE_URL: t.url, LOG_LEVEL: "silent", SEND_RATE_GLOBAL_PER_SECOND: "300" },
      apiRoot: emulator.apiRoot,
      clock,
      logger: silentLogger,
    });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    t = await createTestDb("postgresql");
    emulator = await createBotApiEmulator({ autoCreateChats: true });
    clock = createManualClock("2026-03-24T03:58:00Z"); // 08:58 in Almaty
    await addCommitment(t.db, { title: "Shared planning", dueOn: "2026-03-31" });
    for (let i = 0; i < CHATS; i++) {
      await addChat(t.db, 70_000 + i);
      await addFollow(t.db, 70_000 + i, "all");
    }
  });

  afterAll(async () => {
    for (const app of apps) await app.stop().catch(() => undefined);
    await emulator.close();
    await t.destroy();
  });

  const perChat = (): Map<number, number> => {
    const counts = new Map<number, number>();
    for (const call of emulator.getCalls({ method: "sendMessage" })) {
      if (call.outcome.kind !== "response" || !call.outcome.body.ok) continue;
      const chat = Number(call.params.chat_id);
      counts.set(chat, (counts.get(chat) ?? 0) + 1);
    }
    return counts;
  };
  const planners = (reports: TickReport[]): number => reports.filter((r) => r.planner).length;

  it("two instances tick together: one plans, and every chat gets the 09:00 reminder once", async () => {
    const [a, b] = [await instance(), await instance()];
    const planning = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(planners(planning)).toBe(1);
    expect(planning.reduce((sum, r) => sum + r.inserted, 0)).toBe(CHATS);
    // Again at the same instant: the planner stays the planner.
    expect((await Promise.all([a.scheduler.tick(), b.scheduler.tick()])).map((r) => r.planner)).toEqual(planning.map((r) => r.planner));

    clock.set("2026-03-24T04:00:00Z");
    const delivery = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(planners(delivery)).toBe(1);
    const counts = perChat();
    expect(counts.size).toBe(CHATS);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(delivery.reduce((sum, r) => sum + r.sent, 0)).toBe(CHATS);
    expect(emulator.stats.tooManyRequests).toBe(0);
  });

  it("the planner's session dies: the other plans at its next tick, and the old one no longer does", async () => {
    const [a, b] = apps as [App, App];
    const holder = (await a.scheduler.tick()).planner ? a : b;
    const other = holder === a ? b : a;
    const fresh = await addCommitment(t.db, { title: "Planned after the takeover", dueOn: "2026-04-01" });
    // What kill -9 does to the lock: its session ends (here cut by the server).
    await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mindet planning lock' AND datname = '${t.file}'`);
    clock.set("2026-03-24T04:01:00Z");
    const taken = await other.scheduler.tick();
    expect(taken.planner).toBe(true);
    expect(taken.full).toBe(true);
    expect(await t.db.delivery.count({ where: { commitmentId: fresh, key: { endsWith: ":before-7:2026-04-01" } } })).toBe(CHATS);
    expect((await holder.scheduler.tick()).planner).toBe(false);
  });

  it("the planner stops: the other takes over within a minute of injected time", async () => {
    const [a, b] = apps as [App, App];
    const holder = (await a.scheduler.tick()).planner ? a : b;
    const other = holder === a ? b : a;
    expect((await other.scheduler.tick()).planner).toBe(false);
    await holder.stop();
    const later = await addCommitment(t.db, { title: "Planned by the survivor", dueOn: "2026-04-01" });
    clock.set("2026-03-24T04:02:00Z");
    const taken = await other.scheduler.tick();
    expect(taken.planner).toBe(true);
    expect(await t.db.delivery.count({ where: { commitmentId: later } })).toBe(CHATS);
    // Nothing was sent twice through all of it.
    expect([...perChat().values()].every((n) => n === 1)).toBe(true);
  });
});
