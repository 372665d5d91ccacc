/**
 * Deadline windows. A due date with its precision stands for a window: "by the end of 2025" (year)
 * is any day of 2025, "in March 2026" (month) any day of March, "by 31 December 2025" (day) that day.
 * Two reports of one commitment agree when their windows overlap; a restatement may also move the
 * date, and a move further than MAX_DUE_SHIFT_DAYS is taken to be another commitment.
 */
import { daysBetween, isIsoDate, makeIsoDate } from "../calendar.ts";
import type { Precision } from "../extraction/types.ts";
import type { DateRelation } from "./types.ts";

/**
 * Largest gap between two deadline windows that a restatement may make, in days. Slips in the news
 * we read are a quarter ("December" -> "the first quarter", +90) to a year (EXPO facilities "this
 * autumn" -> "in 2017"; gas master plan "2020" -> "2021"); two dates further apart than a year are,
 * in the corpora, different stages of one programme ("by 2025 ... by 2030"), which must stay apart.
 * A year-precision window already spans the year, so "by 2025" and "by 2026" are 1 day apart.
 */
export const MAX_DUE_SHIFT_DAYS = 366;

/** Days a date moved before the score starts to pay for it; a quarter is the common slip. */
export const FREE_SHIFT_DAYS = 92;

const WINDOW_MONTHS: Readonly<Record<Precision, number>> = { day: 0, month: 1, quarter: 3, season: 3, year: 12, vague: 0 };

/** [start, end] of the deadline window as "YYYY-MM-DD", or null for an undated or vague deadline. */
export function dueWindow(due: string | null, precision: Precision): [string, string] | null {
  if (!due || precision === "vague" || !/^\d{4}-\d{2}-\d{2}$/.test(due)) return null;
  if (!isIsoDate(due)) return null;
  const months = WINDOW_MONTHS[precision];
  if (months === 0) return [due, due];
  // The first day of the month `months - 1` months before the due date's month.
  const monthIndex = Number(due.slice(0, 4)) * 12 + Number(due.slice(5, 7)) - 1 - (months - 1);
  const start = makeIsoDate(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1) as string;
  return [start, due];
}

/** Days between two windows: 0 when they overlap, otherwise from the end of one to the start of the other. */
export function windowGapDays(a: [string, string], b: [string, string]): number {
  const [first, second] = a[0] <= b[0] ? [a, b] : [b, a];
  if (second[0] <= first[1]) return 0;
  return daysBetween(first[1], second[0]);
}

/** How two deadlines relate, and the gap in days between their windows (null when one is undated). */
export function dateRelation(
  a: { due: string | null; precision: Precision },
  b: { due: string | null; precision: Precision },
): { relation: DateRelation; gapDays: number | null } {
  const wa = dueWindow(a.due, a.precision);
  const wb = dueWindow(b.due, b.precision);
  if (!wa || !wb) return { relation: "undated", gapDays: null };
  const gap = windowGapDays(wa, wb);
  if (gap === 0) return { relation: "same-window", gapDays: 0 };
  return { relation: gap <= MAX_DUE_SHIFT_DAYS ? "moved" : "too-far", gapDays: gap };
}
