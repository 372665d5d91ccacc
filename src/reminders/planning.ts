// THE planner: one planning pass, used by the scheduler every minute and by `remind --dry-run`
// (inside a transaction it rolls back). Reminders ahead up to a horizon (stage units fanned out
// in SQL, a bounded number of rows per tick), fresh follows and changed chats, status
// announcements and digests.
import { followsReaching } from "../chats/followers-of.ts";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/client.ts";
import { sqlRunner, type BulkSql, type SqlRunner } from "./bulk-sql.ts";
import { FAN_OUT_PARTS, fanOutSql } from "./fan-out.ts";
import { insertDeliveries } from "./insert-deliveries.ts";
import {
  addChangedCommitments, loadDigestChats, loadGroups, loadNewStatusChanges, loadPendingCommitments, readWatermarks, type PlannerState,
} from "./load-plan-input.ts";
import { currentUnits, unitsInRange, type ChatGroup, type StageUnit } from "./plan-ahead.ts";
import { announcementRows, isAnnounceable, isRemindable, planDigests, type AnnouncedChat } from "./plan.ts";
import { planFreshFollows, reconcileChangedChats } from "./reconcile-chats.ts";
import type { PlanCommitment, PlanStatusChange, PlannedDelivery } from "./types.ts";

export interface PlanningOptions {
  /** How far ahead reminders are planned: a busy 09:00 is written during the quiet minutes before it. */
  horizonMs: number;
  /**
   * Rows a tick writes before it stops taking stage units (one slice may overshoot it): keeps
   * every tick short; the backlog continues next tick, earliest instants first.
   */
  rowBudget: number;
  /** Like rowBudget, in time: no slice is started after this long (a slice is a few dozen ms). */
  timeBudgetMs: number;
}

export const DEFAULT_PLANNING_OPTIONS: PlanningOptions = { horizonMs: 36 * 3_600_000, rowBudget: 10_000, timeBudgetMs: 100 };

export interface PlanningReport {
  /** Stage unit slices written this tick, plus rows planned one by one (follows, announcements, digests). */
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
  const sql = sqlRunner(db, bulk);
  const commitments = await loadPendingCommitments(db);
  const statusChanges = await loadNewStatusChanges(db, state, now);
  if (full || state.chats === null) state.chats = { groups: await loadGroups(db), digest: await loadDigestChats(db) };
  const { groups, digest } = state.chats;
  const horizon = nowMs + options.horizonMs;
  // Not raised to now: after a pause (blocked event loop, clock jump) the gap is planned too,
  // and the deliverer's sweep keeps only the latest reminder of each chat and commitment.
  const plannedUntil = state.plannedUntil ?? nowMs;
  extendBacklog(state, groups, commitments, statusChanges, nowMs, plannedUntil, horizon, full);
  state.plannedUntil = Math.max(plannedUntil, horizon);
  const written = await writeBacklog(sql, bulk, state, commitments, now, options);
  let inserted = written.inserted;
  let planned = written.slices;
  if (!full) {
    const fresh = await db.follow.findMany({ where: { id: { gt: state.lastFollowId } }, select: { chatId: true, kind: true, value: true, commitmentId: true, createdAt: true } });
    inserted += await planFreshFollows(db, bulk, fresh, commitments, now, state.plannedUntil);
  }
  const reconciled = await reconcileChangedChats(db, bulk, state, commitments, now, state.plannedUntil);
  inserted += reconciled.inserted;
  // A chat changed (settings, a new chat, a digest day): read the groups again next tick. Its
  // own rows up to the horizon were just reconciled.
  if (reconciled.changed > 0) state.chats = null;
  await addChangedCommitments(db, commitments, statusChanges);
  const extra = [...(await planAnnouncements(sql, commitments, statusChanges)), ...planDigests(digest, state.since, nowMs)];
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

/** Writes backlog units slice by slice, earliest send time first, until the row or time budget is spent (at least one slice). */
async function writeBacklog(sql: SqlRunner, bulk: BulkSql | null, state: PlannerState, commitments: readonly PlanCommitment[], now: Date, budget: PlanningOptions): Promise<{ slices: number; inserted: number }> {
  // Stable sort: catch-up units (sent at once, or at today's reminder time) come first.
  state.backlog.sort((a, b) => a.notBefore - b.notBefore);
  const byId = new Map(commitments.map((c) => [c.id, c]));
  // Closed or moved since it was queued: nothing to write (the SQL checks it again).
  const live = (unit: StageUnit): PlanCommitment | null => {
    const c = byId.get(unit.commitmentId);
    return c && isRemindable(c) && c.dueOn === unit.dueOn ? c : null;
  };
  let inserted = 0;
  let slices = 0;
  let done = 0;
  const started = performance.now();
  const more = (): boolean => done < state.backlog.length && inserted < budget.rowBudget && performance.now() - started < budget.timeBudgetMs;
  // The next slice's statement, or null when the unit at the head is dead (then it is dropped).
  const nextSlice = (): Prisma.Sql | null => {
    const unit = state.backlog[done] as StageUnit;
    const c = live(unit);
    const statement = c ? fanOutSql(unit, c, now) : null;
    unit.part = c ? unit.part + 1 : FAN_OUT_PARTS;
    if (unit.part >= FAN_OUT_PARTS) done++;
    slices++;
    return statement;
  };
  if (bulk) {
    // One transaction for the tick's writes: one WAL sync instead of one per statement (the sync,
    // not the rows, was most of a statement's time). It holds the write lock for the tick's
    // budget only, well under the busy timeout of the bot's writes.
    bulk.transaction(() => {
      while (more()) {
        const statement = nextSlice();
        if (statement) inserted += bulk.run(statement);
      }
    });
  } else {
    while (more()) {
      const statement = nextSlice();
      if (statement) inserted += await sql.run(statement);
    }
  }
  state.backlog.splice(0, done);
  return { slices, inserted };
}

/** Each announceable change told to the commitment's active followers (their quiet hours decide when). */
async function planAnnouncements(sql: SqlRunner, commitments: readonly PlanCommitment[], changes: readonly PlanStatusChange[]): Promise<PlannedDelivery[]> {
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const out: PlannedDelivery[] = [];
  for (const change of changes) {
    const c = byId.get(change.commitmentId);
    if (!c || !isAnnounceable(change)) continue;
    const rows = await sql.all<{ id: bigint | number; timeZone: string; quietStart: bigint | number | null; quietEnd: bigint | number | null }>(Prisma.sql`
      SELECT DISTINCT ch.id AS id, ch.timeZone AS timeZone, ch.quietStart AS quietStart, ch.quietEnd AS quietEnd
      FROM (${followsReaching(c)}) AS f JOIN Chat ch ON ch.id = f.chatId
      WHERE ch.active = 1 AND ch.migratedToId IS NULL`);
    const num = (v: bigint | number | null): number | null => (v === null ? null : Number(v));
    const followers: AnnouncedChat[] = rows.map((r) => ({ id: BigInt(r.id), timeZone: r.timeZone, quietStart: num(r.quietStart), quietEnd: num(r.quietEnd) }));
    for (const row of announcementRows(change, followers)) out.push(row);
  }
  return out;
}
