// The scorecard of issue 9: per responsible body, how the government kept its word. Pure: the
// database's counts in, the scorecard out; the clock and the zone are arguments. The definitions, as the README states them:
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
// - Undated: no due date in force. Undated commitments are tracked and can be done, missed or
//   cancelled, but are never overdue, and a done one without a first stated date is neither on
//   time nor late.
//
// The counting is done by the database (load-scorecard-facts.ts): what comes back is a few rows
// per body, so the work here does not grow with the number of commitments, except for done
// commitments whose UTC done day is their first stated day or the next (the zone decides those).
import { todayIn, type IsoDate } from "../calendar.ts";
import type { BodyCounts, ScorecardFacts } from "./load-scorecard-facts.ts";

export interface BodyScore extends BodyCounts {
  onTime: number;
  late: number;
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
  /** All counted commitments together (body null). */
  total: BodyScore;
}

/** The middle value (mean of the two middle ones for an even count) of a histogram; null for none. */
export function medianOfCounts(histogram: ReadonlyMap<number, number>): number | null {
  const values = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = values.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  // The value at 0-based rank k.
  const at = (k: number): number => {
    let seen = 0;
    for (const [value, n] of values) {
      seen += n;
      if (k < seen) return value;
    }
    return values.at(-1)![0];
  };
  const mid = total >> 1;
  return total % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/**
 * The day of an instant in `timeZone`, remembered per quarter hour: every zone's offset is a
 * multiple of 15 minutes, so all instants of one quarter hour fall on the same local day.
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

interface Tally {
  score: BodyScore;
  slips: Map<number, number>;
}

function emptyScore(body: string | null): BodyScore {
  return { body, tracked: 0, undated: 0, done: 0, onTime: 0, late: 0, missed: 0, cancelled: 0, overdue: 0, open: 0, moved: 0, medianSlipDays: null };
}

const COUNT_KEYS = ["tracked", "undated", "done", "missed", "cancelled", "overdue", "open"] as const;

/**
 * The scorecard from the database's facts, judged on the day `now` is in `timeZone` (the zone
 * must be the one `facts` were loaded for: its today decided "overdue").
 */
export function computeScorecard(facts: ScorecardFacts, now: Date, timeZone: string): Scorecard {
  const today = todayIn(timeZone, now);
  const dayOf = createDayOf(timeZone);
  const tallies = new Map<string | null, Tally>();
  const total: Tally = { score: emptyScore(null), slips: new Map() };
  const tally = (body: string | null): Tally => {
    let t = tallies.get(body);
    if (!t) tallies.set(body, (t = { score: emptyScore(body), slips: new Map() }));
    return t;
  };
  for (const c of facts.counts) {
    for (const t of [tally(c.body), total]) for (const key of COUNT_KEYS) t.score[key] += c[key];
  }
  for (const v of facts.verdicts) {
    for (const t of [tally(v.body), total]) {
      t.score.onTime += v.onTime;
      t.score.late += v.late;
    }
  }
  for (const e of facts.edges) {
    const onTime = dayOf(e.doneAt) <= e.firstDueOn;
    for (const t of [tally(e.body), total]) t.score[onTime ? "onTime" : "late"]++;
  }
  for (const s of facts.slips) {
    for (const t of [tally(s.body), total]) {
      t.score.moved += s.count;
      if (s.slipDays !== null) t.slips.set(s.slipDays, (t.slips.get(s.slipDays) ?? 0) + s.count);
    }
  }
  const finish = (t: Tally): BodyScore => ({ ...t.score, medianSlipDays: medianOfCounts(t.slips) });
  const bodies = [...tallies.values()].map(finish).sort(byTrackedThenName);
  return { today, timeZone, bodies, total: finish(total) };
}

function byTrackedThenName(a: BodyScore, b: BodyScore): number {
  if (a.tracked !== b.tracked) return b.tracked - a.tracked;
  if (a.body === null || b.body === null) return a.body === null ? 1 : -1;
  return a.body < b.body ? -1 : a.body > b.body ? 1 : 0;
}
