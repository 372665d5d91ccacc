/**
 * The deadline stage of the pipeline: every parser runs over a text, overlapping matches are
 * settled (the longest wins: "by the end of the 1st quarter of 2026" beats "2026"), and each
 * phrase is resolved against the reference date.
 */
import { parseIsoDate, toIsoDate, type CalendarDate } from "../../calendar.ts";
import type { IsoDate } from "../types.js";
import { CORE, MAX_WORDS_BEFORE, createCoreWords, scanCoreWords, wordStartsBefore } from "./core-words.js";
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

/**
 * The pre-check: a text with none of these words and no digit gives no deadline phrase. Not quite
 * a consequence of the parsers ("in the coming period" holds none of them), so it stays a rule.
 */
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

/** Every distinct trigger once, so that a text tests each at most once (TRIGGER_HOLDS). */
const TRIGGER_LIST: readonly RegExp[] = [...new Set(Object.values(TRIGGERS).flat())];
/**
 * The core words (CORE bits, any of them) a trigger cannot hold without: each trigger here is a
 * word from its `\b` on, which core-words.ts finds as that kind ("\bweek\b" is a word starting
 * "week", "\b(?:early|late)\b" the whole run "early" or "late"). A text without one fails the
 * trigger with no regex test.
 */
const TRIGGER_CORES = new Map<RegExp, number>([
  [YEAR_WORD, CORE.YEAR_WORD], [WEEK_WORD, CORE.WEEK_WORD], [MONTH_WORD, CORE.MONTH_WORD], [QUARTER_WORD, CORE.QUARTER],
  [HALF_WORD, CORE.HALF], [SPAN_UNIT, CORE.DAY_WORD | CORE.WEEK_WORD | CORE.MONTH_WORD | CORE.YEAR_WORD],
  [TRIGGERS["mid-year"] as RegExp, CORE.MID], [TRIGGERS["early-late-year"] as RegExp, CORE.EARLY_LATE],
  [TRIGGERS.season as RegExp, CORE.SEASON], [TRIGGERS.vague as RegExp, CORE.VAGUE_WORD],
]);
const TRIGGER_NEEDS = Int32Array.from(TRIGGER_LIST, (t) => TRIGGER_CORES.get(t) ?? 0);

/**
 * The core words an unanchored parser cannot match without: "(October)" holds a whole month word
 * at a word start (after "("), followed by ")" or ".)"; "within the year" a word starting "year"
 * after whitespace.
 */
const UNANCHORED_CORES: Readonly<Record<string, number>> = {
  "bracketed-month": CORE.MONTH,
  "within-the-year": CORE.YEAR_WORD,
};
/** Per parser, the indices in TRIGGER_LIST of its triggers (all must hold); empty: it always runs. */
const PARSER_TRIGGERS: readonly (readonly number[])[] = DEADLINE_PARSERS.map((parser) => {
  const trigger = TRIGGERS[parser.name];
  return trigger === undefined ? [] : [trigger].flat().map((t) => TRIGGER_LIST.indexOf(t));
});
/**
 * Each trigger's answer for the text at hand: TRIGGER_HOLDS[t] counts only when TRIGGER_CALL[t] is
 * the current call's number, so a new call starts with no answers without clearing the arrays.
 */
const TRIGGER_CALL = new Int32Array(TRIGGER_LIST.length);
const TRIGGER_HOLDS = new Uint8Array(TRIGGER_LIST.length);
let call = 0;

/** The core words of the text at hand, in buffers reused across calls. */
const words = createCoreWords();

/**
 * Whether all of a parser's triggers hold. (A test of the rarer period words in one pattern used
 * to come first: every match of a rarer trigger holds one of them, so it never changed an answer;
 * now that a parser runs only when its core word is there, it cost more than it saved.)
 */
function triggersHold(parserIndex: number, text: string): boolean {
  for (const t of PARSER_TRIGGERS[parserIndex] as readonly number[]) {
    if (TRIGGER_CALL[t] !== call) {
      const needs = TRIGGER_NEEDS[t] as number;
      TRIGGER_HOLDS[t] = (needs === 0 || (words.all & needs) !== 0) && (TRIGGER_LIST[t] as RegExp).test(text) ? 1 : 0;
      TRIGGER_CALL[t] = call;
    }
    if (TRIGGER_HOLDS[t] === 0) return false;
  }
  return true;
}

