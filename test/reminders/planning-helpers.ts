// The planner as the scheduler runs it (runPlanning, bulk connection on) against a real
// throwaway database, minute by minute in virtual time, plus the deliverer's sweep: what a
// tick would send.
import { afterEach, beforeEach } from "vitest";
import { Prisma } from "../../src/db/client.ts";
import { openBulkSql, sqlRunner, type BulkSql } from "../../src/reminders/bulk-sql.ts";
import { createPlannerState, type PlannerState } from "../../src/reminders/load-plan-input.ts";
import { claimable, sweepStale } from "../../src/reminders/outbox.ts";
import { runPlanning, type PlanningReport } from "../../src/reminders/planning.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

export interface PlanWorld {
  t: TestDb;
  bulk: BulkSql;
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
export function usePlanWorld(): PlanWorld {
  const w = {} as PlanWorld;
  beforeEach(async () => {
    w.t = await createTestDb();
    w.bulk = openBulkSql(w.t.url) as BulkSql;
    w.state = createPlannerState();
    w.tick = (when) => runPlanning(w.t.db, w.state, at(when), w.bulk, { horizonMs: 36 * 3_600_000, rowBudget: Infinity, timeBudgetMs: Infinity });
    w.run = async (from, to) => {
      for (let ms = at(from).getTime(); ms <= at(to).getTime(); ms += 60_000) await w.tick(new Date(ms));
    };
    w.due = async (when) => {
      const now = at(when);
      await sweepStale(sqlRunner(w.t.db, w.bulk), now);
      const due = claimable(now, { leaseMs: 120_000, maxAttempts: 5 });
      const rows = w.bulk.all<{ key: string; notBefore: string }>(Prisma.sql`SELECT key, notBefore FROM Delivery WHERE ${due}`);
      w.bulk.run(Prisma.sql`UPDATE Delivery SET state = 'sent', sentAt = ${now.toISOString()} WHERE ${due}`);
      return rows.map((r): [string, string] => [r.key, new Date(r.notBefore).toISOString()]).sort((a, b) => a[0].localeCompare(b[0]));
    };
  });
  afterEach(async () => {
    w.bulk.close();
    await w.t.destroy();
  });
  return w;
}
