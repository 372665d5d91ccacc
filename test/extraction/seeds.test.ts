/**
 * The five seeds end to end, scored with the rules of ../shared/tools/score-extraction.mjs
 * (re-implemented here so the test runs anywhere; the real scorer is also run when present).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSeeds } from "./score-seeds.js";
import { SCORER, SEEDS_GOLD } from "../support/shared-paths.ts";

const SEEDS_DIR = join(import.meta.dirname, "../../seeds");
const GOLD_PATH = SEEDS_GOLD;

interface GoldItem { file: string; quote_contains: string; due: string | null; precision: string; required: boolean }
interface Gold { commitments: GoldItem[]; negatives: { file: string; quote_contains: string }[] }

const LOOKALIKE: Record<string, string> = { "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y", "\u0445": "x", "\u0410": "A", "\u0415": "E", "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u041d": "H", "\u041a": "K", "\u041c": "M", "\u0412": "B" };
const norm = (s: string): string =>
  s.normalize("NFKC").replace(/[\u0400-\u04ff]/g, (c) => LOOKALIKE[c] ?? c).replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d\u00ab\u00bb]/g, '"').replace(/\s+/g, " ").trim().toLowerCase();
const overlaps = (p: string, g: string): boolean => {
  const a = norm(p), b = norm(g);
  return a !== "" && b !== "" && (a.includes(b) || (a.length >= 20 && b.includes(a)));
};

function score(gold: Gold, preds: ReturnType<typeof extractSeeds>) {
  const hits = new Set<number>();
  let tp = 0, negatives = 0;
  const problems: string[] = [];
  for (const p of preds) {
    const cands = gold.commitments.map((g, i) => ({ g, i })).filter(({ g }) => basename(g.file) === p.file && overlaps(p.quote, g.quote_contains));
    if (cands.length === 0) {
      if (gold.negatives.some((n) => basename(n.file) === p.file && overlaps(p.quote, n.quote_contains))) negatives++;
      problems.push(`stray/negative: ${p.file} ${p.due} ${p.quote.slice(0, 80)}`);
      continue;
    }
    const right = cands.find(({ g }) => (g.due ?? null) === (p.due ?? null) && (g.due === null || g.precision === p.precision));
    if (!right) { problems.push(`wrong due: ${p.file} ${p.due}/${p.precision}`); continue; }
    if (hits.has(right.i)) { problems.push(`duplicate: ${p.quote.slice(0, 60)}`); continue; }
    hits.add(right.i);
    tp++;
  }
  const required = gold.commitments.map((g, i) => ({ g, i })).filter(({ g }) => g.required);
  const found = required.filter(({ i }) => hits.has(i)).length;
  const precision = preds.length ? tp / preds.length : 0;
  const recall = required.length ? found / required.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, negatives, found, required: required.length, precision, recall, f1, problems };
}

describe("seeds end to end", () => {
  const gold = JSON.parse(readFileSync(GOLD_PATH, "utf8")) as Gold;
  const preds = extractSeeds(SEEDS_DIR);

  it("finds all required items with the right dates, no negatives, F1 >= 0.95", () => {
    const s = score(gold, preds);
    expect(s.problems).toEqual([]);
    expect(s.found).toBe(s.required);
    expect(s.negatives).toBe(0);
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
  });

  it("quotes are verbatim slices of the original documents", () => {
    for (const file of ["000_2a9ba8f5a54a1f8a.txt", "001_b17d1aeaaec29999.txt", "003_dcf9508c2ea143a3.txt"]) {
      const text = readFileSync(join(SEEDS_DIR, file), "utf8");
      for (const p of preds.filter((x) => x.file === file)) expect(text.includes(p.quote)).toBe(true);
    }
  });

  it("gives each seed article its reference date", () => {
    const published = Object.fromEntries(preds.map((p) => [p.file, p.published]));
    expect(published["002_e00f4c22fc5f6f6c.txt"]).toBe("2025-09-08");
    expect(published["003_dcf9508c2ea143a3.txt"]).toBe("2024-07-31");
    expect(published["000_2a9ba8f5a54a1f8a.txt"]).toBeNull();
    expect(preds.find((p) => p.dueText === "next year")?.published).toBe("2025-11-25");
  });

  it("passes the shared scorer with --min-f1 0.95", () => {
    const dir = mkdtempSync(join(tmpdir(), "mindet-seeds-"));
    try {
      const out = join(dir, "out.json");
      writeFileSync(out, JSON.stringify(preds));
      const report = execFileSync("node", [SCORER, GOLD_PATH, out, "--min-f1", "0.95", "--quiet"], { encoding: "utf8" });
      expect(report).toMatch(/required found 10\/10/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
