// The database side of planning: reads only what a tick needs. In a quiet minute that is the
// pending commitments and what changed since the previous tick, nothing per chat.
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/client.ts";
import type { ChatGroup, StageUnit } from "./plan-ahead.ts";
import type { PlanChat, PlanCommitment, PlanStatusChange } from "./types.ts";

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
  /**
   * The distinct reminder settings of active chats and the chats with a weekly digest, read
   * when a chat changed (null: read them next tick). Reading them is a scan of every chat: at
   * 100,000 chats most of a quiet tick's time, for what changes a few times a day.
   */
  chats: { groups: ChatGroup[]; digest: PlanChat[] } | null;
}

export function createPlannerState(): PlannerState {
  return { since: null, lastFollowId: 0, lastStatusChangeId: 0, lastCommitmentId: 0, plannedUntil: null, backlog: [], chatsSeen: null, chats: null };
}

/** At start-up, status changes this recent are (re)announced if their rows do not exist yet. */
const STARTUP_ANNOUNCE_LOOKBACK_MS = 24 * 3_600_000;

const CHAT_SELECT = {
  id: true, type: true, timeZone: true, offsets: true, reminderHour: true,
  digestDay: true, digestHour: true, quietStart: true, quietEnd: true,
} as const;
const ACTIVE_CHAT = { active: true, migratedToId: null };

/** The id watermarks to store once a tick's rows are written. */
export type Watermarks = Pick<PlannerState, "lastFollowId" | "lastStatusChangeId" | "lastCommitmentId">;

export async function readWatermarks(db: Db): Promise<Watermarks> {
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
  const changed = await db.$queryRaw<{ commitmentId: number | bigint; at: string }[]>(Prisma.sql`
    SELECT commitmentId, max(at) AS at FROM StatusChange
    WHERE fromStatus NOT IN ('', 'new') AND (fromStatus != toStatus OR coalesce(fromDueOn, '') != coalesce(toDueOn, ''))
    GROUP BY commitmentId`);
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

/** The distinct reminder settings of active chats (chats that share them share stage units). */
export async function loadGroups(db: Db): Promise<ChatGroup[]> {
  // SQL DISTINCT (Prisma's `distinct` would read every chat and dedupe in JavaScript).
  const rows = await db.$queryRaw<{ timeZone: string; offsets: string; reminderHour: number | bigint; quietStart: number | bigint | null; quietEnd: number | bigint | null }[]>(
    Prisma.sql`SELECT DISTINCT timeZone, offsets, reminderHour, quietStart, quietEnd FROM Chat WHERE active = 1 AND migratedToId IS NULL`,
  );
  const num = (v: number | bigint | null): number | null => (v === null ? null : Number(v));
  return rows.map((r) => ({ timeZone: r.timeZone, offsets: r.offsets, reminderHour: Number(r.reminderHour), quietStart: num(r.quietStart), quietEnd: num(r.quietEnd) }));
}

/** Active chats with a weekly digest. */
export async function loadDigestChats(db: Db): Promise<PlanChat[]> {
  return db.chat.findMany({ where: { ...ACTIVE_CHAT, digestDay: { not: null } }, select: CHAT_SELECT });
}
