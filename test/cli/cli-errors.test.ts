import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeBadInputs, runBin, runMain } from "./run-cli.ts";

const bad = makeBadInputs();
afterAll(() => bad.cleanup());
const dbEnv = { DATABASE_URL: `file:${path.join(bad.dir, "data", "m.db")}` };

/** Exit 2, exactly one stderr line that contains `fragment`, nothing on stdout. */
function expectOneLine(run: { code: number; stdout: string; stderr: string }, fragment: string | RegExp): void {
  expect(run.code).toBe(2);
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(typeof fragment === "string" ? new RegExp(fragment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : fragment);
  expect(lines[0]).toMatch(/^mindet: /);
  expect(run.stderr).not.toMatch(/\s+at .+:\d+/);
}

describe("usage errors", () => {
  it("prints help and the version", async () => {
    const help = await runMain(["help"], bad.dir);
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toMatch(/^usage: mindet <command>/);
    expect((await runMain(["--help"], bad.dir)).code).toBe(0);
    expect((await runMain(["list", "-h"], bad.dir)).stdout).toMatch(/^usage:/);
    expect((await runMain(["--version"], bad.dir)).stdout).toMatch(/^mindet \d+\.\d+\.\d+\n$/);
  });

  it.each([
    [[], "mindet: missing command"],
    [["frobnicate"], 'mindet: unknown command "frobnicate"'],
    [["--frob"], 'mindet: unknown option "--frob"'],
    [["list", "--frob"], "mindet: list: unknown option --frob"],
    [["list", "--status"], "mindet: list: --status needs a value"],
    [["list", "--status", "sleeping"], "mindet: list: --status must be one of open, overdue, done, missed, postponed, cancelled, all"],
    [["list", "--json", "--json"], "mindet: list: --json given twice"],
    [["list", "extra"], 'mindet: list: unexpected argument "extra"'],
    [["extract"], "mindet: extract: missing FILE or DIR"],
    [["extract", "--xml", "a.txt"], "mindet: extract: unknown option --xml"],
    [["ingest", "--force"], "mindet: ingest: unknown option --force"],
  ])("%j: one line and the usage, exit 2", async (args, first) => {
    const run = await runMain(args, bad.dir, dbEnv);
    expect(run.code).toBe(2);
    const [line, ...rest] = run.stderr.split("\n");
    expect(line).toContain(first);
    expect(rest.join("\n")).toMatch(/^usage: mindet/);
    expect(run.stdout).toBe("");
  });
});

describe("bad documents", () => {
  it.each([
    [["missing.txt"], "mindet: missing.txt: no such file or directory"],
    [["no-docs"], "mindet: no-docs: directory has no .txt or .md files"],
    [["empty.txt"], "mindet: empty.txt: file is empty"],
    [["binary.txt"], "mindet: binary.txt: looks binary (contains NUL bytes)"],
    [["latin1.txt"], "mindet: latin1.txt: is not valid UTF-8 text"],
    [["big.txt"], "mindet: big.txt: file is 50 MB, over the 5 MB limit"],
  ])("extract %j: exit 2 and one line naming the file", async (args, message) => {
    expectOneLine(await runMain(["extract", ...args], bad.dir), message);
  });

  it.each([
    [["missing"], "mindet: missing: no such file or directory"],
    [["no-docs"], "mindet: no-docs: directory has no .txt or .md files"],
  ])("ingest %j: exit 2 before touching the database", async (args, message) => {
    const env = { DATABASE_URL: `file:${path.join(bad.dir, "never", "m.db")}` };
    expectOneLine(await runMain(["ingest", ...args], bad.dir, env), message);
    expect(existsSync(path.join(bad.dir, "never"))).toBe(false);
  });

  it.each(["empty.txt", "binary.txt", "latin1.txt", "big.txt"])("ingest %s: exit 2, one line naming it", async (name) => {
    const run = await runMain(["ingest", name], bad.dir, dbEnv);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(new RegExp(`^mindet: ${name.replace(".", "\\.")}: .+ \\(not ingested\\)$`))]);
    expect(run.stdout).toMatch(/1 document: 0 created, 0 updated, 0 unchanged, 1 failed/);
  });

  it("the real binary refuses a 50 MB file and a missing path with exit 2 and one line", async () => {
    const big = await runBin(["extract", "big.txt"], bad.dir);
    expectOneLine(big, "mindet: big.txt: file is 50 MB, over the 5 MB limit");
    const missing = await runBin(["ingest", "nowhere"], bad.dir, dbEnv);
    expectOneLine(missing, "mindet: nowhere: no such file or directory");
    const usage = await runBin(["launch"], bad.dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr.split("\n")[0]).toBe('mindet: unknown command "launch"');
  });
});

describe("configuration and unexpected errors", () => {
  it("a bad variable is one line naming it, exit 2", async () => {
    const run = await runMain(["list"], bad.dir, { ...dbEnv, DEFAULT_TIMEZONE: "Mars/Olympus" });
    expectOneLine(run, /^mindet: DEFAULT_TIMEZONE: "Mars\/Olympus" is not an IANA time zone/);
  });

  it("an unexpected failure is one 'internal error' line, exit 1; the stack only with LOG_LEVEL=debug", async () => {
    // A database path under a regular file cannot be created.
    const env = { DATABASE_URL: `file:${path.join(bad.dir, "empty.txt", "m.db")}` };
    const run = await runMain(["list"], bad.dir, env);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/^mindet: internal error: /)]);
    const debug = await runMain(["list"], bad.dir, { ...env, LOG_LEVEL: "debug" });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\s+at .+/);
  });
});
