// The database side of a stage unit: the unit's recipients (the active chats of its group that
// follow the commitment; who follows what comes from chats/followers-of.ts) are read once, in
// one statement, then written as outbox rows a slice at a time: one INSERT ... SELECT per
// FAN_OUT_SLICE_ROWS chats, their ids bound as one JSON array. 20,000 followers cost a few
// dozen statements and no per-row JavaScript objects. A slice is a few dozen milliseconds, so a
// tick or pass stops between slices when its budget is spent; reading the followers once per
// unit (not once per slice) keeps the slices cheap. The key, and so "already planned", is
// exactly the per-chat planner's: r:<chat>:<commitment>:<stage>:<due date>.
//
// SQL both engines accept; instants and the JSON array of ids are the engine's (dialect.ts).
import { followsReaching, type FollowedCommitment } from "../chats/followers-of.ts";
import { Prisma } from "../db/client.ts";
import { drivingJoin, idsOf, instant, integer, text, type DbEngine } from "./dialect.ts";
import type { StageUnit } from "./plan-ahead.ts";

/** Rows per slice: about 25 ms of inserts into a large outbox on this machine. */
export const FAN_OUT_SLICE_ROWS = 500;

/**
 * The unit's recipients, by chat id: active chats of the unit's group following the commitment.
 * A caught-up stage (its instant passed before it was planned) goes only to chats that already
 * followed at its instant; a follow stamped after `now` was made under another clock
 * (MINDET_NOW), its moment is unknown and it counts as old (see followedAtMs).
 */
export function recipientsSql(unit: StageUnit, c: FollowedCommitment, now: Date, engine: DbEngine): Prisma.Sql {
  const g = unit.group;
  const followedInTime = unit.caughtUp ? Prisma.sql`AND (f."createdAt" <= ${instant(engine, new Date(unit.stage.instant))} OR f."createdAt" > ${instant(engine, now)})` : Prisma.empty;
  // Driven from the followers (CROSS JOIN fixes the order): the chat table is read by primary
  // key, one row per follower, not scanned once per unit.
  return Prisma.sql`SELECT DISTINCT ch.id AS id FROM (${followsReaching(c, engine)}) AS f ${drivingJoin(engine)} "Chat" ch ON ch.id = f."chatId"
    WHERE ch.active = TRUE AND ch."migratedToId" IS NULL
      AND ch."timeZone" = ${g.timeZone} AND ch.offsets = ${g.offsets} AND ch."reminderHour" = ${g.reminderHour}
      AND ${sameOrNull(Prisma.sql`ch."quietStart"`, g.quietStart)} AND ${sameOrNull(Prisma.sql`ch."quietEnd"`, g.quietEnd)} ${followedInTime}
    ORDER BY ch.id`;
}

/**
 * `column` equal to `value`, or NULL when it is null: spelled `IS NULL` / `=`, never `IS NOT
 * DISTINCT FROM NULL`, which PostgreSQL estimates as matching almost no row (it rates the
 * equality with NULL, 0, and inverts it twice). With the quiet hours spelled so it expected one
 * chat where 16,000 matched, and its nested loop read the followers again for every chat: one
 * recipients query ran over 100 s at 20,000 chats (55 ms spelled with IS NULL).
 */
function sameOrNull(column: Prisma.Sql, value: number | null): Prisma.Sql {
  return value === null ? Prisma.sql`${column} IS NULL` : Prisma.sql`${column} = ${integer(value)}`;
}

/**
 * Writes one slice of a unit's rows for these chats (ON CONFLICT DO NOTHING: a row that exists is
 * "already planned"). The chat and the commitment are checked again: a slice may be written
 * minutes after the recipients were read.
 */
export function fanOutSliceSql(unit: StageUnit, chatIds: readonly bigint[], now: Date, engine: DbEngine): Prisma.Sql {
  const stamp = instant(engine, now);
  // Ids inside text go as text: Prisma binds JS numbers as REAL ("42.0").
  const idText = String(unit.commitmentId);
  return Prisma.sql`INSERT INTO "Delivery" (key, "chatId", "commitmentId", kind, "offsetDays", "dueOn", "statusChangeId", "notBefore", state, attempts, "createdAt", "updatedAt")
  SELECT 'r:' || ch.id || ':' || ${text(idText)} || ':' || ${text(unit.stage.name)} || ':' || ${text(unit.dueOn)}, ch.id, ${integer(unit.commitmentId)}, ${text(unit.stage.kind)},
    ${integer(unit.stage.offsetDays)}, ${text(unit.dueOn)}, ${integer(null)}, ${instant(engine, new Date(unit.notBefore))}, 'pending', 0, ${stamp}, ${stamp}
  FROM ${idsOf(engine, `[${chatIds.join(",")}]`)} AS f ${drivingJoin(engine)} "Chat" ch ON ch.id = f.value
  WHERE ch.active = TRUE AND ch."migratedToId" IS NULL
    -- The commitment may have closed or moved since the unit was computed: then nothing is planned.
    AND EXISTS (SELECT 1 FROM "Commitment" c WHERE c.id = ${unit.commitmentId} AND c."dueOn" = ${unit.dueOn} AND c.status IN ('open','postponed') AND c."withdrawnAt" IS NULL)
  ON CONFLICT DO NOTHING`;
}
