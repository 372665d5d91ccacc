/**
 * Quarters and halves: "by the end of the 1st quarter of 2026", "by end-Q1 2026", "in Q1 2026",
 * "in the first quarter" (next such quarter), "this quarter", "H1 2026", "first half of 2026",
 * "by mid-2026".
 *
 * Choices (the spec's table has no row for halves):
 * | phrase                         | due         | precision |
 * |--------------------------------|-------------|-----------|
 * | first half of 2026 · H1 2026   | 2026-06-30  | quarter   |
 * | second half of 2026 · H2 2026  | 2026-12-31  | quarter   |
 * | by mid-2026 · middle of 2026   | 2026-06-30  | month     |
 * | early 2026 · early next year   | 2026-03-31  | quarter   |
 * | late 2026 · late this year     | 2026-12-31  | quarter   |
 * "Early 2026" is read as its first quarter and "late 2026" as its last: a reminder near the end
 * of Q1 is the useful one, and a vague item would lose the year the text does give.
 * A half ends on a quarter's last day and is coarser than a month, hence "quarter".
 */
import { endOfMonth, type CalendarDate } from "../../calendar.ts";
import { nextQuarterYear, quarterEnd, quarterOf, quarterStart } from "./calendar-helpers.js";
import { CORE } from "./core-words.js";
import { BY_PREP, FROM_PREP, SCHEDULE_PREP, prepositionInfo, type DeadlineParser, type DeadlineSpec } from "./types.js";
import { YEAR_SRC, ordinalValue } from "./words.js";

const PREP = `(?:(${BY_PREP}|${FROM_PREP}|${SCHEDULE_PREP}|in|during|within|for|throughout|over)\\s+)?(?:the\\s+)?`;
const END = "(?:(end|close|beginning|start)(?:\\s+of\\s+(?:the\\s+)?|-))?";
const YEAR_TAIL = `(?:\\s+of)?(?:\\s+(?:the\\s+)?(?:${YEAR_SRC}|(this|next|the current|the following|the coming|current) year))?`;

/*
 * Anchors (see DeadlineParser.anchor): PREP holds at most 3 + 1 word starts ("no later than the"),
 * END 3 ("end of the"); every piece ends in whitespace or "-", so the core after it starts a word.
 */
const PREP_WORDS = 4;
const END_WORDS = 3;

type YearRule = { fixed: number } | { plus: number } | "next-occurrence";

const isFixed = (rule: YearRule): rule is { fixed: number } => typeof rule === "object" && "fixed" in rule;

function yearRule(year: string | undefined, rel: string | undefined): YearRule {
  if (year) return { fixed: Number(year) };
  if (rel) return { plus: /this|current/i.test(rel) ? 0 : 1 };
  return "next-occurrence";
}

function quarterSpec(prep: string | undefined, end: string | undefined, quarter: number | null, rule: YearRule): DeadlineSpec | null {
  if (quarter === null || quarter < 1 || quarter > 4) return null;
  const info = prepositionInfo(prep);
  const first = info.role === "start" || /beginning|start/i.test(end ?? "");
  return {
    precision: "quarter", role: info.role, strength: end ? 3 : info.strength, relative: !isFixed(rule),
    compute(ref) {
      let year: number;
      if (isFixed(rule)) year = rule.fixed;
      else if (!ref) return null;
      else year = rule === "next-occurrence" ? nextQuarterYear(quarter, ref) : ref.year + rule.plus;
      const last = quarterEnd(quarter, year);
      return { due: first ? quarterStart(quarter, year) : last, periodEnd: last };
    },
  };
}

function halfSpec(prep: string | undefined, half: number | null, rule: YearRule, precision: "quarter" | "month"): DeadlineSpec | null {
  if (half !== 1 && half !== 2) return null;
  const info = prepositionInfo(prep);
  return {
    precision, role: info.role, strength: info.strength, relative: !isFixed(rule),
    compute(ref: CalendarDate | null) {
      let year: number;
      if (isFixed(rule)) year = rule.fixed;
      else if (!ref) return null;
      else if (rule === "next-occurrence") year = half === 1 && ref.month > 6 ? ref.year + 1 : ref.year;
      else year = ref.year + rule.plus;
      const last = endOfMonth(year, half * 6);
      return { due: info.role === "start" ? { year, month: half * 6 - 5, day: 1 } : last, periodEnd: last };
    },
  };
}

