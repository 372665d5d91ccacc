/**
 * Prints the JSON array of commitments extracted from the seed documents, for
 * `node /work/shared/tools/score-extraction.mjs /work/shared/spec/seeds.gold.json out.json`.
 * usage: npx tsx test/extraction/score-seeds.ts [seeds-dir] > /tmp/out.json
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractDocument, toJsonRecord, type CommitmentJsonRecord } from "../../src/extraction/index.js";

export function extractSeeds(dir: string): CommitmentJsonRecord[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((file) => extractDocument(readFileSync(join(dir, file), "utf8")).commitments.map((c) => toJsonRecord(file, c)));
}

if (process.argv[1]?.endsWith("score-seeds.ts")) {
  process.stdout.write(`${JSON.stringify(extractSeeds(process.argv[2] ?? join(import.meta.dirname, "../../seeds")), null, 2)}\n`);
}
