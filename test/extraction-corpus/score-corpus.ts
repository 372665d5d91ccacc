/**
 * Scores the extractor on the evaluation corpus (docs/*.txt against gold.json) with the shared scorer.
 * usage: npx tsx test/extraction-corpus/score-corpus.ts [--min-f1 X] [--quiet]
 * Prints the scorer's full output (per-item rows, counts, F1 line) and exits with its status.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCORER } from "../support/shared-paths.ts";
import { extractDocument, toJsonRecord, type CommitmentJsonRecord } from "../../src/extraction/index.ts";

export const CORPUS_DIR = import.meta.dirname;
export const DOCS_DIR = join(CORPUS_DIR, "docs");
export const GOLD_FILE = join(CORPUS_DIR, "gold.json");
export { SCORER } from "../support/shared-paths.ts";

/** The `extract --json` array for every document of the corpus, in file order. */
export function extractCorpus(dir: string = DOCS_DIR): CommitmentJsonRecord[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((file) => extractDocument(readFileSync(join(dir, file), "utf8")).commitments.map((c) => toJsonRecord(file, c)));
}

/** Runs the shared scorer on `records`; returns its exit status and its output. */
export function scoreRecords(records: CommitmentJsonRecord[], extraArgs: string[] = []): { status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "mindet-corpus-"));
  try {
    const predictions = join(dir, "predictions.json");
    writeFileSync(predictions, `${JSON.stringify(records, null, 2)}\n`);
    const run = spawnSync(process.execPath, [SCORER, GOLD_FILE, predictions, ...extraArgs], { encoding: "utf8" });
    return { status: run.status ?? 1, output: `${run.stdout ?? ""}${run.stderr ?? ""}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("score-corpus.ts")) {
  const { status, output } = scoreRecords(extractCorpus(), process.argv.slice(2));
  process.stdout.write(output);
  process.exit(status);
}
