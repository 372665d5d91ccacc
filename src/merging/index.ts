/**
 * Merging: is a new report the same commitment as a stored one? PURE: no I/O, no clock.
 * `matchCommitments` compares two commitments; `createCommitmentIndex` finds the candidates for
 * one new commitment among many without comparing against all of them.
 */
export * from "./types.ts";
export { normaliseBody, bodyRelation, isGenericBody } from "./bodies.ts";
export { dueWindow, windowGapDays, dateRelation, MAX_DUE_SHIFT_DAYS, FREE_SHIFT_DAYS } from "./dates.ts";
export { contentStems, charGrams, matchText, quantities, CHAR_GRAM_CHARS } from "./text.ts";
export { createTermStats, idf, tfidfVector, cosine, type TermStats, type SparseVector } from "./vectors.ts";
export {
  matchCommitments,
  compareProfiles,
  createProfile,
  SAME_THRESHOLD,
  ASK_THRESHOLD,
  WORD_WEIGHT,
  SAME_BODY_BONUS,
  SAME_WINDOW_BONUS,
  MOVED_DATE_PENALTY,
  QUANTITY_CONFLICT_PENALTY,
  ANCHOR_MAX_SHARE,
  decideMatch,
  type MatchProfile,
  type MatcherStats,
  type Thresholds,
} from "./match.ts";
export { createCommitmentIndex, MIN_SHARED_STEMS, SINGLE_STEM_CANDIDATES, MAX_QUERY_STEMS, MAX_POSTING_SHARE, MIN_COMMON_POSTINGS, MAX_CANDIDATES, type CommitmentIndex, type IndexedMatch } from "./commitment-index.ts";
