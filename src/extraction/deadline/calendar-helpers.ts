/** Period arithmetic used by several parsers: next occurrences, quarters, seasons. */
import { addCalendarDays, compareDates, endOfMonth, makeDate, weekdayIndex, type CalendarDate } from "../../calendar.ts";
import type { Season } from "./words.js";

/** The next (month, day) on or after `ref`; Feb 29 moves to the next leap year. Null if the day never exists. */
export function nextDayOccurrence(month: number, day: number, ref: CalendarDate): CalendarDate | null {
  for (let y = ref.year; y < ref.year + 9; y++) {
    const d = makeDate(y, month, day);
    if (d && compareDates(d, ref) >= 0) return d;
  }
  return null;
}

/** Year of the next `month` whose last day is on or after `ref` ("in August" said in August is this August). */
export function nextMonthYear(month: number, ref: CalendarDate): number {
  return month >= ref.month ? ref.year : ref.year + 1;
}

export function quarterEnd(quarter: number, year: number): CalendarDate {
  return endOfMonth(year, quarter * 3);
}

export function quarterStart(quarter: number, year: number): CalendarDate {
  return { year, month: quarter * 3 - 2, day: 1 };
}

/** Year of the next quarter `q` whose end is on or after `ref`. */
export function nextQuarterYear(quarter: number, ref: CalendarDate): number {
  return compareDates(quarterEnd(quarter, ref.year), ref) >= 0 ? ref.year : ref.year + 1;
}

export function quarterOf(d: CalendarDate): number {
  return Math.ceil(d.month / 3);
}

/** Spring ends May 31, summer Aug 31, autumn Nov 30; winter `year` runs Dec `year` to Feb `year + 1`. */
export function seasonEnd(season: Season, year: number): CalendarDate {
  switch (season) {
    case "spring": return endOfMonth(year, 5);
    case "summer": return endOfMonth(year, 8);
    case "autumn": return endOfMonth(year, 11);
    case "winter": return endOfMonth(year + 1, 2);
  }
}

export function seasonStart(season: Season, year: number): CalendarDate {
  const month = { spring: 3, summer: 6, autumn: 9, winter: 12 }[season];
  return { year, month, day: 1 };
}

/** The season `ref` falls in, as (season, season-year). */
export function currentSeason(ref: CalendarDate): { season: Season; year: number } {
  const m = ref.month;
  if (m <= 2) return { season: "winter", year: ref.year - 1 };
  if (m <= 5) return { season: "spring", year: ref.year };
  if (m <= 8) return { season: "summer", year: ref.year };
  if (m <= 11) return { season: "autumn", year: ref.year };
  return { season: "winter", year: ref.year };
}

/**
 * Season-year for "this autumn" (the reference year's; winter in Jan/Feb is the one under way),
 * "next spring" (the first whose start is after `ref`), or a bare "in spring" (the first that has
 * not ended yet).
 */
export function seasonYear(season: Season, ref: CalendarDate, which: "this" | "next" | "bare"): number {
  if (which === "this") return season === "winter" && ref.month <= 2 ? ref.year - 1 : ref.year;
  for (let y = ref.year - 1; y <= ref.year + 2; y++) {
    if (which === "next" && compareDates(seasonStart(season, y), ref) > 0) return y;
    if (which === "bare" && compareDates(seasonEnd(season, y), ref) >= 0) return y;
  }
  return ref.year + 1;
}

/** Sunday of the week holding `ref`, plus `weeks` weeks (weeks run Monday to Sunday). */
export function endOfWeek(ref: CalendarDate, weeks: number): CalendarDate {
  return addCalendarDays(ref, 6 - weekdayIndex(ref) + 7 * weeks);
}
