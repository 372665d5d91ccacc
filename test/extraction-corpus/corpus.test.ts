/**
 * Regression floor for the extractor on the evaluation corpus (docs/*.txt, gold.json): runs the
 * shared scorer on the extractor's output and checks F1 and the number of negatives reported.
 * Raise the floors when the extractor improves; never lower them to make a change pass.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseForScoring as norm, type Gold } from "../support/gold.ts";
import { DOCS_DIR, extractCorpus, GOLD_FILE, scoreRecords } from "./score-corpus.ts";

/**
 * Baseline when the corpus was written: F1 0.945, 4 negatives reported. After the generalisation
 * rules (scheduling verbs, same-spelling past forms, prose dates, forecasts, ranges, missed plans,
 * statistics): F1 1.000, 0 negatives; floor = F1 - 0.03.
 * Issue 7 (real news) made events put on the calendar non-commitments ("The next meeting of the
 * Intergovernmental Council is scheduled for October", "The second summit is scheduled for 2026"):
 * those two required items are now missed by design, F1 0.986 (recall 0.973). Floor unchanged.
 */
const MIN_F1 = 0.97;
const MAX_NEGATIVES = 1;

describe("extraction corpus", () => {
  it("gold refers only to corpus documents and quotes them verbatim", () => {
    const gold = JSON.parse(readFileSync(GOLD_FILE, "utf8")) as Gold;
    const files = new Set(gold.documents.map((d) => d.file));
    const texts = new Map([...files].map((f) => [f, norm(readFileSync(join(DOCS_DIR, f), "utf8"))]));
    for (const item of [...gold.commitments, ...(gold.negatives ?? [])]) {
      const text = texts.get(item.file);
      expect(text, item.file).toBeDefined();
      // Exactly one occurrence, so the quote points at one sentence or bullet.
      expect(text?.split(norm(item.quote_contains)).length, item.quote_contains).toBe(2);
    }
  });

  it(`scores at least F1 ${MIN_F1} with at most ${MAX_NEGATIVES} negatives reported`, () => {
    const { output } = scoreRecords(extractCorpus());
    const f1Line = output.split("\n").find((l) => l.startsWith("F1 "));
    const countLine = output.split("\n").find((l) => l.startsWith("predictions "));
    process.stdout.write(`corpus: ${countLine ?? "?"}\ncorpus: ${f1Line ?? "?"}\n`);
    expect(f1Line, output).toBeDefined();
    expect(countLine, output).toBeDefined();
    const f1 = Number(/^F1 ([\d.]+)/.exec(f1Line ?? "")?.[1]);
    const negatives = Number(/negatives reported (\d+)/.exec(countLine ?? "")?.[1]);
    expect(f1, output).toBeGreaterThanOrEqual(MIN_F1);
    expect(negatives, output).toBeLessThanOrEqual(MAX_NEGATIVES);
  });
});
