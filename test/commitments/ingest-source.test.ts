import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestDb, describeEachEngine, type TestDb } from "../support/db.ts";
import { changeStatus } from "../../src/commitments/change-status.ts";
import { getCommitment } from "../../src/commitments/get-commitment.ts";
import { ingestSource } from "../../src/commitments/ingest-source.ts";
import type { ExtractionResult } from "../../src/extraction/types.ts";
import { DOC_V1, fakeExtract } from "./fake-extract.ts";

const NOW = new Date("2026-01-20T06:00:00Z");
const LATER = new Date("2026-01-25T06:00:00Z");

let t: TestDb;

const ingest = (text: string, now = NOW, file = "doc.txt") => ingestSource(t.db, { file, text, now, extract: fakeExtract });

async function snapshot() {
  const sources = await t.db.source.findMany({ orderBy: { id: "asc" } });
  const commitments = await t.db.commitment.findMany({ orderBy: { id: "asc" } });
  const history = await t.db.statusChange.findMany({ orderBy: { id: "asc" } });
  return { sources, commitments, history };
}

describeEachEngine("ingestSource", (engine) => {
  beforeEach(async () => {
    t = await createTestDb(engine);
  });
  afterEach(async () => {
    await t.destroy();
  });


  it("creates a source and its open commitments", async () => {
    const result = await ingest(DOC_V1);
    expect(result).toMatchObject({ file: "doc.txt", status: "created", added: 3, updated: 0, withdrawn: 0, unchanged: 0 });
    const { sources, commitments } = await snapshot();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ file: "doc.txt", title: "Government reviews hubs", publishedOn: "2026-01-10", content: DOC_V1 });
    expect(sources[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(commitments.map((c) => [c.status, c.dueOn, c.extractedDueOn, c.topics])).toEqual([
      ["open", "2026-03-31", "2026-03-31", "|economy & trade|"],
      ["open", "2026-06-30", "2026-06-30", "|economy & trade|"],
      ["open", "2026-02-15", "2026-02-15", "|economy & trade|"],
    ]);
    const first = commitments[0]!;
    expect(DOC_V1.slice(first.quoteStart, first.quoteEnd)).toBe(first.quote);
  });

  it("is idempotent: a second run of the same text writes nothing", async () => {
    await ingest(DOC_V1);
    const before = await snapshot();
    const result = await ingest(DOC_V1, LATER);
    expect(result).toMatchObject({ status: "unchanged", added: 0, updated: 0, withdrawn: 0, unchanged: 3 });
    expect(await snapshot()).toEqual(before);
  });

  it("updates an edited document without duplicating, and keeps status history", async () => {
    await ingest(DOC_V1);
    const concept = await t.db.commitment.findFirstOrThrow({ where: { dueOn: "2026-03-31" } });
    const done = await changeStatus(t.db, { commitmentId: concept.id, to: "done", byUserId: -1001234567890123n, at: NOW });
    expect(done.ok).toBe(true);

    const edited = DOC_V1.replace("Officials visited the site last week.", "Officials visited the site twice last week.") +
      "\nThe Ministry of Health must open two clinics by 2026-09-01.";
    const result = await ingest(edited, LATER);
    expect(result).toMatchObject({ status: "updated", added: 1, updated: 1, withdrawn: 0, unchanged: 2 });
    // The one "updated" row: quote offsets moved after the edit above it.
    const after = await snapshot();
    expect(after.sources).toHaveLength(1);
    expect(after.sources[0]!.content).toBe(edited);
    expect(after.commitments).toHaveLength(4);
    const same = after.commitments.find((c) => c.id === concept.id)!;
    expect(same.status).toBe("done");
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({ commitmentId: concept.id, byUserId: -1001234567890123n, toStatus: "done" });
    for (const c of after.commitments) expect(edited.slice(c.quoteStart, c.quoteEnd)).toBe(c.quote);
  });

  it("treats a slightly reworded sentence with the same deadline as the same commitment", async () => {
    await ingest(DOC_V1);
    const port = await t.db.commitment.findFirstOrThrow({ where: { dueOn: "2026-06-30" } });
    await changeStatus(t.db, { commitmentId: port.id, to: "postponed", newDueOn: "2026-08-31", byUserId: 7n, at: NOW });

    const reworded = DOC_V1.replace("will report on the port", "will report on the new port");
    const result = await ingest(reworded, LATER);
    // Two updates: the reworded one, and the one below it whose quote offsets moved.
    expect(result).toMatchObject({ status: "updated", added: 0, updated: 2, withdrawn: 0 });
    const row = await t.db.commitment.findUniqueOrThrow({ where: { id: port.id } });
    expect(row.quote).toContain("the new port");
    // The postponement stands: status and dueOn belong to the admin, not to the text.
    expect(row).toMatchObject({ status: "postponed", dueOn: "2026-08-31", extractedDueOn: "2026-06-30" });
    expect(await t.db.commitment.count()).toBe(3);
  });

  it("moves dueOn with a changed deadline when nobody postponed it", async () => {
    await ingest(DOC_V1);
    const changed = DOC_V1.replace("must develop a concept for the zone by 2026-03-31", "must develop a concept for the zone by 2026-04-30");
    // A new due phrase is a new key and no fuzzy match (dueText differs): old withdrawn, new added.
    const result = await ingest(changed, LATER);
    expect(result).toMatchObject({ added: 1, withdrawn: 1 });
    const active = await t.db.commitment.findMany({ where: { withdrawnAt: null }, orderBy: { dueOn: "asc" } });
    expect(active.map((c) => c.dueOn)).toEqual(["2026-02-15", "2026-04-30", "2026-06-30"]);
  });

  it("withdraws a removed commitment (history kept) and restores it when it reappears", async () => {
    await ingest(DOC_V1);
    const energy = await t.db.commitment.findFirstOrThrow({ where: { dueOn: "2026-02-15" } });
    await changeStatus(t.db, { commitmentId: energy.id, to: "missed", byUserId: 1n, note: "no plan published", at: NOW });

    const removed = DOC_V1.replace("The Ministry of Energy shall publish the tariff plan by 2026-02-15.", "");
    expect(await ingest(removed, LATER)).toMatchObject({ status: "updated", withdrawn: 1, unchanged: 2, added: 0 });
    const gone = await getCommitment(t.db, energy.id);
    expect(gone?.withdrawnAt?.toISOString()).toBe(LATER.toISOString());
    expect(gone?.history.map((h) => h.toStatus)).toEqual(["missed"]);

    // Re-ingesting the shortened text again changes nothing (withdrawnAt keeps its first date).
    expect(await ingest(removed, new Date("2026-02-01T00:00:00Z"))).toMatchObject({ status: "unchanged" });

    expect(await ingest(DOC_V1, new Date("2026-02-02T00:00:00Z"))).toMatchObject({ status: "updated", updated: 1, added: 0, withdrawn: 0 });
    const back = await getCommitment(t.db, energy.id);
    expect(back).toMatchObject({ withdrawnAt: null, status: "missed" });
    expect(back?.history).toHaveLength(1);
    expect(await t.db.commitment.count()).toBe(3);
  });

  it("keeps identity when the document is reordered", async () => {
    await ingest(DOC_V1);
    const before = await t.db.commitment.findMany({ orderBy: { id: "asc" } });
    const lines = DOC_V1.split("\n");
    const reordered = [lines[0], lines[1], lines[5], lines[4], lines[3], lines[2]].join("\n");
    const result = await ingest(reordered, LATER);
    expect(result).toMatchObject({ added: 0, withdrawn: 0, updated: 3 });
    const after = await t.db.commitment.findMany({ orderBy: { id: "asc" } });
    expect(after.map((c) => [c.id, c.key])).toEqual(before.map((c) => [c.id, c.key]));
  });

  it("writes nothing of a document whose store step fails half-way (rollback)", async () => {
    await ingest(DOC_V1, NOW, "other.txt");
    const before = await snapshot();
    // The second commitment is malformed: the source and the first rows are written, then the insert fails
    // (as a commitment, or as a mention when the matcher finds "other.txt"'s sentence the same).
    const broken = (text: string): ExtractionResult => {
      const result = fakeExtract(text);
      const bad = { ...result.commitments[1]!, title: null as unknown as string, precision: null as unknown as "day" };
      return { ...result, commitments: [result.commitments[0]!, bad, ...result.commitments.slice(2)] };
    };
    await expect(ingestSource(t.db, { file: "new.txt", text: DOC_V1 + "\nmore", now: NOW, extract: broken })).rejects.toThrow();
    expect(await snapshot()).toEqual(before);

    // And on an update of an existing source: withdrawals and the source's new text roll back too.
    const shorter = DOC_V1.replace("The Ministry of Energy shall publish the tariff plan by 2026-02-15.", "The Ministry of Water must fix pipes by 2026-05-05.");
    const brokenUpdate = (text: string): ExtractionResult => {
      const result = fakeExtract(text);
      return { ...result, commitments: [...result.commitments, { ...result.commitments[0]!, quote: "x by 2026-01-01.", precision: undefined as unknown as "day" }] };
    };
    await expect(ingestSource(t.db, { file: "other.txt", text: shorter, now: LATER, extract: brokenUpdate })).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it("throws the extractor's error before writing anything", async () => {
    const failing = (): ExtractionResult => {
      throw new Error("extractor exploded");
    };
    await expect(ingestSource(t.db, { file: "a.txt", text: "x", now: NOW, extract: failing })).rejects.toThrow("extractor exploded");
    expect(await t.db.source.count()).toBe(0);
  });

  it("stores one commitment for a sentence repeated in the document", async () => {
    const doubled = DOC_V1 + "\nThe Ministry of Energy shall publish the tariff plan by 2026-02-15.";
    expect(await ingest(doubled)).toMatchObject({ added: 3 });
  });
});
