// Blind hold-out corpus: measures how the extractor generalises to documents it was never tuned on.
// Do not tune the extractor on these documents; the floor below is a regression guard, not a target.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GOLD, HOLDOUT_DIR, scoreHoldout } from "./score-holdout.ts";

/** Measured F1 0.848 when the corpus was written; floor = (0.848 - 0.05) rounded down to 0.05. */
const F1_FLOOR = 0.75;

interface GoldQuote {
  file: string;
  quote_contains: string;
}
interface Gold {
  documents: { file: string }[];
  commitments: GoldQuote[];
  negatives?: GoldQuote[];
}

// The scorer's normalisation (score-extraction.mjs), copied so the check matches what it matches.
const LOOKALIKE: Record<string, string> = {
  "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y", "\u0445": "x",
  "\u0410": "A", "\u0415": "E", "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u041d": "H",
  "\u041a": "K", "\u041c": "M", "\u0412": "B",
};
const norm = (s: string): string =>
  s
    .normalize("NFKC")
    .replace(/[\u0400-\u04ff]/g, (ch) => LOOKALIKE[ch] ?? ch)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

const countOf = (haystack: string, needle: string): number => {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
};

const gold = JSON.parse(readFileSync(GOLD, "utf8")) as Gold;
const docsDir = path.join(HOLDOUT_DIR, "docs");
const texts = new Map(readdirSync(docsDir).map((f) => [f, norm(readFileSync(path.join(docsDir, f), "utf8"))]));

describe("extraction hold-out corpus", () => {
  it("lists every document and only documents that exist", () => {
    expect(gold.documents.map((d) => d.file).sort()).toEqual([...texts.keys()].sort());
  });

  it("has each gold quote_contains exactly once in its document", () => {
    const problems: string[] = [];
    for (const item of [...gold.commitments, ...(gold.negatives ?? [])]) {
      const text = texts.get(item.file);
      const n = text === undefined ? -1 : countOf(text, norm(item.quote_contains));
      if (n !== 1) problems.push(`${item.file}: ${n === -1 ? "no such file" : `${n} occurrences`} of "${item.quote_contains}"`);
    }
    expect(problems).toEqual([]);
  });

  it(`scores at least F1 ${F1_FLOOR} with the real command line`, { timeout: 120_000 }, () => {
    const score = scoreHoldout();
    process.stdout.write(`hold-out: ${score.scoreLine}\n`);
    expect(score.f1).toBeGreaterThanOrEqual(F1_FLOOR);
  });
});
