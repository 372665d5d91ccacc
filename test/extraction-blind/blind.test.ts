import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countOccurrences, normaliseForScoring, type Gold } from "../support/gold.ts";
import { REPO_ROOT } from "../support/shared-paths.ts";
import { BLIND_DOCS, BLIND_GOLD, scoreBlind } from "./score-blind.ts";

/**
 * Measured blind when the corpus was written: F1 0.917 (precision 0.847, recall 1.000). Its four
 * failure families were then fixed with general rules (F1 1.000), so it is no longer blind and
 * now guards against regressions.
 */
const F1_FLOOR = 0.95;

const gold = JSON.parse(readFileSync(path.join(REPO_ROOT, BLIND_GOLD), "utf8")) as Gold;
const docText = new Map(
  gold.documents.map((d) => [d.file, normaliseForScoring(readFileSync(path.join(REPO_ROOT, BLIND_DOCS, d.file), "utf8"))]),
);

describe("blind extraction corpus", () => {
  const quotes = [
    ...gold.commitments.map((c) => ({ kind: "commitment", file: c.file, quote: c.quote_contains })),
    ...(gold.negatives ?? []).map((n) => ({ kind: "negative", file: n.file, quote: n.quote_contains })),
  ];

  it("has every gold quote exactly once in its document", () => {
    const problems: string[] = [];
    for (const q of quotes) {
      const text = docText.get(q.file);
      if (text === undefined) {
        problems.push(`${q.kind} ${q.file}: no such document in gold.documents`);
        continue;
      }
      const n = countOccurrences(text, normaliseForScoring(q.quote));
      if (n !== 1) problems.push(`${q.kind} ${q.file}: "${q.quote}" occurs ${n} times`);
    }
    expect(problems).toEqual([]);
  });

  it(`scores at least F1 ${F1_FLOOR}`, { timeout: 120_000 }, () => {
    const score = scoreBlind();
    process.stdout.write(`blind corpus: ${score.countsLine}\nblind corpus: ${score.scoreLine}\n`);
    expect(score.f1, score.output).toBeGreaterThanOrEqual(F1_FLOOR);
  });
});
