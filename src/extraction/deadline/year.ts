/**
 * Years, plan periods and relative calendar periods.
 *
 * | phrase                                               | due                          | precision |
 * |------------------------------------------------------|------------------------------|-----------|
 * | in 2027 · by 2027 · by the end of 2027 · by end-2027 | 2027-12-31                   | year      |
 * | from 2027 · starting in 2027                         | 2027-01-01                   | year      |
 * | for 2026-2030 · 2026-2030 · until 2030 (of a plan)   | 2030-12-31                   | year      |
 * | this year · by the end of the year · later this year | Dec 31 of the reference year | year      |
 * | next year · the following year                       | Dec 31 of reference year + 1 | year      |
 * | by the end of this month · this month                | last day of reference month  | month     |
 * | next month                                           | last day of the next month   | month     |
 * | this week · by the end of the week                   | Sunday of the reference week | day       |
 * | next week                                            | Sunday of the following week | day       |
 */
import { addMonths, endOfMonth, type CalendarDate } from "../../calendar.ts";
import { endOfWeek } from "./calendar-helpers.js";
import { CORE } from "./core-words.js";
import { BY_PREP, FROM_PREP, ONWARDS_SRC, SCHEDULE_PREP, prepositionInfo, type DeadlineParser, type DeadlineSpec } from "./types.js";
import { YEAR_SRC } from "./words.js";

const YEAR_PREP = `${BY_PREP}|${FROM_PREP}|in|during|throughout|within|${SCHEDULE_PREP}`;
const END = "(?:(end|close|beginning|start)\\s+of\\s+(?:the\\s+)?|(end|year-end)[-\\s]+)?";
/** Names of plans, concepts and programmes whose period is written as a year range or "until 2030". */
const PLAN_NOUN = /\b(?:concept|strategy|programme|program|plan|roadmap|doctrine|agenda|framework|vision|policy|project)\b[^.;]{0,80}$/i;
/** A plan noun right after the range: "the 2026-2030 programme", "2025-2027 national project". */
const PLAN_NOUN_AFTER = /^\s+(?:[A-Za-z-]+\s+){0,2}(?:concept|strategy|programme|program|plan|roadmap|doctrine|agenda|framework|vision|policy|project)\b/i;
/**
 * A range that names a cycle year rather than a plan's period: "the 2026-2027 academic year",
 * "the 2025-2026 heating season". Its start or end needs outside knowledge (1 September? 15
 * October?), so the "cycle-year" parser keeps it undated ("vague") instead of 31 December.
 */
const CYCLE_NOUN = "(?:(?:academic|school|study|university|heating|sowing|harvest(?:ing)?|marketing|fiscal|financial|budget|sports?|football|hockey|hunting|fishing|tourist|skiing|cruise|winter|summer|autumn|spring)\\s+(?:year|season|period|campaign)|season)\\b";
const BUDGET_BEFORE = /\bbudgets?\s+(?:for\s+)?(?:the\s+)?$/i;
const CYCLE_AFTER = new RegExp(`^\\s+${CYCLE_NOUN}`, "i");

/*
 * Anchors (see DeadlineParser.anchor): the most word starts each piece before the core holds, a
 * preposition 3 ("no later than", "with effect from"), "the" 1, "end of the" 3, "year-end" 2,
 * "the current" 2. Every piece ends in whitespace or "-", so the core after it starts a word.
 */

function yearSpec(prep: string | undefined, part: string | undefined, year: number, planPeriod: boolean): DeadlineSpec {
  const info = prepositionInfo(prep);
  const first = info.role === "start" || part === "beginning" || part === "start";
  const last: CalendarDate = { year, month: 12, day: 31 };
  return {
    precision: "year", role: info.role, strength: part === "end" ? 3 : info.strength, relative: false, planPeriod,
    compute: () => ({ due: first ? { year, month: 1, day: 1 } : last, periodEnd: last }),
  };
}

function relativeSpec(prep: string | undefined, precision: "year" | "month" | "day", strength: number | null, at: (ref: CalendarDate) => CalendarDate): DeadlineSpec {
  const info = prepositionInfo(prep);
  return {
    precision, role: info.role, strength: strength ?? info.strength, relative: true,
    compute: (ref) => (ref ? { due: at(ref), periodEnd: at(ref) } : null),
  };
}

