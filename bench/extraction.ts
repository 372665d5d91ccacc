/**
 * Extraction throughput on 5 MB of real news: the shared news corpus (../shared/corpus/news, or
 * the seeds on a checkout without it), repeated, each excerpt a document of its own.
 *   in-process   extractDocument over every document (median of 3 runs), peak RSS and heap
 *   command line `mindet extract DIR --json` over the same documents written as files, start-up included
 *   chrono-node  chrono.parse over the same documents, for comparison (a date parser only: no
 *                commitments, actors or titles, so it does less work per byte)
 *   run-on       400 KB of text without sentence ends, a deadline phrase every ~70 characters
 * usage: node --import tsx --expose-gc bench/extraction.ts (the CLI figure uses dist/ when
 * `npm run build` is newer than src/, else tsx compiles at start-up: build first to measure what users run)
 * Prints human-readable lines, then ONE JSON line last.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import * as chrono from "chrono-node";
import { extractDocument } from "../src/extraction/index.ts";
import { trackPeakMemory } from "./support/peak-memory.ts";

const TARGET_BYTES = 5 * 1024 * 1024;
const RUNS = 3;
const ROOT = join(import.meta.dirname, "..");
const NEWS = join(ROOT, "../shared/corpus/news/docs");
const SOURCE = existsSync(NEWS) ? NEWS : join(ROOT, "seeds");

const originals = readdirSync(SOURCE).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(SOURCE, f), "utf8"));
const corpus: string[] = [];
let bytes = 0;
while (bytes < TARGET_BYTES) {
  for (const doc of originals) {
    corpus.push(doc);
    bytes += Buffer.byteLength(doc, "utf8");
  }
}
const mb = bytes / (1024 * 1024);

const memory = trackPeakMemory(100);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Median MB/s of `runs` passes of `each` over the corpus (after a warm-up on a tenth of it). */
function throughput(label: string, runs: number, each: (doc: string) => number): { mbPerSec: number; count: number } {
  corpus.slice(0, Math.ceil(corpus.length / 10)).forEach(each);
  const times: number[] = [];
  let count = 0;
  for (let r = 0; r < runs; r++) {
    // With --expose-gc (as documented below), each run starts from a collected heap: less noise.
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    count = 0;
    corpus.forEach((doc, i) => {
      count += each(doc);
      if (i % 200 === 0) memory.sample();
    });
    times.push(performance.now() - t0);
    console.log(`${label} run ${r + 1}: ${times[r]?.toFixed(0)} ms, ${(mb / ((times[r] ?? 1) / 1000)).toFixed(2)} MB/s`);
  }
  return { mbPerSec: mb / (median(times) / 1000), count };
}

const inProcess = throughput("in-process", RUNS, (doc) => extractDocument(doc).commitments.length);
const peaks = memory.stop();
const peakRssMb = peaks.rss / 1048576;
const peakHeapMb = peaks.heap / 1048576;

const reference = new Date("2025-06-01T00:00:00Z");
const chronoRun = throughput("chrono-node", 2, (doc) => chrono.parse(doc, reference).length);

// The command line over the same documents written as files: what `mindet extract` costs a user.
const dir = mkdtempSync(join(tmpdir(), "mindet-bench-"));
let cliMbPerSec = 0;
try {
  corpus.forEach((doc, i) => writeFileSync(join(dir, `${String(i).padStart(5, "0")}.txt`), doc));
  const cliTimes: number[] = [];
  for (let r = 0; r < 2; r++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [join(ROOT, "bin/mindet.mjs"), "extract", dir, "--json"], { stdio: ["ignore", "ignore", "inherit"] });
    cliTimes.push(performance.now() - t0);
    if (run.status !== 0) throw new Error(`mindet extract exited with ${run.status}`);
    console.log(`command line run ${r + 1}: ${cliTimes[r]?.toFixed(0)} ms for ${corpus.length} files`);
  }
  cliMbPerSec = mb / (Math.min(...cliTimes) / 1000);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Text without sentence ends: cost must stay linear (issue 7 measured 16 s here before the fix).
let runOn = "";
for (let i = 0; runOn.length < 400_000; i++) runOn += `item ${i} the ministry will deliver it by March 2027 and `;
runOn = runOn.slice(0, 400_000);
const t0 = performance.now();
extractDocument(runOn, { reference: "2025-01-01" });
const runOn400KbMs = performance.now() - t0;

console.log(`corpus ${mb.toFixed(2)} MB in ${corpus.length} documents from ${SOURCE}`);
console.log(`in-process ${inProcess.mbPerSec.toFixed(2)} MB/s (${inProcess.count} commitments), command line ${cliMbPerSec.toFixed(2)} MB/s, chrono-node ${chronoRun.mbPerSec.toFixed(2)} MB/s (${chronoRun.count} dates)`);
console.log(`peak RSS ${peakRssMb.toFixed(0)} MB, peak heap ${peakHeapMb.toFixed(0)} MB; 400 KB run-on text ${runOn400KbMs.toFixed(0)} ms`);
console.log(
  JSON.stringify({
    name: "extraction",
    mb: Number(mb.toFixed(2)),
    mbPerSec: Number(inProcess.mbPerSec.toFixed(2)),
    cliMbPerSec: Number(cliMbPerSec.toFixed(2)),
    chronoMbPerSec: Number(chronoRun.mbPerSec.toFixed(2)),
    peakRssMb: Number(peakRssMb.toFixed(1)),
    peakHeapMb: Number(peakHeapMb.toFixed(1)),
    runOn400KbMs: Math.round(runOn400KbMs),
    commitments: inProcess.count,
  }),
);
