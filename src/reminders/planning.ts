// One planning pass: reminders ahead up to a horizon (stage units fanned out in SQL, a bounded
// number of rows per tick), fresh follows and changed chats, status announcements and digests.
import type { Db } from "../db/client.ts";
import type { BulkSql } from "./bulk-sql.ts";
import { fanOutUnit, fanOutUnitSync, sqlWriter } from "./fan-out.ts";
import { insertDeliveries } from "./insert-deliveries.ts";
import {
  addChangedCommitments, loadChats, loadFollowsOf, loadNewStatusChanges, loadPendingCommitments, loadProfiles, readWatermarks, type PlannerState,
} from "./load-plan-input.ts";
import { currentUnits, unitsInRange, type ChatGroup, type StageUnit } from "./plan-ahead.ts";
import { indexFollows, isRemindable, planAnnouncements, planDigests } from "./plan.ts";
import { planFreshFollows, reconcileChangedChats } from "./reconcile-chats.ts";
import type { PlanChat, PlanCommitment, PlanStatusChange, PlannedDelivery } from "./types.ts";

export interface PlanningOptions {
  /** How far ahead reminders are planned: a busy 09:00 is written during the quiet minutes before it. */
  horizonMs: number;
  /**
   * Rows a tick writes before it stops taking stage units (one unit may overshoot it): keeps
   * every tick short; the backlog continues next tick, earliest instants first.
   */
  rowBudget: number;
  /** Like rowBudget, in time: no unit is started after this long (a unit of 15,000 rows takes about 0.3 s). */
  timeBudgetMs: number;
}

export const DEFAULT_PLANNING_OPTIONS: PlanningOptions = { horizonMs: 36 * 3_600_000, rowBudget: 10_000, timeBudgetMs: 150 };

export interface PlanningReport {
  /** Stage units written this tick, plus rows planned one by one (follows, announcements, digests). */
  planned: number;
  /** Rows that were new. */
  inserted: number;
  /** True when this was a start-up plan of every chat's current reminders. */
  full: boolean;
  /** Stage units still waiting for a later tick. */
  backlog: number;
}

/**
 * One planning pass at `now`. The state advances only after its rows are written, so a crash in
 * between replans the same work after restart (harmless: unique keys; a restart starts from
 * scratch anyway). `bulk` (a plain SQLite connection to the same file) makes large ticks fast;
 * Prisma otherwise: the statements are the same.
 */
export async function runPlanning(db: Db, state: PlannerState, now: Date, bulk: BulkSql | null = null, options: PlanningOptions = DEFAULT_PLANNING_OPTIONS): Promise<PlanningReport> {
  // Watermarks first: a row added while this tick reads has a higher id and is seen next tick.
  const next = await readWatermarks(db);
  const full = state.plannedUntil === null;
  const nowMs = now.getTime();
  const commitments = await loadPendingCommitments(db);
  const statusChanges = await loadNewStatusChanges(db, state, now);
  const groups: ChatGroup[] = await loadProfiles(db);
  const horizon = nowMs + options.horizonMs;
  // Not raised to now: after a pause (blocked event loop, clock jump) the gap is planned too,
  // and the deliverer's sweep keeps only the latest reminder of each chat and commitment.
  const plannedUntil = state.plannedUntil ?? nowMs;
  extendBacklog(state, groups, commitments, statusChanges, nowMs, plannedUntil, horizon, full);
  state.plannedUntil = Math.max(plannedUntil, horizon);
  const { units, inserted: fannedOut } = await writeBacklog(db, bulk, state, commitments, now, options);
  let inserted = fannedOut;
  let planned = units;
  if (!full) {
    const fresh = await db.follow.findMany({ where: { id: { gt: state.lastFollowId } }, select: { chatId: true, kind: true, value: true, commitmentId: true } });
    inserted += await planFreshFollows(db, bulk, fresh, commitments, now, state.plannedUntil);
  }
  inserted += await reconcileChangedChats(db, bulk, state, commitments, now, state.plannedUntil);
  await addChangedCommitments(db, commitments, statusChanges);
  const extra = await planAnnouncementsAndDigests(db, bulk, state, commitments, statusChanges, now);
  planned += extra.length;
  inserted += bulk ? bulk.insertDeliveries(extra, now) : await insertDeliveries(db, extra, now);
  // Never move the window backwards (a clock set back by MINDET_NOW on restart).
  if (state.since === null || now > state.since) state.since = now;
  Object.assign(state, next);
  return { planned, inserted, full, backlog: state.backlog.length };
}