export const yearParsers: DeadlineParser[] = [
  {
    // "in Financial Year (FY) 2021-22", "at the end of the FY 2021-22": a fiscal year across two
    // calendar years ends in the second one, on a day that depends on the government.
    name: "fiscal-year",
    pattern: new RegExp(`\\b(?:(${BY_PREP}|in|during|for|within|at)\\s+)?(?:the\\s+)?(?:(end|close)\\s+of\\s+(?:the\\s+)?)?(?:FY|fiscal\\s+year|financial\\s+year)(?:\\s*\\(FY\\))?\\s*${YEAR_SRC}\\s?[-/]\\s?(\\d{2}|\\d{4})\\b`, "gi"),
    // "FY" or "fiscal" after a preposition 3, "the" 1, "end of the" 3.
    anchor: { core: CORE.FISCAL, wordsBefore: 3 + 1 + 3 },
    extract: (m) => {
      const from = Number(m[3]);
      const to = (m[4] ?? "").length === 2 ? Math.floor(from / 100) * 100 + Number(m[4]) : Number(m[4]);
      if (to !== from + 1) return null;
      const info = prepositionInfo(m[1]);
      const end: CalendarDate = { year: to, month: 3, day: 31 };
      return { precision: "year", role: "deadline", strength: m[2] ? 3 : info.strength, relative: false, fiscalYearEnding: to, compute: () => ({ due: end, periodEnd: end }) };
    },
  },
  {
    name: "cycle-year",
    pattern: new RegExp(`\\b(?:(?:by|before|until|till|from|for|in|during|ahead\\s+of)\\s+)?(?:the\\s+)?(?:(?:start|beginning|end|close)\\s+of\\s+(?:the\\s+)?)?${YEAR_SRC}\\s?[-/]\\s?(?:\\d{4}|\\d{2})\\s+${CYCLE_NOUN}`, "gi"),
    // The year after "ahead of" 2, "the" 1, "start of the" 3.
    anchor: { core: CORE.YEAR_NUMBER, wordsBefore: 2 + 1 + 3 },
    extract: () => ({ precision: "vague", role: "deadline", strength: 0, relative: false, vague: true, compute: () => null }),
  },
  {
    name: "year-range",
    pattern: new RegExp(`\\b(?:(for|in|until|till|through|over|during|by)\\s+(?:the\\s+)?(?:period\\s+(?:of\\s+)?|years\\s+)?)?${YEAR_SRC}\\s?-\\s?(\\d{4}|\\d{2})\\b(?!-|\\.\\d)`, "gi"),
    // The year after a preposition 1, "the" 1, "period of" 2.
    anchor: { core: CORE.YEAR_NUMBER, wordsBefore: 1 + 1 + 2 },
    extract: (m, text) => {
      const from = Number(m[2]);
      const to = (m[3] ?? "").length === 2 ? Math.floor(from / 100) * 100 + Number(m[3]) : Number(m[3]);
      if (to <= from || to - from > 50) return null;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (CYCLE_AFTER.test(after)) return null; // a cycle year: see "cycle-year"
      // "amendments to the republican budget 2019-2021": the range names an adopted budget, whose
      // period is the law's validity, not anyone's deadline.
      if (!m[1] && BUDGET_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) return null;
      // A range is a plan's period after "for"/"over"/"until", or when a plan noun names it.
      const planNamed = PLAN_NOUN.test(text.slice(Math.max(0, m.index - 120), m.index)) || PLAN_NOUN_AFTER.test(after);
      // "During 2026-2027, we plan to ..." dates the work by the period's end; "for 2026-2030" names a plan's period.
      const plan = planNamed || !m[1] || /for|over|through/i.test(m[1]);
      return yearSpec(m[1] && /until|till|by/i.test(m[1]) ? m[1] : undefined, undefined, to, plan);
    },
  },
  {
    name: "year",
    // A bare number is too common to be a deadline: a preposition or "end of" is required.
    pattern: new RegExp(`\\b(?:(${YEAR_PREP})\\s+)?(?:the\\s+)?${END}(?:(?:the\\s+)?year\\s+)?${YEAR_SRC}\\b(?!\\s?-\\s?\\d|\\s*%|\\.\\d|,\\d)${ONWARDS_SRC}`, "gi"),
    // The year after a preposition 3, "the" 1, END 3, "the year" 2.
    anchor: { core: CORE.YEAR_NUMBER, wordsBefore: 3 + 1 + 3 + 2 },
    extract: (m, text) => {
      const part = (m[2] ?? m[3])?.toLowerCase();
      if (!m[1] && !part) return null;
      const plan = /^(?:until|till)$/i.test(m[1] ?? "") && PLAN_NOUN.test(text.slice(Math.max(0, m.index - 120), m.index));
      return yearSpec(m[1], part === "year-end" ? "end" : part, Number(m[4]), plan);
    },
  },
  {
    name: "relative-year",
    pattern: new RegExp(`\\b(?:(${YEAR_PREP})\\s+)?(?:the\\s+)?(?:(end|close)\\s+of\\s+(?:the\\s+)?|later\\s+|earlier\\s+)?(this|next|the current|the following|the coming|current|the next) year\\b(?!'s)${ONWARDS_SRC}`, "gi"),
    // "year" after a preposition 3, "the" 1, "end of the" 3, "the current" 2.
    anchor: { core: CORE.YEAR_WORD, wordsBefore: 3 + 1 + 3 + 2 },
    extract: (m) => {
      const plus = /this|current/i.test(m[3] ?? "") ? 0 : 1;
      if (/^the next$/i.test(m[3] ?? "") && !m[2]) return null; // "in the next year" reads as "within a year"
      const info = prepositionInfo(m[1]);
      return {
        precision: "year", role: info.role, strength: m[2] ? 3 : info.strength, relative: true,
        compute: (ref) => {
          if (!ref) return null;
          const year = ref.year + plus;
          const last = { year, month: 12, day: 31 };
          return { due: info.role === "start" ? { year, month: 1, day: 1 } : last, periodEnd: last };
        },
      };
    },
  },
  {
    name: "end-of-the-year",
    pattern: /\b(?:(by|until|till|before|no later than|not later than|at|towards)\s+)?(?:the\s+)?(?:end of the year|year-end|yearend|year end|end-year)\b(?!\s+\d)/gi,
    // Each form holds a word starting "year", after a preposition 3, "the" 1, "end of the" 3.
    anchor: { core: CORE.YEAR_WORD, wordsBefore: 3 + 1 + 3 },
    extract: (m) => relativeSpec(m[1], "year", 3, (ref) => ({ year: ref.year, month: 12, day: 31 })),
  },
  {
    // "within the year", "in the current year's course": by the end of the reference year.
    name: "within-the-year",
    pattern: /\bwithin\s+(?:the|this)\s+(?:current\s+)?year\b(?!'s|\s+of\b)/gi,
    extract: () => relativeSpec("within", "year", 3, (ref) => ({ year: ref.year, month: 12, day: 31 })),
  },
  {
    name: "relative-month",
    pattern: /\b(?:(by|until|till|before|in|during|within|no later than|from|starting)\s+)?(?:the\s+)?(?:(end|close)\s+of\s+(?:the\s+)?)?(this|next|the current|the following|the coming|current) month\b/gi,
    // "month" after a preposition 3, "the" 1, "end of the" 3, "the current" 2.
    anchor: { core: CORE.MONTH_WORD, wordsBefore: 3 + 1 + 3 + 2 },
    extract: (m) => {
      const plus = /this|current/i.test(m[3] ?? "") ? 0 : 1;
      return relativeSpec(m[1], "month", m[2] ? 3 : null, (ref) => {
        const d = addMonths({ ...ref, day: 1 }, plus);
        return endOfMonth(d.year, d.month);
      });
    },
  },
  {
    name: "end-of-the-month",
    pattern: /\b(?:(by|until|till|before|no later than|at)\s+)?the\s+end\s+of\s+the\s+month\b/gi,
    // "month" after a preposition 3 and "the end of the" 4.
    anchor: { core: CORE.MONTH_WORD, wordsBefore: 3 + 4 },
    extract: (m) => relativeSpec(m[1], "month", 3, (ref) => endOfMonth(ref.year, ref.month)),
  },
  {
    name: "relative-week",
    pattern: /\b(?:(by|until|till|before|in|during|within|no later than)\s+)?(?:the\s+)?(?:(end|close)\s+of\s+(?:the\s+)?)?(this|next|the current|the coming|current) week\b/gi,
    // "week" after a preposition 3, "the" 1, "end of the" 3, "the current" 2.
    anchor: { core: CORE.WEEK_WORD, wordsBefore: 3 + 1 + 3 + 2 },
    extract: (m) => relativeSpec(m[1], "day", m[2] ? 3 : null, (ref) => endOfWeek(ref, /this|current/i.test(m[3] ?? "") ? 0 : 1)),
  },
];