/*
 * The parsers' fields in flat arrays: the hot loop reads them by index instead of from parser
 * objects of several shapes.
 */
const NAMES: readonly string[] = DEADLINE_PARSERS.map((parser) => parser.name);
const EXTRACTS: readonly DeadlineParser["extract"][] = DEADLINE_PARSERS.map((parser) => parser.extract);
const PATTERNS: readonly RegExp[] = DEADLINE_PARSERS.map((parser) => parser.pattern);
/** The anchor's core kinds (0: no anchor) and word bound. */
const ANCHOR_CORES = Int32Array.from(DEADLINE_PARSERS, (parser) => parser.anchor?.core ?? 0);
/** The core kinds a text must hold one of for the parser to match (0: no such kinds known). */
const NEEDED_CORES = Int32Array.from(DEADLINE_PARSERS, (parser) => {
  const needed = parser.anchor?.core ?? UNANCHORED_CORES[parser.name];
  if (needed === undefined) throw new Error(`${parser.name}: no anchor and no core words it needs (UNANCHORED_CORES)`);
  return needed;
});
const ANCHOR_UNBOUNDED: readonly (RegExp | undefined)[] = DEADLINE_PARSERS.map((parser) => parser.anchor?.unbounded);
const ANCHOR_WORDS_BEFORE = Int32Array.from(DEADLINE_PARSERS, (parser) => {
  const wordsBefore = parser.anchor?.wordsBefore ?? 0;
  if (wordsBefore > MAX_WORDS_BEFORE) throw new Error(`${parser.name}: anchor.wordsBefore above ${MAX_WORDS_BEFORE}`);
  return wordsBefore;
});
/**
 * Sticky copies of the anchored parsers' patterns (unanchored: the global pattern itself). Tried
 * at one position, a sticky copy finds exactly the match the global pattern finds when its scan
 * reaches that position.
 */
const STICKY: readonly RegExp[] = DEADLINE_PARSERS.map((parser) =>
  parser.anchor ? new RegExp(parser.pattern.source, parser.pattern.flags.replace("g", "") + "y") : parser.pattern,
);

function record(k: number, m: RegExpExecArray, text: string, all: DeadlineMatch[]): void {
  const spec = (EXTRACTS[k] as DeadlineParser["extract"])(m, text);
  if (!spec) return;
  const phrase = m[0].trimEnd();
  all.push({ start: m.index, end: m.index + phrase.length, text: phrase, spec, parser: NAMES[k] as string });
}

/** Every match of parser k's global pattern in `text`, from left to right, each scan starting where the last match ended. */
function scanAll(k: number, text: string, all: DeadlineMatch[]): void {
  // Patterns are global and used synchronously, so resetting lastIndex is enough to reuse them.
  const re = PATTERNS[k] as RegExp;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    record(k, m, text, all);
  }
}

/**
 * The same matches as scanAll, trying the pattern only at the word starts that can open a match:
 * each core word and the anchor's `wordsBefore` word starts before it, in increasing order. A
 * global scan from `from` returns the match at the first position at or after `from` where the
 * pattern matches; every match starts at one of these candidates, so the first candidate at or
 * after `from` where the sticky copy matches is that same position. Each core's candidates are
 * a run of consecutive word starts whose first word never moves back from one core to the next
 * (`wordsBefore` is the same for all), so skipping candidates up to the last one tried skips
 * only candidates already tried.
 */
