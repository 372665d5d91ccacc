/**
 * The deadline stage of the pipeline: every parser runs over a text, overlapping matches are
 * settled (the longest wins: "by the end of the 1st quarter of 2026" beats "2026"), and each
 * phrase is resolved against the reference date.
 */
import { parseIsoDate, toIsoDate, type CalendarDate } from "../../calendar.ts";
import type { IsoDate } from "../types.js";
import { explicitDateParsers } from "./explicit-date.js";
import { monthParsers } from "./month.js";
import { quarterParsers } from "./quarter.js";
import { seasonParsers } from "./season.js";
import { tenDayParsers } from "./ten-days.js";
import type { DeadlineMatch, DeadlineParser, ResolvedDeadline } from "./types.js";
import { vagueParsers } from "./vague.js";
import { withinParsers } from "./within.js";
import { yearParsers } from "./year.js";

export type { DeadlineMatch, DeadlineParser, DeadlineSpec, ResolvedDeadline } from "./types.js";

/**
 * Order matters only for ties of equal length: the more specific family first (a full date
 * before a month, a quarter before a bare year).
 */
export const DEADLINE_PARSERS: readonly DeadlineParser[] = [
  ...explicitDateParsers,
  ...tenDayParsers,
  ...quarterParsers,
  ...monthParsers,
  ...seasonParsers,
  ...withinParsers,
  ...yearParsers,
  ...vagueParsers,
];

/** Cheap pre-check: a text with none of these words or a digit cannot hold a deadline phrase. */
const MAY_HOLD_DEADLINE =
  /\d|day|year|month|week|quarter|half|spring|summer|autumn|fall|winter|soon|shortly|future|term|course|later|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec/i;

/**
 * What each parser's phrase cannot do without: a month name (capitalised, as monthNumber
 * requires), a four-digit year, a period word. A parser runs only over text holding its trigger,
 * so a sentence with a year but no month skips the dozen month parsers: one cheap test instead
 * of a full regex pass each (issue 13). A parser missing here always runs. A list of triggers
 * means all of them: every one is a piece that each match of the parser's pattern contains (a
 * month-year phrase holds a month and a four-digit year), so testing them never drops a phrase.
 */