/**
 * Queues the stage units this tick adds: at start-up every group's current reminder (catch-up)
 * and everything up to the horizon; later the part of the horizon that is new, and the whole
 * plan of commitments that are new or changed (their earlier units were computed without them).
 */
function extendBacklog(state: PlannerState, groups: readonly ChatGroup[], commitments: readonly PlanCommitment[], changes: readonly PlanStatusChange[], nowMs: number, plannedUntil: number, horizon: number, full: boolean): void {
  const add = (units: StageUnit[]): void => {
    for (const u of units) state.backlog.push(u);
  };
  if (full) {
    state.backlog = [];
    add(currentUnits(groups, commitments, nowMs));
    add(unitsInRange(groups, commitments, nowMs, horizon));
    return;
  }
  const changedIds = new Set(changes.map((c) => c.commitmentId));
  const touched = commitments.filter((c) => c.id > state.lastCommitmentId || changedIds.has(c.id));
  if (touched.length > 0) {
    add(currentUnits(groups, touched, nowMs));
    add(unitsInRange(groups, touched, nowMs, Math.max(plannedUntil, nowMs)));
  }
  add(unitsInRange(groups, commitments, plannedUntil, horizon));
}

/** Writes backlog units, earliest instant first, until the row or time budget is spent (at least one unit). */
async function writeBacklog(db: Db, bulk: BulkSql | null, state: PlannerState, commitments: readonly PlanCommitment[], now: Date, budget: PlanningOptions): Promise<{ units: number; inserted: number }> {
  // Stable sort: catch-up units (instants up to now) come first.
  state.backlog.sort((a, b) => a.stage.instant - b.stage.instant);
  const byId = new Map(commitments.map((c) => [c.id, c]));
  // Closed or moved since it was queued: nothing to write (the SQL checks it again).
  const live = (unit: StageUnit): PlanCommitment | null => {
    const c = byId.get(unit.commitmentId);
    return c && isRemindable(c) && c.dueOn === unit.dueOn ? c : null;
  };
  let inserted = 0;
  let done = 0;
  const started = performance.now();
  const more = (): boolean => done < state.backlog.length && inserted < budget.rowBudget && performance.now() - started < budget.timeBudgetMs;
  if (bulk) {
    // One transaction for the tick's writes: one WAL sync instead of one per statement (the sync,
    // not the rows, was most of a statement's time). It holds the write lock for the tick's
    // budget only, well under the busy timeout of the bot's writes.
    bulk.transaction(() => {
      while (more()) {
        const unit = state.backlog[done++] as StageUnit;
        const c = live(unit);
        if (c) inserted += fanOutUnitSync(bulk, unit, c, now);
      }
    });
  } else {
    const sql = sqlWriter(db, null);
    while (more()) {
      const unit = state.backlog[done++] as StageUnit;
      const c = live(unit);
      if (c) inserted += await fanOutUnit(sql, unit, c, now);
    }
  }
  state.backlog.splice(0, done);
  return { units: done, inserted };
}

/** Status announcements to followers and weekly digests: few rows, planned per chat as before. */
async function planAnnouncementsAndDigests(db: Db, bulk: BulkSql | null, state: PlannerState, commitments: readonly PlanCommitment[], changes: readonly PlanStatusChange[], now: Date): Promise<PlannedDelivery[]> {
  const changed = commitments.filter((c) => changes.some((s) => s.commitmentId === c.id));
  const follows = await loadFollowsOf(db, changed, bulk);
  const ids = new Set(follows.map((f) => f.chatId));
  // loadChats adds every chat with a weekly digest.
  // Many chats: one pass over the table beats thousands of id lookups.
  const chats: PlanChat[] = bulk && ids.size > 2_000 ? bulk.activeChats() : await loadChats(db, ids);
  const known = new Map(chats.map((chat) => [chat.id, { chat }]));
  const index = indexFollows(follows, (id) => known.has(id));
  const input = { now, since: state.since, chats, commitments: changed, follows, statusChanges: changes };
  return [...planAnnouncements(input, known, index), ...planDigests(chats.filter((c) => c.digestDay !== null), state.since, now.getTime())];
}
