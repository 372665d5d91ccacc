/**
 * Throughput of extractDocument on >= 5 MB of news-like text (the seeds, repeated).
 * usage: npx tsx bench/extraction.ts
 * Prints human-readable lines, then ONE JSON line last:
 * {"name":"extraction","mb":...,"mbPerSec":...,"peakRssMb":...,"commitments":...}
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { extractDocument } from "../src/extraction/index.js";

const TARGET_BYTES = 5 * 1024 * 1024;
const RUNS = 5;

const seedsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "seeds");
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(seedsDir, f), "utf8"));
// Each seed stays a document of its own; the corpus is the list repeated until it is large enough.
const corpus: string[] = [];
let bytes = 0;
while (bytes < TARGET_BYTES) {
  for (const s of seeds) {
    corpus.push(s);
    bytes += Buffer.byteLength(s, "utf8");
  }
}
const mb = bytes / (1024 * 1024);

let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const sample = (): void => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

function runOnce(): number {
  let n = 0;
  corpus.forEach((doc, i) => {
    n += extractDocument(doc).commitments.length;
    if (i % 200 === 0) sample();
  });
  sample();
  return n;
}

// Warm up the JIT and the regex caches on a tenth of the corpus.
corpus.slice(0, Math.ceil(corpus.length / 10)).forEach((d) => extractDocument(d));

const times: number[] = [];
let commitments = 0;
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  commitments = runOnce();
  const ms = performance.now() - t0;
  times.push(ms);
  console.log(`run ${r + 1}: ${ms.toFixed(0)} ms, ${(mb / (ms / 1000)).toFixed(2)} MB/s`);
}

// One big document too: the whole corpus joined (no catastrophic backtracking on long input).
const big = corpus.join("\n\n").slice(0, 2 * 1024 * 1024);
const tb = performance.now();
const bigCount = extractDocument(big).commitments.length;
sample();
console.log(`single 2 MB document: ${(performance.now() - tb).toFixed(0)} ms, ${bigCount} commitments`);

const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
console.log(`corpus ${mb.toFixed(2)} MB in ${corpus.length} documents; median ${median.toFixed(0)} ms; peak heap ${(peakHeap / 1048576).toFixed(0)} MB`);
console.log(
  JSON.stringify({
    name: "extraction",
    mb: Number(mb.toFixed(2)),
    mbPerSec: Number((mb / (median / 1000)).toFixed(2)),
    peakRssMb: Number((peakRss / 1048576).toFixed(1)),
    peakHeapMb: Number((peakHeap / 1048576).toFixed(1)),
    commitments,
  }),
);
