// /merge A B and a "Same" answer: B becomes reports of A. Everything moved is written down in a
// CommitmentMerge row so /split (split-commitment.ts) can put it back.
import type { Db } from "../db/client.ts";
import type { Commitment } from "../generated/prisma/client.ts";
import { dueChangeKind, ensureFirstMention, recomputeDue, statementDay, type Tx } from "./in-force-due.ts";

/** Who acts (the admin's Telegram id and name; null id for the system) and when. */
export interface Actor {
  byUserId: bigint | null;
  byName?: string | null;
  at: Date;
}

export interface MergeInput extends Actor {
  /** The commitment that stays. */
  keepId: number;
  /** The commitment whose reports join it. */
  mergeId: number;
  /** merged (/merge, the default) or answered (a "Same" answer). */
  via?: "merged" | "answered";
}

export type MergeErrorCode = "not_found" | "same" | "kept_merged" | "already_merged" | "conflict";

export interface MergeError {
  code: MergeErrorCode;
  /** One English sentence; the bot translates by code. */
  message: string;
  /** The commitment the error is about, and the one it was merged into (for the bot's sentence). */
  id: number;
  into?: number;
}

export interface MergeSummary {
  keptId: number;
  mergedId: number;
  /** Mentions moved to the kept commitment. */
  mentions: number;
  /** Chats that followed the merged commitment and now follow the kept one. */
  followers: number;
  /** The kept commitment's date in force before and after (equal when it did not move). */
  dueBefore: string | null;
  dueAfter: string | null;
  mergeRecordId: number;
}

export type MergeResult = { ok: true; merge: MergeSummary } | { ok: false; error: MergeError };

/** What /split needs to put a merge back (CommitmentMerge.undo). */
export interface MergeUndo {
  /** Follow rows of the merged commitment that now point at the kept one. */
  followsMoved: number[];
  /** Chats that followed both: their follow of the merged one was removed (with its date). */
  followsDropped: Array<{ chatId: string; createdAt: string }>;
  /** DueChange rows that moved with the merged commitment's mentions. */
  dueChangesMoved: number[];
  /** The DueChange the merge itself added to the kept commitment (its date moved), if any. */
  dueChangesAdded: number[];
}

/** The skip reason of the merged commitment's unsent reminders; /split revives those not yet due. */
export function mergedSkipReason(keptId: number): string {
  return `merged into #${keptId}`;
}

/** A validation failure inside the transaction: rolls it back and becomes the result. */
export class MergeRefused extends Error {
  constructor(readonly error: MergeError) {
    super(error.message);
  }
}

/**
 * Merges commitment `mergeId` (B) into `keepId` (A), in one transaction: B's mentions move to A
 * (via "merged" or "answered", mergedFromId = B; mentions B had itself received by an earlier
 * merge keep theirs, so that merge stays undoable), B's date changes follow its mentions, chats
 * following B follow A (one follow per chat), B's unsent reminders are skipped, B.mergedIntoId =
 * A, open match questions between the two are answered "same", and A's deadline is recomputed
 * from the latest statement (a DueChange records it when it moves). Refuses A = B, a merged-away
 * A or B, and unknown ids.
 */
export async function mergeCommitments(db: Db, input: MergeInput): Promise<MergeResult> {
  try {
    return { ok: true, merge: await db.$transaction((tx) => mergeInTx(tx, input)) };
  } catch (error) {
    if (error instanceof MergeRefused) return { ok: false, error: error.error };
    throw error;
  }
}

