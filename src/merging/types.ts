import type { ExtractedCommitment } from "../extraction/types.ts";

/** What the matcher reads of a commitment: the fields the extractor emits that say what, who and when. */
export type MatchInput = Pick<ExtractedCommitment, "title" | "quote" | "body" | "responsible" | "due" | "precision" | "dueText" | "topics" | "published">;

/**
 * `same`: a restatement, add it as a mention; `different`: a commitment of its own; `ask`: the band in
 * between, shown to the admins as "Same as #12?".
 */
export type MatchDecision = "same" | "different" | "ask";

/** How the two responsible bodies relate. */
export type BodyRelation =
  | "same" // one body after normalisation, or a short form of the other ("Ministry of Trade" / "... and Integration")
  | "unknown" // one side (or both) names no body
  | "generic" // one side is the executive as a whole (Government, Prime Minister...), the other a specific body
  | "different";

/** How the two deadline windows relate. */
export type DateRelation =
  | "same-window" // the windows overlap: "by 31 December 2025" and "by the end of 2025"
  | "moved" // a slip or pull-in within MAX_DUE_SHIFT_DAYS
  | "undated" // one side (or both) has no usable date
  | "too-far"; // further apart than a restatement moves a date

/** One feature that went into the decision, with its value: what an admin reads under "Same as #12?". */
export interface MatchReason {
  feature: "body" | "date" | "words" | "chars" | "anchors" | "quantities" | "score" | "threshold";
  value: number | string;
  detail: string;
}

export interface MatchResult {
  decision: MatchDecision;
  /** Final score in [0, 1]; reported even when a gate (body, date) rules the pair out. */
  score: number;
  body: BodyRelation;
  date: DateRelation;
  /** Distance between the two deadline windows in days, null when one side is undated. */
  shiftDays: number | null;
  /** Rare stems and quantities both sides share; none caps the decision at `ask`. */
  anchors: number;
  /** Both name quantities and share none: at most `ask`. */
  quantityConflict: boolean;
  reasons: MatchReason[];
}
