import type { IsoDate } from "../calendar.ts";

/** How exact a deadline phrase is. "vague" means there is no usable date at all. */
export type Precision = "day" | "month" | "quarter" | "year" | "season" | "vague";

/** The fixed topic list; `/follow topic` and the store rely on these exact strings. */
export const TOPICS = [
  "digital & AI",
  "justice & law",
  "environment",
  "transport & logistics",
  "economy & trade",
  "social policy",
  "security & foreign affairs",
  "energy",
  "health",
  "education",
] as const;
export type Topic = (typeof TOPICS)[number];

/** A calendar date in the government's time zone, "YYYY-MM-DD". */
export type { IsoDate };

export interface ExtractOptions {
  /** Publication date used when the document itself has none; null: relative phrases stay undated. */
  reference?: IsoDate | null;
  /** Time zone of the government issuing the document (informational: all dates are calendar dates). */
  timeZone?: string;
}

/** One article of a document: a digest or multi-article file has several. */
export interface Article {
  title: string | null;
  /** Reference date of this article (its stamp, header or prose date), or null if none is known. */
  published: IsoDate | null;
  /** Offset of the article's first character in the ORIGINAL document text. */
  start: number;
  end: number;
}

export interface ExtractedCommitment {
  /** The sentence or bullet the commitment was read from, verbatim from the document. */
  quote: string;
  /** [start, end) offsets of `quote` in the ORIGINAL (not normalised) document text. */
  quoteStart: number;
  quoteEnd: number;
  /** Short imperative summary a person can read in a list. */
  title: string;
  /** The actor as written, or null. */
  responsible: string | null;
  /** Canonical actor for grouping and following, or null. */
  body: string | null;
  topics: Topic[];
  /** The deadline phrase as written, or null for an undated commitment. */
  dueText: string | null;
  /** Due (or start, for "from X onwards") calendar date, or null when undated. */
  due: IsoDate | null;
  precision: Precision;
  /** Why `due` is null (no date phrase, vague phrase, relative phrase without reference date). */
  undatedReason: string | null;
  article: string | null;
  published: IsoDate | null;
  /**
   * Which rules found it: the deadline parser and the commitment marker that governs the phrase,
   * e.g. "month-year 'by March 2026' + instruct-active 'instructed'". Always set by
   * extractDocument; optional so that hand-made commitments (tests, fakes) need not invent one.
   */
  rule?: string;
}

export interface ExtractionResult {
  articles: Article[];
  commitments: ExtractedCommitment[];
}
