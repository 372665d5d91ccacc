// The database side of planning: reads only what the pure planner needs for this tick. In a
// quiet minute that is the commitments and the distinct chat settings, nothing per chat.
import type { Db } from "../db/client.ts";
import type { BulkSql } from "./bulk-sql.ts";
import type { StageUnit } from "./plan-ahead.ts";
import { commitmentsDue } from "./plan.ts";
import type { PlanChat, PlanCommitment, PlanFollow, PlanInput, PlanStatusChange } from "./types.ts";

/** What planning remembers between ticks (in memory; a restart plans from scratch, idempotently). */
export interface PlannerState {
  /** The previous tick's now; null before the first tick. */
  since: Date | null;
  lastFollowId: number;
  lastStatusChangeId: number;
  lastCommitmentId: number;
  /** Reminder instants up to here (ms) are planned, or queued in `backlog`; null before the first tick. */
  plannedUntil: number | null;
  /** Stage units computed but not yet written (a tick writes a bounded number of rows). */
  backlog: StageUnit[];
  /** The last chat whose settings change was reconciled: (updatedAt as stored, id). */
  chatsSeen: { updatedAt: Date; id: bigint } | null;
}

export function createPlannerState(): PlannerState {
  return { since: null, lastFollowId: 0, lastStatusChangeId: 0, lastCommitmentId: 0, plannedUntil: null, backlog: [], chatsSeen: null };
}

/** At start-up, status changes this recent are (re)announced if their rows do not exist yet. */
const STARTUP_ANNOUNCE_LOOKBACK_MS = 24 * 3_600_000;
const CHAT_IDS_PER_QUERY = 900;
/** Above this many chats it is cheaper to read all active chats than to look ids up. */
const BULK_CHATS_THRESHOLD = 2_000;

const CHAT_SELECT = {
  id: true, type: true, timeZone: true, offsets: true, reminderHour: true,
  digestDay: true, digestHour: true, quietStart: true, quietEnd: true,
} as const;
const ACTIVE_CHAT = { active: true, migratedToId: null };

export interface LoadedPlanInput {
  input: PlanInput;
  /** The id watermarks to store once the rows are written. */
  next: Pick<PlannerState, "lastFollowId" | "lastStatusChangeId" | "lastCommitmentId">;
}

/** Reads the planner's input for a tick at `now` given the state left by the previous tick. */
export async function loadPlanInput(db: Db, state: PlannerState, now: Date, bulk: BulkSql | null = null): Promise<LoadedPlanInput> {
  // Watermarks first: a row added while this tick reads has a higher id and is seen next tick.
  const next = await readWatermarks(db);
  const full = state.since === null;
  const commitments = await loadPendingCommitments(db);
  const statusChanges = await loadNewStatusChanges(db, state, now);
  await addChangedCommitments(db, commitments, statusChanges);
  const freshFollows: PlanFollow[] = full ? [] : await db.follow.findMany({ where: { id: { gt: state.lastFollowId } }, select: { chatId: true, kind: true, value: true, commitmentId: true } });
  const freshCommitmentIds = new Set(full ? [] : commitments.filter((c) => c.id > state.lastCommitmentId).map((c) => c.id));
  const profiles = await loadProfiles(db);
  const due = commitmentsDue({ now, since: state.since, chats: profiles, commitments, freshCommitmentIds });
  const announced = commitments.filter((c) => statusChanges.some((s) => s.commitmentId === c.id));
  const reached = [...due, ...announced];
  const follows = full ? (bulk ? bulk.follows(null) : await loadAllFollows(db)) : await loadFollowsOf(db, reached, bulk);
  const chatIds = new Set<bigint>();
  for (const f of follows) chatIds.add(f.chatId);
  for (const f of freshFollows) chatIds.add(f.chatId);
  // Many chats: one pass over the table beats thousands of id lookups.
  const chats = bulk && (full || chatIds.size > BULK_CHATS_THRESHOLD) ? bulk.activeChats() : await loadChats(db, full ? null : chatIds);
  return {
    input: { now, since: state.since, chats, commitments, follows, freshFollows, freshCommitmentIds, statusChanges },
    next,
  };
}

export async function readWatermarks(db: Db): Promise<LoadedPlanInput["next"]> {
  const [f, s, c] = await Promise.all([
    db.follow.aggregate({ _max: { id: true } }),
    db.statusChange.aggregate({ _max: { id: true } }),
    db.commitment.aggregate({ _max: { id: true } }),
  ]);
  return { lastFollowId: f._max.id ?? 0, lastStatusChangeId: s._max.id ?? 0, lastCommitmentId: c._max.id ?? 0 };
}

