// New commitments from a live source go to the chats that follow them through the reminders'
// outbox: one row per chat and commitment ("n:<chat>:<commitment>", so announcing twice is
// harmless), delivered grouped with the chat's other messages, within the rate limits and out
// of its quiet hours. Chats that turned "new commitments" off in /settings get nothing.
import type { Db } from "../db/client.ts";
import { toDbTime } from "../db/time.ts";
import { insertDeliveries } from "../reminders/insert-deliveries.ts";
import { outOfQuietHours } from "../reminders/local-time.ts";
import type { PlannedDelivery } from "../reminders/types.ts";

// Positional parameters only (the adapter does not bind ?NNN): the id list is given once per branch.
// Followers by the (kind, value) index, one branch per way of following (as the reminders'
// fan-out does); UNION dedupes a chat that follows a commitment twice. `quiet` picks the chats
// without quiet hours (rows go out now, written by SQL alone) or with them (read, then planned here).
const FOLLOWERS_SQL = (quiet: boolean) => `
  FROM Commitment c
  JOIN (
      SELECT c2.id AS commitmentId, f.chatId FROM Commitment c2 JOIN Follow f ON f.kind = 'all' AND f.value = '' WHERE c2.id IN (SELECT value FROM json_each(?))
      UNION SELECT f.commitmentId, f.chatId FROM Follow f WHERE f.kind = 'commitment' AND f.commitmentId IN (SELECT value FROM json_each(?))
      UNION SELECT c2.id, f.chatId FROM Commitment c2 JOIN json_each('["' || replace(trim(c2.topics, '|'), '|', '","') || '"]') t JOIN Follow f ON f.kind = 'topic' AND f.value = t.value
        WHERE c2.id IN (SELECT value FROM json_each(?)) AND c2.topics != '||'
      UNION SELECT c2.id, f.chatId FROM Commitment c2 JOIN Follow f ON f.kind = 'body' AND f.value = c2.body WHERE c2.id IN (SELECT value FROM json_each(?))
    ) AS reach ON reach.commitmentId = c.id
  JOIN Chat ch ON ch.id = reach.chatId
  WHERE c.withdrawnAt IS NULL AND ch.active = 1 AND ch.migratedToId IS NULL AND ch.announceNew = 1
    AND ${quiet ? "ch.quietStart IS NOT NULL AND ch.quietEnd IS NOT NULL AND ch.quietStart != ch.quietEnd" : "NOT (ch.quietStart IS NOT NULL AND ch.quietEnd IS NOT NULL AND ch.quietStart != ch.quietEnd)"}`;

/**
 * Plans the announcements of these commitments; returns how many rows were new. Two statements
 * whatever the number of followers: chats without quiet hours get their rows from one
 * INSERT ... SELECT (no row passes through JavaScript); chats with quiet hours are read and each
 * row's time moved out of them.
 */
export async function announceNewCommitments(db: Db, commitmentIds: readonly number[], now: Date): Promise<number> {
  if (commitmentIds.length === 0) return 0;
  // Ids go in as JSON text: Prisma binds JS numbers as REAL, which json_each would give back as 42.0.
  const ids = JSON.stringify(commitmentIds.map((id) => Math.trunc(id)));
  const stamp = toDbTime(now);
  const direct = await db.$executeRawUnsafe(
    `INSERT OR IGNORE INTO Delivery (key, chatId, commitmentId, kind, offsetDays, dueOn, statusChangeId, notBefore, state, attempts, createdAt, updatedAt)
     SELECT 'n:' || ch.id || ':' || c.id, ch.id, c.id, 'new', 0, c.dueOn, NULL, ?, 'pending', 0, ?, ? ${FOLLOWERS_SQL(false)}`,
    stamp, stamp, stamp, ids, ids, ids, ids,
  );
  const quiet = await db.$queryRawUnsafe<{ chatId: bigint | number; commitmentId: bigint | number; dueOn: string | null; timeZone: string; quietStart: bigint | number; quietEnd: bigint | number }[]>(
    `SELECT ch.id AS chatId, c.id AS commitmentId, c.dueOn, ch.timeZone, ch.quietStart, ch.quietEnd ${FOLLOWERS_SQL(true)}`,
    ids, ids, ids, ids,
  );
  const rows: PlannedDelivery[] = quiet.map((r) => ({
    key: `n:${r.chatId}:${r.commitmentId}`,
    chatId: BigInt(r.chatId),
    commitmentId: Number(r.commitmentId),
    kind: "new",
    offsetDays: 0,
    dueOn: r.dueOn,
    statusChangeId: null,
    notBefore: outOfQuietHours(now, r.timeZone, { start: Number(r.quietStart), end: Number(r.quietEnd) }),
  }));
  return direct + (await insertDeliveries(db, rows, now));
}