export const quarterParsers: DeadlineParser[] = [
  {
    name: "ordinal-quarter",
    pattern: new RegExp(`\\b${PREP}${END}(first|second|third|fourth|1st|2nd|3rd|4th|I|II|III|IV)\\s+quarter${YEAR_TAIL}`, "gi"),
    // "quarter" after PREP, END and one ordinal word.
    anchor: { core: CORE.QUARTER, wordsBefore: PREP_WORDS + END_WORDS + 1 },
    // Without a preposition or a year, "first quarter" is a mention ("first-quarter results").
    extract: (m) => (m[1] || m[4] || m[5] ? quarterSpec(m[1], m[2], ordinalValue(m[3] ?? ""), yearRule(m[4], m[5])) : null),
  },
  {
    name: "q-number",
    pattern: new RegExp(`\\b${PREP}${END}Q([1-4])(?:\\s+of|\\s*/)?(?:\\s*(?:the\\s+)?(?:${YEAR_SRC}|(this|next|the current|current) year))?\\b`, "g"),
    anchor: { core: CORE.Q_NUMBER, wordsBefore: PREP_WORDS + END_WORDS },
    extract: (m) => (m[1] || m[4] || m[5] || m[2] ? quarterSpec(m[1], m[2], Number(m[3]), yearRule(m[4], m[5])) : null),
  },
  {
    name: "this-quarter",
    pattern: new RegExp(`\\b${PREP}${END}(this|next|the current|current|the next|the coming) quarter\\b`, "gi"),
    // "quarter" after PREP, END and "the current" (2).
    anchor: { core: CORE.QUARTER, wordsBefore: PREP_WORDS + END_WORDS + 2 },
    extract: (m) => {
      const plus = /next|coming/i.test(m[3] ?? "") ? 1 : 0;
      const info = prepositionInfo(m[1]);
      return {
        precision: "quarter", role: info.role, strength: m[2] ? 3 : info.strength, relative: true,
        compute(ref) {
          if (!ref) return null;
          const index = ref.year * 4 + quarterOf(ref) - 1 + plus;
          const last = quarterEnd((index % 4) + 1, Math.floor(index / 4));
          return { due: last, periodEnd: last };
        },
      };
    },
  },
  {
    name: "half-year",
    pattern: new RegExp(`\\b${PREP}(?:end\\s+of\\s+(?:the\\s+)?)?(first|second|1st|2nd)\\s+half(?:\\s+of)?(?:\\s+(?:the\\s+)?(?:${YEAR_SRC}|(this|next|the current|the following|current) year|year))?`, "gi"),
    // "half" after PREP, "end of the" (3) and one ordinal word.
    anchor: { core: CORE.HALF, wordsBefore: PREP_WORDS + 3 + 1 },
    extract: (m) => (m[1] || m[3] || m[4] ? halfSpec(m[1], ordinalValue(m[2] ?? ""), yearRule(m[3], m[4]), "quarter") : null),
  },
  {
    name: "h-number",
    pattern: new RegExp(`\\b${PREP}H([12])\\s*${YEAR_SRC}\\b`, "g"),
    anchor: { core: CORE.H_NUMBER, wordsBefore: PREP_WORDS },
    extract: (m) => halfSpec(m[1], Number(m[2]), { fixed: Number(m[3]) }, "quarter"),
  },
  {
    name: "mid-year",
    pattern: new RegExp(`\\b${PREP}(?:mid-|middle\\s+of\\s+(?:the\\s+)?)(?:${YEAR_SRC}\\b|(this|next|the current|the following|the coming|current) year\\b)`, "gi"),
    anchor: { core: CORE.MID, wordsBefore: PREP_WORDS },
    // Mid-year is the end of the first half, and is as exact as a half-year: quarter precision.
    extract: (m) => halfSpec(m[1], 1, yearRule(m[2], m[3]), "quarter"),
  },
  {
    name: "early-late-year",
    anchor: { core: CORE.EARLY_LATE, wordsBefore: PREP_WORDS },
    pattern: new RegExp(`\\b${PREP}(early|late)[-\\s]+(?:${YEAR_SRC}\\b|(this|next|the current|the following|the coming|current) year\\b)`, "gi"),
    extract: (m) => quarterSpec(m[1], undefined, /early/i.test(m[2] ?? "") ? 1 : 4, yearRule(m[3], m[4])),
  },
];
