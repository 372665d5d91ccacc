/**
 * The words a deadline phrase cannot do without, found in one pass over a text (issue 13).
 *
 * Most parser patterns open with optional groups (`\b(?:(by|until|...)\s+)?(?:the\s+)?...`), so a
 * global scan tries that alternation at every word of every sentence. Every match of such a
 * pattern holds a mandatory core word (a month name, a four-digit year, "quarter", ...), and the
 * optional groups before it hold a bounded number of words. So the pattern needs trying only at
 * the few word starts just before each core word (see `anchor` in types.ts and findDeadlines).
 *
 * A word start is what a pattern's leading `\b` followed by a word character gives: a character
 * of [A-Za-z0-9_] (`\w` without the `u` flag) after a character that is not one (or at 0).
 * Each kind below is a superset of the pattern piece it stands for, as the comments say.
 */

/** Kinds of core word, one bit each; a word may have several. */
export const CORE = {
  /** A whole month word as MONTH_SRC matches it (any case): its ASCII letter run is a month name or abbreviation. */
  MONTH: 1 << 0,
  /** Starts with a YEAR_SRC year: 19, 20 or 21 and two more digits. */
  YEAR_NUMBER: 1 << 1,
  /** Starts with `\d{1,2}[./]\d`, the opening of a numeric date. */
  NUMERIC_DATE: 1 << 2,
  /** Starts with "quarter" (any case). */
  QUARTER: 1 << 3,
  /** "Q" or "q" and a digit 1-4. */
  Q_NUMBER: 1 << 4,
  /** "H" or "h" and a digit 1-2. */
  H_NUMBER: 1 << 5,
  /** Starts with "mid" ("mid-2026", "middle of"). */
  MID: 1 << 6,
  /** The letter run is "early" or "late". */
  EARLY_LATE: 1 << 7,
  /** Starts with "half". */
  HALF: 1 << 8,
  /** Starts with a season word: spring, summer, autumn, fall, winter. */
  SEASON: 1 << 9,
  /** Starts with "fy", "fiscal" or "financial". */
  FISCAL: 1 << 10,
  /** Starts with "year" ("year", "years", "year-end", "yearend"). */
  YEAR_WORD: 1 << 11,
  /** Starts with "month". */
  MONTH_WORD: 1 << 12,
  /** Starts with "week". */
  WEEK_WORD: 1 << 13,
  /** Starts with "day". */
  DAY_WORD: 1 << 14,
  /** The letter run is "within", "in", "over" or "during": the lead of a span. */
  SPAN_LEAD: 1 << 15,
  /**
   * The letter run is a word every vague phrase holds: soon, shortly, coming, upcoming, few, near,
   * nearest, foreseeable, immediate, term, course, later.
   */
  VAGUE_WORD: 1 << 16,
} as const;

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 95;
/** text.charCodeAt(i), 0 past the end: a read out of bounds would deoptimise the scan. */
const codeAt = (text: string, i: number): number => (i < text.length ? text.charCodeAt(i) : 0);

/**
 * The letter words that are cores: `whole` when the word's ASCII letter run must be exactly
 * `word` (what a pattern follows with whitespace, `\b` or MONTH_SRC's `(?![a-z])`), otherwise a
 * prefix of the run (what a pattern may follow with more letters: "quarterly", "summertime").
 */
const LETTER_CORES: readonly { word: string; whole: boolean; kind: number }[] = [
  ...["january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul", "august", "aug",
    "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec"].map((word) => ({ word, whole: true, kind: CORE.MONTH })),
  { word: "quarter", whole: false, kind: CORE.QUARTER },
  { word: "mid", whole: false, kind: CORE.MID },
  { word: "early", whole: true, kind: CORE.EARLY_LATE },
  { word: "late", whole: true, kind: CORE.EARLY_LATE },
  { word: "half", whole: false, kind: CORE.HALF },
  ...["spring", "summer", "autumn", "fall", "winter"].map((word) => ({ word, whole: false, kind: CORE.SEASON })),
  ...["fy", "fiscal", "financial"].map((word) => ({ word, whole: false, kind: CORE.FISCAL })),
  { word: "year", whole: false, kind: CORE.YEAR_WORD },
  { word: "month", whole: false, kind: CORE.MONTH_WORD },
  { word: "week", whole: false, kind: CORE.WEEK_WORD },
  { word: "day", whole: false, kind: CORE.DAY_WORD },
  ...["within", "in", "over", "during"].map((word) => ({ word, whole: true, kind: CORE.SPAN_LEAD })),
  ...["soon", "shortly", "coming", "upcoming", "few", "near", "nearest", "foreseeable", "immediate", "term", "course", "later"]
    .map((word) => ({ word, whole: true, kind: CORE.VAGUE_WORD })),
];

