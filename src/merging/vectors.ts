/**
 * TF-IDF vectors and cosine similarity. Document frequencies come from the commitments the store
 * already holds (an `TermStats` the index keeps up to date), so a word every commitment uses
 * ("construction", "government") weighs little and a name ("Saryarka", "Qazaqstan") a lot.
 */

/** Document frequencies of terms over a collection of commitments. */
export interface TermStats {
  /** Number of commitments counted. */
  readonly documents: number;
  /** Changes whenever a count does: vectors built under an older version are stale. */
  readonly version: number;
  frequency(term: string): number;
  /** Counts each distinct term of one commitment once. */
  add(terms: Iterable<string>): void;
  remove(terms: Iterable<string>): void;
}

export function createTermStats(): TermStats {
  const df = new Map<string, number>();
  let documents = 0;
  let version = 0;
  return {
    get documents() {
      return documents;
    },
    get version() {
      return version;
    },
    frequency: (term) => df.get(term) ?? 0,
    add(terms) {
      documents++;
      version++;
      for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
    },
    remove(terms) {
      documents = Math.max(0, documents - 1);
      version++;
      for (const t of new Set(terms)) {
        const n = (df.get(t) ?? 0) - 1;
        if (n > 0) df.set(t, n);
        else df.delete(t);
      }
    },
  };
}

/** Smoothed inverse document frequency (as scikit-learn's `smooth_idf`): never zero, unseen terms highest. */
export function idf(stats: TermStats, term: string): number {
  return Math.log((stats.documents + 1) / (stats.frequency(term) + 1)) + 1;
}

export type SparseVector = Map<string, number>;

/** Sublinear TF (1 + ln tf) times IDF, L2-normalised. */
export function tfidfVector(terms: readonly string[], stats: TermStats): SparseVector {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v: SparseVector = new Map();
  let norm = 0;
  for (const [t, n] of tf) {
    const w = (1 + Math.log(n)) * idf(stats, t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** Cosine of two L2-normalised vectors, in [0, 1]. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) dot += w * o;
  }
  return Math.min(1, dot);
}

/** The terms both vectors share, heaviest first (what an admin sees as "shared words"). */
export function sharedTerms(a: SparseVector, b: SparseVector, limit: number): string[] {
  const shared: [string, number][] = [];
  for (const [t, w] of a) {
    const o = b.get(t);
    if (o !== undefined) shared.push([t, w * o]);
  }
  return shared
    .sort((x, y) => y[1] - x[1])
    .slice(0, limit)
    .map(([t]) => t);
}
