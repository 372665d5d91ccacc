// Ingest benchmark: 1,000 distinct documents (the seeds with shifted years and a numbered line,
// so every hash differs) into a fresh temporary database through ingestDirectory (read, extract,
// one transaction per document), then the same directory again (all unchanged).
// Run: npx tsx bench/ingest.ts [COUNT]. Last line: one JSON object.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defaultExtract } from "../src/commitments/extractor.ts";
import { ingestDirectory } from "../src/commitments/ingest-directory.ts";
import { openDatabase } from "../src/db/client.ts";

const COUNT = Number(process.argv[2] ?? 1000);
const NOW = new Date("2026-03-01T04:00:00Z");

const seedsDir = path.resolve("seeds");
const seeds = readdirSync(seedsDir)
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((name) => readFileSync(path.join(seedsDir, name), "utf8"));

const work = mkdtempSync(path.join(tmpdir(), "mindet-bench-ingest-"));
try {
  const docs = path.join(work, "docs");
  mkdirSync(docs);
  let bytes = 0;
  for (let i = 0; i < COUNT; i++) {
    const seed = seeds[i % seeds.length]!;
    // Shift every year by 0-3 so dates vary; the trailing line makes each text unique.
    const shift = Math.floor(i / seeds.length) % 4;
    const text = `${seed.replace(/\b20(2\d)\b/g, (_, y: string) => String(2000 + Number(y) + shift))}\n\nArchive copy ${i}.\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(docs, `doc-${String(i).padStart(4, "0")}.txt`), text);
  }

  const extract = defaultExtract;
  const extractor = "src/extraction";

  const db = await openDatabase(`file:${path.join(work, "bench.db")}`);
  const t0 = performance.now();
  const first = await ingestDirectory(db, docs, { now: NOW, extract });
  const firstSeconds = (performance.now() - t0) / 1000;
  const commitments = first.results.reduce((n, r) => n + r.added, 0);
  const t1 = performance.now();
  const second = await ingestDirectory(db, docs, { now: NOW, extract });
  const secondSeconds = (performance.now() - t1) / 1000;
  const unchanged = second.results.filter((r) => r.status === "unchanged").length;
  await db.$disconnect();

  const failures = first.failures.length + second.failures.length;
  console.log(`documents: ${COUNT} (${(bytes / 1024 / 1024).toFixed(1)} MB), extractor: ${extractor}`);
  console.log(`first ingest: ${firstSeconds.toFixed(2)} s, ${(COUNT / firstSeconds).toFixed(0)} docs/s, ${commitments} commitments`);
  console.log(`re-ingest (unchanged ${unchanged}/${COUNT}): ${secondSeconds.toFixed(2)} s, ${(COUNT / secondSeconds).toFixed(0)} docs/s`);
  if (failures > 0) console.log(`FAILURES: ${failures} (first: ${first.failures[0]?.message ?? "-"})`);
  console.log(
    JSON.stringify({
      name: "ingest",
      documents: COUNT,
      megabytes: Number((bytes / 1024 / 1024).toFixed(2)),
      extractor,
      commitments,
      seconds: Number(firstSeconds.toFixed(3)),
      docsPerSecond: Math.round(COUNT / firstSeconds),
      reingestSeconds: Number(secondSeconds.toFixed(3)),
      reingestUnchanged: unchanged,
      failures,
    }),
  );
  process.exitCode = failures > 0 || unchanged !== COUNT ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
