// The deadline in force of a commitment with several reports (issue 9): the latest statement wins.
import { daysBetween, todayIn, type IsoDate } from "../calendar.ts";
import type { Db } from "../db/client.ts";
import type { Commitment, Mention, StatusChange } from "../generated/prisma/client.ts";
import { isPending } from "./statuses.ts";

/** A transaction's client (what db.$transaction hands its callback). */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** What latestStatement weighs of a report, and all ingest, merge and split read of it for that. */
export type Statement = Pick<Mention, "id" | "dueOn" | "precision" | "dueText" | "publishedOn" | "createdAt" | "withdrawnAt">;
const STATEMENT_FIELDS = { id: true, dueOn: true, precision: true, dueText: true, publishedOn: true, createdAt: true, withdrawnAt: true } as const;

/** A commitment's reports, as statements (withdrawn ones included: latestStatement decides). */
export function statementsOf(tx: Tx, commitmentId: number): Promise<Statement[]> {
  return tx.mention.findMany({ where: { commitmentId }, select: STATEMENT_FIELDS });
}

/**
 * The day a mention made its statement: its publication date, else the day it was read
 * (Mention.createdAt: its creation, or the re-read that last changed its date), in Asia/Almaty.
 * The one measure of "latest" for ingest (add-mention.ts) and for merges and splits (below).
 */
export function statementDay(mention: Pick<Mention, "publishedOn" | "createdAt">): IsoDate {
  return mention.publishedOn ?? todayIn(STATEMENT_TIME_ZONE, mention.createdAt);
}

/** Whether `a` is a later statement than `b`: a later statement day, or the same day and read later (a higher id). */
export function statedAfter(a: Pick<Mention, "id" | "publishedOn" | "createdAt">, b: Pick<Mention, "id" | "publishedOn" | "createdAt">): boolean {
  const dayA = statementDay(a);
  const dayB = statementDay(b);
  return dayA > dayB || (dayA === dayB && a.id > b.id);
}

/**
 * The mention whose deadline is in force: among the mentions still in their sources, the latest
 * that states a date (statedAfter). A report without a date never undates a commitment. When no
 * mention states a date, the oldest mention (the one the commitment was created from). Null
 * without mentions.
 */
export function latestStatement<M extends Statement>(mentions: readonly M[]): M | null {
  const live = mentions.filter((m) => m.withdrawnAt === null);
  const pool = live.length > 0 ? live : [...mentions];
  const dated = pool.filter((m) => m.dueOn !== null);
  if (dated.length === 0) return pool.reduce<M | null>((oldest, m) => (oldest === null || m.id < oldest.id ? m : oldest), null);
  return dated.reduce((latest, m) => (statedAfter(m, latest) ? m : latest));
}

/** An admin's latest /postpone of the commitment, or null. */
export function latestPostponement(tx: Tx, commitmentId: number): Promise<StatusChange | null> {
  return tx.statusChange.findFirst({ where: { commitmentId, toStatus: "postponed" }, orderBy: [{ at: "desc" }, { id: "desc" }] });
}

/**
 * Whether a postponement outranks a statement: it counts as a statement made on its day
 * (Almaty), after any report of that day, so only a report stated on a later day supersedes it.
 */
export function postponementStands(postponement: Pick<StatusChange, "at">, statement: Pick<Mention, "publishedOn" | "createdAt">): boolean {
  return statementDay(statement) <= todayIn(STATEMENT_TIME_ZONE, postponement.at);
}

/** slip (later), pull-in (earlier) or dated (had none); null when the date did not move. */
export function dueChangeKind(from: string | null, to: string | null): "slip" | "pull-in" | "dated" | null {
  if (to === null || from === to) return null;
  if (from === null) return "dated";
  return daysBetween(from, to) > 0 ? "slip" : "pull-in";
}

export interface RecomputedDue {
  before: Pick<Commitment, "extractedDueOn" | "precision" | "dueOn">;
  after: Pick<Commitment, "extractedDueOn" | "precision" | "dueOn">;
  /** The mention now in force (null when the commitment has no mentions: nothing was changed). */
  statement: Statement | null;
}

/** The zone in which an admin's decision and an undated article's "today" are dated (here and in add-mention.ts). */
export const STATEMENT_TIME_ZONE = "Asia/Almaty";

/**
 * Sets a commitment's stated deadline (extractedDueOn, precision, dueText) from its mentions'
 * latest statement, and the date in force (dueOn) by the rule ingest applies to a new report: the
 * latest statement wins, an admin's /postpone counting as a statement made on its day. So a
 * postponement stays in force unless a report published after that day states a date; a closed
 * commitment (done, missed, cancelled) keeps its date.
 */
export async function recomputeDue(tx: Tx, commitmentId: number): Promise<RecomputedDue> {
  const c = await tx.commitment.findUniqueOrThrow({ where: { id: commitmentId } });
  const mentions = await statementsOf(tx, commitmentId);
  const before = { extractedDueOn: c.extractedDueOn, precision: c.precision, dueOn: c.dueOn };
  const statement = latestStatement(mentions);
  if (!statement) return { before, after: before, statement: null };
  const postponement = await latestPostponement(tx, commitmentId);
  let dueOn = statement.dueOn;
  if (!isPending(c.status)) dueOn = c.dueOn;
  else if (postponement && (statement.dueOn === null || postponementStands(postponement, statement))) dueOn = postponement.toDueOn;
  const after = { extractedDueOn: statement.dueOn, precision: statement.precision, dueOn };
  if (after.extractedDueOn !== before.extractedDueOn || after.precision !== before.precision || after.dueOn !== before.dueOn || statement.dueText !== c.dueText) {
    await tx.commitment.update({ where: { id: commitmentId }, data: { ...after, dueText: statement.dueText } });
  }
  return { before, after, statement };
}

/**
 * Gives a commitment that has no mention its first one, from its own fields (what the
 * 20261125200000_mentions migration did for every commitment then). Commitments stored by an
 * ingest that predates mentions are healed the first time a merge touches them.
 */
export async function ensureFirstMention(tx: Tx, c: Commitment): Promise<void> {
  if ((await tx.mention.count({ where: { commitmentId: c.id } })) > 0) return;
  const taken = await tx.mention.findUnique({ where: { sourceId_key: { sourceId: c.sourceId, key: c.key } }, select: { id: true } });
  if (taken) return;
  await tx.mention.create({
    data: {
      commitmentId: c.id, sourceId: c.sourceId, key: c.key, article: c.article, publishedOn: c.publishedOn, quote: c.quote,
      quoteStart: c.quoteStart, quoteEnd: c.quoteEnd, dueText: c.dueText, dueOn: c.extractedDueOn, precision: c.precision,
      responsible: c.responsible, body: c.body, via: "first", withdrawnAt: c.withdrawnAt, createdAt: c.createdAt,
    },
  });
}
