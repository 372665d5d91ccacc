/**
 * Ten-day periods of a month, common in texts translated from Russian ("в первой декаде
 * декабря"): "in the first ten days of December", "by the second decade of March 2026", "in the
 * last ten days of June". Due: the period's last day (the 10th, the 20th, the month's last day);
 * precision: day. With no year, the next such period that has not ended.
 */
import { compareDates, endOfMonth, type CalendarDate } from "../../calendar.ts";
import { CORE } from "./core-words.js";
import { BY_PREP, FROM_PREP, prepositionInfo, type DeadlineParser } from "./types.js";
import { MONTH_SRC, YEAR_SRC, monthNumber } from "./words.js";

const PREP = `(?:(${BY_PREP}|${FROM_PREP}|in|during|within)\\s+)?`;

function periodEnd(part: number, year: number, month: number): CalendarDate {
  return part === 3 ? endOfMonth(year, month) : { year, month, day: part * 10 };
}

export const tenDayParsers: DeadlineParser[] = [
  {
    name: "ten-days",
    pattern: new RegExp(`\\b${PREP}the\\s+(first|second|third|last|final)\\s+(?:ten\\s+days|10\\s+days|decade)\\s+of\\s+(${MONTH_SRC})(?:,?\\s+(?:of\\s+)?${YEAR_SRC})?`, "gi"),
    // The preposition 3 words, then "the first ten days of" 5 ("10 days" is 2 as well).
    anchor: { core: CORE.MONTH, wordsBefore: 3 + 5 },
    extract: (m) => {
      const month = monthNumber(m[3] ?? "");
      if (month === null) return null;
      const word = (m[2] ?? "").toLowerCase();
      const part = word === "first" ? 1 : word === "second" ? 2 : 3;
      const fixedYear = m[4] ? Number(m[4]) : null;
      const info = prepositionInfo(m[1]);
      return {
        precision: "day", role: info.role, strength: info.strength, relative: fixedYear === null,
        compute(ref) {
          let year = fixedYear;
          if (year === null) {
            if (!ref) return null;
            year = compareDates(periodEnd(part, ref.year, month), ref) >= 0 ? ref.year : ref.year + 1;
          }
          const last = periodEnd(part, year, month);
          return { due: info.role === "start" ? { year, month, day: part * 10 - 9 } : last, periodEnd: last };
        },
      };
    },
  },
];
