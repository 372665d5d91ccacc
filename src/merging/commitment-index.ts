/**
 * Candidates for one new commitment among many stored ones, without comparing against all of them.
 * An inverted index from content stems to commitments, split by deadline year: a new commitment
 * looks up only its rarest stems (common ones such as "construction" would hand back a large share
 * of the store and decide nothing) and only the years its deadline could have moved from, plus the
 * undated. What comes back is scored in full by `compareProfiles`. Term weights (document
 * frequencies) are kept up to date as commitments are added and removed.
 */
import { dueWindow, MAX_DUE_SHIFT_DAYS } from "./dates.ts";
import { compareProfiles, createProfile, type MatcherStats, type MatchProfile, type Thresholds } from "./match.ts";
import { createTermStats, idf } from "./vectors.ts";
import type { MatchInput, MatchResult } from "./types.ts";

/** Stems looked up per new commitment, rarest first. */
export const MAX_QUERY_STEMS = 8;
/** A stem held by more than this share of the store (and more than MIN_COMMON_POSTINGS) is not looked up. */
export const MAX_POSTING_SHARE = 0.005;
export const MIN_COMMON_POSTINGS = 200;
/** Candidates scored in full per new commitment, those sharing the most looked-up stems first. */
export const MAX_CANDIDATES = 50;
/**
 * Looked-up stems a candidate must share once the new commitment has at least three to look up: a
 * restatement keeps several of its rare words ("Saryarka", "pipeline", "Kyzylorda"), an unrelated
 * commitment that shares one rare word is the bulk of what would otherwise be scored.
 */
export const MIN_SHARED_STEMS = 2;
/** Candidates sharing only one stem, when it is one of the two rarest looked up ("Qazaqstan"). */
export const SINGLE_STEM_CANDIDATES = 10;

const UNDATED = "undated";
const SHIFT_YEARS = Math.ceil(MAX_DUE_SHIFT_DAYS / 365);

export interface IndexedMatch {
  id: string;
  result: MatchResult;
}

export interface CommitmentIndex {
  readonly size: number;
  readonly stats: MatcherStats;
  /** Adds or replaces the commitment stored under `id`. */
  add(id: string, commitment: MatchInput): void;
  /** False when `id` was not indexed. */
  remove(id: string): boolean;
  /** Ids worth scoring against `commitment`, most shared rare stems first, at most MAX_CANDIDATES + SINGLE_STEM_CANDIDATES. */
  candidates(commitment: MatchInput): string[];
  /** Scored candidates that are `same` or `ask`, best first; empty when nothing stored resembles it. */
  findMatches(commitment: MatchInput, thresholds?: Thresholds): IndexedMatch[];
}

/** The deadline years a commitment is filed under: the years of its window, or "undated". */
function yearsOf(c: MatchInput): string[] {
  const w = dueWindow(c.due, c.precision);
  if (!w) return [UNDATED];
  const out: string[] = [];
  for (let y = Number(w[0].slice(0, 4)); y <= Number(w[1].slice(0, 4)); y++) out.push(String(y));
  return out;
}

/** The years a restatement of `c` may be filed under: its own, widened by the largest allowed move. */
function yearsToSearch(c: MatchInput): string[] | null {
  const w = dueWindow(c.due, c.precision);
  if (!w) return null; // undated: any year
  const out = [UNDATED];
  for (let y = Number(w[0].slice(0, 4)) - SHIFT_YEARS; y <= Number(w[1].slice(0, 4)) + SHIFT_YEARS; y++) out.push(String(y));
  return out;
}

