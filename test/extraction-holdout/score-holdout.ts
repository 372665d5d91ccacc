// Scores the extractor on the blind hold-out corpus (test/extraction-holdout).
// usage (from the repo root): npx tsx test/extraction-holdout/score-holdout.ts
// Runs the real command line `node bin/mindet.mjs extract test/extraction-holdout/docs --json`
// into a temp file, then the shared scorer, and prints the scorer's full output.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SCORER } from "../support/shared-paths.ts";

export const HOLDOUT_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HOLDOUT_DIR, "../..");
export const GOLD = path.join(HOLDOUT_DIR, "gold.json");
export { SCORER } from "../support/shared-paths.ts";

export interface HoldoutScore {
  /** The scorer's full output (one row per failure, then the counts and the F1 line). */
  output: string;
  /** The "F1 ... precision ... recall ..." line. */
  scoreLine: string;
  f1: number;
  precision: number;
  recall: number;
}

export function scoreHoldout(): HoldoutScore {
  const tmp = mkdtempSync(path.join(tmpdir(), "mindet-holdout-"));
  const predictions = path.join(tmp, "predictions.json");
  try {
    const extract = spawnSync(
      process.execPath,
      ["bin/mindet.mjs", "extract", "test/extraction-holdout/docs", "--json"],
      { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    if (extract.status !== 0) {
      throw new Error(`extract failed (exit ${extract.status}): ${extract.stderr}`);
    }
    writeFileSync(predictions, extract.stdout);
    // The scorer exits 1 only when below --min-f1 (not given here), so any exit code is read, not thrown.
    const score = spawnSync(process.execPath, [SCORER, GOLD, predictions], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = (score.stdout ?? "") + (score.stderr ?? "");
    const m = /F1 ([\d.]+) precision ([\d.]+) recall ([\d.]+)/.exec(output);
    if (!m) throw new Error(`no score line in scorer output:\n${output}`);
    return { output, scoreLine: m[0], f1: Number(m[1]), precision: Number(m[2]), recall: Number(m[3]) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { output } = scoreHoldout();
  process.stdout.write(output);
}
