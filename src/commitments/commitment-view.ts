import { daysBetween, MONTH_LONG, MONTH_SHORT, type IsoDate } from "../calendar.ts";
import type { Commitment } from "../generated/prisma/client.ts";
import type { DisplayStatus, StoredStatus } from "./statuses.ts";
import { isPending } from "./statuses.ts";
import { decodeTopics } from "./topics.ts";

/** The fields the view helpers need (any commitment row has them). */
export type ViewableCommitment = Pick<Commitment, "status" | "dueOn" | "extractedDueOn" | "precision">;

/**
 * "overdue" for an open or postponed commitment whose due date is before `today` (a date in the
 * government's time zone: todayIn(config.defaultTimeZone, clock.now())); else the stored status.
 */
export function displayStatus(c: Pick<Commitment, "status" | "dueOn">, today: IsoDate): DisplayStatus {
  if (isPending(c.status) && c.dueOn !== null && c.dueOn < today) return "overdue";
  return c.status as StoredStatus;
}

/**
 * Days from `today` to the due date: positive = days left, 0 = due today, negative = days overdue.
 * Null when the commitment has no due date or is closed (done, missed, cancelled).
 */
export function daysLeft(c: Pick<Commitment, "status" | "dueOn">, today: IsoDate): number | null {
  if (c.dueOn === null || !isPending(c.status)) return null;
  return daysBetween(today, c.dueOn);
}

/** "in 12 days", "tomorrow", "due today", "1 day overdue", "40 days overdue"; "" for null. */
export function describeDaysLeft(days: number | null): string {
  if (days === null) return "";
  if (days === 0) return "due today";
  if (days === 1) return "tomorrow";
  if (days > 1) return `in ${days} days`;
  return days === -1 ? "1 day overdue" : `${-days} days overdue`;
}

/**
 * A due date as precise as it was given: "31 Mar 2026" (day), "March 2026" (month), "Q1 2026"
 * (quarter), "2026" (year), "autumn 2025" / "winter 2025/26" (season; the date is the season's
 * last day). Null date: "no date".
 */
export function formatDue(date: IsoDate | null, precision: string): string {
  if (date === null) return "no date";
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  switch (precision) {
    case "month":
      return `${MONTH_LONG[month - 1]} ${year}`;
    case "quarter":
      return `Q${Math.ceil(month / 3)} ${year}`;
    case "year":
      return String(year);
    case "season":
      return formatSeason(year, month);
    default:
      return `${day} ${MONTH_SHORT[month - 1]} ${year}`;
  }
}

function formatSeason(year: number, month: number): string {
  if (month <= 2) return `winter ${year - 1}/${String(year).slice(2)}`;
  if (month === 12) return `winter ${year}/${String(year + 1).slice(2)}`;
  if (month <= 5) return `spring ${year}`;
  if (month <= 8) return `summer ${year}`;
  return `autumn ${year}`;
}

/**
 * The due date in force as a person reads it. A postponed date is always a day; otherwise the
 * extracted precision applies.
 */
export function dueLabel(c: ViewableCommitment): string {
  const precision = c.dueOn !== c.extractedDueOn ? "day" : c.precision;
  return formatDue(c.dueOn, precision);
}

export interface CommitmentView<C extends ViewableCommitment = Commitment> {
  commitment: C;
  status: DisplayStatus;
  /** See daysLeft. */
  daysLeft: number | null;
  /** "in 12 days", "3 days overdue", "" */
  daysText: string;
  /** "31 Mar 2026", "Q1 2026", "no date" */
  due: string;
  topics: string[];
}

/** Everything a list line or a card shows, derived for `today`. */
export function viewCommitment<C extends ViewableCommitment & Pick<Commitment, "topics">>(
  c: C,
  today: IsoDate,
): CommitmentView<C> {
  const days = daysLeft(c, today);
  return {
    commitment: c,
    status: displayStatus(c, today),
    daysLeft: days,
    daysText: describeDaysLeft(days),
    due: dueLabel(c),
    topics: decodeTopics(c.topics),
  };
}
