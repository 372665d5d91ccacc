// The outbox's state changes, each one SQL statement so it is atomic without a transaction:
// pending -> sending (claim) -> sent (record) | failed (retry later) | skipped (no longer wanted).
import type { Db } from "../db/client.ts";
import { toDbTime } from "../db/time.ts";

export const REMINDER_KINDS_SQL = "('before','due','overdue')";

/** A claimed row, as the deliverer needs it. */
export interface ClaimedRow {
  id: number;
  key: string;
  chatId: bigint;
  commitmentId: number | null;
  kind: string;
  offsetDays: number;
  dueOn: string | null;
  statusChangeId: number | null;
  attempts: number;
}

export interface ClaimOptions {
  /** A row left in 'sending' this long (its process died mid-send) is claimed again. */
  leaseMs: number;
  /** Failed rows are retried until they have had this many attempts. */
  maxAttempts: number;
  limit: number;
}

/**
 * Marks rows that must no longer go out as skipped, before anything is claimed: rows of
 * inactive chats, reminders of closed or withdrawn commitments, reminders for a due date that
 * was postponed, and reminders superseded by a later one for the same chat and commitment
 * (after downtime only the latest still relevant is sent; a later reminder planned ahead and
 * not yet due supersedes nothing). Returns how many rows were skipped.
 */
export async function sweepStale(db: Db, now: Date): Promise<number> {
  const t = toDbTime(now);
  const open = `state IN ('pending','failed')`;
  const statements = [
    [`chat inactive`, `${open} AND chatId IN (SELECT id FROM Chat WHERE active = 0 OR migratedToId IS NOT NULL)`],
    [`closed`, `${open} AND kind IN ${REMINDER_KINDS_SQL} AND commitmentId IN (SELECT id FROM Commitment WHERE status NOT IN ('open','postponed') OR withdrawnAt IS NOT NULL)`],
    [`postponed`, `${open} AND kind IN ${REMINDER_KINDS_SQL} AND EXISTS (SELECT 1 FROM Commitment c WHERE c.id = Delivery.commitmentId AND (c.dueOn IS NULL OR c.dueOn != Delivery.dueOn))`],
    [
      `superseded`,
      `${open} AND kind IN ${REMINDER_KINDS_SQL} AND EXISTS (SELECT 1 FROM Delivery later WHERE later.chatId = Delivery.chatId
        AND later.commitmentId = Delivery.commitmentId AND later.dueOn = Delivery.dueOn AND later.kind IN ${REMINDER_KINDS_SQL}
        AND later.offsetDays < Delivery.offsetDays AND later.state IN ('pending','sending','sent') AND later.notBefore <= ?)`,
    ],
  ] as const;
  let skipped = 0;
  for (const [reason, where] of statements) {
    const params = reason === "superseded" ? [t] : [];
    skipped += await db.$executeRawUnsafe(`UPDATE Delivery SET state = 'skipped', skipReason = ?, updatedAt = ? WHERE ${where}`, reason, t, ...params);
  }
  return skipped;
}

/**
 * Claims up to `limit` rows due at `now` in one statement (so two claimers can never take the
 * same row): pending ones, failed ones waiting for a retry, and ones stuck in 'sending' past the
 * lease. That last case is the only way a message can go out twice: its process died after
 * Telegram accepted it and before the row was recorded as sent.
 */
export async function claimDue(db: Db, now: Date, options: ClaimOptions): Promise<ClaimedRow[]> {
  const t = toDbTime(now);
  const leaseEnd = toDbTime(new Date(now.getTime() - options.leaseMs));
  return db.$queryRawUnsafe<ClaimedRow[]>(
    `UPDATE Delivery SET state = 'sending', claimedAt = ?, attempts = attempts + 1, updatedAt = ?
     WHERE id IN (
       SELECT id FROM Delivery
       WHERE (state = 'pending' AND notBefore <= ?)
          OR (state = 'failed' AND attempts < ? AND notBefore <= ?)
          OR (state = 'sending' AND claimedAt <= ?)
       ORDER BY notBefore, id LIMIT ?)
     RETURNING id, key, chatId, commitmentId, kind, offsetDays, dueOn, statusChangeId, attempts`,
    t, t, t, options.maxAttempts, t, leaseEnd, options.limit,
  );
}

function placeholders(ids: readonly number[]): string {
  return ids.map(() => "?").join(",");
}

/** Records that Telegram accepted the message carrying these rows. */
export async function markSent(db: Db, ids: readonly number[], messageId: number, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRawUnsafe(
    `UPDATE Delivery SET state = 'sent', sentAt = ?, messageId = ?, lastError = NULL, updatedAt = ? WHERE id IN (${placeholders(ids)})`,
    toDbTime(at), messageId, toDbTime(at), ...ids,
  );
}

/**
 * Marks rows failed with the error; a later tick retries them from `retryAt` while attempts
 * remain. `permanent` (Telegram rejected the message itself) uses up the attempts at once.
 */
export async function markFailed(db: Db, ids: readonly number[], error: string, at: Date, retryAt: Date, permanent: boolean, maxAttempts: number): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRawUnsafe(
    `UPDATE Delivery SET state = 'failed', lastError = ?, notBefore = ?, updatedAt = ?${permanent ? ", attempts = ?" : ""} WHERE id IN (${placeholders(ids)}) AND state = 'sending'`,
    error.slice(0, 500), toDbTime(retryAt), toDbTime(at), ...(permanent ? [maxAttempts] : []), ...ids,
  );
}

/** Skips rows that must not go out (with the reason). */
export async function skipRows(db: Db, ids: readonly number[], reason: string, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRawUnsafe(
    `UPDATE Delivery SET state = 'skipped', skipReason = ?, updatedAt = ? WHERE id IN (${placeholders(ids)}) AND state IN ('pending','sending','failed')`,
    reason, toDbTime(at), ...ids,
  );
}

/** Skips every unsent row of a chat (it blocked the bot or no longer exists). */
export async function skipChat(db: Db, chatId: bigint, reason: string, at: Date): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE Delivery SET state = 'skipped', skipReason = ?, updatedAt = ? WHERE chatId = ? AND state IN ('pending','sending','failed')`,
    reason, toDbTime(at), chatId,
  );
}
