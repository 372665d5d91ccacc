// The scorecard of issue 9: per responsible body, how the government kept its word. Pure: rows in,
// counts out; the clock and the zone are arguments. The definitions, as the README states them:
//
// - Counted: commitments that are not withdrawn (still in their source) and not merged into
//   another (their mentions count on the commitment they were merged into). Body: the canonical
//   responsible body (Commitment.body); commitments naming none are one group, body null.
// - First stated date: the due date of the earliest mention that gives one, by publication date
//   (then mention id; mentions without a publication date come last, withdrawn mentions are not
//   read); a commitment without such a mention uses its extractedDueOn. Due dates are stored as
//   the last day of their period ("by Q1 2026" = 2026-03-31, "in 2026" = 2026-12-31), so the
//   "end of the first stated date" is that day.
// - Done on time: status done, and the day of its latest change to done (StatusChange.at, as a day
//   in the government's time zone) is on or before the first stated date. Done late: after it.
//   A done commitment with no first stated date, or no recorded change to done, is neither.
// - Missed: status missed. Open and overdue: open or postponed and the due date in force (dueOn)
//   before today, as /list and /overdue derive "overdue".
// - Moved: at least one DueChange that moved a date (slip or pull-in; "dated", an undated
//   commitment getting its first date, is not a move), or at least one postponement
//   (a StatusChange to postponed).
// - Median slip: over moved commitments that have both dates, the median of (due date in force -
//   first stated date) in days; negative for a pull-in; null when there is none.
// - Undated commitments (no first stated date) are tracked, and can be missed, overdue never,
//   on time or late never.
import { daysBetween, todayIn, type IsoDate } from "../calendar.ts";

/** One counted commitment, as loadScorecardRows reads it. */
export interface ScorecardRow {
  id: number;
  body: string | null;
  status: string;
  /** The due date in force. */
  dueOn: IsoDate | null;
  /** See the definitions above: the earliest stated due date (or extractedDueOn). */
  firstDueOn: IsoDate | null;
  /** The latest change to done; null when none is recorded. */
  doneAt: Date | null;
  moved: boolean;
}

export interface BodyScore {
  /** The canonical body; null for commitments that name none. */
  body: string | null;
  tracked: number;
  /** Tracked commitments with a first stated date. */
  dated: number;
  onTime: number;
  late: number;
  /** Done, whether judged on time, late, or neither (see the definitions). */
  done: number;
  missed: number;
  overdue: number;
  /** Open or postponed and not overdue. */
  open: number;
  cancelled: number;
  moved: number;
  /** Median of (due in force - first stated) in days over moved commitments; null when none. */
  medianSlipDays: number | null;
}

export interface Scorecard {
  /** The day "overdue" was judged on, in the government's time zone. */
  today: IsoDate;
  timeZone: string;
  /** Every body, most tracked first (then by name; the unnamed group last among equals). */
  bodies: BodyScore[];
  /** All counted commitments together. */
  total: BodyScore;
}

interface Tally extends Omit<BodyScore, "medianSlipDays"> {
  slips: number[];
}

function emptyTally(body: string | null): Tally {
  return { body, tracked: 0, dated: 0, onTime: 0, late: 0, done: 0, missed: 0, overdue: 0, open: 0, cancelled: 0, moved: 0, slips: [] };
}

/** The middle value (mean of the two middle ones for an even count); null for none. Sorts `values`. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/**
 * The day of an instant in `timeZone`, remembered per quarter hour: every zone's offset is a
 * multiple of 15 minutes, so all instants of one quarter hour fall on the same local day, and
 * 100,000 done dates cost a few thousand Intl calls instead of 100,000.
 */
function createDayOf(timeZone: string): (at: Date) => IsoDate {
  const cache = new Map<number, IsoDate>();
  return (at) => {
    const bucket = Math.floor(at.getTime() / 900_000);
    let day = cache.get(bucket);
    if (day === undefined) {
      day = todayIn(timeZone, at);
      cache.set(bucket, day);
    }
    return day;
  };
}

function add(t: Tally, row: ScorecardRow, today: IsoDate, dayOf: (at: Date) => IsoDate): void {
  t.tracked++;
  if (row.firstDueOn !== null) t.dated++;
  switch (row.status) {
    case "done":
      t.done++;
      if (row.firstDueOn !== null && row.doneAt !== null) {
        if (dayOf(row.doneAt) <= row.firstDueOn) t.onTime++;
        else t.late++;
      }
      break;
    case "missed":
      t.missed++;
      break;
    case "cancelled":
      t.cancelled++;
      break;
    default:
      // open and postponed: overdue is derived as displayStatus does.
      if (row.dueOn !== null && row.dueOn < today) t.overdue++;
      else t.open++;
  }
  if (row.moved) {
    t.moved++;
    if (row.firstDueOn !== null && row.dueOn !== null) t.slips.push(daysBetween(row.firstDueOn, row.dueOn));
  }
}

function finish(t: Tally): BodyScore {
  const { slips, ...counts } = t;
  return { ...counts, medianSlipDays: median(slips) };
}

/** The scorecard of `rows` (counted commitments) on the day `now` is in `timeZone`. */
export function computeScorecard(rows: Iterable<ScorecardRow>, now: Date, timeZone: string): Scorecard {
  const today = todayIn(timeZone, now);
  const dayOf = createDayOf(timeZone);
  const byBody = new Map<string | null, Tally>();
  const total = emptyTally(null);
  for (const row of rows) {
    let tally = byBody.get(row.body);
    if (!tally) {
      tally = emptyTally(row.body);
      byBody.set(row.body, tally);
    }
    add(tally, row, today, dayOf);
    add(total, row, today, dayOf);
  }
  const bodies = [...byBody.values()].map(finish).sort(byTrackedThenName);
  return { today, timeZone, bodies, total: finish(total) };
}

function byTrackedThenName(a: BodyScore, b: BodyScore): number {
  if (a.tracked !== b.tracked) return b.tracked - a.tracked;
  if (a.body === null || b.body === null) return a.body === null ? 1 : -1;
  return a.body < b.body ? -1 : a.body > b.body ? 1 : 0;
}
