import { describe, expect, it } from "vitest";
import { planReminders } from "../../src/reminders/plan.ts";
import { at, chat, commitment, followAll, input } from "./plan-helpers.ts";

const keys = (rows: { key: string }[]): string[] => rows.map((r) => r.key).sort();
const whenOf = (rows: { notBefore: Date }[]): string[] => rows.map((r) => r.notBefore.toISOString());

describe("planReminders: Asia/Almaty (UTC+5, no DST)", () => {
  it("plans the week-before reminder at 09:00 local when its minute arrives", () => {
    const rows = planReminders(input({ since: at("2026-03-24T03:59:00Z"), now: at("2026-03-24T04:00:00Z") }));
    expect(keys(rows)).toEqual(["r:1001:42:before-7:2026-03-31"]);
    expect(rows[0]).toMatchObject({ kind: "before", offsetDays: 7, dueOn: "2026-03-31", chatId: 1001n, commitmentId: 42 });
    expect(whenOf(rows)).toEqual(["2026-03-24T04:00:00.000Z"]);
  });

  it("plans nothing in a minute with no reminder instant", () => {
    expect(planReminders(input({ since: at("2026-03-24T04:00:00Z"), now: at("2026-03-24T04:01:00Z") }))).toEqual([]);
    expect(planReminders(input({ since: at("2026-03-24T03:58:00Z"), now: at("2026-03-24T03:59:59Z") }))).toEqual([]);
  });

  it.each([
    ["2026-03-24T04:00:00Z", "before-7", 7],
    ["2026-03-30T04:00:00Z", "before-1", 1],
    ["2026-03-31T04:00:00Z", "due", 0],
    ["2026-04-01T04:00:00Z", "overdue-1", -1],
  ])("every default offset: at %s plans %s", (when, stage, offset) => {
    const now = at(when);
    const rows = planReminders(input({ since: new Date(now.getTime() - 60_000), now }));
    expect(keys(rows)).toEqual([`r:1001:42:${stage}:2026-03-31`]);
    expect(rows[0]?.offsetDays).toBe(offset);
  });

  it("honours custom offsets and hour", () => {
    const c = chat({ offsets: "14,3,0,-2", reminderHour: 18 });
    const plan = (when: string) => planReminders(input({ chats: [c], since: new Date(at(when).getTime() - 60_000), now: at(when) }));
    expect(keys(plan("2026-03-17T13:00:00Z"))).toEqual(["r:1001:42:before-14:2026-03-31"]);
    expect(keys(plan("2026-03-28T13:00:00Z"))).toEqual(["r:1001:42:before-3:2026-03-31"]);
    expect(keys(plan("2026-03-31T13:00:00Z"))).toEqual(["r:1001:42:due:2026-03-31"]);
    expect(keys(plan("2026-04-02T13:00:00Z"))).toEqual(["r:1001:42:overdue-2:2026-03-31"]);
    expect(plan("2026-03-24T04:00:00Z")).toEqual([]);
  });

  it("an empty offsets setting means no reminders", () => {
    expect(planReminders(input({ chats: [chat({ offsets: "" })], now: at("2026-04-05T10:00:00Z") }))).toEqual([]);
  });
});

