// Cold start of the `mindet` command: `mindet --help` and `mindet extract` on one small file,
// each a fresh process, beside a bare `node -e 0` (the floor). Aim: --help under 0.25 s.
import { spawnSync } from "node:child_process";
import path from "node:path";

const RUNS = 15;
const bin = path.join("bin", "mindet.mjs");
const seed = path.join("seeds", "001_b17d1aeaaec29999.txt");

function medianSeconds(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr.toString().slice(0, 200)}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  times.sort((a, b) => a - b);
  return Number((times[Math.floor(times.length / 2)] ?? 0).toFixed(3));
}

const result = {
  bench: "startup",
  runs: RUNS,
  nodeBareSeconds: medianSeconds(["-e", "0"]),
  helpSeconds: medianSeconds([bin, "--help"]),
  extractOneFileSeconds: medianSeconds([bin, "extract", seed]),
};
console.log(`node -e 0: ${result.nodeBareSeconds} s; mindet --help: ${result.helpSeconds} s; mindet extract (one seed): ${result.extractOneFileSeconds} s (median of ${RUNS})`);
console.log(JSON.stringify(result));
