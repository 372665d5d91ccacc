// The planner as the scheduler runs it (runPlanning, bulk connection on) against a real
// throwaway database, minute by minute in virtual time, plus the deliverer's sweep: what a
// tick would send.
import { afterEach, beforeEach } from "vitest";
import { Prisma, type DbEngine } from "../../src/db/client.ts";
import { instant } from "../../src/reminders/dialect.ts";
import { openBulkSql, sqlRunner, type BulkSql, type SqlRunner } from "../../src/reminders/bulk-sql.ts";
import { createPlannerState, type PlannerState } from "../../src/reminders/load-plan-input.ts";
import { claimable, sweepStale } from "../../src/reminders/outbox.ts";
import { runPlanning, type PlanningReport } from "../../src/reminders/planning.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

export interface PlanWorld {
  t: TestDb;
  /** The bulk connection on SQLite, as in production; null on PostgreSQL (Prisma only). */
  bulk: BulkSql | null;
  sql: SqlRunner;
  state: PlannerState;
  /** One planning tick at `at` (the first is the start-up plan); no budget, so a tick does all its work. */
  tick(at: string | Date): Promise<PlanningReport>;
  /** Ticks at `from` (start-up) and then every minute through `to`. */
  run(from: string, to: string): Promise<void>;
  /**
   * What goes out at `at`: the deliverer's sweep, then the claimable rows as [key, notBefore
   * ISO] by key, recorded as sent (as if Telegram accepted them).
   */
  due(at: string | Date): Promise<[string, string][]>;
}

export const at = (iso: string | Date): Date => (iso instanceof Date ? iso : new Date(iso));

/** A fresh world for each test of the file; the returned object's fields are replaced before every test. */
export function usePlanWorld(engine: DbEngine = "sqlite"): PlanWorld {
  const w = {} as PlanWorld;
  beforeEach(async () => {
    w.t = await createTestDb(engine);
    w.bulk = openBulkSql(w.t.url);
    w.sql = sqlRunner(w.t.db, w.bulk);
    w.state = createPlannerState();
    w.tick = (when) => runPlanning(w.t.db, w.state, at(when), w.bulk, { horizonMs: 36 * 3_600_000, rowBudget: Infinity, timeBudgetMs: Infinity });
    w.run = async (from, to) => {
      for (let ms = at(from).getTime(); ms <= at(to).getTime(); ms += 60_000) await w.tick(new Date(ms));
    };
    w.due = async (when) => {
      const now = at(when);
      await sweepStale(w.sql, now);
      const due = claimable(now, { leaseMs: 120_000, maxAttempts: 5 }, w.sql.engine);
      const rows = await w.sql.all<{ key: string; notBefore: string | Date }>(Prisma.sql`SELECT key, "notBefore" FROM "Delivery" WHERE ${due}`);
      await w.sql.run(Prisma.sql`UPDATE "Delivery" SET state = 'sent', "sentAt" = ${instant(w.sql.engine, now)} WHERE ${due}`);
      return rows.map((r): [string, string] => [r.key, new Date(r.notBefore).toISOString()]).sort((a, b) => a[0].localeCompare(b[0]));
    };
  });
  afterEach(async () => {
    w.bulk?.close();
    await w.t.destroy();
  });
  return w;
}
