import type { CalendarDate } from "../../calendar.ts";
import type { IsoDate, Precision } from "../types.js";

/** "deadline": the date by which something happens; "start": the date from which it applies. */
export type DeadlineRole = "deadline" | "start";

/** What a parser understood, before any reference date is applied. */
export interface DeadlineSpec {
  precision: Precision;
  role: DeadlineRole;
  /** True when the phrase needs a reference date ("next year", "in August", "within ten days"). */
  relative: boolean;
  /** True for phrases with no date at all ("in the coming years", "soon"). */
  vague?: boolean;
  /** A plan's or concept's period ("Concept for 2026-2030"): yields to any other phrase in its clause. */
  planPeriod?: boolean;
  /**
   * For a fiscal year written across two calendar years ("FY 2021-22"): the calendar year it
   * ends in. Where it ends depends on the government (see fiscal-year.ts); `compute` assumes 31 March.
   */
  fiscalYearEnding?: number;
  /** How firmly the preposition marks a deadline: 3 by/until/within, 2 in/on/from, 1 bare date. */
  strength: number;
  /**
   * The due date and the end of the period the phrase names (the same day for "by 5 May"; the
   * month's last day for "from July 2025"). Null when a relative phrase has no reference.
   */
  compute(ref: CalendarDate | null): { due: CalendarDate; periodEnd: CalendarDate } | null;
}

/** A deadline phrase found in a text: [start, end) offsets in that text. */
export interface DeadlineMatch {
  start: number;
  end: number;
  text: string;
  spec: DeadlineSpec;
  /** The parser that found it ("month-year", "within", ...): part of a commitment's `rule`. */
  parser: string;
}

/**
 * One phrasing family. `pattern` must be global; `extract` returns null when the match is not
 * really a deadline (a lower-case "may", an impossible date, a legal period "within 10 days of").
 */
export interface DeadlineParser {
  name: string;
  pattern: RegExp;
  extract(match: RegExpExecArray, text: string): DeadlineSpec | null;
  /**
   * Where a match can start, so that `pattern` is tried only there instead of scanning the whole
   * text (see core-words.ts): every match holds a word of kind `core` (CORE bits, any of them),
   * starts at a word start, and has at most `wordsBefore` word starts before that core word.
   * The bound is the sum, over the pattern's pieces before the core, of the most word starts each
   * piece can hold ("no later than" 3, "the" 1, "end of the" 3, "20th" 1); a piece of unbounded
   * words rules out an anchor, unless `unbounded` names what such a piece cannot do without: a
   * text it matches is scanned whole. Absent: the pattern scans the whole text.
   */
  anchor?: { core: number; wordsBefore: number; unbounded?: RegExp };
}

/** A deadline phrase resolved against a reference date. */
export interface ResolvedDeadline {
  due: IsoDate | null;
  precision: Precision;
  /** End of the named period; null when undated. Used to drop phrases that lie wholly in the past. */
  periodEnd: IsoDate | null;
  undatedReason: string | null;
}

/** Preposition groups shared by the parsers. */
export const BY_PREP = "by|until|till|before|no later than|not later than|on or before|prior to|up to|through";
export const FROM_PREP =
  "from|starting from|starting in|starting on|starting|beginning in|beginning on|beginning from|beginning|as of|as from|effective from|effective as of|effective|commencing on|commencing|with effect from";
export const IN_PREP = "in|on|during|throughout|within|at|for";
/**
 * Scheduling words that stand where a preposition would: "is scheduled for October", "is due by
 * March 2026", "is slated for 2026". They overlap the commitment marker ("is scheduled for"); the
 * classifier lets a marker that starts before the phrase govern it.
 */
export const SCHEDULE_PREP = "scheduled for|scheduled in|set for|slated for|planned for|earmarked for|due by|due in|due for|due on|expected in|expected by";
export const ONWARDS_SRC = "(?:\\s+(?:and\\s+)?onwards?)?";

const FROM_RE = new RegExp(`^(?:${FROM_PREP})$`, "i");
const BY_RE = new RegExp(`^(?:${BY_PREP})$`, "i");

type PrepositionInfo = Readonly<{ role: DeadlineRole; strength: number }>;

const NO_PREPOSITION: PrepositionInfo = Object.freeze({ role: "deadline", strength: 1 });
/** prepositionInfo's answers by preposition as written: few distinct ones recur in every text. */
const INFO_BY_PREP = new Map<string, PrepositionInfo>();
const MAX_CACHED_PREPS = 256;

/** Role and strength of a preposition (undefined: the phrase had none). */
export function prepositionInfo(prep: string | undefined): PrepositionInfo {
  if (!prep) return NO_PREPOSITION;
  let info = INFO_BY_PREP.get(prep);
  if (info === undefined) {
    const p = prep.toLowerCase().replace(/\s+/g, " ").trim();
    if (FROM_RE.test(p)) info = { role: "start", strength: 2 };
    else if (BY_RE.test(p) || p === "within") info = { role: "deadline", strength: 3 };
    else info = { role: "deadline", strength: 2 };
    // Unusual spacing could make the prepositions of a long text many: keep the cache small.
    if (INFO_BY_PREP.size >= MAX_CACHED_PREPS) INFO_BY_PREP.clear();
    INFO_BY_PREP.set(prep, Object.freeze(info));
  }
  return info;
}