describe("planReminders: Europe/Berlin across DST", () => {
  const berlin = chat({ timeZone: "Europe/Berlin" });
  // A tick covering the six hours up to `now`.
  const full = (dueOn: string, now: string, c = berlin) =>
    planReminders(input({ chats: [c], commitments: [commitment({ dueOn })], since: new Date(at(now).getTime() - 6 * 3_600_000), now: at(now) }));

  it("09:00 on the day summer time starts (29 Mar 2026) is 07:00 UTC; a week before it was 08:00 UTC", () => {
    expect(whenOf(full("2026-03-30", "2026-03-29T07:00:00Z"))).toEqual(["2026-03-29T07:00:00.000Z"]);
    expect(full("2026-03-30", "2026-03-29T06:59:00Z").map((r) => r.key)).toEqual([]);
    expect(whenOf(full("2026-03-30", "2026-03-23T08:00:00Z"))).toEqual(["2026-03-23T08:00:00.000Z"]);
  });

  it("09:00 on the day summer time ends (25 Oct 2026) is 08:00 UTC; a week before it was 07:00 UTC", () => {
    expect(whenOf(full("2026-10-26", "2026-10-25T08:00:00Z"))).toEqual(["2026-10-25T08:00:00.000Z"]);
    expect(full("2026-10-26", "2026-10-25T07:59:00Z").map((r) => r.key)).toEqual([]);
    expect(whenOf(full("2026-10-26", "2026-10-19T07:00:00Z"))).toEqual(["2026-10-19T07:00:00.000Z"]);
  });

  it("a 02:00 reminder hour that does not exist (29 Mar) goes out at 03:00 summer time", () => {
    const early = chat({ timeZone: "Europe/Berlin", reminderHour: 2 });
    expect(whenOf(full("2026-03-30", "2026-03-29T01:00:00Z", early))).toEqual(["2026-03-29T01:00:00.000Z"]);
    expect(full("2026-03-30", "2026-03-29T00:59:00Z", early)).toEqual([]);
  });

  it("a 02:00 reminder hour that happens twice (25 Oct) goes out once", () => {
    const early = chat({ timeZone: "Europe/Berlin", reminderHour: 2 });
    const rows = planReminders(input({ chats: [early], commitments: [commitment({ dueOn: "2026-10-26" })], since: at("2026-10-24T23:00:00Z"), now: at("2026-10-25T03:00:00Z") }));
    expect(rows).toHaveLength(1);
    expect(["2026-10-25T00:00:00.000Z", "2026-10-25T01:00:00.000Z"]).toContain(rows[0]?.notBefore.toISOString());
  });

  it("the same due date gives each zone its own 09:00", () => {
    const rows = planReminders(input({
      chats: [chat({ id: 1n }), chat({ id: 2n, timeZone: "Europe/Berlin" })],
      follows: [followAll(1n), followAll(2n)],
      since: at("2026-03-30T03:00:00Z"),
      now: at("2026-03-30T08:00:00Z"),
    }));
    expect(rows.map((r) => [r.chatId, r.notBefore.toISOString()]).sort()).toEqual([
      [1n, "2026-03-30T04:00:00.000Z"],
      [2n, "2026-03-30T07:00:00.000Z"],
    ]);
  });
});

describe("planReminders: quiet hours", () => {
  const plan = (c: ReturnType<typeof chat>, since: string, now: string) => planReminders(input({ chats: [c], since: at(since), now: at(now) }));

  it("moves a reminder inside quiet hours to their end", () => {
    const rows = plan(chat({ quietStart: 8, quietEnd: 11 }), "2026-03-24T04:00:00Z", "2026-03-24T06:00:00Z");
    expect(whenOf(rows)).toEqual(["2026-03-24T06:00:00.000Z"]);
    expect(plan(chat({ quietStart: 8, quietEnd: 11 }), "2026-03-24T03:00:00Z", "2026-03-24T05:59:00Z")).toEqual([]);
  });

  it("quiet hours wrapping midnight: 23:00 moves to 07:00 the next day, 06:00 to 07:00 the same day", () => {
    const late = chat({ reminderHour: 23, quietStart: 22, quietEnd: 7 });
    // before-7 of 31 Mar is on 24 Mar at 23:00 local -> 25 Mar 07:00 local = 02:00 UTC.
    expect(whenOf(plan(late, "2026-03-24T17:00:00Z", "2026-03-25T02:00:00Z"))).toEqual(["2026-03-25T02:00:00.000Z"]);
    const early = chat({ reminderHour: 6, quietStart: 22, quietEnd: 7 });
    expect(whenOf(plan(early, "2026-03-24T00:00:00Z", "2026-03-24T02:00:00Z"))).toEqual(["2026-03-24T02:00:00.000Z"]);
  });

  it("a reminder hour outside quiet hours is not moved", () => {
    expect(whenOf(plan(chat({ quietStart: 22, quietEnd: 7 }), "2026-03-24T03:00:00Z", "2026-03-24T04:00:00Z"))).toEqual(["2026-03-24T04:00:00.000Z"]);
  });

  it("status announcements go out at once, but not inside quiet hours", () => {
    const change = { id: 5, commitmentId: 42, fromStatus: "open", toStatus: "done", fromDueOn: "2026-03-31", toDueOn: "2026-03-31" };
    const quiet = chat({ quietStart: 22, quietEnd: 7 });
    // 23:30 Almaty = 18:30 UTC: held until 07:00 local = 02:00 UTC.
    const night = planReminders(input({ chats: [quiet], since: at("2026-03-20T18:29:00Z"), now: at("2026-03-20T18:31:00Z"), statusChanges: [{ ...change, at: at("2026-03-20T18:30:00Z") }] }));
    expect(night.map((r) => [r.key, r.notBefore.toISOString()])).toEqual([["s:1001:5", "2026-03-21T02:00:00.000Z"]]);
    const day = planReminders(input({ chats: [quiet], since: at("2026-03-20T08:29:00Z"), now: at("2026-03-20T08:31:00Z"), statusChanges: [{ ...change, at: at("2026-03-20T08:30:00Z") }] }));
    expect(whenOf(day)).toEqual(["2026-03-20T08:30:00.000Z"]);
  });
});

