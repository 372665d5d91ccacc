/**
 * Months: "by March 2026", "in March 2026", "from July 2025 onwards", "by the end of March of
 * next year", and a month with no year: "in August", "by August" (the next August whose last
 * day is on or after the reference). Precision: month.
 *
 * Due date: the month's last day; for "from/starting" and "the beginning of" the month's first day.
 */
import { endOfMonth, type CalendarDate } from "../../calendar.ts";
import { nextMonthYear } from "./calendar-helpers.js";
import { CORE } from "./core-words.js";
import { BY_PREP, FROM_PREP, ONWARDS_SRC, SCHEDULE_PREP, prepositionInfo, type DeadlineParser, type DeadlineSpec } from "./types.js";
import { MONTH_SRC, YEAR_SRC, monthNumber } from "./words.js";

const PREP = `(?:(${BY_PREP}|${FROM_PREP}|in|during|throughout|for|${SCHEDULE_PREP})\\s+)?(?:the\\s+)?`;
const PART = "(?:(end|close|beginning|start|middle)\\s+of\\s+|(early|late|mid)[-\\s]+)?";
/**
 * Anchor (see DeadlineParser.anchor) of PREP PART MONTH: PREP holds at most 3 + 1 word starts
 * ("no later than the"), PART 2 ("end of"); both end in whitespace or "-", so the month starts a word.
 */
const PREP_PART_MONTH = { core: CORE.MONTH, wordsBefore: 4 + 2 };

function spec(prep: string | undefined, part: string | undefined, month: number | null, yearOf: (ref: CalendarDate | null) => number | null, relative: boolean): DeadlineSpec | null {
  if (month === null) return null;
  // A month with neither a preposition nor a part ("March 2026 saw ...") is a mention, not a deadline.
  const info = prepositionInfo(prep);
  const first = info.role === "start" || part === "beginning" || part === "start";
  return {
    precision: "month", role: info.role, strength: part === "end" ? 3 : info.strength, relative,
    compute(ref) {
      const year = yearOf(ref);
      if (year === null) return null;
      const last = endOfMonth(year, month);
      return { due: first ? { year, month, day: 1 } : last, periodEnd: last };
    },
  };
}

const partOf = (m: RegExpExecArray): string | undefined => (m[2] ?? m[3])?.toLowerCase();

export const monthParsers: DeadlineParser[] = [
  {
    name: "month-year",
    pattern: new RegExp(`\\b${PREP}${PART}(${MONTH_SRC})(?:\\s+of)?,?\\s+${YEAR_SRC}\\b(?!-\\d)${ONWARDS_SRC}`, "gi"),
    anchor: PREP_PART_MONTH,
    extract: (m) => {
      if (!m[1] && !partOf(m)) return null;
      const year = Number(m[5]);
      return spec(m[1], partOf(m), monthNumber(m[4] ?? ""), () => year, false);
    },
  },
  {
    name: "month-relative-year",
    pattern: new RegExp(`\\b${PREP}${PART}(${MONTH_SRC})(?:\\s+of)?\\s+(this|next|the current|the following|the coming) year${ONWARDS_SRC}`, "gi"),
    anchor: PREP_PART_MONTH,
    extract: (m) => {
      const plus = /this|current/i.test(m[5] ?? "") ? 0 : 1;
      return spec(m[1], partOf(m), monthNumber(m[4] ?? ""), (ref) => (ref ? ref.year + plus : null), true);
    },
  },
  {
    // "this September" is the month in the reference year (past if it has already ended: dropped
    // later as a past period); "next March" is the next one after the reference month.
    name: "this-month-name",
    pattern: new RegExp(`\\b(?:(${BY_PREP}|${FROM_PREP}|in|during|for)\\s+)?(?:the\\s+)?${PART}(this|next|coming)\\s+(${MONTH_SRC})(?!\\s*\\d)${ONWARDS_SRC}`, "gi"),
    // The preposition 3 words, "the" 1, PART 2, "this" 1.
    anchor: { core: CORE.MONTH, wordsBefore: 3 + 1 + 2 + 1 },
    extract: (m) => {
      const month = monthNumber(m[5] ?? "");
      if (month === null) return null;
      const next = !/this/i.test(m[4] ?? "");
      return spec(m[1], partOf(m), month, (ref) => (ref ? (next && month <= ref.month ? ref.year + 1 : ref.year) : null), true);
    },
  },
  {
    // A month named as a deadline without a preposition: "meets its December 2026 completion
    // deadline", "the March 2026 target".
    name: "month-year-deadline",
    pattern: new RegExp(`\\b(${MONTH_SRC}),?\\s+${YEAR_SRC}\\s+(?:[a-z-]+\\s+)?(?:deadline|target\\s+date|due\\s+date)\\b`, "g"),
    anchor: { core: CORE.MONTH, wordsBefore: 0 },
    extract: (m) => {
      const year = Number(m[2]);
      const s = spec("by", undefined, monthNumber(m[1] ?? ""), () => year, false);
      return s && { ...s, strength: 3 };
    },
  },
  {
    // "by the first week of April": the week's last day (7, 14, 21; the month's end for the last).
    name: "week-of-month",
    pattern: new RegExp(`\\b(?:(${BY_PREP}|in|during|within)\\s+)?the\\s+(first|second|third|fourth|last|final)\\s+week\\s+of\\s+(${MONTH_SRC})(?:,?\\s+${YEAR_SRC})?`, "gi"),
    // The preposition 3 words, then "the first week of" 4.
    anchor: { core: CORE.MONTH, wordsBefore: 3 + 4 },
    extract: (m) => {
      const month = monthNumber(m[3] ?? "");
      if (month === null) return null;
      const nth = ["first", "second", "third", "fourth"].indexOf((m[2] ?? "").toLowerCase()) + 1;
      const fixedYear = m[4] ? Number(m[4]) : null;
      return {
        precision: "day", role: "deadline", strength: 3, relative: fixedYear === null,
        compute(ref) {
          const year = fixedYear ?? (ref ? nextMonthYear(month, ref) : null);
          if (year === null) return null;
          const last = endOfMonth(year, month);
          const due = nth > 0 && nth < 4 ? { year, month, day: nth * 7 } : last;
          return { due, periodEnd: due };
        },
      };
    },
  },
  {
    // "in the coming Parliament sitting (October)": a month in brackets dates the noun before it.
    name: "bracketed-month",
    pattern: new RegExp(`\\((${MONTH_SRC})\\)`, "g"),
    extract: (m) => {
      const month = monthNumber(m[1] ?? "");
      return month === null ? null : spec("in", undefined, month, (ref) => (ref ? nextMonthYear(month, ref) : null), true);
    },
  },
  {
    name: "month-only",
    // A day number or a year after the month belongs to another parser.
    // "before March ends" keeps its verb: the phrase is the whole of it.
    pattern: new RegExp(`\\b${PREP}${PART}(${MONTH_SRC})(?!\\s*\\d)(?!,?\\s+(?:of\\s+)?(?:this|next|the current|the following|the coming) year)(?:\\s+ends\\b)?${ONWARDS_SRC}`, "gi"),
    anchor: PREP_PART_MONTH,
    extract: (m) => {
      if (!m[1] && !partOf(m)) return null;
      const month = monthNumber(m[4] ?? "");
      if (month === null) return null;
      return spec(m[1], partOf(m), month, (ref) => (ref ? nextMonthYear(month, ref) : null), true);
    },
  },
];
