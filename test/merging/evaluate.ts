/**
 * Scores the pair set with the matcher and reports precision and recall of `same`, and the share of
 * pairs sent to the admins (`ask`). Term weights come from all commitments in the set (no labels are
 * used, as the store would weigh terms by what it holds). Printing the figures:
 *   node --import tsx test/merging/evaluate.ts [--choose]
 * `--choose` picks thresholds on the development part only and shows what they give on held-out.
 */
import { pathToFileURL } from "node:url";
import { decideMatch, compareProfiles, createProfile, createTermStats, type MatcherStats, type MatchProfile, type MatchResult, type Thresholds, SAME_THRESHOLD, ASK_THRESHOLD } from "../../src/merging/index.ts";
import { loadPairSet, type LabelledPair, type PairSet } from "./pair-set.ts";

export interface ScoredPair {
  pair: LabelledPair;
  result: MatchResult;
}

export interface Figures {
  pairs: number;
  positives: number;
  /** Pairs decided `same` / `ask` / `different`. */
  same: number;
  ask: number;
  truePositives: number;
  precision: number;
  recall: number;
  askShare: number;
  /** Positives that land in `ask` (an admin confirms them) and negatives that do. */
  askPositives: number;
}

export function scorePairs(set: PairSet, thresholds?: Thresholds): ScoredPair[] {
  const profiles = new Map<string, MatchProfile>();
  const stats: MatcherStats = { words: createTermStats(), chars: createTermStats() };
  for (const [id, c] of Object.entries(set.commitments)) {
    const p = createProfile(c);
    profiles.set(id, p);
    stats.words.add(p.stems);
    stats.chars.add(p.grams);
  }
  return set.pairs.map((pair) => ({
    pair,
    result: compareProfiles(profiles.get(pair.a) as MatchProfile, profiles.get(pair.b) as MatchProfile, stats, thresholds),
  }));
}

export function figures(scored: readonly ScoredPair[]): Figures {
  const positives = scored.filter((s) => s.pair.label === "same").length;
  const same = scored.filter((s) => s.result.decision === "same");
  const ask = scored.filter((s) => s.result.decision === "ask");
  const truePositives = same.filter((s) => s.pair.label === "same").length;
  return {
    pairs: scored.length,
    positives,
    same: same.length,
    ask: ask.length,
    truePositives,
    precision: same.length === 0 ? 1 : truePositives / same.length,
    recall: positives === 0 ? 1 : truePositives / positives,
    askShare: scored.length === 0 ? 0 : ask.length / scored.length,
    askPositives: ask.filter((s) => s.pair.label === "same").length,
  };
}

/** Re-decides already scored pairs under other thresholds (the gates stay as they were). */
function redecide(scored: readonly ScoredPair[], t: Thresholds): ScoredPair[] {
  return scored.map((s) => ({ ...s, result: { ...s.result, decision: decideMatch(s.result, t) } }));
}

/**
 * Thresholds from development pairs: `same` is the lowest score whose precision on dev is at least
 * `minPrecision` with one step of margin; `ask` the highest score below which at most
 * `maxMissedShare` of the dev positives fall (so nearly every true pair is at least asked about).
 */
export function chooseThresholds(dev: readonly ScoredPair[], minPrecision = 0.97, maxMissedShare = 0.03): Thresholds {
  const steps = Array.from({ length: 101 }, (_, i) => i / 100);
  let same = 1;
  for (const t of [...steps].reverse()) {
    if (figures(redecide(dev, { same: t, ask: t })).precision >= minPrecision) same = t;
    else break;
  }
  same = Math.min(1, Math.round((same + 0.01) * 100) / 100);
  const positives = dev.filter((s) => s.pair.label === "same" && s.result.body !== "different" && s.result.date !== "too-far");
  let ask = 0;
  for (const t of steps) {
    if (t > same) break;
    if (positives.filter((s) => s.result.score < t).length <= maxMissedShare * positives.length) ask = t;
  }
  return { same, ask };
}

function line(name: string, f: Figures): string {
  const pct = (x: number): string => x.toFixed(3);
  return `${name.padEnd(9)} pairs ${f.pairs} (same ${f.positives})  precision ${pct(f.precision)}  recall ${pct(f.recall)}  ask ${f.ask} (${(100 * f.askShare).toFixed(1)}%, ${f.askPositives} true)`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const set = loadPairSet();
  let thresholds: Thresholds = { same: SAME_THRESHOLD, ask: ASK_THRESHOLD };
  if (process.argv.includes("--choose")) {
    thresholds = chooseThresholds(scorePairs(set).filter((s) => s.pair.part === "dev"));
    print(`chosen on dev: same >= ${thresholds.same}, ask >= ${thresholds.ask}`);
  }
  const scored = scorePairs(set, thresholds);
  for (const part of ["dev", "held-out"] as const) print(line(part, figures(scored.filter((s) => s.pair.part === part))));
  print(line("all", figures(scored)));
  const wrong = scored.filter((s) => (s.result.decision === "same") !== (s.pair.label === "same") || s.result.decision === "ask");
  for (const s of wrong.sort((x, y) => y.result.score - x.result.score)) {
    print(`  ${s.pair.label.padEnd(9)} -> ${s.result.decision.padEnd(9)} ${s.result.score.toFixed(3)} ${s.pair.part.padEnd(8)} ${s.result.reasons.map((r) => `${r.feature}=${r.value}`).join(" ")} | ${s.pair.reason}`);
  }
}

/** These scripts talk to a person on stdout (the lint rule on console is for the library). */
function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