const MONTH = /\b(?:J(?:an|AN|un|UN|ul|UL)|F(?:eb|EB)|M(?:ar|AR|ay|AY)|A(?:pr|PR|ug|UG)|S(?:ep|EP)|O(?:ct|CT)|N(?:ov|OV)|D(?:ec|EC))/;
const YEAR_NUMBER = /(?:19|20|21)\d\d/;
/** The "2026-2030", "2025/26" of a year range or a budget cycle (YEAR_SRC, a dash or slash, two digits). */
const YEAR_SPAN = /(?:19|20|21)\d{2}\s?[-/]\s?\d{2}/;
const DIGIT = /\d/;
const SPAN_UNIT = /\b(?:days?|weeks?|months?|years?)\b/i;
const YEAR_WORD = /\byear/i;
const WEEK_WORD = /\bweek\b/i;
const MONTH_WORD = /\bmonth\b/i;
const QUARTER_WORD = /\bquarter\b/i;
const HALF_WORD = /\bhalf\b/i;
const MONTH_YEAR = [MONTH, YEAR_NUMBER];
const TRIGGERS: Readonly<Record<string, RegExp | readonly RegExp[]>> = {
  "day-month-year": MONTH_YEAR, "month-day-year": MONTH_YEAR, "month-day": [MONTH, DIGIT], "day-month": [MONTH, DIGIT], "ten-days": [MONTH, /days|decade/i],
  "month-year": MONTH_YEAR, "month-relative-year": [MONTH, YEAR_WORD], "this-month-name": [MONTH, /this|next|coming/i],
  "month-year-deadline": [MONTH, YEAR_NUMBER, /deadline|target|due/], "bracketed-month": [MONTH, /\(/], "month-only": MONTH, "week-of-month": [MONTH, WEEK_WORD],
  "numeric-dmy": /\d[./]\d/, iso: /\d-\d\d-\d/,
  "ordinal-quarter": QUARTER_WORD, "this-quarter": QUARTER_WORD, "q-number": /Q[1-4]/, "half-year": HALF_WORD, "h-number": /H[12]/,
  "mid-year": /\bmid(?:-|dle\b)/i, "early-late-year": /\b(?:early|late)\b/i,
  season: /\b(?:spring|summer|autumn|fall|winter)/i,
  within: SPAN_UNIT, "span-from-now": SPAN_UNIT, "half-a-year": HALF_WORD,
  "fiscal-year": /FY|fiscal|financial/i, "cycle-year": YEAR_SPAN, "year-range": YEAR_SPAN, year: YEAR_NUMBER,
  "relative-year": YEAR_WORD, "end-of-the-year": YEAR_WORD, "within-the-year": YEAR_WORD,
  "relative-month": MONTH_WORD, "end-of-the-month": MONTH_WORD, "relative-week": WEEK_WORD,
  vague: /\b(?:soon|shortly|coming|few|near|nearest|foreseeable|immediate|upcoming|term|course|later)\b/i,
};

/**
 * The rarer period words in one pattern: every match of a trigger in RARE_TRIGGERS holds one of
 * them, so a sentence without any (most of them) skips those dozen trigger tests with one test.
 */
const RARE_WORDS = /quarter|half|mid|early|late|spring|summer|autumn|fall|winter|fy|fiscal|financial|month|week|soon|shortly|coming|few|near|foreseeable|immediate|term|course|later|q[1-4]|h[12]/i;
const RARE_TRIGGERS: ReadonlySet<RegExp> = new Set(
  ["ordinal-quarter", "q-number", "half-year", "h-number", "mid-year", "early-late-year", "season", "fiscal-year", "relative-month", "relative-week", "vague"].map((name) => TRIGGERS[name] as RegExp),
);

/** All deadline phrases in `text`, in order, without overlaps. */
export function findDeadlines(text: string): DeadlineMatch[] {
  // A digit answers the pre-check at once (MAY_HOLD_DEADLINE's first alternative), far cheaper than its word list.
  if (!DIGIT.test(text) && !MAY_HOLD_DEADLINE.test(text)) return [];
  const all: DeadlineMatch[] = [];
  const seen = new Map<RegExp, boolean>();
  let rare: boolean | undefined;
  const holds = (trigger: RegExp): boolean => {
    if (RARE_TRIGGERS.has(trigger) && !(rare ??= RARE_WORDS.test(text))) return false;
    let hit = seen.get(trigger);
    if (hit === undefined) seen.set(trigger, (hit = trigger.test(text)));
    return hit;
  };
  DEADLINE_PARSERS.forEach((parser) => {
    const trigger = TRIGGERS[parser.name];
    if (trigger && !(Array.isArray(trigger) ? trigger.every(holds) : holds(trigger as RegExp))) return;
    // Patterns are global and used synchronously, so resetting lastIndex is enough to reuse them.
    const re = parser.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const spec = parser.extract(m, text);
      if (spec) all.push({ start: m.index, end: m.index + m[0].trimEnd().length, text: m[0].trimEnd(), spec, parser: parser.name });
    }
  });
  // Longest first, then earliest: a stable greedy choice of non-overlapping phrases.
  const byLength = all
    .map((match, order) => ({ match, order }))
    .sort((a, b) => b.match.end - b.match.start - (a.match.end - a.match.start) || a.match.start - b.match.start || a.order - b.order);
  const kept: DeadlineMatch[] = [];
  for (const { match } of byLength) {
    if (kept.every((k) => match.end <= k.start || match.start >= k.end)) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Resolves a found phrase against a reference date (null: the document has none). */
export function resolveMatch(match: DeadlineMatch, reference: CalendarDate | null): ResolvedDeadline {
  const { spec } = match;
  if (spec.vague) return { due: null, precision: "vague", periodEnd: null, undatedReason: `vague deadline '${match.text}'` };
  const r = spec.compute(reference);
  if (!r) {
    const reason = spec.relative && !reference
      ? `relative deadline '${match.text}' and the document has no publication date`
      : `deadline '${match.text}' could not be resolved`;
    return { due: null, precision: spec.precision, periodEnd: null, undatedReason: reason };
  }
  return { due: toIsoDate(r.due), precision: spec.precision, periodEnd: toIsoDate(r.periodEnd), undatedReason: null };
}

/**
 * Resolves a deadline phrase on its own, e.g. resolveDeadline("by December 20", "2025-12-25")
 * gives { due: "2026-12-20", precision: "day" }. Returns null when the text holds no deadline
 * phrase; `due` is null when the phrase is vague or relative and `reference` is null.
 */
export function resolveDeadline(phrase: string, reference: IsoDate | null): ResolvedDeadline & { text: string } | null {
  const first = findDeadlines(phrase)[0];
  if (!first) return null;
  return { ...resolveMatch(first, parseIsoDate(reference)), text: first.text };
}
