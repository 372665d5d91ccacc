import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeScorecard, findBodyScore, getScorecard, medianOfCounts } from "../../src/scorecard/get-scorecard.ts";
import { getCommitmentTimeline } from "../../src/scorecard/get-commitment-timeline.ts";
import { loadScorecardFacts, type ScorecardFacts } from "../../src/scorecard/load-scorecard-facts.ts";
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
      body: ENERGY, tracked: 8, undated: 2, onTime: 1, late: 2, done: 4, missed: 1, overdue: 1, open: 2, cancelled: 0, moved: 2,
      medianSlipDays: 60.5, // E3 slipped 91 days, E5 was postponed 30
    });
    expect(card.bodies[1]).toEqual({
      body: TRANSPORT, tracked: 3, undated: 0, onTime: 1, late: 0, done: 1, missed: 0, overdue: 0, open: 1, cancelled: 1, moved: 0, medianSlipDays: null,
    });
    expect(card.bodies[2]).toMatchObject({ body: null, tracked: 1, overdue: 1 });
    expect(card.total).toMatchObject({ body: null, tracked: 12, onTime: 2, late: 2, missed: 1, overdue: 2, moved: 2, medianSlipDays: 60.5 });
  });

  it("the database judges the clear cases and leaves the zone's edge to JavaScript; merged-away and withdrawn ones are not read", async () => {
    const facts = await loadScorecardFacts(t.db, "2026-06-15", { body: ENERGY });
    expect(facts.counts).toEqual([{ body: ENERGY, tracked: 8, undated: 2, done: 4, missed: 1, cancelled: 0, overdue: 1, open: 2 }]);
    // E3 (done 10 May against 31 March, stated by the earlier report) is clearly late; E1 and E2 were done
    // on 31 March UTC, their first stated day: the edge.
    expect(facts.verdicts).toEqual([{ body: ENERGY, onTime: 0, late: 1 }]);
    expect(facts.edges.map((e) => `${e.firstDueOn} ${e.doneAt.toISOString()}`).sort()).toEqual([
      "2026-03-31 2026-03-31T18:30:00.000Z",
      "2026-03-31 2026-03-31T19:30:00.000Z",
    ]);
    expect(facts.slips.sort((a, b) => (a.slipDays ?? 0) - (b.slipDays ?? 0))).toEqual([
      { body: ENERGY, slipDays: 30, count: 1 },
      { body: ENERGY, slipDays: 91, count: 1 },
    ]);
    // T3 got its first date from a later report: not a move.
    expect((await loadScorecardFacts(t.db, "2026-06-15", { body: TRANSPORT })).slips).toEqual([]);
    const one = await getScorecard(t.db, { now: NOW, timeZone: ZONE, body: ENERGY });
    expect(one.bodies.map((b) => b.body)).toEqual([ENERGY]);
    expect(seeded.ids.E9).toBeDefined();
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
  const facts = (partial: Partial<ScorecardFacts>): ScorecardFacts => ({ counts: [], verdicts: [], edges: [], slips: [], ...partial });

  it("median of a histogram: the middle value, the mean of the two middle ones, null for none", () => {
    expect(medianOfCounts(new Map([[5, 1], [1, 1], [3, 1]]))).toBe(3);
    expect(medianOfCounts(new Map([[4, 1], [1, 1], [3, 1], [10, 1]]))).toBe(3.5);
    expect(medianOfCounts(new Map([[-10, 3], [100, 2]]))).toBe(-10);
    expect(medianOfCounts(new Map([[7, 2], [9, 2]]))).toBe(8);
    expect(medianOfCounts(new Map())).toBeNull();
  });

  it("an edge case is on time up to midnight in the zone; slips add up per body and in total", () => {
    const card = computeScorecard(facts({
      counts: [{ body: "B", tracked: 4, undated: 0, done: 3, missed: 0, cancelled: 0, overdue: 1, open: 0 }],
      edges: [
        { body: "B", firstDueOn: "2026-03-31", doneAt: new Date("2026-03-31T18:59:59Z") }, // 23:59:59 in Almaty
        { body: "B", firstDueOn: "2026-03-31", doneAt: new Date("2026-03-31T19:00:00Z") }, // midnight
      ],
      slips: [{ body: "B", slipDays: -10, count: 1 }, { body: null, slipDays: 20, count: 2 }, { body: null, slipDays: null, count: 1 }],
    }), NOW, ZONE);
    expect(card.bodies.find((b) => b.body === "B")).toMatchObject({ onTime: 1, late: 1, moved: 1, medianSlipDays: -10 });
    expect(card.bodies.find((b) => b.body === null)).toMatchObject({ moved: 3, medianSlipDays: 20 });
    expect(card.total).toMatchObject({ tracked: 4, onTime: 1, late: 1, moved: 4, medianSlipDays: 20 });
  });

  it("finds a body as /follow does: any case, or a unique part of its name; suggests otherwise", () => {
    const card = computeScorecard(facts({
      counts: [ENERGY, TRANSPORT, null].map((body) => ({ body, tracked: 1, undated: 0, done: 0, missed: 0, cancelled: 0, overdue: 0, open: 1 })),
    }), NOW, ZONE);
    expect(findBodyScore(card, "ministry of energy")).toMatchObject({ ok: true, score: { body: ENERGY } });
    expect(findBodyScore(card, "transport")).toMatchObject({ ok: true, score: { body: TRANSPORT } });
    expect(findBodyScore(card, "Ministry")).toMatchObject({ ok: false });
    expect(findBodyScore(card, "Ministry of Enrgy")).toEqual({ ok: false, suggestions: [ENERGY, TRANSPORT] });
  });
});
