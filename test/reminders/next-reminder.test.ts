import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { follow } from "../../src/chats/follow.ts";
import { describeNextReminder, nextReminder } from "../../src/reminders/next-reminder.ts";
import { createTestDb, type TestDb, describeEachEngine } from "../support/db.ts";
import { addChat, addCommitment } from "./db-helpers.ts";

describeEachEngine("next reminder", (engine) => {
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb(engine);
});
afterEach(async () => {
  await t.destroy();
});

describe("the next reminder, for the /follow reply", () => {
  it("following at 08:58 on 4 Dec 2025: the day-before reminder at 09:00, not last week's", async () => {
    const id = await addCommitment(t.db, { title: "Formulate 'icebreaker projects' <draft>", dueOn: "2025-12-05" });
    await addCommitment(t.db, { title: "Later", dueOn: "2026-02-01" });
    await addChat(t.db, 11);
    const now = new Date("2025-12-04T03:58:00Z");
    await follow(t.db, 11, { kind: "all", value: "" }, now);
    const next = await nextReminder(t.db, 11, now);
    expect(next).toMatchObject({ commitmentId: id, offsetDays: 1, at: new Date("2025-12-04T04:00:00Z") });
    expect(describeNextReminder(next)).toBe(`Next reminder: Thu, 4 Dec 2025, 09:00: “Formulate 'icebreaker projects' &lt;draft&gt;” due tomorrow · /c ${id}`);
  });

  it("honours the chat's zone and hour; none when nothing followed is ahead", async () => {
    const id = await addCommitment(t.db, { dueOn: "2026-03-31", topics: "|energy|" });
    await addChat(t.db, 12, { timeZone: "Europe/Berlin" });
    await t.db.chat.update({ where: { id: 12n }, data: { reminderHour: 18 } });
    expect(await nextReminder(t.db, 12, new Date("2026-03-30T12:00:00Z"))).toBeNull();
    await follow(t.db, 12, { kind: "topic", value: "energy" });
    expect(await nextReminder(t.db, 12, new Date("2026-03-30T12:00:00Z"))).toMatchObject({ commitmentId: id, offsetDays: 1, at: new Date("2026-03-30T16:00:00Z") });
    expect(await nextReminder(t.db, 12, new Date("2026-04-05T12:00:00Z"))).toBeNull();
    expect(describeNextReminder(null)).toContain("No reminder");
  });
});
});
