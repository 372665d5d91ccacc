// The database side of a stage unit: one INSERT ... SELECT writes the reminder for every active
// chat of the unit's group that follows the commitment (the followers come from
// chats/followers-of.ts, the one place that decides who follows what), so 20,000 followers cost
// a few statements and no JavaScript objects. The key, and so "already planned", is exactly the
// per-chat planner's: r:<chat>:<commitment>:<stage>:<due date>.
//
// A unit is written in FAN_OUT_PARTS slices of its followers (by chat id), one statement each:
// a unit reaching 16,000 chats took 0.3 to 0.7 s in one statement, longer than a whole tick may
// take; a slice is a few dozen milliseconds, and a tick stops between slices when its budget is
// spent.
import { followsReaching, type FollowedCommitment } from "../chats/followers-of.ts";
import { Prisma } from "../db/client.ts";
import { toDbTime } from "../db/time.ts";
import type { StageUnit } from "./plan-ahead.ts";

/** Slices per unit (by chat id modulo): about 1,000 rows a slice for a unit that reaches every chat of 100,000. */
export const FAN_OUT_PARTS = 16;

/**
 * The statement writing slice `unit.part` of a unit's rows (INSERT OR IGNORE: a row that exists
 * is "already planned"). SQLite syntax: PostgreSQL spells it INSERT ... ON CONFLICT DO NOTHING
 * and `IS` as `IS NOT DISTINCT FROM`.
 */
export function fanOutSql(unit: StageUnit, c: FollowedCommitment, now: Date): Prisma.Sql {
  const g = unit.group;
  const stamp = toDbTime(now);
  // Ids inside text go as text: Prisma binds JS numbers as REAL ("42.0").
  const idText = String(unit.commitmentId);
  // A caught-up stage (its instant passed before it was planned) goes only to chats that already
  // followed at its instant. A follow stamped after `now` was made under another clock
  // (MINDET_NOW): its moment is unknown and it counts as old (see followedAtMs).
  const followedInTime = unit.caughtUp ? Prisma.sql`AND (createdAt <= ${toDbTime(new Date(unit.stage.instant))} OR createdAt > ${stamp})` : Prisma.empty;
  return Prisma.sql`INSERT OR IGNORE INTO Delivery (key, chatId, commitmentId, kind, offsetDays, dueOn, statusChangeId, notBefore, state, attempts, createdAt, updatedAt)
  SELECT 'r:' || ch.id || ':' || ${idText} || ':' || ${unit.stage.name} || ':' || ${unit.dueOn}, ch.id, ${unit.commitmentId}, ${unit.stage.kind},
    ${unit.stage.offsetDays}, ${unit.dueOn}, NULL, ${toDbTime(new Date(unit.notBefore))}, 'pending', 0, ${stamp}, ${stamp}
  -- Driven from the followers (CROSS JOIN fixes the order): the chat table is then read by
  -- primary key, one row per follower, not scanned once per unit.
  FROM (SELECT chatId FROM (${followsReaching(c)})
        WHERE ((chatId % ${FAN_OUT_PARTS}) + ${FAN_OUT_PARTS}) % ${FAN_OUT_PARTS} = ${unit.part} ${followedInTime}
        GROUP BY chatId) AS f
    CROSS JOIN Chat ch ON ch.id = f.chatId
  WHERE ch.active = 1 AND ch.migratedToId IS NULL
    AND ch.timeZone = ${g.timeZone} AND ch.offsets = ${g.offsets} AND ch.reminderHour = ${g.reminderHour}
    AND ch.quietStart IS ${g.quietStart} AND ch.quietEnd IS ${g.quietEnd}
    -- The commitment may have closed or moved since the unit was computed: then nothing is planned.
    AND EXISTS (SELECT 1 FROM Commitment c WHERE c.id = ${unit.commitmentId} AND c.dueOn = ${unit.dueOn} AND c.status IN ('open','postponed') AND c.withdrawnAt IS NULL)`;
}
