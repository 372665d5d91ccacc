import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestDb, describeEachEngine, type TestDb } from "../support/db.ts";
import { changeStatus, type ChangeStatusInput } from "../../src/commitments/change-status.ts";
import { viewCommitment, formatDue, describeDaysLeft } from "../../src/commitments/commitment-view.ts";
import { getCommitment } from "../../src/commitments/get-commitment.ts";
import { ingestSource } from "../../src/commitments/ingest-source.ts";
import { DOC_V1, fakeExtract } from "./fake-extract.ts";

const AT = new Date("2026-03-01T05:00:00Z"); // 10:00 in Almaty, 1 March 2026
const ADMIN = -1001234567890123n;

let t: TestDb;
let id: number; // due 2026-03-31

const change = (input: Partial<ChangeStatusInput>) =>
  changeStatus(t.db, { commitmentId: id, to: "done", byUserId: ADMIN, at: AT, ...input });

async function errorCode(input: Partial<ChangeStatusInput>): Promise<string> {
  const result = await change(input);
  if (result.ok) throw new Error("expected an error");
  expect(result.error.message).not.toContain("\n");
  return result.error.code;
}

/** A fresh database per test on `engine`, holding DOC_V1; \`id\` is its commitment due 31 March 2026. */
function useSeededDb(engine: Parameters<typeof createTestDb>[0]): void {
  beforeEach(async () => {
    t = await createTestDb(engine);
    await ingestSource(t.db, { file: "a.txt", text: DOC_V1, now: AT, extract: fakeExtract });
    id = (await t.db.commitment.findFirstOrThrow({ where: { dueOn: "2026-03-31" } })).id;
  });
  afterEach(async () => {
    await t.destroy();
  });
}

