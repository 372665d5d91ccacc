/**
 * Is a new report the same commitment as a stored one? Gates first, then a score on content.
 *
 * Method. Cross-document event coreference work finds that most coreferent mention pairs share
 * their trigger lemma or much of their sentence's wording, and that a lemma-overlap heuristic alone
 * keeps most true links while discarding most pairs (Ahmed et al. 2023, "2*n is better than n^2",
 * Findings of ACL, on ECB+ and GVC); feature-based systems that add time and participants
 * generalise across corpora better than neural ones tuned to ECB+ (Bugert et al. 2021,
 * Computational Linguistics 47(3)). For commitments the participants are the responsible body and
 * the time is the deadline, so: (1) the bodies must agree or one side name none, (2) the deadline
 * windows must be within a restatement's reach, (3) TF-IDF cosine over Porter stems and over
 * character 4-grams of title and quote, plus small agreement terms for body and date, must pass
 * thresholds chosen on the development half of test/merging/pairs.json. No learned weights: each
 * reason is a number an admin can check.
 */
import { bodyRelation, normaliseBody } from "./bodies.ts";
import { dateRelation, FREE_SHIFT_DAYS, MAX_DUE_SHIFT_DAYS } from "./dates.ts";
import { charGrams, contentStems, matchText, quantities } from "./text.ts";
import { cosine, sharedTerms, tfidfVector, type SparseVector, type TermStats } from "./vectors.ts";
import type { MatchDecision, MatchInput, MatchReason, MatchResult } from "./types.ts";

/** At or above: the same commitment. Chosen on the development pairs (see README, "Matching restatements"). */
export const SAME_THRESHOLD = 0.38;
/** At or above (and below SAME_THRESHOLD): ask the admins. Below: a different commitment. */
export const ASK_THRESHOLD = 0.24;

/** Share of the content score from word stems; the rest from character grams. */
export const WORD_WEIGHT = 0.6;
/** Added when both sides name the same body: the strongest sign outside the words. */
export const SAME_BODY_BONUS = 0.05;
/** Added when the deadline windows overlap. */
export const SAME_WINDOW_BONUS = 0.05;
/** Taken off, at most, for a date moved by MAX_DUE_SHIFT_DAYS; nothing up to FREE_SHIFT_DAYS. */
export const MOVED_DATE_PENALTY = 0.1;
/** Taken off when both name quantities and share none ("11,000 km" against "5,000 km"). */
export const QUANTITY_CONFLICT_PENALTY = 0.3;
/**
 * A stem used by at most this share of the stored commitments is an anchor (a name, a rare object:
 * "Saryarka", "Kalkaman", "icebreaker"). Without a shared anchor or quantity two reports are too
 * generic to merge unseen ("construction works must be finished"): at most `ask`.
 */
export const ANCHOR_MAX_SHARE = 0.02;

export interface Thresholds {
  same: number;
  ask: number;
}

/** A commitment prepared once for matching: its terms do not change as the store grows. */
export interface MatchProfile {
  input: MatchInput;
  bodyKey: string | null;
  stems: string[];
  grams: string[];
  quantities: Set<string>;
}

export function createProfile(input: MatchInput): MatchProfile {
  const text = matchText(input);
  return { input, bodyKey: normaliseBody(input.body ?? input.responsible), stems: contentStems(text), grams: charGrams(text), quantities: quantities(input.quote) };
}

export interface MatcherStats {
  words: TermStats;
  chars: TermStats;
}

interface Vectors {
  wordsVersion: number;
  charsVersion: number;
  words: SparseVector;
  chars: SparseVector;
}
/** A new commitment is compared with many candidates under unchanged stats: build its vectors once. */
const vectorCache = new WeakMap<MatchProfile, Vectors>();