/** The merge inside a caller's transaction (answering a question closes it in the same one). Throws MergeRefused. */
export async function mergeInTx(tx: Tx, input: MergeInput): Promise<MergeSummary> {
  const { keepId, mergeId } = input;
  if (keepId === mergeId) refuse("same", keepId, `A commitment cannot be merged into itself (#${keepId}).`);
  const kept = await find(tx, keepId);
  const merged = await find(tx, mergeId);
  if (kept.mergedIntoId !== null) refuse("kept_merged", keepId, `#${keepId} was itself merged into #${kept.mergedIntoId}; merge into #${kept.mergedIntoId} instead.`, kept.mergedIntoId);
  if (merged.mergedIntoId !== null) refuse("already_merged", mergeId, `#${mergeId} is already merged into #${merged.mergedIntoId}.`, merged.mergedIntoId);
  // Claimed first: a concurrent merge of B (another admin, a second tap) makes this a no-op.
  // A merged-away commitment is also withdrawn (kept as it was if it already was): every list,
  // search, tally and the planner already leave withdrawn rows out, and /split restores it.
  const claimed = await tx.commitment.updateMany({ where: { id: mergeId, mergedIntoId: null }, data: { mergedIntoId: keepId, withdrawnAt: merged.withdrawnAt ?? input.at } });
  if (claimed.count === 0) refuse("conflict", mergeId, `#${mergeId} was just merged by someone else.`);

  await ensureFirstMention(tx, kept);
  await ensureFirstMention(tx, merged);
  const via = input.via ?? "merged";
  const own = await tx.mention.updateMany({ where: { commitmentId: mergeId, mergedFromId: null }, data: { commitmentId: keepId, via, mergedFromId: mergeId } });
  const carried = await tx.mention.updateMany({ where: { commitmentId: mergeId }, data: { commitmentId: keepId } });

  const undo: MergeUndo = { followsMoved: [], followsDropped: [], dueChangesMoved: [], dueChangesAdded: [] };
  const dueChanges = await tx.dueChange.findMany({ where: { commitmentId: mergeId }, select: { id: true } });
  undo.dueChangesMoved = dueChanges.map((d) => d.id);
  if (undo.dueChangesMoved.length > 0) await tx.dueChange.updateMany({ where: { id: { in: undo.dueChangesMoved } }, data: { commitmentId: keepId } });

  // Set-wise, not a query per follow: a popular commitment has thousands of followers and this
  // transaction holds SQLite's write lock.
  const follows = await tx.follow.findMany({ where: { kind: "commitment", commitmentId: mergeId }, select: { id: true, chatId: true, createdAt: true } });
  const followsKept = new Set((await tx.follow.findMany({ where: { kind: "commitment", commitmentId: keepId }, select: { chatId: true } })).map((f) => f.chatId));
  const dropped = follows.filter((f) => followsKept.has(f.chatId));
  undo.followsMoved = follows.filter((f) => !followsKept.has(f.chatId)).map((f) => f.id);
  undo.followsDropped = dropped.map((f) => ({ chatId: String(f.chatId), createdAt: f.createdAt.toISOString() }));
  for (const ids of chunks(dropped.map((f) => f.id))) await tx.follow.deleteMany({ where: { id: { in: ids } } });
  // Updated, not re-created: a moved follow keeps its id and date (no reminder from before it).
  for (const ids of chunks(undo.followsMoved)) await tx.follow.updateMany({ where: { id: { in: ids } }, data: { value: String(keepId), commitmentId: keepId } });
  await tx.delivery.updateMany({
    where: { commitmentId: mergeId, state: { in: ["pending", "failed"] } },
    data: { state: "skipped", skipReason: mergedSkipReason(keepId), updatedAt: input.at },
  });
  await tx.matchQuestion.updateMany({
    where: { status: "open", OR: [{ commitmentId: mergeId, candidateId: keepId }, { commitmentId: keepId, candidateId: mergeId }] },
    data: { status: "same", answeredBy: input.byUserId, answeredAt: input.at },
  });

  await syncWithdrawn(tx, keepId, input.at);
  const due = await recomputeDue(tx, keepId);
  const kind = dueChangeKind(due.before.extractedDueOn, due.after.extractedDueOn);
  if (kind && due.statement) {
    const change = await tx.dueChange.create({
      data: {
        commitmentId: keepId, mentionId: due.statement.id, fromDueOn: due.before.extractedDueOn, fromPrecision: due.before.precision,
        toDueOn: due.after.extractedDueOn, toPrecision: due.after.precision, kind, statedOn: statementDay(due.statement), at: input.at,
      },
    });
    undo.dueChangesAdded.push(change.id);
  }
  const record = await tx.commitmentMerge.create({
    data: {
      keptId: keepId, mergedId: mergeId, via, byUserId: input.byUserId, byName: cleanName(input.byName), at: input.at,
      mentions: own.count + carried.count, undo: JSON.stringify(undo),
    },
  });
  return {
    keptId: keepId,
    mergedId: mergeId,
    mentions: own.count + carried.count,
    followers: follows.length,
    dueBefore: due.before.dueOn,
    dueAfter: due.after.dueOn,
    mergeRecordId: record.id,
  };
}

/**
 * Ingest's rule after mentions moved: a commitment (not merged away) is withdrawn exactly when
 * every one of its mentions is; a withdrawal already on record keeps its date.
 */
export async function syncWithdrawn(tx: Tx, id: number, at: Date): Promise<void> {
  const mentions = await tx.mention.findMany({ where: { commitmentId: id }, select: { withdrawnAt: true } });
  const live = mentions.filter((m) => m.withdrawnAt === null).length;
  const any = mentions.length;
  if (live > 0) await tx.commitment.updateMany({ where: { id, withdrawnAt: { not: null } }, data: { withdrawnAt: null } });
  else if (any > 0) await tx.commitment.updateMany({ where: { id, withdrawnAt: null, mergedIntoId: null }, data: { withdrawnAt: at } });
}

async function find(tx: Tx, id: number): Promise<Commitment> {
  const row = Number.isSafeInteger(id) && id > 0 ? await tx.commitment.findUnique({ where: { id } }) : null;
  if (!row) refuse("not_found", id, `There is no commitment #${id}.`);
  return row;
}

const IDS_PER_QUERY = 500;

/** `ids` in slices small enough for one statement's bound parameters on either engine. */
export function chunks<T>(ids: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) out.push(ids.slice(i, i + IDS_PER_QUERY));
  return out;
}

function refuse(code: MergeErrorCode, id: number, message: string, into?: number): never {
  throw new MergeRefused({ code, id, message, ...(into === undefined ? {} : { into }) });
}

export function cleanName(name: string | null | undefined): string | null {
  return name?.trim().slice(0, 200) || null;
}