describeEachEngine("changeStatus", (engine) => {
  useSeededDb(engine);


  it("closes an open commitment and records who, when, evidence and note", async () => {
    const result = await change({ to: "done", byName: "Aida", evidenceUrl: " https://gov.kz/news/1 ", note: "  Signed.  " });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.commitment.status).toBe("done");
    expect(result.change).toMatchObject({
      commitmentId: id,
      byUserId: ADMIN,
      byName: "Aida",
      fromStatus: "open",
      toStatus: "done",
      evidenceUrl: "https://gov.kz/news/1",
      note: "Signed.",
    });
    expect(result.change.at.toISOString()).toBe(AT.toISOString());
  });

  it.each(["done", "missed", "cancelled"] as const)("%s works from open and from postponed, not twice", async (to) => {
    expect((await change({ to })).ok).toBe(true);
    expect(await errorCode({ to })).toBe("invalid_transition");
    expect((await change({ to: "open" })).ok).toBe(true);
    expect((await change({ to: "postponed", newDueOn: "30.06.2026" })).ok).toBe(true);
    expect((await change({ to })).ok).toBe(true);
  });

  it("postpones to a valid later date, recording both dates; reopening keeps it postponed", async () => {
    const result = await change({ to: "postponed", newDueOn: "30 June 2026" });
    expect(result.ok && result.commitment).toMatchObject({ status: "postponed", dueOn: "2026-06-30", extractedDueOn: "2026-03-31" });
    expect(result.ok && result.change).toMatchObject({ fromStatus: "open", toStatus: "postponed", fromDueOn: "2026-03-31", toDueOn: "2026-06-30" });
    const again = await change({ to: "postponed", newDueOn: "2026-07-31" });
    expect(again.ok && again.change).toMatchObject({ fromStatus: "postponed", fromDueOn: "2026-06-30", toDueOn: "2026-07-31" });
    await change({ to: "missed" });
    const reopened = await change({ to: "open" });
    expect(reopened.ok && reopened.commitment).toMatchObject({ status: "postponed", dueOn: "2026-07-31" });

    const history = (await getCommitment(t.db, id))!.history;
    expect(history.map((h) => `${h.fromStatus}->${h.toStatus}`)).toEqual([
      "open->postponed",
      "postponed->postponed",
      "postponed->missed",
      "missed->postponed",
    ]);
  });

  it("reopens a closed commitment as open when its date was never moved", async () => {
    await change({ to: "cancelled" });
    const result = await change({ to: "open" });
    expect(result.ok && result.commitment.status).toBe("open");
    expect(await errorCode({ to: "open" })).toBe("invalid_transition");
  });

  it("refuses bad input with a typed error and writes nothing", async () => {
    expect(await errorCode({ to: "postponed", newDueOn: "31.02.2026" })).toBe("invalid_date");
    expect(await errorCode({ to: "postponed", newDueOn: "soon" })).toBe("invalid_date");
    expect(await errorCode({ to: "postponed" })).toBe("invalid_date");
    expect(await errorCode({ to: "postponed", newDueOn: "2026-03-31" })).toBe("same_date");
    expect(await errorCode({ to: "postponed", newDueOn: "2026-02-28" })).toBe("date_in_past");
    expect(await errorCode({ evidenceUrl: "javascript:alert(1)" })).toBe("invalid_url");
    expect(await errorCode({ evidenceUrl: "gov.kz/news" })).toBe("invalid_url");
    expect(await errorCode({ evidenceUrl: "ftp://gov.kz/x" })).toBe("invalid_url");
    expect(await errorCode({ note: "x".repeat(501) })).toBe("note_too_long");
    expect(await errorCode({ commitmentId: 424242 })).toBe("not_found");
    expect(await errorCode({ commitmentId: -3 })).toBe("not_found");
    expect(await errorCode({ to: "bogus" as never })).toBe("invalid_transition");
    expect(await t.db.statusChange.count()).toBe(0);
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id } })).status).toBe("open");
  });

  it("accepts a note of exactly 500 characters and no evidence at all", async () => {
    const result = await change({ to: "missed", note: "y".repeat(500), evidenceUrl: "  ", byUserId: null });
    expect(result.ok && result.change).toMatchObject({ evidenceUrl: null, byUserId: null, note: "y".repeat(500) });
  });

  it("lets only one of two concurrent changes win", async () => {
    const results = await Promise.all([change({ to: "done" }), change({ to: "missed" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await t.db.statusChange.count()).toBe(1);
  });
});

describeEachEngine("commitment view", (engine) => {
  useSeededDb(engine);


  it("derives overdue and days left from an injected today", async () => {
    const c = await t.db.commitment.findUniqueOrThrow({ where: { id } });
    expect(viewCommitment(c, "2026-03-01")).toMatchObject({ status: "open", daysLeft: 30, daysText: "in 30 days", due: "31 Mar 2026" });
    expect(viewCommitment(c, "2026-03-31")).toMatchObject({ status: "open", daysLeft: 0, daysText: "due today" });
    expect(viewCommitment(c, "2026-04-01")).toMatchObject({ status: "overdue", daysLeft: -1, daysText: "1 day overdue" });
    expect(viewCommitment({ ...c, status: "done" }, "2026-04-01")).toMatchObject({ status: "done", daysLeft: null, daysText: "" });
    expect(viewCommitment({ ...c, status: "postponed", dueOn: "2026-04-10" }, "2026-04-20")).toMatchObject({
      status: "overdue",
      daysText: "10 days overdue",
      due: "10 Apr 2026",
    });
    expect(viewCommitment({ ...c, dueOn: null, extractedDueOn: null, precision: "vague" }, "2026-04-20")).toMatchObject({
      status: "open",
      daysLeft: null,
      due: "no date",
    });
  });

  it("formats the due date as precisely as it was given", () => {
    expect(formatDue("2026-03-31", "day")).toBe("31 Mar 2026");
    expect(formatDue("2026-03-31", "month")).toBe("March 2026");
    expect(formatDue("2026-03-31", "quarter")).toBe("Q1 2026");
    expect(formatDue("2026-12-31", "quarter")).toBe("Q4 2026");
    expect(formatDue("2026-12-31", "year")).toBe("2026");
    expect(formatDue("2025-11-30", "season")).toBe("autumn 2025");
    expect(formatDue("2026-05-31", "season")).toBe("spring 2026");
    expect(formatDue("2026-08-31", "season")).toBe("summer 2026");
    expect(formatDue("2026-02-28", "season")).toBe("winter 2025/26");
    expect(formatDue(null, "vague")).toBe("no date");
    expect(describeDaysLeft(1)).toBe("tomorrow");
    expect(describeDaysLeft(-40)).toBe("40 days overdue");
  });
});
