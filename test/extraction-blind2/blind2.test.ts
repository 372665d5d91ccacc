import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countOccurrences, normaliseForScoring, type Gold } from "../support/gold.ts";
import { REPO_ROOT } from "../support/shared-paths.ts";
import { BLIND_DOCS, BLIND_GOLD, scoreBlind } from "./score-blind2.ts";

/**
 * Measured blind when the corpus was written (8 documents, 38 commitments, 30 negatives):
 * F1 0.903 (precision 0.872, recall 0.938). Floor: measured F1 - 0.05, rounded down to 0.05.
 */
const F1_FLOOR = 0.85;

const gold = JSON.parse(readFileSync(path.join(REPO_ROOT, BLIND_GOLD), "utf8")) as Gold;
const docText = new Map(
  gold.documents.map((d) => [d.file, normaliseForScoring(readFileSync(path.join(REPO_ROOT, BLIND_DOCS, d.file), "utf8"))]),
);

describe("second blind extraction corpus", () => {
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
    process.stdout.write(`blind corpus 2: ${score.countsLine}\nblind corpus 2: ${score.scoreLine}\n`);
    expect(score.f1, score.output).toBeGreaterThanOrEqual(F1_FLOOR);
  });
});
