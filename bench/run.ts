// `npm run bench`: runs every benchmark script in its own process (so peak memory figures are
// each one's own), echoes their output, and ends with a summary table of their JSON lines.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const BENCHES = ["startup", "extraction", "ingest", "bot", "replies", "reminders", "reminders-pg", "claims", "instances", "sources", "merging", "merging-ingest", "scorecard"];
// Bench names pick the scripts; everything else (`--chats 100000`) is passed on to each of them
// (meant for one bench at a time: they were dropped before, and reminders-pg ran at 1,000,000).
const only = process.argv.slice(2).filter((a) => BENCHES.includes(a));
const passed = process.argv.slice(2).filter((a) => !BENCHES.includes(a));
const results: Record<string, unknown>[] = [];
let failures = 0;

for (const name of BENCHES.filter((n) => only.length === 0 || only.includes(n))) {
  const file = path.join("bench", `${name}.ts`);
  if (!existsSync(file)) {
    console.log(`== ${name}: ${file} is missing`);
    failures++;
    continue;
  }
  console.log(`== ${name}`);
  const { code, lastLine } = await runScript(file);
  try {
    results.push(JSON.parse(lastLine) as Record<string, unknown>);
  } catch {
    console.log(`   (no JSON result line; exit ${code})`);
    failures++;
    continue;
  }
  if (code !== 0) failures++;
}

mkdirSync(path.join("bench", "out"), { recursive: true });
writeFileSync(path.join("bench", "out", "latest.json"), JSON.stringify(results, null, 2));
console.log("\n== summary (also in bench/out/latest.json)");
for (const r of results) console.log(JSON.stringify(r));
process.exitCode = failures === 0 ? 0 : 1;

function runScript(file: string): Promise<{ code: number; lastLine: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--expose-gc", file, ...passed], { stdio: ["ignore", "pipe", "inherit"] });
    let buffered = "";
    let lastLine = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) lastLine = line.trim();
    });
    child.on("close", (code) => {
      if (buffered.trim()) lastLine = buffered.trim();
      resolve({ code: code ?? 1, lastLine });
    });
  });
}
