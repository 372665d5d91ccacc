import { describe, expect, it } from "vitest";
import { ASK_THRESHOLD, createProfile, createTermStats, matchCommitments, SAME_THRESHOLD, type MatcherStats, type MatchInput } from "../../src/merging/index.ts";
import { loadPairSet } from "./pair-set.ts";

const set = loadPairSet();

/** Term weights from every commitment of the pair set, as the store would weigh them by what it holds. */
function pairSetStats(): MatcherStats {
  const stats: MatcherStats = { words: createTermStats(), chars: createTermStats() };
  for (const c of Object.values(set.commitments)) {
    const p = createProfile(c);
    stats.words.add(p.stems);
    stats.chars.add(p.grams);
  }
  return stats;
}
const stats = pairSetStats();

const byQuote = (piece: string): MatchInput => {
  const found = Object.values(set.commitments).find((c) => c.quote.includes(piece));
  if (!found) throw new Error(`no commitment quotes "${piece}"`);
  return found;
};

const transportReport: MatchInput = {
  title: "Place special control over the implementation of the container hub construction project at the Port of Aktau",
  quote: "- The Ministry of Transport must place special control over the implementation of the container hub construction project at the Port of Aktau and report on results by the end of the 1st quarter of 2026.",
  body: "Ministry of Transport",
  responsible: "The Ministry of Transport",
  due: "2026-03-31",
  precision: "quarter",
  dueText: "by the end of the 1st quarter of 2026",
  topics: ["transport & logistics"],
  published: "2025-11-25",
};

describe("matchCommitments", () => {
  it("merges the seeds' Digital Qazaqstan: seed 002's undated sentence and seed 001's 31 December 2025 item", () => {
    const r = matchCommitments(byQuote("single conceptual document, Digital Qazaqstan"), byQuote("complete the development of the draft Strategy"), stats);
    expect(r.decision).toBe("same");
    expect(r.body).toBe("generic");
    expect(r.date).toBe("undated");
    expect(r.reasons.find((x) => x.feature === "words")?.detail).toContain("qazaqstan");
  });

  it("explains itself: body, date, words, characters, anchors, score and the thresholds", () => {
    const r = matchCommitments(transportReport, { ...transportReport, body: "MoT", due: "2026-06-30", dueText: "by the end of the second quarter of 2026", published: "2026-03-30" }, stats);
    expect(r.decision).toBe("same");
    expect(r.reasons.map((x) => x.feature)).toEqual(["body", "date", "words", "chars", "anchors", "score", "threshold"]);
    expect(r.body).toBe("same");
    expect(r.date).toBe("moved");
    expect(r.shiftDays).toBe(1);
    expect(r.reasons.find((x) => x.feature === "threshold")?.detail).toBe(`same >= ${SAME_THRESHOLD}, ask >= ${ASK_THRESHOLD}`);
  });

  it("keeps the same words apart when another ministry is responsible", () => {
    const r = matchCommitments(transportReport, { ...transportReport, body: "Ministry of Trade and Integration", responsible: "The Ministry of Trade and Integration" }, stats);
    expect(r.decision).toBe("different");
    expect(r.score).toBeGreaterThan(SAME_THRESHOLD);
    expect(r.reasons.at(-1)?.detail).toBe("different responsible bodies");
  });

  it("keeps a date moved by years apart", () => {
    const r = matchCommitments(transportReport, { ...transportReport, due: "2028-12-31", precision: "year" }, stats);
    expect(r.decision).toBe("different");
    expect(r.date).toBe("too-far");
  });

  it("pays for quantities that disagree: 11,000 km repaired is not 5,000 km built", () => {
    const repaired = byQuote("11,000 km of railway sections");
    const r = matchCommitments(repaired, { ...repaired, quote: "In addition, 5,000 km of railway sections are planned to be repaired by the end of 2029." }, stats);
    expect(r.reasons.find((x) => x.feature === "quantities")?.value).toBe("conflict");
    expect(r.decision).not.toBe("same");
  });

  it("asks rather than merges two generic reports that share no name or quantity", () => {
    const r = matchCommitments(byQuote("All construction works must be finished by autumn 2016"), byQuote("The construction works are planned to be finished in 20 days"), stats);
    expect(r.anchors).toBe(0);
    expect(r.decision).not.toBe("same");
  });
});
