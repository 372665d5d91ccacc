/**
 * Extraction throughput on 5 MB of real news: the shared news corpus (../shared/corpus/news, or
 * the seeds on a checkout without it), repeated, each excerpt a document of its own.
 *   in-process   extractDocument over every document (median of 3 runs), peak RSS and heap
 *   command line `mindet extract DIR --json` over the same documents written as files, start-up included:
 *                as users run it (up to a thread per core: workers start only for 10 MB or more of
 *                text left, so 5 MB stays on one thread) and with `--threads 1`, 3 runs each; wall time
 *                (min and median) and the command's CPU time (user + system, from the kernel's
 *                count of waited-for children), so a figure taken on a busy machine can be told from
 *                the command's own cost; the load average is printed beside them
 *   chrono-node  chrono.parse over the same documents, for comparison (a date parser only: no
 *                commitments, actors or titles, so it does less work per byte)
 *   run-on       400 KB of text without sentence ends, a deadline phrase every ~70 characters
 * usage: node --import tsx --expose-gc bench/extraction.ts (the CLI figure uses dist/ when
 * `npm run build` is newer than src/, else tsx compiles at start-up: build first to measure what users run)
 * Prints human-readable lines, then ONE JSON line last.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
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

/**
 * CPU seconds (user + system) of this process's waited-for children, from /proc/self/stat
 * (Linux; null elsewhere): spawnSync waits for the child, so the difference around it is its cost.
 */
function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 16 and 17 of stat(5) (cutime, cstime), counted from the state, field 3; in clock ticks (100 a second).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

interface CliRuns {
  wallMinS: number;
  wallMedianS: number;
  cpuMedianS: number | null;
}

/** `mindet extract DIR --json [...extra]` run `runs` times: wall and CPU seconds. */
function runCli(dir: string, label: string, extra: string[], runs: number): CliRuns {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = childCpuSeconds();
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [join(ROOT, "bin/mindet.mjs"), "extract", dir, "--json", ...extra], { stdio: ["ignore", "ignore", "inherit"] });
    walls.push((performance.now() - t0) / 1000);
    const cpu1 = childCpuSeconds();
    if (cpu0 !== null && cpu1 !== null) cpus.push(cpu1 - cpu0);
    if (run.status !== 0) throw new Error(`mindet extract exited with ${run.status}`);
    console.log(`command line ${label} run ${r + 1}: ${walls[r]?.toFixed(2)} s wall, ${cpus[r]?.toFixed(2) ?? "?"} s CPU, load ${loadavg()[0]?.toFixed(1)}`);
  }
  return { wallMinS: Math.min(...walls), wallMedianS: median(walls), cpuMedianS: cpus.length === runs ? median(cpus) : null };
}

// The command line over the same documents written as files: what `mindet extract` costs a user,
// with a thread per core (the default) and on one thread.
const dir = mkdtempSync(join(tmpdir(), "mindet-bench-"));
let pooled: CliRuns;
let single: CliRuns;
try {
  corpus.forEach((doc, i) => writeFileSync(join(dir, `${String(i).padStart(5, "0")}.txt`), doc));
  pooled = runCli(dir, `(default, up to ${availableParallelism()} threads)`, [], 3);
  single = runCli(dir, "(--threads 1)", ["--threads", "1"], 3);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const cliMbPerSec = mb / pooled.wallMinS;
const cliSingleMbPerSec = mb / single.wallMinS;

// Text without sentence ends: cost must stay linear (issue 7 measured 16 s here before the fix).
let runOn = "";
for (let i = 0; runOn.length < 400_000; i++) runOn += `item ${i} the ministry will deliver it by March 2027 and `;
runOn = runOn.slice(0, 400_000);
const t0 = performance.now();
extractDocument(runOn, { reference: "2025-01-01" });
const runOn400KbMs = performance.now() - t0;

console.log(`corpus ${mb.toFixed(2)} MB in ${corpus.length} documents from ${SOURCE}`);
console.log(`in-process ${inProcess.mbPerSec.toFixed(2)} MB/s (${inProcess.count} commitments), chrono-node ${chronoRun.mbPerSec.toFixed(2)} MB/s (${chronoRun.count} dates)`);
const fmt = (r: CliRuns): string => `${(mb / r.wallMinS).toFixed(2)} MB/s best, ${(mb / r.wallMedianS).toFixed(2)} median, ${r.cpuMedianS?.toFixed(2) ?? "?"} s CPU`;
console.log(`command line: default (up to ${availableParallelism()} threads) ${fmt(pooled)}; --threads 1 ${fmt(single)}`);
console.log(`peak RSS ${peakRssMb.toFixed(0)} MB, peak heap ${peakHeapMb.toFixed(0)} MB; 400 KB run-on text ${runOn400KbMs.toFixed(0)} ms`);
console.log(
  JSON.stringify({
    name: "extraction",
    mb: Number(mb.toFixed(2)),
    mbPerSec: Number(inProcess.mbPerSec.toFixed(2)),
    cliMbPerSec: Number(cliMbPerSec.toFixed(2)),
    cliMedianMbPerSec: Number((mb / pooled.wallMedianS).toFixed(2)),
    cliCpuS: pooled.cpuMedianS === null ? null : Number(pooled.cpuMedianS.toFixed(2)),
    cliThreads: availableParallelism(),
    cliSingleMbPerSec: Number(cliSingleMbPerSec.toFixed(2)),
    cliSingleMedianMbPerSec: Number((mb / single.wallMedianS).toFixed(2)),
    cliSingleCpuS: single.cpuMedianS === null ? null : Number(single.cpuMedianS.toFixed(2)),
    load1: Number((loadavg()[0] ?? 0).toFixed(1)),
    chronoMbPerSec: Number(chronoRun.mbPerSec.toFixed(2)),
    peakRssMb: Number(peakRssMb.toFixed(1)),
    peakHeapMb: Number(peakHeapMb.toFixed(1)),
    runOn400KbMs: Math.round(runOn400KbMs),
    commitments: inProcess.count,
  }),
);
