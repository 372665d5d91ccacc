import { describe, expect, it } from "vitest";
import { ASK_THRESHOLD, SAME_THRESHOLD } from "../../src/merging/index.ts";
import { chooseThresholds, figures, scorePairs } from "./evaluate.ts";
import { loadPairSet } from "./pair-set.ts";

const set = loadPairSet();
const scored = scorePairs(set);
const dev = scored.filter((s) => s.pair.part === "dev");
const heldOut = scored.filter((s) => s.pair.part === "held-out");

describe("the pair set", () => {
  it("has at least 200 pairs, 60 of them one commitment, each with a reason, in two parts", () => {
    expect(set.pairs.length).toBeGreaterThanOrEqual(200);
    expect(set.pairs.filter((p) => p.label === "same").length).toBeGreaterThanOrEqual(60);
    expect(set.pairs.every((p) => p.reason.length > 0 && set.commitments[p.a] && set.commitments[p.b])).toBe(true);
    expect(heldOut.filter((s) => s.pair.label === "same").length).toBeGreaterThanOrEqual(20);
  });

  it("holds hard negatives: same body and deadline window, another duty", () => {
    const hard = scored.filter((s) => s.pair.label === "different" && s.result.body === "same" && s.result.date === "same-window");
    expect(hard.length).toBeGreaterThanOrEqual(8);
  });
});

describe("the matcher on the pair set", () => {
  it("uses the thresholds chosen on the development part", () => {
    expect(chooseThresholds(dev)).toEqual({ same: SAME_THRESHOLD, ask: ASK_THRESHOLD });
  });

  // Floors at what the matcher reaches (README, "Matching restatements"); a change that lowers them fails here.
  it("keeps precision and recall of `same` on the held-out part", () => {
    const f = figures(heldOut);
    expect(f.precision).toBeGreaterThanOrEqual(0.95);
    expect(f.recall).toBeGreaterThanOrEqual(0.78);
  });

  it("keeps precision and recall on the development part and on all pairs, and asks about few", () => {
    const d = figures(dev);
    expect(d.precision).toBeGreaterThanOrEqual(0.97);
    expect(d.recall).toBeGreaterThanOrEqual(0.8);
    const all = figures(scored);
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
    expect(all.recall).toBeGreaterThanOrEqual(0.8);
    expect(all.askShare).toBeLessThanOrEqual(0.1);
  });
});
