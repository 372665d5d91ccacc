/**
 * Full calendar dates: "by 31 December 2025", "no later than 5 Dec 2025", "until 20.12.2025",
 * "December 20, 2025", "2025-12-20", and dates with no year: "by December 20 of this year",
 * "by December 20", "Dec. 20" (the next such day on or after the reference). Precision: day.
 */
import { makeDate, type CalendarDate } from "../../calendar.ts";
import { nextDayOccurrence } from "./calendar-helpers.js";
import { CORE } from "./core-words.js";
import { BY_PREP, FROM_PREP, IN_PREP, ONWARDS_SRC, SCHEDULE_PREP, prepositionInfo, type DeadlineParser, type DeadlineSpec } from "./types.js";
import { DAY_SRC, MONTH_SRC, YEAR_SRC, monthNumber } from "./words.js";

const PREP = `(?:(${BY_PREP}|${FROM_PREP}|${IN_PREP}|${SCHEDULE_PREP})\\s+)?(?:the\\s+)?`;
const WEEKDAY = "(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?";
const REL_YEAR = "(?:,?\\s+(?:of\\s+)?(this|next|the current|the following|the coming) year)?";
/** A year right after the date (or after the end of a day range) means the no-year parsers must not match. */
const NO_YEAR_AFTER = "(?![\\d.]*(?:\\s?-\\s?\\d{1,2}(?:st|nd|rd|th)?)?,?\\s*(?:of\\s+)?(?:19|20|21)\\d{2})";
/** The first day of a range ("29-30 May", "April 3-4"): the range is due on its last day. */
const RANGE_START = "(?:\\d{1,2}(?:st|nd|rd|th)?\\s?-\\s?)?";

/*
 * Anchors (see DeadlineParser.anchor): the most word starts each piece before the core holds.
 * PREP: 3 ("no later than", "with effect from") + 1 ("the"); WEEKDAY 1; RANGE_START 1 ("29-");
 * DAY_SRC 1 ("20th"); "of" 1. Each piece ends in whitespace, "-", "." or "/", so the core that
 * follows starts a word.
 */
const DAY_MONTH_ANCHOR = { core: CORE.MONTH, wordsBefore: 4 + 1 + 1 + 1 + 1 };
const MONTH_DAY_ANCHOR = { core: CORE.MONTH, wordsBefore: 4 + 1 };

function fixed(prep: string | undefined, date: CalendarDate | null): DeadlineSpec | null {
  if (!date) return null;
  const { role, strength } = prepositionInfo(prep);
  return { precision: "day", role, strength, relative: false, compute: () => ({ due: date, periodEnd: date }) };
}

function noYear(prep: string | undefined, month: number | null, day: number, rel: string | undefined): DeadlineSpec | null {
  if (month === null || !makeDate(2024, month, day)) return null;
  const { role, strength } = prepositionInfo(prep);
  const plusYear = rel !== undefined && /next|following|coming/i.test(rel) ? 1 : 0;
  return {
    precision: "day", role, strength, relative: true,
    compute(ref) {
      if (!ref) return null;
      // "of this year" and a bare date both mean the next such day (the spec's table).
      const d = plusYear ? makeDate(ref.year + 1, month, day) : nextDayOccurrence(month, day, ref);
      return d ? { due: d, periodEnd: d } : null;
    },
  };
}

/** A news agency's dateline: "New Delhi, March 21 (IANS) ...", "ASTANA, 5 May - ...": the day of the news, not a deadline. */
const DATELINE_AFTER = /^\s*(?:\([A-Z][\w ./-]{0,30}\)|[-\u2013\u2014]{1,2}\s)/;

function isDateline(m: RegExpExecArray, text: string): boolean {
  return !m[1] && DATELINE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
}

export const explicitDateParsers: DeadlineParser[] = [
  {
    name: "day-month-year",
    // "29-30 May 2026": a range of days is due on its last day.
    pattern: new RegExp(`\\b${PREP}${WEEKDAY}${RANGE_START}${DAY_SRC}\\s+(?:of\\s+)?(${MONTH_SRC}),?\\s+${YEAR_SRC}\\b${ONWARDS_SRC}`, "gi"),
    anchor: DAY_MONTH_ANCHOR,
    extract: (m) => fixed(m[1], makeDate(Number(m[4]), monthNumber(m[3] ?? "") ?? 0, Number(m[2]))),
  },
  {
    name: "month-day-year",
    // "April 3-4, 2025": due on the last day.
    pattern: new RegExp(`\\b${PREP}${WEEKDAY}(${MONTH_SRC})\\s+${RANGE_START}${DAY_SRC},?\\s+${YEAR_SRC}\\b${ONWARDS_SRC}`, "gi"),
    anchor: MONTH_DAY_ANCHOR,
    extract: (m) => fixed(m[1], makeDate(Number(m[4]), monthNumber(m[2] ?? "") ?? 0, Number(m[3]))),
  },
  {
    name: "numeric-dmy",
    pattern: new RegExp(`\\b${PREP}(\\d{1,2})[./](\\d{1,2})[./]${YEAR_SRC}\\b(?![./]\\d)${ONWARDS_SRC}`, "gi"),
    // PREP 4 words, then the day's digits start a word.
    anchor: { core: CORE.NUMERIC_DATE, wordsBefore: 4 },
    extract: (m) => fixed(m[1], makeDate(Number(m[4]), Number(m[3]), Number(m[2]))),
  },
  {
    name: "iso",
    pattern: new RegExp(`\\b${PREP}${YEAR_SRC}-(\\d{2})-(\\d{2})\\b(?!-)${ONWARDS_SRC}`, "gi"),
    // PREP 4 words, then the year starts a word.
    anchor: { core: CORE.YEAR_NUMBER, wordsBefore: 4 },
    extract: (m) => fixed(m[1], makeDate(Number(m[2]), Number(m[3]), Number(m[4]))),
  },
  {
    name: "month-day",
    pattern: new RegExp(`\\b${PREP}${WEEKDAY}(${MONTH_SRC})\\s+${RANGE_START}${DAY_SRC}(?![\\d:])(?!\\s*(?:%|percent|million|billion|thousand))${NO_YEAR_AFTER}${REL_YEAR}${ONWARDS_SRC}`, "gi"),
    anchor: MONTH_DAY_ANCHOR,
    extract: (m, text) => (isDateline(m, text) ? null : noYear(m[1], monthNumber(m[2] ?? ""), Number(m[3]), m[4])),
  },
  {
    name: "day-month",
    pattern: new RegExp(`\\b${PREP}${WEEKDAY}${RANGE_START}${DAY_SRC}\\s+(?:of\\s+)?(${MONTH_SRC})${NO_YEAR_AFTER}${REL_YEAR}${ONWARDS_SRC}`, "gi"),
    anchor: DAY_MONTH_ANCHOR,
    extract: (m, text) => (isDateline(m, text) ? null : noYear(m[1], monthNumber(m[3] ?? ""), Number(m[2]), m[4])),
  },
];
