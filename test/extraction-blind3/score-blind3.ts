/**
 * Scores the extractor on the third blind corpus (test/extraction-blind3/docs against gold.json):
 *   npx tsx test/extraction-blind3/score-blind3.ts
 * Runs `node bin/mindet.mjs extract test/extraction-blind3/docs --json` from the repository's root
 * into a temporary file, then the shared scorer on it, and prints the scorer's full output.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT, SCORER } from "../support/shared-paths.ts";

export const BLIND_DIR = "test/extraction-blind3";
export const BLIND_DOCS = `${BLIND_DIR}/docs`;
export const BLIND_GOLD = `${BLIND_DIR}/gold.json`;

export interface BlindScore {
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

export function scoreBlind(): BlindScore {
  const dir = mkdtempSync(path.join(tmpdir(), "mindet-blind3-"));
  try {
    const predictions = path.join(dir, "predictions.json");
    const json = execFileSync(process.execPath, ["bin/mindet.mjs", "extract", BLIND_DOCS, "--json"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    writeFileSync(predictions, json);
    const run = spawnSync(process.execPath, [SCORER, BLIND_GOLD, predictions], { cwd: REPO_ROOT, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`scorer failed (${run.status}): ${run.stderr}`);
    const output = run.stdout;
    const lines = output.trimEnd().split("\n");
    const scoreLine = lines.find((l) => l.startsWith("F1 ")) ?? "";
    const countsLine = lines.find((l) => l.startsWith("predictions ")) ?? "";
    const m = /^F1 ([\d.]+) precision ([\d.]+) recall ([\d.]+)/.exec(scoreLine);
    if (!m) throw new Error(`no score line in the scorer's output:\n${output}`);
    return { output, countsLine, scoreLine, f1: Number(m[1]), precision: Number(m[2]), recall: Number(m[3]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(scoreBlind().output);
}