describe("planReminders: precision, status and catch-up", () => {
  it.each(["month", "quarter", "year", "season"])("%s precision counts from the end of the period (the stored date)", (precision) => {
    const rows = planReminders(input({ commitments: [commitment({ precision, dueOn: "2026-03-31" })], since: at("2026-03-24T03:59:00Z"), now: at("2026-03-24T04:00:00Z") }));
    expect(keys(rows)).toEqual(["r:1001:42:before-7:2026-03-31"]);
  });

  it("vague and undated commitments get no reminders", () => {
    const now = at("2026-04-05T04:00:00Z");
    expect(planReminders(input({ commitments: [commitment({ precision: "vague" })], now }))).toEqual([]);
    expect(planReminders(input({ commitments: [commitment({ dueOn: null })], now }))).toEqual([]);
  });

  it.each(["done", "missed", "cancelled"])("%s commitments get no more reminders", (status) => {
    expect(planReminders(input({ commitments: [commitment({ status })], now: at("2026-03-31T04:00:00Z") }))).toEqual([]);
  });

  it("withdrawn commitments get no reminders; postponed ones do", () => {
    const now = at("2026-03-31T04:00:00Z");
    expect(planReminders(input({ commitments: [commitment({ withdrawn: true })], now }))).toEqual([]);
    expect(keys(planReminders(input({ commitments: [commitment({ status: "postponed" })], now })))).toEqual(["r:1001:42:due:2026-03-31"]);
  });

  it("a postponed commitment is planned for its new date, and not for reminders its announcement covered", () => {
    const postponed = commitment({ status: "postponed", dueOn: "2026-04-03", changedAt: at("2026-03-30T06:00:00Z") });
    // The week-before instant of the new date (27 Mar) predates the postponement: not sent.
    expect(planReminders(input({ commitments: [postponed], now: at("2026-03-30T07:00:00Z") }))).toEqual([]);
    const rows = planReminders(input({ commitments: [postponed], since: at("2026-04-02T03:59:00Z"), now: at("2026-04-02T04:00:00Z") }));
    expect(keys(rows)).toEqual(["r:1001:42:before-1:2026-04-03"]);
  });

  it("after downtime only the latest reminder goes out (no '7 days left' when due tomorrow)", () => {
    const rows = planReminders(input({ since: at("2026-03-20T00:00:00Z"), now: at("2026-03-30T10:00:00Z") }));
    expect(keys(rows)).toEqual(["r:1001:42:before-1:2026-03-31"]);
    const restart = planReminders(input({ since: null, now: at("2026-03-31T05:00:00Z") }));
    expect(keys(restart)).toEqual(["r:1001:42:due:2026-03-31"]);
  });

  it("an overdue notice for a long-overdue commitment is planned at start-up (kept only if the chat never had one) but not by a normal tick", () => {
    const now = at("2026-05-01T10:00:00Z");
    expect(keys(planReminders(input({ since: null, now })))).toEqual(["r:1001:42:overdue-1:2026-03-31"]);
    expect(planReminders(input({ since: new Date(now.getTime() - 60_000), now }))).toEqual([]);
  });

  it("a fresh follow gets the current reminder at once; a new commitment too", () => {
    const now = at("2026-05-01T10:00:00Z");
    const since = new Date(now.getTime() - 60_000);
    const follow = { chatId: 1001n, kind: "commitment", value: "42", commitmentId: 42 };
    expect(keys(planReminders(input({ since, now, follows: [follow], freshFollows: [follow] })))).toEqual(["r:1001:42:overdue-1:2026-03-31"]);
    expect(keys(planReminders(input({ since, now, freshCommitmentIds: new Set([42]) })))).toEqual(["r:1001:42:overdue-1:2026-03-31"]);
  });
});

