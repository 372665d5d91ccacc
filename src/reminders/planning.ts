// THE planner: one planning pass, used by the scheduler every minute and by `remind --dry-run`
// (inside a transaction it rolls back). Reminders ahead up to a horizon (stage units fanned out
// in SQL, a bounded number of rows per tick), fresh follows and changed chats, status
// announcements and digests.
import { followsReaching } from "../chats/followers-of.ts";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/client.ts";
import { sqlRunner, type BulkSql, type SqlRunner } from "./bulk-sql.ts";
import { FAN_OUT_SLICE_ROWS, fanOutSliceSql, recipientsSql } from "./fan-out.ts";
import { insertDeliveries } from "./insert-deliveries.ts";
import {
  addChangedCommitments, loadDigestChats, loadFreshFollows, loadGroups, loadNewStatusChanges, loadPendingCommitments, readWatermarks, type PlannerState,
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
  /**
   * Like rowBudget, in time since the tick started, commit included: no step is started once
   * the time spent plus the commit its rows will cost (as measured on earlier ticks) reaches
   * this. A step is a few milliseconds to 50 ms and a tick does more after its last step: with
   * 110 ms the slowest tick or pass of two bench runs took 153 and 168 ms (bench/reminders.ts,
   * 100,000 chats; the aim is 200), with 130 ms 179, 195 and 201 ms, once 343 ms waiting for a core.
   */
  timeBudgetMs: number;
}

export const DEFAULT_PLANNING_OPTIONS: PlanningOptions = { horizonMs: 36 * 3_600_000, rowBudget: 10_000, timeBudgetMs: 110 };

/**
 * PostgreSQL: the outbox is analyzed once planning has written this many rows since it last did
 * (or a fifth of what it had written by then, whichever is more). A start-up backlog writes
 * hundreds of thousands of rows in minutes; planned on the statistics of the table as it was
 * before (empty), the deliverer's sweep took a nested loop over every due row (over 3 minutes
 * at 100,000 chats and still running; 1 s analyzed). Autovacuum analyzes too, but only after
 * its nap, when it is on at all, and not within the first tick after a restart.
 */
const ANALYZE_AFTER_ROWS = 20_000;

// The commit of a planning transaction costs time in proportion to the rows it wrote: SQLite
// checkpoints the write-ahead log into the database (and syncs it) once the log passes 1,000
// pages, which a tick's few thousand rows of random index pages always do. 50 to 130 ms a
// commit on this machine, after the budget was checked: that overshoot is what this estimate
// (milliseconds per row written, a moving average over ticks) takes into the budget.
let commitMsPerRow = 0.02;
const COMMIT_ESTIMATE_WEIGHT = 0.3;

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
  const started = performance.now();
  // Watermarks first: a row added while this tick reads has a higher id and is seen next tick.
  // Reads go through the bulk connection too when there is one: Prisma's engine costs several
  // milliseconds a query here, most of a quiet tick.
  const sql = sqlRunner(db, bulk);
  const next = await readWatermarks(sql);
  const full = state.plannedUntil === null;
  const nowMs = now.getTime();
  const commitments = await loadPendingCommitments(sql);
  const statusChanges = await loadNewStatusChanges(sql, state, now);
  if (full || state.chats === null) state.chats = { groups: await loadGroups(sql), digest: await loadDigestChats(sql) };
  const { groups, digest } = state.chats;
  const horizon = nowMs + options.horizonMs;
  // Not raised to now: after a pause (blocked event loop, clock jump) the gap is planned too,
  // and the deliverer's sweep keeps only the latest reminder of each chat and commitment.
  const plannedUntil = state.plannedUntil ?? nowMs;
  extendBacklog(state, groups, commitments, statusChanges, nowMs, plannedUntil, horizon, full);
  state.plannedUntil = Math.max(plannedUntil, horizon);
  const written = await writeBacklog(sql, bulk, state, commitments, now, options, started);
  let inserted = written.inserted;
  let planned = written.slices;
  if (!full) {
    inserted += await planFreshFollows(db, bulk, await loadFreshFollows(sql, state), commitments, now, state.plannedUntil);
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
  await analyzeOutboxIfGrown(sql, state, inserted);
  return { planned, inserted, full, backlog: state.backlog.length };
}

/**
 * Writes more of the backlog between ticks, within the same budget as a tick: after a start-up
 * or a busy day's horizon the backlog can be hundreds of thousands of rows, and one budget a
 * minute would leave rows due soon unwritten. The scheduler runs a pass every few seconds while
 * there is a backlog; each is as short as a tick, so the bot stays responsive in between.
 */
