import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngestCommand } from "../../src/cli/ingest-command.ts";
import type { ListJsonRecord } from "../../src/cli/list-command.ts";
import { DOC_V1, fakeExtract } from "../commitments/fake-extract.ts";
import { captureIo, runBin, runMain } from "./run-cli.ts";

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mindet-cli-store-"));
  cpSync(path.resolve("seeds"), path.join(dir, "seeds"), { recursive: true });
  // Two documents for the fake extractor, the second with a BOM and CRLF line ends: an older
  // article (December 2025) that gave the same three duties other dates. It adds mentions, and
  // moves no date (a.txt, published later, is in force).
  writeFileSync(path.join(dir, "a.txt"), DOC_V1);
  writeFileSync(path.join(dir, "b.txt"), "\uFEFF" + DOC_V1.replace("Published 2026-01-10", "Published 2025-12-01").replaceAll("by 2026-", "by 2027-").replaceAll("\n", "\r\n"));
  // MINDET_NOW fixes "today" (1 Mar 2026 in Almaty): overdue and days left are predictable.
  env = { DATABASE_URL: `file:${path.join(dir, "m.db")}`, MINDET_NOW: "2026-03-01T09:00:00+05:00" };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ingestFake(args: string[]) {
  const io = captureIo(dir, env);
  const code = await runIngestCommand(args, io, fakeExtract);
  return { code, stdout: io.out.join(""), stderr: io.err.join("") };
}

describe("ingest and list (injected extractor)", () => {
  it("ingests, then a second run changes nothing", async () => {
    const first = await ingestFake(["a.txt", "b.txt"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("created   a.txt  3 commitments");
    expect(first.stdout).toContain("created   b.txt  0 commitments, 3 restating stored ones\n");
    expect(first.stdout).toContain("2 documents: 2 created, 0 updated, 0 unchanged, 0 failed; commitments: 3 added");
    const second = await ingestFake(["a.txt", "b.txt"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("unchanged a.txt  3 commitments");
    expect(second.stdout).toContain("2 documents: 0 created, 0 updated, 2 unchanged, 0 failed; commitments: 0 added, 0 updated, 0 withdrawn");
  });

  it("list shows open and overdue by default in a table that fits", async () => {
    const run = await runMain(["list"], dir, env);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ +ID {2}DUE +LEFT +STATUS +TITLE +RESPONSIBLE$/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(120);
    expect(run.stdout).toMatch(/15 Feb 2026 +14 days overdue +overdue +The Ministry of Energy shall publish/);
    expect(run.stdout).toMatch(/31 Mar 2026 +in 30 days +open/);
    expect(lines.at(-1)).toBe("3 open and overdue commitments (today 2026-03-01)");
  });

  it("list --json --status all gives every commitment with derived fields", async () => {
    const run = await runMain(["list", "--json", "--status", "all"], dir, env);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as ListJsonRecord[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      status: "overdue",
      dueOn: "2026-02-15",
      due: "15 Feb 2026",
      daysLeft: -14,
      file: "a.txt",
      topics: ["economy & trade"],
      responsible: "Ministry of Energy",
    });
    expect(Object.keys(rows[0]!).sort()).toEqual(
      ["article", "body", "due", "daysLeft", "dueOn", "dueText", "extractedDueOn", "file", "id", "precision", "published", "quote", "responsible", "status", "title", "topics", "url", "mentions", "dueChanges"].sort(),
    );
    // Both reports, the older first; the older one's date is kept but not in force.
    expect(rows[0]!.mentions).toEqual([
      { file: "b.txt", article: "Government reviews hubs", quote: "The Ministry of Energy shall publish the tariff plan by 2027-02-15.", dueText: "by 2027-02-15", due: "2027-02-15", precision: "day", published: "2025-12-01", via: "matched", withdrawn: false },
      { file: "a.txt", article: "Government reviews hubs", quote: "The Ministry of Energy shall publish the tariff plan by 2026-02-15.", dueText: "by 2026-02-15", due: "2026-02-15", precision: "day", published: "2026-01-10", via: "first", withdrawn: false },
    ]);
    expect(rows[0]!.dueChanges).toEqual([]);
    const overdue = JSON.parse((await runMain(["list", "--json", "--status=overdue"], dir, env)).stdout) as ListJsonRecord[];
    expect(overdue.map((r) => r.dueOn)).toEqual(["2026-02-15"]);
    const done = await runMain(["list", "--status", "done"], dir, env);
    expect(done.stdout).toBe("No done commitments. (Run `mindet ingest` to read the seed documents.)\n");
  });

  it("list --json shows a later report's new date as a due change", async () => {
    writeFileSync(path.join(dir, "e.txt"), "Tariff plan later\nPublished 2026-02-20\nThe Ministry of Energy shall publish the tariff plan by 2026-04-15.\n");
    expect((await ingestFake(["e.txt"])).stdout).toContain("created   e.txt  0 commitments, 1 restating stored ones (1 date moved)");
    const rows = JSON.parse((await runMain(["list", "--json", "--status", "all"], dir, env)).stdout) as ListJsonRecord[];
    const energy = rows.find((r) => r.responsible === "Ministry of Energy")!;
    expect(energy).toMatchObject({ dueOn: "2026-04-15", status: "open" });
    expect(energy.mentions.map((m) => [m.file, m.due, m.published])).toEqual([["b.txt", "2027-02-15", "2025-12-01"], ["a.txt", "2026-02-15", "2026-01-10"], ["e.txt", "2026-04-15", "2026-02-20"]]);
    expect(energy.dueChanges).toEqual([{ from: "2026-02-15", fromPrecision: "day", to: "2026-04-15", toPrecision: "day", kind: "slip", at: "2026-02-20", source: "e.txt" }]);
  });

  it("an ingest with one bad document stores the others and exits 2", async () => {
    writeFileSync(path.join(dir, "c.txt"), DOC_V1.replace("Government reviews hubs", "Another title"));
    writeFileSync(path.join(dir, "d.txt"), Buffer.from([1, 2, 0, 4]));
    const run = await ingestFake(["c.txt", "d.txt"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("mindet: d.txt: looks binary (contains NUL bytes), expected a text document (not ingested)\n");
    expect(run.stdout).toContain("created   c.txt  0 commitments, 3 restating stored ones");
  });
});

describe("with the real extractor", () => {
  it("extract seeds --json prints the spec's records", async () => {
    const run = await runMain(["extract", "seeds", "--json"], dir, {});
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const records = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(records.length).toBeGreaterThanOrEqual(10);
    const keys = ["file", "article", "published", "quote", "title", "responsible", "body", "topics", "dueText", "due", "precision", "undatedReason"];
    for (const r of records) {
      expect(Object.keys(r)).toEqual(keys);
      expect(r.file).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
      expect(Array.isArray(r.topics)).toBe(true);
    }
  });

  it("ingest seeds/ twice through the real binary: everything unchanged the second time", async () => {
    const binEnv = { ...env, DATABASE_URL: `file:${path.join(dir, "bin.db")}` };
    const first = await runBin(["ingest"], dir, binEnv);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/5 documents: 5 created, 0 updated, 0 unchanged, 0 failed/);
    const second = await runBin(["ingest", "seeds"], dir, binEnv);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/5 documents: 0 created, 0 updated, 5 unchanged, 0 failed; commitments: 0 added, 0 updated, 0 withdrawn/);
    const list = await runBin(["list", "--json", "--status", "all"], dir, binEnv);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBeGreaterThanOrEqual(10);
  });
});
