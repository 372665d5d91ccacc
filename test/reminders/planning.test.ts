// The scheduler's planner (runPlanning on the bulk connection), driven minute by minute in
// virtual time; `due` is what the next delivery would claim after its sweep.
import { describe, expect, it } from "vitest";
import { FAN_OUT_SLICE_ROWS } from "../../src/reminders/fan-out.ts";
import { runBacklogPass, runPlanning } from "../../src/reminders/planning.ts";
import { addChat, addCommitment, addFollow } from "./db-helpers.ts";
import { at, usePlanWorld } from "./planning-helpers.ts";
import { describeEachEngine } from "../support/db.ts";

describeEachEngine("planning", (engine) => {
const w = usePlanWorld(engine);

async function followedCommitment(chat: Parameters<typeof addChat>[2] = {}, seed: Parameters<typeof addCommitment>[1] = {}): Promise<number> {
  const id = await addCommitment(w.t.db, seed);
  await addChat(w.t.db, 1001, chat);
  await addFollow(w.t.db, 1001, "all");
  return id;
}

const minuteBefore = (iso: string): string => new Date(at(iso).getTime() - 60_000).toISOString();

describe("planning: Asia/Almaty (UTC+5, no DST)", () => {
  it.each([
    ["2026-03-24T04:00:00.000Z", "before-7"],
    ["2026-03-30T04:00:00.000Z", "before-1"],
    ["2026-03-31T04:00:00.000Z", "due"],
    ["2026-04-01T04:00:00.000Z", "overdue-1"],
  ])("at %s (09:00 local) the %s reminder is due, and nothing a minute before", async (when, stage) => {
    const id = await followedCommitment();
    await w.run(minuteBefore(when), when);
    expect(await w.due(minuteBefore(when))).toEqual([]);
    expect(await w.due(when)).toEqual([[`r:1001:${id}:${stage}:2026-03-31`, when]]);
  });

  it("honours custom offsets and hour", async () => {
    const id = await followedCommitment({ offsets: "14,3,0,-2" });
    await w.t.db.chat.update({ where: { id: 1001n }, data: { reminderHour: 18 } });
    await w.run("2026-03-17T12:59:00Z", "2026-03-17T13:00:00Z");
    expect(await w.due("2026-03-17T13:00:00Z")).toEqual([[`r:1001:${id}:before-14:2026-03-31`, "2026-03-17T13:00:00.000Z"]]);
    await w.tick("2026-04-02T13:00:00Z");
    expect((await w.due("2026-04-02T13:00:00Z")).map(([key]) => key)).toEqual([`r:1001:${id}:overdue-2:2026-03-31`]);
  });

  it("an empty offsets setting means no reminders", async () => {
    await followedCommitment({ offsets: "" });
    await w.run("2026-03-30T03:59:00Z", "2026-03-30T04:01:00Z");
    expect(await w.t.db.delivery.count()).toBe(0);
  });
});

describe("planning: Europe/Berlin across DST", () => {
  it("09:00 on the day summer time starts (29 Mar 2026) is 07:00 UTC; a week before it was 08:00 UTC", async () => {
    const id = await followedCommitment({ timeZone: "Europe/Berlin" }, { dueOn: "2026-03-30" });
    await w.run("2026-03-23T07:59:00Z", "2026-03-23T08:00:00Z");
    expect(await w.due("2026-03-23T08:00:00Z")).toEqual([[`r:1001:${id}:before-7:2026-03-30`, "2026-03-23T08:00:00.000Z"]]);
    await w.tick("2026-03-29T06:59:00Z");
    await w.tick("2026-03-29T07:00:00Z");
    expect(await w.due("2026-03-29T06:59:00Z")).toEqual([]);
    expect(await w.due("2026-03-29T07:00:00Z")).toEqual([[`r:1001:${id}:before-1:2026-03-30`, "2026-03-29T07:00:00.000Z"]]);
  });

  it("09:00 on the day summer time ends (25 Oct 2026) is 08:00 UTC; a week before it was 07:00 UTC", async () => {
    const id = await followedCommitment({ timeZone: "Europe/Berlin" }, { dueOn: "2026-10-26" });
    await w.run("2026-10-19T06:59:00Z", "2026-10-19T07:00:00Z");
    expect(await w.due("2026-10-19T07:00:00Z")).toEqual([[`r:1001:${id}:before-7:2026-10-26`, "2026-10-19T07:00:00.000Z"]]);
    await w.tick("2026-10-25T07:59:00Z");
    expect(await w.due("2026-10-25T07:59:00Z")).toEqual([]);
    expect(await w.due("2026-10-25T08:00:00Z")).toEqual([[`r:1001:${id}:before-1:2026-10-26`, "2026-10-25T08:00:00.000Z"]]);
  });

  it("a 02:00 reminder hour that does not exist (29 Mar) goes out at 03:00 summer time", async () => {
    const id = await followedCommitment({ timeZone: "Europe/Berlin" }, { dueOn: "2026-03-30" });
    await w.t.db.chat.update({ where: { id: 1001n }, data: { reminderHour: 2 } });
    await w.tick("2026-03-28T12:00:00Z");
    await w.due("2026-03-28T12:00:00Z");
    expect(await w.due("2026-03-29T00:59:00Z")).toEqual([]);
    expect(await w.due("2026-03-29T01:00:00Z")).toEqual([[`r:1001:${id}:before-1:2026-03-30`, "2026-03-29T01:00:00.000Z"]]);
  });

  it("the same due date gives each zone its own 09:00", async () => {
    const id = await addCommitment(w.t.db, {});
    await addChat(w.t.db, 1);
    await addChat(w.t.db, 2, { timeZone: "Europe/Berlin" });
    await addFollow(w.t.db, 1, "all");
    await addFollow(w.t.db, 2, "all");
    await w.tick("2026-03-30T03:00:00Z");
    expect(await w.due("2026-03-30T08:00:00Z")).toEqual([
      [`r:1:${id}:before-1:2026-03-31`, "2026-03-30T04:00:00.000Z"],
      [`r:2:${id}:before-1:2026-03-31`, "2026-03-30T07:00:00.000Z"],
    ]);
  });
});

describe("planning: quiet hours", () => {
  it("moves a reminder inside quiet hours to their end", async () => {
    const id = await followedCommitment({ quietStart: 8, quietEnd: 11 });
    await w.tick("2026-03-23T12:00:00Z");
    expect(await w.due("2026-03-24T05:59:00Z")).toEqual([]);
    expect(await w.due("2026-03-24T06:00:00Z")).toEqual([[`r:1001:${id}:before-7:2026-03-31`, "2026-03-24T06:00:00.000Z"]]);
  });

  it("quiet hours wrapping midnight: 23:00 moves to 07:00 the next day", async () => {
    const id = await followedCommitment({ quietStart: 22, quietEnd: 7 });
    await w.t.db.chat.update({ where: { id: 1001n }, data: { reminderHour: 23 } });
    await w.tick("2026-03-24T12:00:00Z");
    // before-7 of 31 Mar falls on 24 Mar at 23:00 local -> 25 Mar 07:00 local = 02:00 UTC.
    expect(await w.due("2026-03-25T01:59:00Z")).toEqual([]);
    expect(await w.due("2026-03-25T02:00:00Z")).toEqual([[`r:1001:${id}:before-7:2026-03-31`, "2026-03-25T02:00:00.000Z"]]);
  });

  it("status announcements go out at once, but not inside quiet hours", async () => {
    const id = await followedCommitment({ quietStart: 22, quietEnd: 7 });
    await w.tick("2026-03-20T18:29:00Z");
    // 23:30 Almaty = 18:30 UTC: held until 07:00 local = 02:00 UTC.
    await w.t.db.commitment.update({ where: { id }, data: { status: "done" } });
    const change = await w.t.db.statusChange.create({ data: { commitmentId: id, at: at("2026-03-20T18:30:00Z"), fromStatus: "open", toStatus: "done", fromDueOn: "2026-03-31", toDueOn: "2026-03-31" } });
    await w.tick("2026-03-20T18:31:00Z");
    expect(await w.due("2026-03-20T18:31:00Z")).toEqual([]);
    expect(await w.due("2026-03-21T02:00:00Z")).toEqual([[`s:1001:${change.id}`, "2026-03-21T02:00:00.000Z"]]);
  });
});

describe("planning: precision, status and catch-up", () => {
  it.each(["month", "quarter", "year", "season"])("%s precision counts from the end of the period (the stored date)", async (precision) => {
    const id = await followedCommitment({}, { precision });
    await w.run("2026-03-24T03:59:00Z", "2026-03-24T04:00:00Z");
    expect((await w.due("2026-03-24T04:00:00Z")).map(([key]) => key)).toEqual([`r:1001:${id}:before-7:2026-03-31`]);
  });

  it.each([
    ["vague", { precision: "vague" }],
    ["undated", { dueOn: null }],
    ["done", { status: "done" }],
    ["missed", { status: "missed" }],
    ["cancelled", { status: "cancelled" }],
  ])("%s commitments get no reminders", async (_name, seed) => {
    await followedCommitment({}, seed);
    await w.run("2026-03-31T03:59:00Z", "2026-03-31T04:00:00Z");
    expect(await w.t.db.delivery.count()).toBe(0);
  });

  it("withdrawn commitments get no reminders; postponed ones do", async () => {
    const id = await followedCommitment({}, { status: "postponed" });
    const withdrawn = await addCommitment(w.t.db, {});
    await w.t.db.commitment.update({ where: { id: withdrawn }, data: { withdrawnAt: at("2026-03-01T00:00:00Z") } });
    await w.run("2026-03-31T03:59:00Z", "2026-03-31T04:00:00Z");
    expect((await w.due("2026-03-31T04:00:00Z")).map(([key]) => key)).toEqual([`r:1001:${id}:due:2026-03-31`]);
  });

  it("a postponed commitment is planned for its new date, and not for reminders its announcement covered", async () => {
    const id = await followedCommitment({}, { status: "postponed", dueOn: "2026-04-03" });
    await w.t.db.statusChange.create({ data: { commitmentId: id, at: at("2026-03-30T06:00:00Z"), fromStatus: "open", toStatus: "postponed", fromDueOn: "2026-03-31", toDueOn: "2026-04-03" } });
    await w.tick("2026-03-30T07:00:00Z");
    // The week-before instant of the new date (27 Mar) predates the postponement: not sent.
    expect((await w.due("2026-03-30T07:00:00Z")).map(([key]) => key)).toEqual([`s:1001:1`]);
    await w.tick("2026-04-02T03:59:00Z");
    expect((await w.due("2026-04-02T04:00:00Z")).map(([key]) => key)).toEqual([`r:1001:${id}:before-1:2026-04-03`]);
  });

  it("after downtime only the latest reminder goes out (no '7 days left' when due tomorrow)", async () => {
    const id = await followedCommitment();
    await w.tick("2026-03-30T10:00:00Z");
    expect(await w.due("2026-03-30T10:00:00Z")).toEqual([[`r:1001:${id}:before-1:2026-03-31`, "2026-03-30T04:00:00.000Z"]]);
  });

  it("a reminder caught up at night waits for the chat's 09:00, where the day's own reminder supersedes it", async () => {
    const id = await followedCommitment();
    // 03:00 in Almaty on the due day: yesterday's "tomorrow" was missed while the bot was down.
    await w.tick("2026-03-30T22:00:00Z");
    expect(await w.due("2026-03-30T22:00:00Z")).toEqual([]);
    expect(await w.due("2026-03-31T03:59:00Z")).toEqual([]);
    expect(await w.due("2026-03-31T04:00:00Z")).toEqual([[`r:1001:${id}:due:2026-03-31`, "2026-03-31T04:00:00.000Z"]]);
  });

  it("a long-overdue commitment's overdue notice is caught up at start-up, at the chat's reminder time", async () => {
    const id = await followedCommitment();
    await w.tick("2026-05-01T10:00:00Z");
    expect(await w.due("2026-05-01T10:00:00Z")).toEqual([[`r:1001:${id}:overdue-1:2026-03-31`, "2026-05-01T04:00:00.000Z"]]);
  });
});

describe("planning: a chat that has just followed (issue 12)", () => {
  // 4 Dec 2025, Almaty: the week-before reminder of 5 Dec fell on 28 Nov, the day-before one is at 09:00.
  const FOLLOWED = at("2025-12-04T03:58:00Z");

  async function icebreaker(): Promise<number> {
    const id = await addCommitment(w.t.db, { title: "Formulate 'icebreaker projects'", dueOn: "2025-12-05" });
    await addChat(w.t.db, 1001);
    return id;
  }

  it("following at 08:58 with the scheduler running: nothing at 08:59, the day-before reminder at 09:00, never last week's", async () => {
    const id = await icebreaker();
    await w.run("2025-12-04T03:50:00Z", "2025-12-04T03:57:00Z");
    await addFollow(w.t.db, 1001, "all", "", undefined, FOLLOWED);
    await w.run("2025-12-04T03:58:00Z", "2025-12-04T04:01:00Z");
    expect(await w.due("2025-12-04T03:59:00Z")).toEqual([]);
    expect(await w.due("2025-12-04T04:00:00Z")).toEqual([[`r:1001:${id}:before-1:2025-12-05`, "2025-12-04T04:00:00.000Z"]]);
    expect((await w.t.db.delivery.findMany()).map((r) => r.key)).not.toContain(`r:1001:${id}:before-7:2025-12-05`);
  });

  it("the same when the scheduler starts after the follow", async () => {
    const id = await icebreaker();
    await addFollow(w.t.db, 1001, "all", "", undefined, FOLLOWED);
    await w.run("2025-12-04T03:59:00Z", "2025-12-04T04:00:00Z");
    expect(await w.due("2025-12-04T03:59:00Z")).toEqual([]);
    expect(await w.due("2025-12-04T04:00:00Z")).toEqual([[`r:1001:${id}:before-1:2025-12-05`, "2025-12-04T04:00:00.000Z"]]);
    expect((await w.t.db.delivery.findMany()).map((r) => r.key)).not.toContain(`r:1001:${id}:before-7:2025-12-05`);
  });

  it("a chat that followed before 28 Nov but missed it (downtime) gets only the day-before reminder, at 09:00", async () => {
    const id = await icebreaker();
    await addFollow(w.t.db, 1001, "all", "", undefined, at("2025-11-20T00:00:00Z"));
    await w.tick("2025-12-04T03:58:00Z");
    expect(await w.due("2025-12-04T03:59:00Z")).toEqual([]);
    expect(await w.due("2025-12-04T04:00:00Z")).toEqual([[`r:1001:${id}:before-1:2025-12-05`, "2025-12-04T04:00:00.000Z"]]);
  });
});

describe("planning: who follows what", () => {
  it("reaches chats following directly, by topic, by body and through all, each once; not inactive or unrelated ones", async () => {
    const id = await addCommitment(w.t.db, { topics: "|energy|", body: "Ministry of Energy" });
    for (const chat of [1, 2, 3, 4, 5, 6]) await addChat(w.t.db, chat);
    await addFollow(w.t.db, 1, "all");
    await addFollow(w.t.db, 2, "commitment", "", id);
    await addFollow(w.t.db, 2, "all");
    await addFollow(w.t.db, 3, "topic", "energy");
    await addFollow(w.t.db, 4, "body", "Ministry of Energy");
    await addFollow(w.t.db, 5, "topic", "health");
    await addFollow(w.t.db, 6, "all");
    await w.t.db.chat.update({ where: { id: 6n }, data: { active: false } });
    await w.run("2026-03-31T03:59:00Z", "2026-03-31T04:00:00Z");
    expect((await w.due("2026-03-31T04:00:00Z")).map(([key]) => key)).toEqual([1, 2, 3, 4].map((chat) => `r:${chat}:${id}:due:2026-03-31`));
  });

  it("plans the weekly digest at the chat's day and hour, keyed by ISO week", async () => {
    await addChat(w.t.db, 1001, { digestDay: 1, digestHour: 10 });
    // Monday 6 Apr 2026, 10:00 Almaty = 05:00 UTC.
    await w.run("2026-04-06T04:59:00Z", "2026-04-06T05:01:00Z");
    expect(await w.due("2026-04-06T05:01:00Z")).toEqual([["d:1001:2026-W15", "2026-04-06T05:00:00.000Z"]]);
  });
});

describe("planning: budgets", () => {
  it("a tick over budget writes one slice, passes between ticks write the rest, and nothing is planned twice or lost", async () => {
    await addCommitment(w.t.db, {});
    await addCommitment(w.t.db, {});
    for (let chat = 1; chat <= 1_200; chat++) {
      await addChat(w.t.db, chat);
      await addFollow(w.t.db, chat, "all");
    }
    const tight = { horizonMs: 36 * 3_600_000, rowBudget: 10_000, timeBudgetMs: 0 };
    const first = await runPlanning(w.t.db, w.state, at("2026-03-23T12:00:00Z"), w.bulk, tight);
    expect(first).toMatchObject({ planned: 1, inserted: FAN_OUT_SLICE_ROWS, full: true });
    let passes = 0;
    while (w.state.backlog.length > 0 && passes < 100) {
      passes++;
      await runBacklogPass(w.t.db, w.state, at("2026-03-23T12:00:02Z"), w.bulk, tight);
    }
    // Two units of 1,200 chats in slices of 500: six slices, one written by the tick.
    expect(passes).toBe(5);
    expect(await w.t.db.delivery.count()).toBe(2_400);
    await w.tick("2026-03-23T12:01:00Z");
    expect((await w.due("2026-03-24T04:00:00Z")).length).toBe(2_400);
    expect((await w.due("2026-03-24T04:00:00Z")).length).toBe(0);
  });
});
});
