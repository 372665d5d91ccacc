import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScorecardJson } from "../../src/cli/scorecard-command.ts";
import { openDatabase } from "../../src/db/client.ts";
import { ENERGY, seedScorecard, TRANSPORT } from "../scorecard/seed-scorecard.ts";
import { runBin, runMain } from "./run-cli.ts";

let dir: string;
let env: NodeJS.ProcessEnv;
let emptyEnv: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mindet-cli-scorecard-"));
  const url = `file:${path.join(dir, "m.db")}`;
  const db = await openDatabase(url);
  await seedScorecard(db);
  await db.$disconnect();
  // 11:00 on 15 June 2026 in Almaty, as the seeded outcomes assume.
  env = { DATABASE_URL: url, MINDET_NOW: "2026-06-15T11:00:00+05:00", LOG_LEVEL: "silent" };
  emptyEnv = { ...env, DATABASE_URL: `file:${path.join(dir, "empty.db")}` };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("mindet scorecard", () => {
  it("prints one row per body, most tracked first, then all bodies, in a table that fits", async () => {
    const run = await runMain(["scorecard"], dir, env);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^RESPONSIBLE BODY +TRACKED +ON TIME +LATE +MISSED +OVERDUE +MOVED +MEDIAN SLIP$/);
    expect(lines[2]).toMatch(/^Ministry of Energy +8 +1 +2 +1 +1 +2 +\+60\.5 d$/);
    expect(lines[3]).toMatch(/^Ministry of Transport +3 +1 +0 +0 +0 +0 +-$/);
    expect(lines[4]).toMatch(/^\(no body named\) +1 +0 +0 +0 +1 +0 +-$/);
    expect(lines[5]).toMatch(/^All bodies +12 +2 +2 +1 +2 +2 +\+60\.5 d$/);
    expect(lines[6]).toBe("12 commitments tracked (2 undated), today 2026-06-15 (Asia/Almaty).");
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(120);
  });

  it("--json gives every count and the definitions' day and zone; --body picks one body as /follow matches it", async () => {
    const run = await runMain(["scorecard", "--json"], dir, env);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as ScorecardJson;
    expect(json.today).toBe("2026-06-15");
    expect(json.timeZone).toBe("Asia/Almaty");
    expect(json.bodies.map((b) => b.body)).toEqual([ENERGY, TRANSPORT, null]);
    expect(json.bodies[0]).toEqual({
      body: ENERGY, tracked: 8, undated: 2, done: 4, onTime: 1, late: 2, missed: 1, cancelled: 0, overdue: 1, open: 2, moved: 2, medianSlipDays: 60.5,
    });
    expect(json.total.tracked).toBe(12);
    const one = await runMain(["scorecard", "--body", "transport", "-j"], dir, env);
    expect(one.code).toBe(0);
    const picked = JSON.parse(one.stdout) as ScorecardJson;
    expect(picked.bodies.map((b) => b.body)).toEqual([TRANSPORT]);
    expect(picked.total).toEqual(picked.bodies[0]);
    const table = await runMain(["scorecard", "--body=MINISTRY OF ENERGY"], dir, env);
    expect(table.stdout.split("\n").filter((l) => l.startsWith("Ministry") || l.startsWith("All"))).toHaveLength(1);
  });

  it("an unknown body is one line with suggestions, exit 2", async () => {
    const run = await runMain(["scorecard", "--body", "Ministry of Enrgy"], dir, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`mindet: scorecard: no responsible body matches "Ministry of Enrgy"; did you mean "${ENERGY}", "${TRANSPORT}"?\n`);
    const none = await runMain(["scorecard", "--body", "Zzzz"], dir, env);
    expect(none.stderr.trim().split("\n")).toHaveLength(1);
    expect(none.code).toBe(2);
  });

  it.each([
    [["scorecard", "--bogus"], "mindet: scorecard: unknown option --bogus"],
    [["scorecard", "Energy"], "mindet: scorecard: unexpected argument \"Energy\" (a body goes after --body)"],
    [["scorecard", "--body"], "mindet: scorecard: --body needs a value"],
    [["scorecard", "--body", " "], "mindet: scorecard: --body needs a name"],
    [["scorecard", "--json", "--json"], "mindet: scorecard: --json given twice"],
  ])("%j: one line and the usage, exit 2", async (args, first) => {
    const run = await runMain(args, dir, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(first);
    expect(run.stderr).toContain("scorecard [--json] [--body NAME]");
  });

  it("an empty store says so; the real binary lists the command in --help", async () => {
    const run = await runMain(["scorecard"], dir, emptyEnv);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("No commitments tracked yet. (Run `mindet ingest` to read the seed documents.)\n");
    const help = await runBin(["scorecard", "--help"], dir, env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("scorecard [--json] [--body NAME]");
  });
});