function scanAnchored(k: number, text: string, all: DeadlineMatch[]): void {
  const sticky = STICKY[k] as RegExp;
  const core = ANCHOR_CORES[k] as number;
  const wordsBefore = ANCHOR_WORDS_BEFORE[k] as number;
  let from = 0; // the global scan's lastIndex: where the last match ended
  let tried = -1; // the last candidate tried
  for (let j = 0; j < words.count; j++) {
    if (((words.kinds[j] as number) & core) === 0) continue;
    const before = wordsBefore === 0 ? 0 : Math.min(wordsBefore, wordStartsBefore(text, words, j));
    for (let n = before - 1; n >= -1; n--) {
      const at = n >= 0 ? (words.before[j * MAX_WORDS_BEFORE + n] as number) : (words.at[j] as number);
      if (at <= tried || at < from) continue;
      tried = at;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (!m) continue;
      if (m[0].length === 0) { from = at + 1; continue; }
      from = at + m[0].length;
      record(k, m, text, all);
    }
  }
}

/** All deadline phrases in `text`, in order, without overlaps. */
export function findDeadlines(text: string): DeadlineMatch[] {
  scanCoreWords(text, words);
  // Every parser needs a core word (NEEDED_CORES).
  if (words.all === 0) return [];
  const all: DeadlineMatch[] = [];
  if (++call === 0x7fffffff) {
    // Numbers start over: no answer of an old call may pass for one of the new ones.
    TRIGGER_CALL.fill(0);
    call = 1;
  }
  for (let k = 0; k < DEADLINE_PARSERS.length; k++) {
    // A parser cannot match a text without its core word.
    if (((NEEDED_CORES[k] as number) & words.all) === 0) continue;
    if (!triggersHold(k, text)) continue;
    if (ANCHOR_CORES[k] !== 0 && !ANCHOR_UNBOUNDED[k]?.test(text)) scanAnchored(k, text, all);
    else scanAll(k, text, all);
  }
  // The pre-check: a text with neither a digit nor a word of MAY_HOLD_DEADLINE gives no phrase.
  // It is asked last, and only when some parser found one: it costs a full scan, while most
  // texts without a digit have no phrase anyway.
  if (all.length > 0 && !DIGIT.test(text) && !MAY_HOLD_DEADLINE.test(text)) return [];
  return settleOverlaps(all);
}

/**
 * What findDeadlines must give, found the slow way: each parser whose triggers' patterns all match
 * scans the whole text with its global pattern; no core words, no anchors. For the test that
 * holds findDeadlines to it (test/extraction/anchored-scans.test.ts): a core word a parser can
 * match without, or an anchor's word bound set too low, shows there.
 */
export function findDeadlinesByScan(text: string): DeadlineMatch[] {
  const all: DeadlineMatch[] = [];
  for (let k = 0; k < DEADLINE_PARSERS.length; k++) {
    const triggers = PARSER_TRIGGERS[k] as readonly number[];
    if (triggers.every((t) => (TRIGGER_LIST[t] as RegExp).test(text))) scanAll(k, text, all);
  }
  if (all.length > 0 && !DIGIT.test(text) && !MAY_HOLD_DEADLINE.test(text)) return [];
  return settleOverlaps(all);
}

/**
 * Longest first, then earliest, then parser order: a stable greedy choice of non-overlapping
 * phrases, in text order. Insertion sorts, as a sentence has only a few phrases.
 */
function settleOverlaps(all: DeadlineMatch[]): DeadlineMatch[] {
  if (all.length <= 1) return all;
  // Insertion sort keeps equal elements in their order (parser order), as the stable sort did.
  const byLength = all.slice();
  for (let i = 1; i < byLength.length; i++) {
    const m = byLength[i] as DeadlineMatch;
    let j = i - 1;
    while (j >= 0 && comesAfter(byLength[j] as DeadlineMatch, m)) {
      byLength[j + 1] = byLength[j] as DeadlineMatch;
      j--;
    }
    byLength[j + 1] = m;
  }
  const kept: DeadlineMatch[] = [];
  for (const match of byLength) {
    if (kept.every((k) => match.end <= k.start || match.start >= k.end)) kept.push(match);
  }
  // Kept phrases do not overlap and are not empty, so their starts differ.
  return kept.sort((a, b) => a.start - b.start);
}

/** `a` goes after `b` when `b` is longer, or as long and earlier. */
function comesAfter(a: DeadlineMatch, b: DeadlineMatch): boolean {
  const byLength = b.end - b.start - (a.end - a.start);
  return byLength > 0 || (byLength === 0 && b.start < a.start);
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
