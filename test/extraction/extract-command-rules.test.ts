/** `mindet extract --rules`: which rules found each commitment, in the table and in --json. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "../cli/run-cli.ts";

const dir = mkdtempSync(path.join(tmpdir(), "mindet-rules-"));
writeFileSync(path.join(dir, "doc.txt"), " date 2025-04-10\nHeadline Here\nThe Prime Minister instructed the ministries to submit the plan by May 15.\n");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("mindet extract --rules", () => {
  it("adds the rule to each JSON record, and only with --rules", async () => {
    const withRules = JSON.parse((await runMain(["extract", "doc.txt", "--json", "--rules"], dir)).stdout) as { rule?: string }[];
    expect(withRules.map((r) => r.rule)).toEqual(["month-day 'by May 15' + instruct-active 'instructed'"]);
    const plain = JSON.parse((await runMain(["extract", "doc.txt", "--json"], dir)).stdout) as object[];
    expect(plain.map((r) => "rule" in r)).toEqual([false]);
  });

  it("prints the rule under the table", async () => {
    const run = await runMain(["extract", "doc.txt", "--rules"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("rule 1: month-day 'by May 15' + instruct-active 'instructed'");
  });
});