export function createCommitmentIndex(): CommitmentIndex {
  const stats: MatcherStats = { words: createTermStats(), chars: createTermStats() };
  // Only the inputs are kept: a profile's character grams cost more memory than the commitment
  // itself, and are rebuilt for the few candidates scored. Postings hold small numbers, not ids.
  const inputs = new Map<number, MatchInput>();
  const numberOf = new Map<string, number>();
  const idOf: string[] = [];
  /** stem -> year -> internal numbers. */
  const postings = new Map<string, Map<string, Set<number>>>();

  function file(n: number, p: MatchProfile, add: boolean): void {
    const years = yearsOf(p.input);
    for (const stem of new Set(p.stems)) {
      let byYear = postings.get(stem);
      if (!byYear) postings.set(stem, (byYear = new Map()));
      for (const y of years) {
        let ids = byYear.get(y);
        if (!ids) byYear.set(y, (ids = new Set()));
        if (add) ids.add(n);
        else ids.delete(n);
      }
    }
  }

  const index: CommitmentIndex = {
    get size() {
      return inputs.size;
    },
    stats,
    add(id, commitment) {
      index.remove(id);
      let n = numberOf.get(id);
      if (n === undefined) {
        n = idOf.length;
        idOf.push(id);
        numberOf.set(id, n);
      }
      const p = createProfile(commitment);
      inputs.set(n, commitment);
      stats.words.add(p.stems);
      stats.chars.add(p.grams);
      file(n, p, true);
    },
    remove(id) {
      const n = numberOf.get(id);
      const input = n === undefined ? undefined : inputs.get(n);
      if (n === undefined || !input) return false;
      const p = createProfile(input);
      file(n, p, false);
      stats.words.remove(p.stems);
      stats.chars.remove(p.grams);
      inputs.delete(n);
      return true;
    },
    candidates(commitment) {
      return rankCandidates(createProfile(commitment)).map((n) => idOf[n] as string);
    },
    findMatches(commitment, thresholds) {
      const p = createProfile(commitment);
      return rankCandidates(p)
        .map((n) => ({ id: idOf[n] as string, result: compareProfiles(createProfile(inputs.get(n) as MatchInput), p, stats, thresholds) }))
        .filter((m) => m.result.decision !== "different")
        .sort((a, b) => b.result.score - a.result.score);
    },
  };

  function rankCandidates(p: MatchProfile): number[] {
    const limit = Math.max(MIN_COMMON_POSTINGS, MAX_POSTING_SHARE * inputs.size);
    const stems = [...new Set(p.stems)]
      .map((s) => [s, stats.words.frequency(s)] as const)
      .filter(([, df]) => df > 0 && df <= limit)
      .sort((a, b) => a[1] - b[1])
      .slice(0, MAX_QUERY_STEMS)
      .map(([s]) => s);
    const years = yearsToSearch(p.input);
    const hits = new Map<number, number>();
    /** Summed IDF of the shared stems: among candidates sharing as many stems, the rarer words first. */
    const weight = new Map<number, number>();
    /** Candidates whose first shared stem is one of the two rarest. */
    const rareHit = new Set<number>();
    stems.forEach((stem, rank) => {
      const byYear = postings.get(stem);
      if (!byYear) return;
      const lists = years ? years.map((y) => byYear.get(y)) : [...byYear.values()];
      const seen = new Set<number>();
      for (const ids of lists) for (const id of ids ?? []) seen.add(id);
      const w = idf(stats.words, stem);
      for (const id of seen) {
        const n = hits.get(id) ?? 0;
        if (n === 0 && rank < 2) rareHit.add(id);
        hits.set(id, n + 1);
        weight.set(id, (weight.get(id) ?? 0) + w);
      }
    });
    const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1] || (weight.get(b[0]) ?? 0) - (weight.get(a[0]) ?? 0));
    if (stems.length < 3) return ranked.slice(0, MAX_CANDIDATES).map(([id]) => id);
    const several = ranked.filter(([, n]) => n >= MIN_SHARED_STEMS).map(([id]) => id);
    const single = ranked.filter(([id, n]) => n < MIN_SHARED_STEMS && rareHit.has(id)).map(([id]) => id);
    return [...several.slice(0, MAX_CANDIDATES), ...single.slice(0, SINGLE_STEM_CANDIDATES)];
  }

  return index;
}
