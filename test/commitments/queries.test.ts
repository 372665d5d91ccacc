import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, describeEachEngine, type TestDb } from "../support/db.ts";
import { getCommitment } from "../../src/commitments/get-commitment.ts";
import { getStats } from "../../src/commitments/get-stats.ts";
import { ingestSource } from "../../src/commitments/ingest-source.ts";
import { listCommitments } from "../../src/commitments/list-commitments.ts";
import { searchCommitments } from "../../src/commitments/search-commitments.ts";
import { decodeTopics, encodeTopics } from "../../src/commitments/topics.ts";
import { DOC_V1, fakeExtract } from "./fake-extract.ts";

// Queries only read: one database for the file, filled once.
let t: TestDb;
const NOW = new Date("2026-01-20T06:00:00Z");
const TODAY = "2026-03-01";

describeEachEngine("store queries", (engine) => {
  beforeAll(async () => {
    t = await createTestDb(engine);
    await ingestSource(t.db, { file: "a.txt", text: DOC_V1, now: NOW, extract: fakeExtract });
    const second = [
      "Digest",
      "Published 2026-01-12",
      "The Ministry of Justice must adopt the 100% digital_court rules by 2026-12-31.",
      "The Ministry of Finance shall cut fees by 2026-02-20.",
    ].join("\n");
    await ingestSource(t.db, { file: "b.txt", text: second, now: NOW, extract: fakeExtract });
    // Make the states the filters distinguish: done, cancelled, and a withdrawn commitment.
    await t.db.commitment.updateMany({ where: { dueOn: "2026-12-31" }, data: { status: "done" } });
    await t.db.commitment.updateMany({ where: { dueOn: "2026-06-30" }, data: { status: "cancelled" } });
    await t.db.commitment.updateMany({ where: { dueOn: "2026-02-20" }, data: { withdrawnAt: NOW } });
  });
  afterAll(async () => {
    await t.destroy();
  });

  const dues = (rows: Array<{ dueOn: string | null }>) => rows.map((r) => r.dueOn);

  describe("listCommitments", () => {
    it("filters by status with overdue derived from today, soonest first, withdrawn hidden", async () => {
      expect(dues((await listCommitments(t.db, { today: TODAY })).rows)).toEqual(["2026-02-15", "2026-03-31"]);
      expect(dues((await listCommitments(t.db, { today: TODAY, status: "open" })).rows)).toEqual(["2026-03-31"]);
      expect(dues((await listCommitments(t.db, { today: TODAY, status: "overdue" })).rows)).toEqual(["2026-02-15"]);
      expect(dues((await listCommitments(t.db, { today: TODAY, status: "done" })).rows)).toEqual(["2026-12-31"]);
      expect(dues((await listCommitments(t.db, { today: TODAY, status: "cancelled" })).rows)).toEqual(["2026-06-30"]);
      expect(dues((await listCommitments(t.db, { today: TODAY, status: "all" })).rows)).toEqual([
        "2026-02-15",
        "2026-03-31",
        "2026-06-30",
        "2026-12-31",
      ]);
      const withWithdrawn = await listCommitments(t.db, { today: TODAY, status: "all", includeWithdrawn: true });
      expect(withWithdrawn.total).toBe(5);
    });

    it("pages with a total, and filters by topic, body and due range", async () => {
      const page = await listCommitments(t.db, { today: TODAY, status: "all", limit: 2, offset: 2 });
      expect(page.total).toBe(4);
      expect(dues(page.rows)).toEqual(["2026-06-30", "2026-12-31"]);
      expect((await listCommitments(t.db, { today: TODAY, status: "all", topic: "economy & trade" })).total).toBe(4);
      expect((await listCommitments(t.db, { today: TODAY, status: "all", topic: "energy" })).total).toBe(0);
      expect((await listCommitments(t.db, { today: TODAY, status: "all", body: "Ministry of Energy" })).total).toBe(1);
      const upcoming = await listCommitments(t.db, { today: TODAY, status: "open", dueFrom: TODAY, dueTo: "2026-04-30" });
      expect(dues(upcoming.rows)).toEqual(["2026-03-31"]);
    });
  });

  describe("searchCommitments", () => {
    it("ANDs words, case-insensitively, over title, responsible, body and quote", async () => {
      expect(dues((await searchCommitments(t.db, "ministry")).rows)).toEqual(["2026-02-15", "2026-03-31", "2026-06-30", "2026-12-31"]);
      expect(dues((await searchCommitments(t.db, "MINISTRY tariff")).rows)).toEqual(["2026-02-15"]);
      expect(dues((await searchCommitments(t.db, "  port   transport ")).rows)).toEqual(["2026-06-30"]);
      expect((await searchCommitments(t.db, "ministry zebra")).total).toBe(0);
    });

    it("matches word prefixes, ignores punctuation and blank input, bounds long input, hides withdrawn", async () => {
      expect(dues((await searchCommitments(t.db, "minis TARIF")).rows)).toEqual(["2026-02-15"]);
      expect(dues((await searchCommitments(t.db, "100%")).rows)).toEqual(["2026-12-31"]);
      expect(dues((await searchCommitments(t.db, "digital_court")).rows)).toEqual(["2026-12-31"]);
      // Punctuation alone is not a word: nothing is searched, and the input is shown back as typed.
      expect(await searchCommitments(t.db, "%")).toEqual({ rows: [], total: 0, more: false, words: ["%"] });
      expect((await searchCommitments(t.db, "_")).total).toBe(0);
      expect(await searchCommitments(t.db, "   ")).toEqual({ rows: [], total: 0, more: false, words: [] });
      const long = await searchCommitments(t.db, "ministry ".repeat(10_000));
      expect(long.words.length).toBeLessThanOrEqual(8);
      expect(long.total).toBe(4);
      expect((await searchCommitments(t.db, "fees")).total).toBe(0);
      expect((await searchCommitments(t.db, "'; DROP TABLE Commitment; --")).total).toBe(0);
      expect(await t.db.commitment.count()).toBe(5);
    });

    it("never throws on FTS syntax, quotes, operators or emoji, and cuts between graphemes", async () => {
      const hostile = ['"', '""', "'", "AND", "OR ministry", "NOT ministry", "ministry NOT", "NEAR(a b)", "*", "ministry*", "^port", "title:ministry",
        "quote : port", "(", ")", "{port}", "-port", "+", "\\", "\u0000", "🔥", "🔥".repeat(100), `x${"🔥".repeat(100)}`, "👨‍👩‍👧".repeat(300), "é".repeat(5000)];
      for (const text of hostile) await expect(searchCommitments(t.db, text)).resolves.toHaveProperty("total");
      expect((await searchCommitments(t.db, "NOT ministry")).total).toBe(0);
      expect((await searchCommitments(t.db, "title:ministry")).total).toBe(0);
      expect(dues((await searchCommitments(t.db, "\"port\" AND")).rows)).toEqual([]);
      expect(dues((await searchCommitments(t.db, "\"port\"")).rows)).toEqual(["2026-06-30"]);
      // 300 family emoji are 300 characters to a person: the cut keeps 200 whole ones.
      const family = await searchCommitments(t.db, "👨‍👩‍👧".repeat(300));
      expect(family.words.join("")).toBe("👨‍👩‍👧".repeat(200));
      expect(Buffer.from(family.words.join(""), "utf8").toString("utf8")).toBe(family.words.join(""));
    });
  });

  describe("getCommitment", () => {
    it("returns the commitment with its source, or null for unknown and invalid ids", async () => {
      const any = await t.db.commitment.findFirstOrThrow({ where: { dueOn: "2026-03-31" } });
      const detail = await getCommitment(t.db, any.id);
      expect(detail?.source.file).toBe("a.txt");
      expect(detail?.history).toEqual([]);
      expect(await getCommitment(t.db, 999_999)).toBeNull();
      expect(await getCommitment(t.db, -1)).toBeNull();
      expect(await getCommitment(t.db, 1.5)).toBeNull();
      expect(await getCommitment(t.db, Number.NaN)).toBeNull();
    });
  });

  describe("getStats", () => {
    it("counts by status with overdue derived, sources and last ingest", async () => {
      const stats = await getStats(t.db, TODAY);
      expect(stats.byStatus).toEqual({ open: 1, overdue: 1, postponed: 0, done: 1, missed: 0, cancelled: 1 });
      expect(stats).toMatchObject({ total: 4, withdrawn: 1, undated: 0, sources: 2, statusChanges: 0 });
      expect(stats.lastIngestAt).toBeInstanceOf(Date);
    });
  });
});

describe("topics column", () => {
  it("round-trips and ignores junk", () => {
    expect(encodeTopics(["energy", "health", "energy", " ", "a|b"])).toBe("|energy|health|");
    expect(encodeTopics([])).toBe("||");
    expect(decodeTopics("|energy|health|")).toEqual(["energy", "health"]);
    expect(decodeTopics("||")).toEqual([]);
    expect(decodeTopics(null)).toEqual([]);
  });
});
