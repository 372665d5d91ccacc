#!/usr/bin/env node
// Runs the whole vitest suite and ends with the line CI reads: "N passed, N failed".
// Extra arguments go to vitest (e.g. `npm test -- test/extraction`).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const dir = mkdtempSync(path.join(tmpdir(), "mindet-test-"));
const report = path.join(dir, "report.json");
const vitest = path.join("node_modules", "vitest", "vitest.mjs");
const child = spawn(
  process.execPath,
  [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
child.on("exit", (code, signal) => {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const result = JSON.parse(readFileSync(report, "utf8"));
    passed = result.numPassedTests ?? 0;
    skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
    // A file that fails to load has no failed test of its own: count it once.
    const brokenFiles = (result.testResults ?? []).filter(
      (file) => file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed"),
    ).length;
    failed = (result.numFailedTests ?? 0) + brokenFiles;
  } catch {
    // No report: vitest itself failed to start; count that as a failure below.
    failed = Math.max(failed, 1);
  }
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0 && failed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
  process.exit(signal ? 1 : (code ?? 1));
});
