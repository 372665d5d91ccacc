import { describe, expect, it } from "vitest";
import { createCommitmentIndex, matchCommitments, MAX_CANDIDATES, SINGLE_STEM_CANDIDATES, type MatchInput } from "../../src/merging/index.ts";
import { loadPairSet, type PairCommitment } from "./pair-set.ts";

const set = loadPairSet();
function get(id: string): PairCommitment {
  const c = set.commitments[id];
  if (!c) throw new Error(`no commitment ${id} in pairs.json`);
  return c;
}

function indexOfAll(except?: string) {
  const index = createCommitmentIndex();
  for (const [id, c] of Object.entries(set.commitments)) if (id !== except) index.add(id, c);
  return index;
}

describe("createCommitmentIndex", () => {
  it("finds every restated commitment the matcher would merge, and nearly every other, among its candidates", () => {
    const index = indexOfAll();
    const positives = set.pairs.filter((p) => p.label === "same");
    const found = positives.filter((p) => index.candidates(get(p.b)).includes(p.a));
    const merged = positives.filter((p) => matchCommitments(get(p.a), get(p.b), index.stats).decision === "same");
    expect(merged.filter((p) => !found.includes(p))).toEqual([]);
    // What the search loses shares at most one rare stem with its report: generic wording the matcher only asks about.
    expect(found.length / positives.length).toBeGreaterThanOrEqual(0.9);
  });

  it("returns the seeds' Digital Qazaqstan strategy as the match for seed 002's sentence", () => {
    const index = indexOfAll("seed-002-digital-qazaqstan");
    const matches = index.findMatches(get("seed-002-digital-qazaqstan"));
    const strategy = Object.entries(set.commitments).find(([, c]) => c.quote.includes("complete the development of the draft Strategy"))?.[0];
    const same = matches.filter((m) => m.result.decision === "same");
    expect(same.map((m) => m.id)).toContain(strategy);
    // The written restatements of the strategy are the same commitment too; nothing else is merged.
    for (const m of same) expect(set.commitments[m.id]?.quote).toMatch(/Digital Qazaqstan/i);
  });

  it("scores at most MAX_CANDIDATES, and forgets what is removed or replaced", () => {
    const index = indexOfAll();
    const id = Object.keys(set.commitments)[0] as string;
    const c = get(id);
    expect(index.candidates(c).length).toBeLessThanOrEqual(MAX_CANDIDATES + SINGLE_STEM_CANDIDATES);
    expect(index.candidates(c)).toContain(id);
    const size = index.size;
    expect(index.remove(id)).toBe(true);
    expect(index.remove(id)).toBe(false);
    expect(index.size).toBe(size - 1);
    expect(index.candidates(c)).not.toContain(id);
    index.add("again", c);
    index.add("again", c);
    expect(index.size).toBe(size);
    expect(index.stats.words.documents).toBe(size);
  });

  it("searches only the years a deadline can move from, and every year for an undated report", () => {
    const index = createCommitmentIndex();
    const base: Omit<MatchInput, "due" | "precision"> = { title: "Build the Saryarka gas pipeline", quote: "The Saryarka gas pipeline will be built.", body: null, responsible: null, dueText: null, topics: [], published: null };
    index.add("2019", { ...base, due: "2019-12-31", precision: "year" });
    index.add("2025", { ...base, due: "2025-12-31", precision: "year" });
    index.add("undated", { ...base, due: null, precision: "vague" });
    expect(index.candidates({ ...base, due: "2020-06-30", precision: "month" }).sort()).toEqual(["2019", "undated"]);
    expect(index.candidates({ ...base, due: null, precision: "vague" }).sort()).toEqual(["2019", "2025", "undated"]);
  });
});
