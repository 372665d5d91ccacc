// What followers read, through the database and the emulator: status announcements and the
// weekly digest, driven by tick() on a manual clock.
import { describe, expect, it } from "vitest";
import { changeStatus } from "../../src/commitments/change-status.ts";
import { addChat, addCommitment, addFollow, useDeliveryHarness } from "./db-helpers.ts";
import { describeEachEngine } from "../support/db.ts";

describeEachEngine("messages", (engine) => {
const h = useDeliveryHarness("2026-03-20T06:00:00Z", engine);

describe("status announcements", () => {
  it("tells every follower once, with the evidence link and note, and stops the reminders of a closed commitment", async () => {
    const id = await addCommitment(h.t.db, { title: "Open the Almaty <metro> line", dueOn: "2026-03-31" });
    await addChat(h.t.db, 301);
    await addFollow(h.t.db, 301, "commitment", "", id);
    await addChat(h.t.db, 302);
    await addFollow(h.t.db, 302, "topic", "energy");
    await h.scheduler.tick();
    const done = await changeStatus(h.t.db, { commitmentId: id, to: "done", byUserId: 7n, byName: "Admin", evidenceUrl: "https://gov.kz/news/1", note: "Opened on time", at: h.clock.now() });
    expect(done.ok).toBe(true);
    h.clock.advance(60_000);
    const report = await h.scheduler.tick();
    expect(report.sent).toBe(2);
    for (const chatId of [301, 302]) {
      expect(h.texts(chatId)).toHaveLength(1);
      const text = h.texts(chatId)[0] ?? "";
      expect(text).toContain(`✅ Done: Open the Almaty <metro> line · /c ${id}`);
      expect(text).toContain("Opened on time");
      expect(h.emulator.sentMessages(chatId)[0]?.entities?.some((e) => e.type === "text_link" && e.url === "https://gov.kz/news/1")).toBe(true);
    }
    // The week-before reminder (24 Mar 09:00) of a done commitment is never sent.
    h.clock.set("2026-03-24T04:00:00Z");
    await h.scheduler.tick();
    h.clock.set("2026-04-01T04:00:00Z");
    await h.scheduler.tick();
    expect(h.texts(301)).toHaveLength(1);
    expect(h.texts(302)).toHaveLength(1);
  });

  it("a postponement is announced with the new date; reminders follow the new date only", async () => {
    const id = await addCommitment(h.t.db, { title: "Digital tenge pilot", dueOn: "2026-03-31" });
    await addChat(h.t.db, 311);
    await addFollow(h.t.db, 311, "all");
    await h.scheduler.tick();
    const moved = await changeStatus(h.t.db, { commitmentId: id, to: "postponed", byUserId: 7n, newDueOn: "2026-04-10", at: h.clock.now() });
    expect(moved.ok).toBe(true);
    h.clock.advance(60_000);
    await h.scheduler.tick();
    expect(h.texts(311)).toEqual([expect.stringContaining(`📅 Postponed to 10 Apr 2026: Digital tenge pilot · /c ${id}`)]);
    // Old date's week-before minute: nothing. New date's week-before minute: the reminder.
    h.clock.set("2026-03-24T04:00:00Z");
    await h.scheduler.tick();
    expect(h.texts(311)).toHaveLength(1);
    h.clock.set("2026-04-03T04:00:00Z");
    await h.scheduler.tick();
    expect(h.texts(311)).toHaveLength(2);
    expect(h.texts(311)[1]).toContain("in 7 days");
    const keys = (await h.t.db.delivery.findMany({ where: { state: "sent" }, orderBy: { id: "asc" } })).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith("r:"))).toEqual([`r:311:${id}:before-7:2026-04-10`]);
  });
});

describe("weekly digest", () => {
  it("goes out at the chat's day and hour with what is due in 14 days and what became overdue", async () => {
    h.clock.set("2026-03-24T04:30:00Z");
    // Tuesday 24 March 2026; digest on Tuesdays at 10:00 Almaty (05:00 UTC).
    await addChat(h.t.db, 321, { digestDay: 2, digestHour: 10, offsets: "" });
    await addFollow(h.t.db, 321, "all");
    await addCommitment(h.t.db, { title: "Soon: new airport terminal", dueOn: "2026-03-31" });
    await addCommitment(h.t.db, { title: "Late: water pipeline", dueOn: "2026-03-20" });
    await addCommitment(h.t.db, { title: "Far: census results", dueOn: "2026-06-01" });
    await addCommitment(h.t.db, { title: "Long overdue: old plan", dueOn: "2026-01-10" });
    await h.scheduler.tick();
    expect(h.texts(321)).toEqual([]);
    h.clock.set("2026-03-24T05:00:00Z");
    await h.scheduler.tick();
    expect(h.texts(321)).toHaveLength(1);
    const digest = h.texts(321)[0] ?? "";
    expect(digest).toMatch(/^🗓 Weekly digest\nDue in the next 14 days\n• Soon: new airport terminal — 31 Mar 2026, in 7 days/);
    expect(digest).toContain("Became overdue\n• Late: water pipeline");
    expect(digest).not.toContain("census");
    expect(digest).not.toContain("old plan");
    // Once a week: the rest of the day sends nothing more.
    h.clock.set("2026-03-24T12:00:00Z");
    await h.scheduler.tick();
    expect(h.texts(321)).toHaveLength(1);
  });

  it("is skipped when there is nothing to report", async () => {
    h.clock.set("2026-03-24T04:59:00Z");
    await addChat(h.t.db, 322, { digestDay: 2, digestHour: 10 });
    await addFollow(h.t.db, 322, "topic", "health");
    await addCommitment(h.t.db, { dueOn: "2026-03-31", topics: "|energy|" });
    await h.scheduler.tick();
    h.clock.set("2026-03-24T05:00:00Z");
    await h.scheduler.tick();
    expect(h.texts(322)).toEqual([]);
    expect((await h.t.db.delivery.findFirstOrThrow({ where: { kind: "digest" } })).state).toBe("skipped");
  });
});

describe("message text", () => {
  it("cuts a long title of emoji between characters, never inside one", async () => {
    const { reminderLine } = await import("../../src/bot/i18n/reminder-texts.ts");
    const { clipInput } = await import("../../src/bot/format/html.ts");
    const line = reminderLine("en", { id: 1, title: "🔥".repeat(400), dueOn: "2026-03-31", extractedDueOn: "2026-03-31", precision: "day" }, "2026-03-24");
    expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(clipInput("a🔥b", 2)).toBe("a");
    expect(clipInput("a🔥b", 3)).toBe("a🔥");
  });
});
});
