// The database side of planning: reads only what a tick needs. In a quiet minute that is the
// pending commitments and what changed since the previous tick, nothing per chat.
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/client.ts";
import { instant } from "./dialect.ts";
import type { SqlRunner } from "./bulk-sql.ts";
import type { ChatGroup, StageUnit } from "./plan-ahead.ts";
import type { PlanChat, PlanCommitment, PlanFollow, PlanStatusChange } from "./types.ts";

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
  /** Outbox rows written since planning last ran ANALYZE on it, and in all until then (PostgreSQL; see planning.ts). */
  outboxGrowth: { sinceAnalyze: number; atAnalyze: number };
}

export function createPlannerState(): PlannerState {
  return { since: null, lastFollowId: 0, lastStatusChangeId: 0, lastCommitmentId: 0, plannedUntil: null, backlog: [], chatsSeen: null, chats: null, outboxGrowth: { sinceAnalyze: 0, atAnalyze: 0 } };
}

/** At start-up, status changes this recent are (re)announced if their rows do not exist yet. */
const STARTUP_ANNOUNCE_LOOKBACK_MS = 24 * 3_600_000;

/** The id watermarks to store once a tick's rows are written. */
export type Watermarks = Pick<PlannerState, "lastFollowId" | "lastStatusChangeId" | "lastCommitmentId">;

/** Integers come back as bigint from the bulk connection, as number from Prisma. */
type Int = number | bigint;
const int = (v: Int): number => Number(v);
const intOrNull = (v: Int | null): number | null => (v === null ? null : Number(v));

/** The highest ids: one statement (Prisma's aggregate took 20 ms a table at 300,000 follows). */
export async function readWatermarks(sql: SqlRunner): Promise<Watermarks> {
  const [row] = await sql.all<{ f: Int | null; s: Int | null; c: Int | null }>(Prisma.sql`
    SELECT (SELECT max(id) FROM "Follow") AS f, (SELECT max(id) FROM "StatusChange") AS s, (SELECT max(id) FROM "Commitment") AS c`);
  return { lastFollowId: intOrNull(row?.f ?? null) ?? 0, lastStatusChangeId: intOrNull(row?.s ?? null) ?? 0, lastCommitmentId: intOrNull(row?.c ?? null) ?? 0 };
}

/**
 * Commitments that get reminders, with their latest announced change (reminders up to it are
 * covered by the announcement). In id order: rows are planned in it, whatever the engine's join.
 */
export async function loadPendingCommitments(sql: SqlRunner): Promise<PlanCommitment[]> {
  const rows = await sql.all<{ id: Int; dueOn: string; precision: string; status: string; topics: string; body: string | null; changedAt: string | null }>(Prisma.sql`
    SELECT c.id, c."dueOn", c.precision, c.status, c.topics, c.body, ch.at AS "changedAt"
    FROM "Commitment" c LEFT JOIN (
      SELECT "commitmentId", max(at) AS at FROM "StatusChange"
      WHERE "fromStatus" NOT IN ('', 'new') AND ("fromStatus" != "toStatus" OR coalesce("fromDueOn", '') != coalesce("toDueOn", ''))
      GROUP BY "commitmentId") ch ON ch."commitmentId" = c.id
    WHERE c.status IN ('open', 'postponed') AND c."dueOn" IS NOT NULL AND c."withdrawnAt" IS NULL AND c.precision != 'vague'
    ORDER BY c.id`);
  return rows.map((r) => ({
    id: int(r.id), dueOn: r.dueOn, precision: r.precision, status: r.status, topics: r.topics, body: r.body,
    withdrawn: false, changedAt: r.changedAt === null ? null : new Date(r.changedAt),
  }));
}

/** Status changes not yet seen (at start-up: the last day's, re-announced only if their rows do not exist yet). */
export async function loadNewStatusChanges(sql: SqlRunner, state: PlannerState, now: Date): Promise<PlanStatusChange[]> {
  const where = state.since === null
    ? Prisma.sql`at >= ${instant(sql.engine, new Date(now.getTime() - STARTUP_ANNOUNCE_LOOKBACK_MS))} AND at <= ${instant(sql.engine, now)}`
    : Prisma.sql`id > ${state.lastStatusChangeId}`;
  const rows = await sql.all<{ id: Int; commitmentId: Int; at: string; fromStatus: string; toStatus: string; fromDueOn: string | null; toDueOn: string | null }>(Prisma.sql`
    SELECT id, "commitmentId", at, "fromStatus", "toStatus", "fromDueOn", "toDueOn" FROM "StatusChange" WHERE ${where} ORDER BY id`);
  return rows.map((r) => ({ ...r, id: int(r.id), commitmentId: int(r.commitmentId), at: new Date(r.at) }));
}

/** Follows made since the previous tick. */
export async function loadFreshFollows(sql: SqlRunner, state: PlannerState): Promise<PlanFollow[]> {
  const rows = await sql.all<{ chatId: Int; kind: string; value: string; commitmentId: Int | null; createdAt: string }>(Prisma.sql`
    SELECT "chatId", kind, value, "commitmentId", "createdAt" FROM "Follow" WHERE id > ${state.lastFollowId}`);
  return rows.map((r) => ({ chatId: BigInt(r.chatId), kind: r.kind, value: r.value, commitmentId: intOrNull(r.commitmentId), createdAt: new Date(r.createdAt) }));
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
export async function loadGroups(sql: SqlRunner): Promise<ChatGroup[]> {
  const rows = await sql.all<{ timeZone: string; offsets: string; reminderHour: Int; quietStart: Int | null; quietEnd: Int | null }>(
    Prisma.sql`SELECT DISTINCT "timeZone", offsets, "reminderHour", "quietStart", "quietEnd" FROM "Chat" WHERE active = TRUE AND "migratedToId" IS NULL`,
  );
  return rows.map((r) => ({ timeZone: r.timeZone, offsets: r.offsets, reminderHour: int(r.reminderHour), quietStart: intOrNull(r.quietStart), quietEnd: intOrNull(r.quietEnd) }));
}

/** Active chats with a weekly digest. */
export async function loadDigestChats(sql: SqlRunner): Promise<PlanChat[]> {
  const rows = await sql.all<{ id: Int; type: string; timeZone: string; offsets: string; reminderHour: Int; digestDay: Int | null; digestHour: Int; quietStart: Int | null; quietEnd: Int | null }>(Prisma.sql`
    SELECT id, type, "timeZone", offsets, "reminderHour", "digestDay", "digestHour", "quietStart", "quietEnd" FROM "Chat"
    WHERE active = TRUE AND "migratedToId" IS NULL AND "digestDay" IS NOT NULL`);
  return rows.map((r) => ({
    id: BigInt(r.id), type: r.type, timeZone: r.timeZone, offsets: r.offsets, reminderHour: int(r.reminderHour),
    digestDay: intOrNull(r.digestDay), digestHour: int(r.digestHour), quietStart: intOrNull(r.quietStart), quietEnd: intOrNull(r.quietEnd),
  }));
}
