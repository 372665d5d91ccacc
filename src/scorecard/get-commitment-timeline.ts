import { daysBetween, todayIn, type IsoDate } from "../calendar.ts";
import type { Db } from "../db/client.ts";

/** One statement of a commitment's deadline, oldest first. */
export interface TimelineStep {
  /** first: the earliest report; slip / pull-in / dated: a later report (DueChange); postponed: an admin's /postpone. */
  kind: "first" | "slip" | "pull-in" | "dated" | "postponed";
  /** The day it was stated (publication date, or the day of the change in the government's zone); null when unknown. */
  on: IsoDate | null;
  /** The due date stated; null for an undated statement. */
  dueOn: IsoDate | null;
  precision: string;
}

export interface CommitmentTimeline {
  id: number;
  title: string;
  body: string | null;
  status: string;
  /** The due date in force and its precision as stated. */
  dueOn: IsoDate | null;
  precision: string;
  /** The scorecard's first stated date (compute-scorecard.ts). */
  firstDueOn: IsoDate | null;
  steps: TimelineStep[];
  /** When it was closed (the latest change to done, missed or cancelled), as a day; null while pending. */
  closed: { status: string; on: IsoDate } | null;
  /** Due in force - first stated, in days, when the date moved; null when it did not or either is missing. */
  slipDays: number | null;
  /** Set when the asked-for commitment was merged into this one (/merge): its id. */
  mergedFromId: number | null;
}

const CLOSING = new Set(["done", "missed", "cancelled"]);

/**
 * The date history of commitment `id` (following a merge to the commitment it joined), or null when
 * there is none. Days of instants are taken in `timeZone` (the government's).
 */
export async function getCommitmentTimeline(db: Db, id: number, timeZone: string): Promise<CommitmentTimeline | null> {
  let commitment = await db.commitment.findUnique({ where: { id } });
  let mergedFromId: number | null = null;
  if (commitment?.mergedIntoId != null) {
    mergedFromId = commitment.id;
    commitment = await db.commitment.findUnique({ where: { id: commitment.mergedIntoId } });
  }
  if (!commitment) return null;
  const [mentions, dueChanges, statusChanges] = await Promise.all([
    db.mention.findMany({
      where: { commitmentId: commitment.id, withdrawnAt: null },
      select: { id: true, publishedOn: true, dueOn: true, precision: true },
    }),
    db.dueChange.findMany({ where: { commitmentId: commitment.id }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    db.statusChange.findMany({ where: { commitmentId: commitment.id }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
  ]);
  // Earliest by publication (undated publications last), then id: as the scorecard reads them.
  mentions.sort((a, b) => comparePublished(a.publishedOn, b.publishedOn) || a.id - b.id);
  const first = mentions[0];
  const firstDated = mentions.find((m) => m.dueOn !== null);
  const firstDueOn = firstDated?.dueOn ?? commitment.extractedDueOn;
  const dayOf = (at: Date): IsoDate => todayIn(timeZone, at);
  const steps: TimelineStep[] = [
    first
      ? { kind: "first", on: first.publishedOn ?? commitment.publishedOn, dueOn: first.dueOn, precision: first.precision }
      : { kind: "first", on: commitment.publishedOn, dueOn: commitment.extractedDueOn, precision: commitment.precision },
  ];
  const later: (TimelineStep & { at: number })[] = [
    ...dueChanges.map((d) => ({
      kind: (d.kind === "slip" || d.kind === "pull-in" ? d.kind : "dated") as TimelineStep["kind"],
      on: d.statedOn ?? dayOf(d.at),
      dueOn: d.toDueOn,
      precision: d.toPrecision,
      at: d.at.getTime(),
    })),
    ...statusChanges
      .filter((s) => s.toStatus === "postponed")
      .map((s) => ({ kind: "postponed" as const, on: dayOf(s.at), dueOn: s.toDueOn, precision: "day", at: s.at.getTime() })),
  ];
  later.sort((a, b) => (a.on ?? "").localeCompare(b.on ?? "") || a.at - b.at);
  steps.push(...later.map(({ at: _at, ...step }) => step));
  const closing = [...statusChanges].reverse().find((s) => CLOSING.has(s.toStatus));
  const closed = CLOSING.has(commitment.status) && closing ? { status: commitment.status, on: dayOf(closing.at) } : null;
  const moved = later.some((s) => s.kind !== "dated");
  const slipDays = moved && firstDueOn && commitment.dueOn ? daysBetween(firstDueOn, commitment.dueOn) : null;
  // The precision in force: a postponement names a day; otherwise the latest statement's.
  const precision = steps.at(-1)?.precision ?? commitment.precision;
  return {
    id: commitment.id,
    title: commitment.title,
    body: commitment.body,
    status: commitment.status,
    dueOn: commitment.dueOn,
    precision,
    firstDueOn,
    steps,
    closed,
    slipDays,
    mergedFromId,
  };
}

function comparePublished(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
