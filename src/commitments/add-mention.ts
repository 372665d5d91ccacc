// One more report of a commitment: a Mention, and what its deadline means for the date in force.
// Used by ingest (a new document restates a stored commitment, or re-states its own sentence
// with another date) and by the admins' /merge and "Same" answers (src/bot), so deadline drift
// is decided in one place.
//
// WHICH DATE IS IN FORCE. The latest statement wins, "latest" by the date it was made: a
// mention's publication date, else the day it was read, an admin's postponement's day
// (Asia/Almaty); among the mentions still in their sources. The rule is in-force-due.ts's, which
// merges and splits apply too (recomputeDue). A later article that
// states another date moves the deadline (a DueChange, followers told at once, reminders for the
// old date skipped); an older article read after a newer one is kept as a mention and moves
// nothing. An admin's /postpone made after the latest article stays in force until an article
// published later than it states a date again; a postponement made before it is superseded (the
// StatusChange stays in the history either way). Closed commitments keep their date.
import type { DbEngine } from "../db/client.ts";
import type { Commitment, DueChange, Mention } from "../generated/prisma/client.ts";
import { followsReaching } from "../chats/followers-of.ts";
import { outOfQuietHours } from "../reminders/local-time.ts";
import { isPending } from "./statuses.ts";
import { dueChangeKind, latestPostponement, latestStatement, postponementStands, statementDay, statementsOf, type Tx } from "./in-force-due.ts";

export type { Tx };


/** A mention as extraction gives it (the Mention columns the caller fills). */
export interface MentionFields {
  sourceId: number;
  key: string;
  article: string | null;
  publishedOn: string | null;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  dueText: string | null;
  dueOn: string | null;
  precision: string;
  responsible: string | null;
  body: string | null;
}

/** first | matched (the matcher said same) | answered (an admin answered "Same") | merged (/merge). */
export type MentionVia = "first" | "matched" | "answered" | "merged";

export interface AddMentionInput {
  commitmentId: number;
  mention: MentionFields;
  via: MentionVia;
  /** The matcher's score (via matched / answered). */
  score?: number | null;
  /** For via = merged: the commitment it belonged to. */
  mergedFromId?: number | null;
  now: Date;
  /** The database engine (a transaction client does not say which it is). */
  engine: DbEngine;
}

export interface StatedDueResult {
  /** The DueChange recorded, or null when the in-force date did not move. */
  dueChange: DueChange | null;
  /** "moved" rows put in the outbox (one per following chat). */
  notices: number;
  /** Pending reminders for the old date that were skipped. */
  skipped: number;
}

/**
 * Adds a mention to a commitment and applies its deadline (applyStatedDue). Throws on a
 * (sourceId, key) conflict: the caller looks the mention up first.
 */
export async function addMention(tx: Tx, input: AddMentionInput): Promise<StatedDueResult & { mention: Mention }> {
  const mention = await tx.mention.create({
    // createdAt is the read day of a report without a publication date (statementDay): the injected clock's.
    data: { ...input.mention, commitmentId: input.commitmentId, via: input.via, score: input.score ?? null, mergedFromId: input.mergedFromId ?? null, createdAt: input.now },
  });
  return { mention, ...(await applyStatedDue(tx, { commitmentId: input.commitmentId, mention, now: input.now, engine: input.engine })) };
}


/**
 * What `mention` (already stored, on `commitmentId`) means for the date in force: when it is the
 * latest statement (see the head of this file) and states another date, records a DueChange,
 * moves Commitment.dueOn (and the stated deadline: extractedDueOn, precision, dueText), skips
 * the reminders planned for the old date and tells the followers. The planner plans the new
 * date's reminders on its next tick (it plans from dueOn). Returns what it did; a mention without
 * a date, an older one or one stating the date in force changes nothing.
 */
