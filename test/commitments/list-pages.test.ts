import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCommitments } from "../../src/commitments/list-commitments.ts";
import { searchCommitments } from "../../src/commitments/search-commitments.ts";
import { isPending, STATUS_FILTERS, STORED_STATUSES } from "../../src/commitments/statuses.ts";
import type { Commitment } from "../../src/generated/prisma/client.ts";
import { createTestDb, describeEachEngine, type TestDb } from "../support/db.ts";

// Pages and totals from the indexes and the tally must equal the plain definition: filter the
// whole table, sort by due date (undated last) then id, slice. Checked over seeded random data,
// on SQLite and on PostgreSQL.
const TODAY = "2026-03-01";
const COUNT = 120;
const WORDS = ["port", "grid", "railway", "school", "tariff", "Aktau", "Almaty", "émission", "data", "court"];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describeEachEngine("list and search", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    const next = random(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const source = await t.db.source.create({ data: { path: "/docs/x.txt", file: "x.txt", contentHash: "h", content: "text" } });
    await t.db.commitment.createMany({
      data: Array.from({ length: COUNT }, (_, i) => {
        // Few distinct dates, so ties on the due date are common and the id decides.
        const dueOn = next() < 0.15 ? null : `2026-0${1 + Math.floor(next() * 6)}-1${Math.floor(next() * 3)}`;
        return {
          sourceId: source.id,
          key: `k${i}`,
          title: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
          quote: `The Ministry must build the ${pick(WORDS)} by then.`,
          responsible: next() < 0.5 ? `Ministry of ${pick(WORDS)}` : null,
          body: null,
          precision: "day",
          quoteStart: 0,
          quoteEnd: 1,
          extractedDueOn: dueOn,
          dueOn,
          status: next() < 0.7 ? "open" : pick(STORED_STATUSES),
          withdrawnAt: next() < 0.1 ? new Date("2026-01-01T00:00:00Z") : null,
        };
      }),
    });
    // Status changes and withdrawals after insertion go through the update trigger too.
    await t.db.commitment.updateMany({ where: { id: { lte: 40 }, status: "open" }, data: { status: "done" } });
    await t.db.commitment.updateMany({ where: { id: { gt: 110 } }, data: { withdrawnAt: new Date("2026-02-01T00:00:00Z") } });
    await t.db.commitment.updateMany({ where: { id: { in: [3, 5, 7] } }, data: { withdrawnAt: null } });
    await t.db.commitment.deleteMany({ where: { id: { in: [11, 12, 13] } } });
  }, 60_000);
  afterAll(async () => {
    await t.destroy();
  });

  function expected(all: Commitment[], status: (typeof STATUS_FILTERS)[number], includeWithdrawn: boolean): Commitment[] {
    const byStatus = (c: Commitment): boolean => {
      const overdue = isPending(c.status) && c.dueOn !== null && c.dueOn < TODAY;
      if (status === "all") return true;
      if (status === "active") return isPending(c.status);
      if (status === "open") return isPending(c.status) && !overdue;
      if (status === "overdue") return overdue;
      return c.status === status;
    };
    return all
      .filter((c) => (includeWithdrawn || c.withdrawnAt === null) && byStatus(c))
      .sort((a, b) => (a.dueOn === b.dueOn ? a.id - b.id : a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1));
  }

  describe("listCommitments pages", () => {
    it("equal filter-sort-slice of the whole table for every status, page size and offset", async () => {
      const all = await t.db.commitment.findMany();
      for (const status of STATUS_FILTERS) {
        for (const includeWithdrawn of [false, true]) {
          const want = expected(all, status, includeWithdrawn).map((c) => c.id);
          for (const limit of [3, 20]) {
            for (let offset = 0; offset <= want.length + limit; offset += limit) {
              const page = await listCommitments(t.db, { today: TODAY, status, includeWithdrawn, limit, offset });
              expect({ status, includeWithdrawn, limit, offset, ids: page.rows.map((c) => c.id), total: page.total }).toEqual({
                status,
                includeWithdrawn,
                limit,
                offset,
                ids: want.slice(offset, offset + limit),
                total: want.length,
              });
            }
          }
        }
      }
    });

    it("keeps the tally equal to a count of the table through inserts, updates and deletes", async () => {
      const groups = await t.db.commitment.groupBy({ by: ["status"], where: { withdrawnAt: null }, _count: { _all: true } });
      const tally = await t.db.commitmentTally.findMany({ where: { withdrawn: false, count: { gt: 0 } }, orderBy: { status: "asc" } });
      expect(tally.map((r) => [r.status, r.count])).toEqual(groups.sort((a, b) => a.status.localeCompare(b.status)).map((g) => [g.status, g._count._all]));
    });
  });

  describe("the search index follows the table", () => {
    it("drops a withdrawn commitment and finds it again once restored", async () => {
      const target = await t.db.commitment.findFirstOrThrow({ where: { withdrawnAt: null }, orderBy: { id: "desc" } });
      const query = target.title;
      expect((await searchCommitments(t.db, query)).rows.map((c) => c.id)).toContain(target.id);
      await t.db.commitment.update({ where: { id: target.id }, data: { withdrawnAt: new Date("2026-02-02T00:00:00Z") } });
      expect((await searchCommitments(t.db, query)).rows.map((c) => c.id)).not.toContain(target.id);
      await t.db.commitment.update({ where: { id: target.id }, data: { withdrawnAt: null } });
      expect((await searchCommitments(t.db, query)).rows.map((c) => c.id)).toContain(target.id);
    });

    it("finds a changed title by its new words only, and forgets deleted rows", async () => {
      const target = await t.db.commitment.findFirstOrThrow({ where: { withdrawnAt: null }, orderBy: { id: "asc" } });
      expect((await searchCommitments(t.db, target.title)).rows.map((c) => c.id)).toContain(target.id);
      await t.db.commitment.update({ where: { id: target.id }, data: { title: "Zanzibar harbour" } });
      expect((await searchCommitments(t.db, "zanzib")).rows.map((c) => c.id)).toEqual([target.id]);
      expect((await searchCommitments(t.db, target.title)).rows.map((c) => c.id)).not.toContain(target.id);
      await t.db.commitment.delete({ where: { id: target.id } });
      expect((await searchCommitments(t.db, "zanzibar")).total).toBe(0);
    });

    it("matches what a word-prefix filter over the four fields finds, in list order", async () => {
      const all = await t.db.commitment.findMany({ where: { withdrawnAt: null } });
      const words = (c: Commitment) => [c.title, c.responsible ?? "", c.body ?? "", c.quote].join(" ").toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").split(/[^\p{L}\p{N}]+/u);
      for (const plan of ["sort", "scan"] as const) {
        // Rows come from raw SQL: they must be exactly what Prisma's own reads return.
        const sample = await searchCommitments(t.db, "ministry", { limit: 3, plan });
        expect(sample.rows).toEqual(await t.db.commitment.findMany({ where: { id: { in: sample.rows.map((c) => c.id) } }, orderBy: [{ dueOn: "asc" }, { id: "asc" }] }));
        for (const query of ["port", "emission aktau", "Ministry grid", "ra", "COURT data school", "zzz"]) {
          const tokens = query.toLowerCase().split(" ");
          const want = expected(all.filter((c) => tokens.every((tok) => words(c).some((w) => w.startsWith(tok)))), "all", false).map((c) => c.id);
          for (const [limit, offset] of [[500, 0], [7, 0], [7, 14], [9, want.length - 4], [5, want.length + 3]] as const) {
            const got = await searchCommitments(t.db, query, { limit, offset: Math.max(0, offset), plan });
            const page = want.slice(Math.max(0, offset), Math.max(0, offset) + limit);
            expect({ plan, query, limit, offset, ids: got.rows.map((c) => c.id), total: got.total, more: got.more }).toEqual({ plan, query, limit, offset, ids: page, total: want.length, more: false });
          }
        }
      }
    });

    it("counts up to a bound and still pages every match in list order beyond it", async () => {
      const all = await t.db.commitment.findMany({ where: { withdrawnAt: null } });
      // "ministry" is in every quote: every live row matches.
      const want = expected(all, "all", false).map((c) => c.id);
      for (const countMax of [1, 9, want.length - 1, want.length, want.length + 1]) {
        for (const plan of [undefined, "scan"] as const) {
          for (const [limit, offset] of [[7, 0], [7, 14], [9, want.length - 4], [5, want.length + 3]] as const) {
            const got = await searchCommitments(t.db, "ministry", { limit, offset, countMax, plan });
            const more = want.length > countMax;
            expect({ countMax, plan, limit, offset, ids: got.rows.map((c) => c.id), total: got.total, more: got.more }).toEqual({
              countMax,
              plan,
              limit,
              offset,
              ids: want.slice(offset, offset + limit),
              total: more ? countMax : want.length,
              more,
            });
          }
        }
      }
    });
  });
});
