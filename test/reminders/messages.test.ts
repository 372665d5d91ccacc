// What followers read, through the database and the emulator: status announcements and the
// weekly digest, driven by tick() on a manual clock.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/clock.ts";
import { changeStatus } from "../../src/commitments/change-status.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { addChat, addCommitment, addFollow, testScheduler, type TestScheduler } from "./db-helpers.ts";

let t: TestDb;
let emulator: BotApiEmulator;
let clock: ManualClock;
let scheduler: TestScheduler;

beforeEach(async () => {
  t = await createTestDb();
  emulator = await createBotApiEmulator({ autoCreateChats: true });
  clock = createManualClock("2026-03-20T06:00:00Z");
  scheduler = testScheduler(t.db, clock, emulator.apiRoot, emulator.token);
});

afterEach(async () => {
  await scheduler.stop();
  await emulator.close();
  await t.destroy();
});

const texts = (chatId: number): string[] => emulator.sentMessages(chatId).map((m) => m.text ?? "");

describe("status announcements", () => {
  it("tells every follower once, with the evidence link and note, and stops the reminders of a closed commitment", async () => {
    const id = await addCommitment(t.db, { title: "Open the Almaty <metro> line", dueOn: "2026-03-31" });
    await addChat(t.db, 301);
    await addFollow(t.db, 301, "commitment", "", id);
    await addChat(t.db, 302);
    await addFollow(t.db, 302, "topic", "energy");
    await scheduler.tick();
    const done = await changeStatus(t.db, { commitmentId: id, to: "done", byUserId: 7n, byName: "Admin", evidenceUrl: "https://gov.kz/news/1", note: "Opened on time", at: clock.now() });
    expect(done.ok).toBe(true);
    clock.advance(60_000);
    const report = await scheduler.tick();
    expect(report.sent).toBe(2);
    for (const chatId of [301, 302]) {
      expect(texts(chatId)).toHaveLength(1);
      const text = texts(chatId)[0] ?? "";
      expect(text).toContain(`✅ Done: Open the Almaty <metro> line · /c ${id}`);
      expect(text).toContain("Opened on time");
      expect(emulator.sentMessages(chatId)[0]?.entities?.some((e) => e.type === "text_link" && e.url === "https://gov.kz/news/1")).toBe(true);
    }
    // The week-before reminder (24 Mar 09:00) of a done commitment is never sent.
    clock.set("2026-03-24T04:00:00Z");
    await scheduler.tick();
    clock.set("2026-04-01T04:00:00Z");
    await scheduler.tick();
    expect(texts(301)).toHaveLength(1);
    expect(texts(302)).toHaveLength(1);
  });

  it("a postponement is announced with the new date; reminders follow the new date only", async () => {
    const id = await addCommitment(t.db, { title: "Digital tenge pilot", dueOn: "2026-03-31" });
    await addChat(t.db, 311);
    await addFollow(t.db, 311, "all");
    await scheduler.tick();
    const moved = await changeStatus(t.db, { commitmentId: id, to: "postponed", byUserId: 7n, newDueOn: "2026-04-10", at: clock.now() });
    expect(moved.ok).toBe(true);
    clock.advance(60_000);
    await scheduler.tick();
    expect(texts(311)).toEqual([expect.stringContaining(`📅 Postponed to 10 Apr 2026: Digital tenge pilot · /c ${id}`)]);
    // Old date's week-before minute: nothing. New date's week-before minute: the reminder.
    clock.set("2026-03-24T04:00:00Z");
    await scheduler.tick();
    expect(texts(311)).toHaveLength(1);
    clock.set("2026-04-03T04:00:00Z");
    await scheduler.tick();
    expect(texts(311)).toHaveLength(2);
    expect(texts(311)[1]).toContain("in 7 days");
    const keys = (await t.db.delivery.findMany({ where: { state: "sent" }, orderBy: { id: "asc" } })).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith("r:"))).toEqual([`r:311:${id}:before-7:2026-04-10`]);
  });
});

describe("weekly digest", () => {
  it("goes out at the chat's day and hour with what is due in 14 days and what became overdue", async () => {
    clock.set("2026-03-24T04:30:00Z");
    // Tuesday 24 March 2026; digest on Tuesdays at 10:00 Almaty (05:00 UTC).
    await addChat(t.db, 321, { digestDay: 2, digestHour: 10, offsets: "" });
    await addFollow(t.db, 321, "all");
    await addCommitment(t.db, { title: "Soon: new airport terminal", dueOn: "2026-03-31" });
    await addCommitment(t.db, { title: "Late: water pipeline", dueOn: "2026-03-20" });
    await addCommitment(t.db, { title: "Far: census results", dueOn: "2026-06-01" });
    await addCommitment(t.db, { title: "Long overdue: old plan", dueOn: "2026-01-10" });
    await scheduler.tick();
    expect(texts(321)).toEqual([]);
    clock.set("2026-03-24T05:00:00Z");
    await scheduler.tick();
    expect(texts(321)).toHaveLength(1);
    const digest = texts(321)[0] ?? "";
    expect(digest).toMatch(/^🗓 Weekly digest\nDue in the next 14 days\n• Soon: new airport terminal — 31 Mar 2026, in 7 days/);
    expect(digest).toContain("Became overdue\n• Late: water pipeline");
    expect(digest).not.toContain("census");
    expect(digest).not.toContain("old plan");
    // Once a week: the rest of the day sends nothing more.
    clock.set("2026-03-24T12:00:00Z");
    await scheduler.tick();
    expect(texts(321)).toHaveLength(1);
  });

  it("is skipped when there is nothing to report", async () => {
    clock.set("2026-03-24T04:59:00Z");
    await addChat(t.db, 322, { digestDay: 2, digestHour: 10 });
    await addFollow(t.db, 322, "topic", "health");
    await addCommitment(t.db, { dueOn: "2026-03-31", topics: "|energy|" });
    await scheduler.tick();
    clock.set("2026-03-24T05:00:00Z");
    await scheduler.tick();
    expect(texts(322)).toEqual([]);
    expect((await t.db.delivery.findFirstOrThrow({ where: { kind: "digest" } })).state).toBe("skipped");
  });
});
