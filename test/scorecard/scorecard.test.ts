import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeScorecard, findBodyScore, getScorecard, median, type ScorecardRow } from "../../src/scorecard/get-scorecard.ts";
import { getCommitmentTimeline } from "../../src/scorecard/get-commitment-timeline.ts";
import { loadScorecardRows } from "../../src/scorecard/load-scorecard-rows.ts";
import { createTestDb, describeEachEngine, type TestDb } from "../support/db.ts";
import { ENERGY, NOW, seedScorecard, TRANSPORT, type SeededScorecard } from "./seed-scorecard.ts";

const ZONE = "Asia/Almaty";

describeEachEngine("scorecard over the store", (engine) => {
  let t: TestDb;
  let seeded: SeededScorecard;
  beforeAll(async () => {
    t = await createTestDb(engine);
    seeded = await seedScorecard(t.db);
  });
  afterAll(async () => {
    await t.destroy();
  });

  it("counts each body's outcomes against the first stated date, in Almaty's calendar", async () => {
    const card = await getScorecard(t.db, { now: NOW, timeZone: ZONE });
    expect(card.today).toBe("2026-06-15");
    expect(card.bodies.map((b) => b.body)).toEqual([ENERGY, TRANSPORT, null]);
    expect(card.bodies[0]).toEqual({
      body: ENERGY, tracked: 8, dated: 6, onTime: 1, late: 2, done: 4, missed: 1, overdue: 1, open: 2, cancelled: 0, moved: 2,
      medianSlipDays: 60.5, // E3 slipped 91 days, E5 was postponed 30
    });
    expect(card.bodies[1]).toEqual({
      body: TRANSPORT, tracked: 3, dated: 3, onTime: 1, late: 0, done: 1, missed: 0, overdue: 0, open: 1, cancelled: 1, moved: 0, medianSlipDays: null,
    });
    expect(card.bodies[2]).toMatchObject({ body: null, tracked: 1, overdue: 1 });
    expect(card.total).toMatchObject({ body: null, tracked: 12, onTime: 2, late: 2, missed: 1, overdue: 2, moved: 2, medianSlipDays: 60.5 });
  });

  it("reads the earliest statement by publication, not the first stored, and leaves out withdrawn and merged-away commitments", async () => {
    const rows = await loadScorecardRows(t.db, { body: ENERGY });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(seeded.ids.E3!)).toMatchObject({ firstDueOn: "2026-03-31", dueOn: "2026-06-30", moved: true });
    expect(byId.get(seeded.ids.E1!)?.doneAt?.toISOString()).toBe("2026-03-31T18:30:00.000Z");
    expect(byId.has(seeded.ids.E8!)).toBe(false);
    expect(byId.has(seeded.ids.E9!)).toBe(false);
    expect(rows).toHaveLength(8);
    const transport = await loadScorecardRows(t.db, { body: TRANSPORT });
    expect(transport.find((r) => r.id === seeded.ids.T3)).toMatchObject({ firstDueOn: "2026-09-30", moved: false });
  });

  it("a commitment's date history: first stated, each change, in force; merged-away ids lead to where they went", async () => {
    const e3 = await getCommitmentTimeline(t.db, seeded.ids.E3!, ZONE);
    expect(e3?.steps).toEqual([
      { kind: "first", on: "2026-01-05", dueOn: "2026-03-31", precision: "quarter" },
      { kind: "slip", on: "2026-02-01", dueOn: "2026-06-30", precision: "quarter" },
    ]);
    expect(e3).toMatchObject({ firstDueOn: "2026-03-31", dueOn: "2026-06-30", slipDays: 91, closed: { status: "done", on: "2026-05-10" } });
    const e5 = await getCommitmentTimeline(t.db, seeded.ids.E5!, ZONE);
    expect(e5?.steps.map((s) => `${s.kind} ${s.on} ${s.dueOn}`)).toEqual(["first 2026-01-10 2026-04-01", "postponed 2026-03-20 2026-05-01"]);
    expect(e5).toMatchObject({ slipDays: 30, closed: null });
    const e2 = await getCommitmentTimeline(t.db, seeded.ids.E2!, ZONE);
    expect(e2?.closed).toEqual({ status: "done", on: "2026-04-01" }); // Almaty's day, not UTC's
    const merged = await getCommitmentTimeline(t.db, seeded.ids.E9!, ZONE);
    expect(merged).toMatchObject({ id: seeded.ids.E1, mergedFromId: seeded.ids.E9 });
    await expect(getCommitmentTimeline(t.db, 999_999, ZONE)).resolves.toBeNull();
  });
});

describe("scorecard arithmetic", () => {
  const row = (partial: Partial<ScorecardRow>): ScorecardRow => ({ id: 1, body: "B", status: "open", dueOn: "2026-03-31", firstDueOn: "2026-03-31", doneAt: null, moved: false, ...partial });

  it("median: middle value, mean of the two middle ones, null for none", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it("done on the first stated day is on time up to midnight in the zone; a pull-in slips negative", () => {
    const card = computeScorecard([
      row({ status: "done", doneAt: new Date("2026-03-31T18:59:59Z") }),
      row({ status: "done", doneAt: new Date("2026-03-31T19:00:00Z") }),
      row({ status: "done", doneAt: null }), // done with no recorded change: neither
      row({ moved: true, dueOn: "2026-03-21" }),
    ], NOW, ZONE);
    expect(card.total).toMatchObject({ done: 3, onTime: 1, late: 1, moved: 1, medianSlipDays: -10, overdue: 1 });
  });

  it("finds a body as /follow does: any case, or a unique part of its name; suggests otherwise", () => {
    const card = computeScorecard([row({ body: ENERGY }), row({ body: TRANSPORT }), row({ body: null })], NOW, ZONE);
    expect(findBodyScore(card, "ministry of energy")).toMatchObject({ ok: true, score: { body: ENERGY } });
    expect(findBodyScore(card, "transport")).toMatchObject({ ok: true, score: { body: TRANSPORT } });
    expect(findBodyScore(card, "Ministry")).toMatchObject({ ok: false });
    expect(findBodyScore(card, "Ministry of Enrgy")).toEqual({ ok: false, suggestions: [ENERGY, TRANSPORT] });
  });
});