describe("planReminders: who follows what", () => {
  const now = at("2026-03-31T04:00:00Z");
  const since = at("2026-03-31T03:59:00Z");
  const chats = [1n, 2n, 3n, 4n, 5n].map((id) => chat({ id }));

  it("reaches chats following directly, by topic, by body and through all, each once", () => {
    const rows = planReminders(input({
      since,
      now,
      chats,
      follows: [
        followAll(1n),
        { chatId: 2n, kind: "commitment", value: "42", commitmentId: 42 },
        { chatId: 3n, kind: "topic", value: "energy", commitmentId: null },
        { chatId: 4n, kind: "body", value: "Ministry of Energy", commitmentId: null },
        { chatId: 5n, kind: "topic", value: "health", commitmentId: null },
        followAll(2n),
        { chatId: 9n, kind: "all", value: "", commitmentId: null },
      ],
    }));
    expect(rows.map((r) => r.chatId).sort()).toEqual([1n, 2n, 3n, 4n]);
  });

  it("announces announceable status changes to followers, closed commitments included", () => {
    const change = { id: 7, commitmentId: 42, at: now, fromStatus: "open", toStatus: "done", fromDueOn: "2026-03-31", toDueOn: "2026-03-31" };
    const rows = planReminders(input({ since, now, commitments: [commitment({ status: "done" })], statusChanges: [change] }));
    expect(rows).toEqual([{ key: "s:1001:7", chatId: 1001n, commitmentId: 42, kind: "status", offsetDays: 0, dueOn: "2026-03-31", statusChangeId: 7, notBefore: now }]);
    const ingest = { ...change, fromStatus: "", toStatus: "open" };
    expect(planReminders(input({ since, now, commitments: [commitment({ status: "done" })], statusChanges: [ingest] }))).toEqual([]);
  });

  it("plans the weekly digest at the chat's day and hour, keyed by ISO week", () => {
    const weekly = chat({ digestDay: 1, digestHour: 10 });
    // Monday 6 Apr 2026, 10:00 Almaty = 05:00 UTC.
    const rows = planReminders(input({ chats: [weekly], commitments: [], since: at("2026-04-06T04:59:00Z"), now: at("2026-04-06T05:00:00Z") }));
    expect(rows.map((r) => [r.key, r.kind, r.notBefore.toISOString()])).toEqual([["d:1001:2026-W15", "digest", "2026-04-06T05:00:00.000Z"]]);
    expect(planReminders(input({ chats: [weekly], commitments: [], since: at("2026-04-06T05:00:00Z"), now: at("2026-04-06T05:01:00Z") }))).toEqual([]);
    expect(planReminders(input({ chats: [chat()], commitments: [], since: at("2026-04-06T04:59:00Z"), now: at("2026-04-06T05:00:00Z") }))).toEqual([]);
  });
});
