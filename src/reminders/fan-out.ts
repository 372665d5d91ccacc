// The database side of a stage unit: one INSERT OR IGNORE ... SELECT writes the reminder for
// every active chat of the unit's group that follows the commitment (all, directly, by topic,
// by body), so 20,000 followers cost one statement and no JavaScript objects. The key, and so
// "already planned", is exactly the per-chat planner's: r:<chat>:<commitment>:<stage>:<due date>.
import type { Db } from "../db/client.ts";
import { toDbTime } from "../db/time.ts";
import type { BulkSql } from "./bulk-sql.ts";
import type { StageUnit } from "./plan-ahead.ts";

/** Runs one write statement; returns the rows changed. The bulk connection when there is one, else Prisma. */
export interface SqlWriter {
  run(sql: string, params: readonly unknown[]): Promise<number>;
}

export function sqlWriter(db: Db, bulk: BulkSql | null): SqlWriter {
  if (bulk) return { run: (sql, params) => Promise.resolve(bulk.run(sql, params)) };
  return { run: (sql, params) => db.$executeRawUnsafe(sql, ...params) };
}

// Followers by the (kind, value) index, one branch per way of following; UNION dedupes a chat
// that follows the same commitment twice (directly and through a topic).
const FAN_OUT_SQL = `INSERT OR IGNORE INTO Delivery (key, chatId, commitmentId, kind, offsetDays, dueOn, statusChangeId, notBefore, state, attempts, createdAt, updatedAt)
  SELECT 'r:' || ch.id || ':' || ? || ':' || ? || ':' || ?, ch.id, ?, ?, ?, ?, NULL, ?, 'pending', 0, ?, ?
  -- Driven from the followers (CROSS JOIN fixes the order): the chat table is then read by
  -- primary key, one row per follower, not scanned once per unit.
  FROM (
      SELECT chatId FROM Follow WHERE kind = 'all' AND value = ''
      UNION SELECT chatId FROM Follow WHERE kind = 'commitment' AND value = ?
      UNION SELECT chatId FROM Follow WHERE kind = 'topic' AND value IN (SELECT value FROM json_each(?))
      UNION SELECT chatId FROM Follow WHERE kind = 'body' AND value = ?) AS f
    CROSS JOIN Chat ch ON ch.id = f.chatId
  WHERE ch.active = 1 AND ch.migratedToId IS NULL
    AND ch.timeZone = ? AND ch.offsets = ? AND ch.reminderHour = ? AND ch.quietStart IS ? AND ch.quietEnd IS ?
    -- The commitment may have closed or moved since the unit was computed: then nothing is planned.
    AND EXISTS (SELECT 1 FROM Commitment c WHERE c.id = ? AND c.dueOn = ? AND c.status IN ('open','postponed') AND c.withdrawnAt IS NULL)`;

/** What the fan-out needs of a commitment beyond the unit: who follows it by topic and body. */
export interface FanOutCommitment {
  topics: string;
  body: string | null;
}

/** Writes a unit's rows; returns how many were new. */
export async function fanOutUnit(sql: SqlWriter, unit: StageUnit, c: FanOutCommitment, now: Date): Promise<number> {
  return sql.run(FAN_OUT_SQL, fanOutParams(unit, c, now));
}

/** Writes a unit's rows on the bulk connection (synchronous: callers batch many in one transaction). */
export function fanOutUnitSync(bulk: BulkSql, unit: StageUnit, c: FanOutCommitment, now: Date): number {
  return bulk.run(FAN_OUT_SQL, fanOutParams(unit, c, now));
}

function fanOutParams(unit: StageUnit, c: FanOutCommitment, now: Date): unknown[] {
  const g = unit.group;
  const topics = JSON.stringify(c.topics.split("|").filter((t) => t !== ""));
  const id = unit.commitmentId;
  const stamp = toDbTime(now);
  // Positional parameters in the order they appear (better-sqlite3 does not bind ?NNN from a
  // list). Ids inside text go as text: Prisma binds JS numbers as REAL ("42.0").
  const idText = String(id);
  return [
    idText, unit.stage.name, unit.dueOn, id, unit.stage.kind, unit.stage.offsetDays, unit.dueOn, toDbTime(new Date(unit.stage.instant)), stamp, stamp,
    idText, topics, c.body, g.timeZone, g.offsets, g.reminderHour, g.quietStart, g.quietEnd, id, unit.dueOn,
  ];
}