function vectorsOf(p: MatchProfile, stats: MatcherStats): Vectors {
  const cached = vectorCache.get(p);
  if (cached && cached.wordsVersion === stats.words.version && cached.charsVersion === stats.chars.version) return cached;
  const v = { wordsVersion: stats.words.version, charsVersion: stats.chars.version, words: tfidfVector(p.stems, stats.words), chars: tfidfVector(p.grams, stats.chars) };
  vectorCache.set(p, v);
  return v;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

type DecisionInput = Pick<MatchResult, "score" | "body" | "date" | "anchors" | "quantityConflict">;

/**
 * The decision from the features: the gates (bodies differ, dates too far apart) say `different`
 * whatever the score; a pair that shares no name or quantity, or whose quantities disagree, is at
 * most `ask` (too little to merge unseen); otherwise the thresholds decide.
 */
export function decideMatch(f: DecisionInput, thresholds: Thresholds = { same: SAME_THRESHOLD, ask: ASK_THRESHOLD }): MatchDecision {
  if (f.body === "different" || f.date === "too-far") return "different";
  const byScore: MatchDecision = f.score >= thresholds.same ? "same" : f.score >= thresholds.ask ? "ask" : "different";
  return byScore === "same" && (f.anchors === 0 || f.quantityConflict) ? "ask" : byScore;
}

function thresholdDetail(f: DecisionInput, thresholds: Thresholds): string {
  if (f.body === "different") return "different responsible bodies";
  if (f.date === "too-far") return `deadlines more than ${MAX_DUE_SHIFT_DAYS} days apart`;
  const caps = [f.anchors === 0 ? "no shared name or quantity" : "", f.quantityConflict ? "quantities disagree" : ""].filter(Boolean);
  return `same >= ${thresholds.same}, ask >= ${thresholds.ask}${caps.length ? `; ${caps.join(", ")}: at most ask` : ""}`;
}

/**
 * Compares two prepared commitments. `stats` weighs terms by how rare they are among the stored
 * commitments; `thresholds` defaults to the ones chosen on the development pairs.
 */
export function compareProfiles(a: MatchProfile, b: MatchProfile, stats: MatcherStats, thresholds: Thresholds = { same: SAME_THRESHOLD, ask: ASK_THRESHOLD }): MatchResult {
  const reasons: MatchReason[] = [];
  const body = bodyRelation(a.input.body ?? a.input.responsible, b.input.body ?? b.input.responsible);
  reasons.push({ feature: "body", value: body, detail: `${a.bodyKey ?? "none"} / ${b.bodyKey ?? "none"}` });
  const { relation: date, gapDays } = dateRelation(a.input, b.input);
  reasons.push({ feature: "date", value: date, detail: `${a.input.due ?? "undated"} (${a.input.precision}) / ${b.input.due ?? "undated"} (${b.input.precision})${gapDays ? `, ${gapDays} days apart` : ""}` });

  const va = vectorsOf(a, stats);
  const vb = vectorsOf(b, stats);
  const [wa, wb] = [va.words, vb.words];
  const words = cosine(wa, wb);
  reasons.push({ feature: "words", value: round(words), detail: `shared: ${sharedTerms(wa, wb, 6).join(", ") || "none"}` });
  const chars = cosine(va.chars, vb.chars);
  reasons.push({ feature: "chars", value: round(chars), detail: `${a.grams.length} / ${b.grams.length} grams` });

  const shared = new Set(a.stems.filter((t) => b.stems.includes(t)));
  const anchors = [...shared].filter((t) => stats.words.frequency(t) <= Math.max(2, ANCHOR_MAX_SHARE * stats.words.documents));
  const sharedQuantities = [...a.quantities].filter((q) => b.quantities.has(q));
  const quantityConflict = a.quantities.size > 0 && b.quantities.size > 0 && sharedQuantities.length === 0;
  reasons.push({ feature: "anchors", value: anchors.length + sharedQuantities.length, detail: `shared names and quantities: ${[...anchors, ...sharedQuantities].slice(0, 6).join(", ") || "none"}` });
  if (quantityConflict) reasons.push({ feature: "quantities", value: "conflict", detail: `${[...a.quantities].join(", ")} / ${[...b.quantities].join(", ")}` });

  let score = WORD_WEIGHT * words + (1 - WORD_WEIGHT) * chars;
  if (body === "same") score += SAME_BODY_BONUS;
  if (date === "same-window") score += SAME_WINDOW_BONUS;
  if (date === "moved" && gapDays !== null && gapDays > FREE_SHIFT_DAYS) {
    score -= (MOVED_DATE_PENALTY * (gapDays - FREE_SHIFT_DAYS)) / (MAX_DUE_SHIFT_DAYS - FREE_SHIFT_DAYS);
  }
  if (quantityConflict) score -= QUANTITY_CONFLICT_PENALTY;
  score = round(Math.max(0, Math.min(1, score)));
  reasons.push({ feature: "score", value: score, detail: `${WORD_WEIGHT} x words + ${round(1 - WORD_WEIGHT)} x chars, body and date terms` });

  const partial = { score, body, date, anchors: anchors.length + sharedQuantities.length, quantityConflict };
  const decision = decideMatch(partial, thresholds);
  reasons.push({ feature: "threshold", value: decision, detail: thresholdDetail(partial, thresholds) });
  return { ...partial, decision, shiftDays: gapDays, reasons };
}

/** Compares two commitments as the extractor emits them, with term weights from `stats`. */
export function matchCommitments(a: MatchInput, b: MatchInput, stats: MatcherStats, thresholds?: Thresholds): MatchResult {
  return compareProfiles(createProfile(a), createProfile(b), stats, thresholds);
}