export async function loadPendingCommitments(db: Db): Promise<PlanCommitment[]> {
  const rows = await db.commitment.findMany({
    where: { status: { in: ["open", "postponed"] }, dueOn: { not: null }, withdrawnAt: null, precision: { not: "vague" } },
    select: { id: true, dueOn: true, precision: true, status: true, topics: true, body: true },
  });
  // The latest announced change per commitment: reminders up to it are covered by the announcement.
  const changed = await db.$queryRawUnsafe<{ commitmentId: number; at: string }[]>(
    `SELECT commitmentId, max(at) AS at FROM StatusChange
     WHERE fromStatus NOT IN ('', 'new') AND (fromStatus != toStatus OR coalesce(fromDueOn, '') != coalesce(toDueOn, ''))
     GROUP BY commitmentId`,
  );
  const changedAt = new Map(changed.map((r) => [Number(r.commitmentId), new Date(r.at)]));
  return rows.map((r) => ({ ...r, withdrawn: false, changedAt: changedAt.get(r.id) ?? null }));
}

export async function loadNewStatusChanges(db: Db, state: PlannerState, now: Date): Promise<PlanStatusChange[]> {
  const where = state.since === null ? { at: { gte: new Date(now.getTime() - STARTUP_ANNOUNCE_LOOKBACK_MS), lte: now } } : { id: { gt: state.lastStatusChangeId } };
  return db.statusChange.findMany({
    where,
    select: { id: true, commitmentId: true, at: true, fromStatus: true, toStatus: true, fromDueOn: true, toDueOn: true },
    orderBy: { id: "asc" },
  });
}

/** Closed commitments are not in the pending list, but their followers still hear of the change. */
export async function addChangedCommitments(db: Db, commitments: PlanCommitment[], changes: readonly PlanStatusChange[]): Promise<void> {
  const known = new Set(commitments.map((c) => c.id));
  const missing = [...new Set(changes.map((c) => c.commitmentId))].filter((id) => !known.has(id));
  if (missing.length === 0) return;
  const rows = await db.commitment.findMany({
    where: { id: { in: missing } },
    select: { id: true, dueOn: true, precision: true, status: true, topics: true, body: true, withdrawnAt: true },
  });
  for (const { withdrawnAt, ...r } of rows) commitments.push({ ...r, withdrawn: withdrawnAt !== null, changedAt: null });
}

/** The distinct reminder settings of active chats, as stand-in chats (only settings matter). */
export async function loadProfiles(db: Db): Promise<PlanChat[]> {
  // SQL DISTINCT (Prisma's `distinct` would read every chat and dedupe in JavaScript).
  const rows = await db.$queryRawUnsafe<{ timeZone: string; offsets: string; reminderHour: number | bigint; quietStart: number | bigint | null; quietEnd: number | bigint | null }[]>(
    `SELECT DISTINCT timeZone, offsets, reminderHour, quietStart, quietEnd FROM Chat WHERE active = 1 AND migratedToId IS NULL`,
  );
  const num = (v: number | bigint | null): number | null => (v === null ? null : Number(v));
  return rows.map((r) => ({
    id: 0n, type: "private", timeZone: r.timeZone, offsets: r.offsets, reminderHour: Number(r.reminderHour),
    quietStart: num(r.quietStart), quietEnd: num(r.quietEnd), digestDay: null, digestHour: 9,
  }));
}

async function loadAllFollows(db: Db): Promise<PlanFollow[]> {
  return db.follow.findMany({ select: { chatId: true, kind: true, value: true, commitmentId: true } });
}

/** Follows that reach these commitments: "all", the commitment itself, its topics, its body. */
export async function loadFollowsOf(db: Db, commitments: readonly PlanCommitment[], bulk: BulkSql | null): Promise<PlanFollow[]> {
  if (commitments.length === 0) return [];
  const ids = [...new Set(commitments.map((c) => c.id))];
  const topics = [...new Set(commitments.flatMap((c) => c.topics.split("|").filter((t) => t !== "")))];
  const bodies = [...new Set(commitments.map((c) => c.body).filter((b): b is string => b !== null))];
  if (bulk) return bulk.follows({ ids, topics, bodies });
  return db.follow.findMany({
    where: {
      OR: [
        { kind: "all" },
        { kind: "commitment", commitmentId: { in: ids } },
        { kind: "topic", value: { in: topics } },
        { kind: "body", value: { in: bodies } },
      ],
    },
    select: { chatId: true, kind: true, value: true, commitmentId: true },
  });
}

/** Active chats with these ids (null = all), plus every chat with a weekly digest. */
export async function loadChats(db: Db, ids: ReadonlySet<bigint> | null): Promise<PlanChat[]> {
  if (ids === null) return db.chat.findMany({ where: ACTIVE_CHAT, select: CHAT_SELECT });
  const byId = new Map<bigint, PlanChat>();
  const digest = await db.chat.findMany({ where: { ...ACTIVE_CHAT, digestDay: { not: null } }, select: CHAT_SELECT });
  for (const chat of digest) byId.set(chat.id, chat);
  const wanted = [...ids].filter((id) => !byId.has(id));
  for (let start = 0; start < wanted.length; start += CHAT_IDS_PER_QUERY) {
    const chunk = wanted.slice(start, start + CHAT_IDS_PER_QUERY);
    for (const chat of await db.chat.findMany({ where: { ...ACTIVE_CHAT, id: { in: chunk } }, select: CHAT_SELECT })) byId.set(chat.id, chat);
  }
  return [...byId.values()];
}