/** 1-26 for an ASCII letter of either case, 0 for anything else. */
const letterIndex = (c: number): number => (isLetter(c) ? (c | 32) - 96 : 0);
/** A word's first three letters as a number (a letter after a non-letter counts as none). */
const prefixKey = (l0: number, l1: number, l2: number): number => (l0 << 10) | (l1 << 5) | (l1 === 0 ? 0 : l2);
const wordKey = (word: string): number => prefixKey(word.charCodeAt(0) - 96, (word.charCodeAt(1) || 96) - 96, (word.charCodeAt(2) || 96) - 96);

/**
 * LETTER_CORES by their first three letters, so that most words ("the", "of", "and") are passed
 * over after one look-up. A prefix core shorter than three letters ("fy") is filed under every
 * third letter.
 */
const CORES_BY_KEY: (readonly { word: string; whole: boolean; kind: number }[] | undefined)[] = (() => {
  const table: { word: string; whole: boolean; kind: number }[][] = [];
  const file = (key: number, core: { word: string; whole: boolean; kind: number }): void => {
    (table[key] ??= []).push(core);
  };
  for (const core of LETTER_CORES) {
    if (core.word.length < 3 && !core.whole) {
      for (let l2 = 0; l2 <= 26; l2++) file(prefixKey(core.word.charCodeAt(0) - 96, core.word.charCodeAt(1) - 96, l2), core);
    } else {
      file(wordKey(core.word), core);
    }
  }
  return Array.from({ length: 32 << 10 }, (_, key) => table[key]);
})();

/** The letter run text[at, at + length) begins with `word` (lower case), ignoring case. */
function startsWith(text: string, at: number, length: number, word: string): boolean {
  if (length < word.length) return false;
  // `| 32` lowers an ASCII letter and leaves a lower-case one as it is.
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(at + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/** The kinds of the word starting at `at` with the letter `c0`. */
function letterKinds(text: string, at: number, c0: number): number {
  const c1 = codeAt(text, at + 1);
  const l1 = letterIndex(c1);
  // "Q1"-"Q4", "H1", "H2": one letter and a digit.
  if (l1 === 0) {
    const l0 = c0 | 32;
    if (l0 === 113 && c1 >= 49 && c1 <= 52) return CORE.Q_NUMBER;
    if (l0 === 104 && (c1 === 49 || c1 === 50)) return CORE.H_NUMBER;
  }
  const cores = CORES_BY_KEY[prefixKey((c0 | 32) - 96, l1, letterIndex(codeAt(text, at + 2)))];
  if (cores === undefined) return 0;
  let end = at + 1;
  while (end < text.length && isLetter(text.charCodeAt(end))) end++;
  const length = end - at;
  let kinds = 0;
  for (const core of cores) {
    if ((core.whole ? length === core.word.length : true) && startsWith(text, at, length, core.word)) kinds |= core.kind;
  }
  return kinds;
}

/** The kinds of a word of digits at `at`. */
function numberKinds(text: string, at: number, c0: number): number {
  const c1 = codeAt(text, at + 1);
  const c2 = codeAt(text, at + 2);
  let kinds = 0;
  if (((c0 === 49 && c1 === 57) || (c0 === 50 && (c1 === 48 || c1 === 49))) && isDigit(c2) && isDigit(codeAt(text, at + 3))) kinds |= CORE.YEAR_NUMBER;
  if (((c1 === 46 || c1 === 47) && isDigit(c2)) || (isDigit(c1) && (c2 === 46 || c2 === 47) && isDigit(codeAt(text, at + 3)))) kinds |= CORE.NUMERIC_DATE;
  return kinds;
}

/**
 * The word starts of a text and their kinds, in buffers reused from call to call:
 * `starts[0, count)` in increasing order, `kinds[k]` the CORE bits of the word at `starts[k]`,
 * `all` their union. One instance per caller; scanCoreWords() overwrites it.
 */
export interface CoreWords {
  starts: Int32Array;
  kinds: Int32Array;
  count: number;
  all: number;
}

export function createCoreWords(): CoreWords {
  return { starts: new Int32Array(256), kinds: new Int32Array(256), count: 0, all: 0 };
}

/** Fills `words` with the word starts of `text` and their kinds. */
export function scanCoreWords(text: string, words: CoreWords): void {
  // A text of n characters has at most n / 2 + 1 word starts; growing first keeps the loop free of checks.
  if (words.starts.length < text.length / 2 + 1) {
    const size = Math.max(2 * words.starts.length, text.length);
    words.starts = new Int32Array(size);
    words.kinds = new Int32Array(size);
  }
  const { starts, kinds } = words;
  let count = 0;
  let all = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = isWordChar(c);
    if (word && !inWord) {
      const k = isLetter(c) ? letterKinds(text, i, c) : isDigit(c) ? numberKinds(text, i, c) : 0;
      starts[count] = i;
      kinds[count++] = k;
      all |= k;
    }
    inWord = word;
  }
  words.count = count;
  words.all = all;
}