export async function runBacklogPass(db: Db, state: PlannerState, now: Date, bulk: BulkSql | null = null, options: PlanningOptions = DEFAULT_PLANNING_OPTIONS): Promise<PlanningReport> {
  if (state.backlog.length === 0 || state.plannedUntil === null) return { planned: 0, inserted: 0, full: false, backlog: 0 };
  const started = performance.now();
  const sql = sqlRunner(db, bulk);
  const written = await writeBacklog(sql, bulk, state, await loadPendingCommitments(sql), now, options, started);
  await analyzeOutboxIfGrown(sql, state, written.inserted);
  return { planned: written.slices, inserted: written.inserted, full: false, backlog: state.backlog.length };
}

/** ANALYZE "Delivery" on PostgreSQL once planning has grown it enough (ANALYZE_AFTER_ROWS); SQLite plans without. */
async function analyzeOutboxIfGrown(sql: SqlRunner, state: PlannerState, inserted: number): Promise<void> {
  if (sql.engine !== "postgresql") return;
  const growth = state.outboxGrowth;
  growth.sinceAnalyze += inserted;
  if (growth.sinceAnalyze < Math.max(ANALYZE_AFTER_ROWS, growth.atAnalyze / 5)) return;
  await sql.run(Prisma.sql`ANALYZE "Delivery"`);
  growth.atAnalyze += growth.sinceAnalyze;
  growth.sinceAnalyze = 0;
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

/**
 * Writes backlog units slice by slice, earliest send time first, until the row or time budget
 * (counted from `started`, the tick's start) is spent; at least one slice (or a dropped unit),
 * so ticks alone (without passes) always make progress.
 */
async function writeBacklog(sql: SqlRunner, bulk: BulkSql | null, state: PlannerState, commitments: readonly PlanCommitment[], now: Date, budget: PlanningOptions, started: number): Promise<{ slices: number; inserted: number }> {
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
  const progressed = (): boolean => slices > 0 || done > 0;
  const more = (): boolean =>
    done < state.backlog.length &&
    (!progressed() || (inserted < budget.rowBudget && performance.now() - started + (inserted + FAN_OUT_SLICE_ROWS) * commitMsPerRow < budget.timeBudgetMs));
  // One step on the unit at the head: read its recipients, or write its next slice.
  type Step = { unit: StageUnit; query: Prisma.Sql; read: true } | { unit: StageUnit; query: Prisma.Sql; read: false; count: number };
  const next = (): Step | null => {
    const unit = state.backlog[done] as StageUnit;
    const c = live(unit);
    if (!c) {
      done++;
      return null;
    }
    if (unit.recipients === null) return { unit, query: recipientsSql(unit, c, now, sql.engine), read: true };
    const ids = unit.recipients.slice(unit.written, unit.written + FAN_OUT_SLICE_ROWS);
    return { unit, query: fanOutSliceSql(unit, ids, now, sql.engine), read: false, count: ids.length };
  };
  const apply = (step: Step, result: { id: bigint | number }[] | number): void => {
    const unit = step.unit;
    if (step.read) unit.recipients = (result as { id: bigint | number }[]).map((r) => BigInt(r.id));
    else {
      inserted += result as number;
      unit.written += step.count;
      slices++;
    }
    if (unit.written >= (unit.recipients?.length ?? 0)) {
      // Written: its recipients are garbage now, not held until the backlog is spliced.
      unit.recipients = [];
      done++;
    }
  };
  if (bulk) {
    // One transaction for the tick's writes: one WAL sync instead of one per statement (the sync,
    // not the rows, was most of a statement's time). It holds the write lock for the tick's
    // budget only, well under the busy timeout of the bot's writes.
    let committing = 0;
    bulk.transaction(() => {
      while (more()) {
        const step = next();
        if (step) apply(step, step.read ? bulk.all<{ id: bigint }>(step.query) : bulk.run(step.query));
      }
      committing = performance.now();
    });
    if (inserted > 500) {
      const measured = (performance.now() - committing) / inserted;
      commitMsPerRow = (1 - COMMIT_ESTIMATE_WEIGHT) * commitMsPerRow + COMMIT_ESTIMATE_WEIGHT * measured;
    }
  } else {
    while (more()) {
      const step = next();
      if (step) apply(step, step.read ? await sql.all<{ id: bigint | number }>(step.query) : await sql.run(step.query));
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
      SELECT DISTINCT ch.id AS id, ch."timeZone" AS "timeZone", ch."quietStart" AS "quietStart", ch."quietEnd" AS "quietEnd"
      FROM (${followsReaching(c, sql.engine)}) AS f JOIN "Chat" ch ON ch.id = f."chatId"
      WHERE ch.active = TRUE AND ch."migratedToId" IS NULL`);
    const num = (v: bigint | number | null): number | null => (v === null ? null : Number(v));
    const followers: AnnouncedChat[] = rows.map((r) => ({ id: BigInt(r.id), timeZone: r.timeZone, quietStart: num(r.quietStart), quietEnd: num(r.quietEnd) }));
    for (const row of announcementRows(change, followers)) out.push(row);
  }
  return out;
}