export async function applyStatedDue(tx: Tx, input: { commitmentId: number; mention: Mention; now: Date; engine: DbEngine }): Promise<StatedDueResult> {
  const { mention, now } = input;
  const none: StatedDueResult = { dueChange: null, notices: 0, skipped: 0 };
  if (mention.dueOn === null || mention.precision === "vague") return none;
  const c = await tx.commitment.findUnique({ where: { id: input.commitmentId } });
  if (!c || !isPending(c.status) || c.dueOn === mention.dueOn) return none;
  // The rule recomputeDue applies after a merge or split: it moves the date only as the latest
  // statement among the reports still in their sources, and not below a later postponement.
  if (latestStatement(await statementsOf(tx, c.id))?.id !== mention.id) return none;
  const postponement = await latestPostponement(tx, c.id);
  if (postponement && postponementStands(postponement, mention)) return none;
  const stated = statementDay(mention);

  const fromPrecision = c.dueOn !== null && c.dueOn !== c.extractedDueOn ? "day" : c.precision;
  // Guarded on the date we read: a concurrent /postpone makes this a no-op instead of a lost update.
  const { count } = await tx.commitment.updateMany({
    where: { id: c.id, dueOn: c.dueOn },
    data: { dueOn: mention.dueOn, extractedDueOn: mention.dueOn, precision: mention.precision, dueText: mention.dueText },
  });
  if (count === 0) return none;
  const dueChange = await tx.dueChange.create({
    data: {
      commitmentId: c.id,
      mentionId: mention.id,
      fromDueOn: c.dueOn,
      fromPrecision,
      toDueOn: mention.dueOn,
      toPrecision: mention.precision,
      // Never null here: the dates differ (checked above).
      kind: dueChangeKind(c.dueOn, mention.dueOn) ?? "slip",
      statedOn: stated,
      at: now,
    },
  });
  const skipped = c.dueOn === null ? 0 : await skipRemindersFor(tx, c.id, c.dueOn, now);
  const notices = await planMovedNotices(tx, { ...c, dueOn: mention.dueOn }, dueChange, now, input.engine);
  return { dueChange, notices, skipped };
}


const REMINDER_KINDS = ["before", "due", "overdue"];

/** Reminders planned for the old date will not go out: skipped, with the reason. */
async function skipRemindersFor(tx: Tx, commitmentId: number, oldDueOn: string, now: Date): Promise<number> {
  const { count } = await tx.delivery.updateMany({
    where: { commitmentId, dueOn: oldDueOn, kind: { in: REMINDER_KINDS }, state: { in: ["pending", "failed"] } },
    data: { state: "skipped", skipReason: "deadline moved", updatedAt: now },
  });
  return count;
}

/**
 * One "moved" row per chat that follows the commitment (src/chats/followers-of.ts's rule), due
 * now but out of the chat's quiet hours, keyed "mv:<chat>:<dueChange>" (planned once).
 */
async function planMovedNotices(tx: Tx, c: Commitment, change: DueChange, now: Date, engine: DbEngine): Promise<number> {
  const chats = await tx.$queryRaw<{ id: bigint | number; timeZone: string; quietStart: number | bigint | null; quietEnd: number | bigint | null }[]>`
    SELECT DISTINCT ch.id, ch."timeZone", ch."quietStart", ch."quietEnd" FROM (${followsReaching(c, engine)}) AS f
    JOIN "Chat" ch ON ch.id = f."chatId"
    WHERE ch.active = TRUE AND ch."migratedToId" IS NULL`;
  if (chats.length === 0) return 0;
  const num = (v: number | bigint | null): number | null => (v === null ? null : Number(v));
  const { count } = await tx.delivery.createMany({
    data: chats.map((chat) => ({
      key: `mv:${chat.id}:${change.id}`,
      chatId: BigInt(chat.id),
      commitmentId: c.id,
      kind: "moved",
      offsetDays: 0,
      dueOn: change.toDueOn,
      dueChangeId: change.id,
      notBefore: outOfQuietHours(now, chat.timeZone, { start: num(chat.quietStart), end: num(chat.quietEnd) }),
      createdAt: now,
      updatedAt: now,
    })),
  });
  return count;
}
