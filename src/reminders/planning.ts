import type { Db } from "../db/client.ts";
import type { BulkSql } from "./bulk-sql.ts";
import { insertDeliveries } from "./insert-deliveries.ts";
import { loadPlanInput, type PlannerState } from "./load-plan-input.ts";
import { planReminders } from "./plan.ts";

export interface PlanningReport {
  /** Rows the planner produced (existing ones included). */
  planned: number;
  /** Rows that were new. */
  inserted: number;
  /** True when this was a start-up plan of every chat's current reminders. */
  full: boolean;
}

/**
 * One planning pass at `now`: load, plan (pure), insert. Advances `state` only after the rows
 * are written, so a crash in between replans the same window next time (harmless: unique keys).
 * `bulk` (a plain SQLite connection to the same file) makes large ticks fast; Prisma otherwise.
 */
export async function runPlanning(db: Db, state: PlannerState, now: Date, bulk: BulkSql | null = null): Promise<PlanningReport> {
  const { input, next } = await loadPlanInput(db, state, now, bulk);
  const rows = planReminders(input);
  const inserted = bulk ? bulk.insertDeliveries(rows, now) : await insertDeliveries(db, rows, now);
  const full = state.since === null;
  // Never move the window backwards (a clock set back by MINDET_NOW on restart).
  if (state.since === null || now > state.since) state.since = now;
  Object.assign(state, next);
  return { planned: rows.length, inserted, full };
}
