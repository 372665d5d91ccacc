/**
 * Evaluation corpora (test/extraction-*): a `docs/` folder and a `gold.json` in the format of
 * seeds.gold.json. One scorer run and one pair of checks serve them all:
 *   npx tsx test/support/corpus.ts test/extraction-blind     (prints the scorer's full output)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { countOccurrences, normaliseForScoring, type Gold } from "./gold.ts";
import { REPO_ROOT, SCORER } from "./shared-paths.ts";

export interface CorpusScore {
  /** Everything the scorer printed (one row per failure, then the two summary lines). */
  output: string;
  /** The "predictions N, correct N, ..." line. */
  countsLine: string;
  /** The "F1 x precision y recall z" line. */
  scoreLine: string;
  f1: number;
  precision: number;
  recall: number;
}

/**
 * Runs the real command line, `mindet extract <dir>/docs --json`, and the shared scorer on its
 * output against `<dir>/gold.json`. `dir` is relative to the repository's root.
 */
export function scoreCorpus(dir: string): CorpusScore {
  const tmp = mkdtempSync(path.join(tmpdir(), "mindet-corpus-"));
  try {
    const predictions = path.join(tmp, "predictions.json");
    const json = execFileSync(process.execPath, ["bin/mindet.mjs", "extract", `${dir}/docs`, "--json"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    writeFileSync(predictions, json);
    // The scorer exits 1 only below --min-f1, which is not given: its output is read, not its code.
    const run = spawnSync(process.execPath, [SCORER, `${dir}/gold.json`, predictions], { cwd: REPO_ROOT, encoding: "utf8" });
    const output = run.stdout + run.stderr;
    const lines = output.trimEnd().split("\n");
    const scoreLine = lines.find((l) => l.startsWith("F1 ")) ?? "";
    const countsLine = lines.find((l) => l.startsWith("predictions ")) ?? "";
    const m = /^F1 ([\d.]+) precision ([\d.]+) recall ([\d.]+)/.exec(scoreLine);
    if (!m) throw new Error(`no score line in the scorer's output:\n${output}`);
    return { output, countsLine, scoreLine, f1: Number(m[1]), precision: Number(m[2]), recall: Number(m[3]) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The checks every corpus gets: its gold lists exactly the documents in docs/, every quote of it
 * occurs exactly once in its document (so it points at one sentence), and the extractor scores at
 * least `minF1` through the real command line.
 */
export function describeCorpus(title: string, dir: string, minF1: number): void {
  const gold = JSON.parse(readFileSync(path.join(REPO_ROOT, dir, "gold.json"), "utf8")) as Gold;
  const docsDir = path.join(REPO_ROOT, dir, "docs");
  const texts = new Map(readdirSync(docsDir).map((f) => [f, normaliseForScoring(readFileSync(path.join(docsDir, f), "utf8"))]));

  describe(title, () => {
    it("gold lists every document, and every gold quote occurs exactly once in its document", () => {
      expect(gold.documents.map((d) => d.file).sort()).toEqual([...texts.keys()].sort());
      const problems: string[] = [];
      for (const item of [...gold.commitments, ...(gold.negatives ?? [])]) {
        const text = texts.get(item.file);
        const n = text === undefined ? -1 : countOccurrences(text, normaliseForScoring(item.quote_contains));
        if (n !== 1) problems.push(`${item.file}: ${n === -1 ? "no such document" : `${n} occurrences`} of "${item.quote_contains}"`);
      }
      expect(problems).toEqual([]);
    });

    it(`scores at least F1 ${minF1} through the real command line`, { timeout: 120_000 }, () => {
      const score = scoreCorpus(dir);
      process.stdout.write(`${title}: ${score.countsLine}\n${title}: ${score.scoreLine}\n`);
      expect(score.f1, score.output).toBeGreaterThanOrEqual(minF1);
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: npx tsx test/support/corpus.ts test/extraction-<name>");
    process.exit(2);
  }
  process.stdout.write(scoreCorpus(dir).output);
}
