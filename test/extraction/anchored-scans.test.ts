/**
 * The extractor's two hottest stages run their patterns only where a match can start (issue 13):
 * findDeadlines at the few word starts before a core word (a month, a year, "quarter" ...), and
 * findMarkers at the first words listed for each pattern. Each must find exactly what a global
 * scan of every pattern over the whole text finds. A core word a parser can match without, an
 * anchor's word bound set too low, or a marker pattern given a new opening word without its
 * `first` list would lose phrases silently: this holds both to the slow scan over every sentence
 * of the corpora in the repository (and the shared news corpus when it is there), and over the
 * same texts changed in case, spacing and punctuation.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findDeadlinesByScan } from "../../src/extraction/deadline/index.ts";
import { findDeadlines, findMarkers, normaliseText, splitUnits } from "../../src/extraction/index.ts";
import { findMarkersByScan } from "../../src/extraction/markers.ts";

const ROOT = path.join(import.meta.dirname, "../..");
const DIRS = [path.join(ROOT, "seeds"), path.join(ROOT, "test/extraction/fixtures"), path.join(ROOT, "../shared/corpus/news/docs")];
const documents = DIRS.filter((dir) => existsSync(dir)).flatMap((dir) =>
  readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(path.join(dir, f), "utf8")),
);

/** Every sentence, bullet and heading of every document, as the pipeline hands them to the stages. */
function unitsOf(text: string): string[] {
  const norm = normaliseText(text).text;
  return splitUnits(norm, 0, norm.length).map((u) => u.text);
}

/** The same text in other shapes a news site may give it. */
function variants(text: string): string[] {
  return [
    text,
    text.toLowerCase(),
    text.toUpperCase(),
    text.replace(/ /g, "  "),
    text.replace(/,/g, ""),
    text.replace(/\bthe\b/g, "The"),
    text.replace(/(\d)/g, " $1"),
    text.slice(Math.floor(text.length / 3)),
  ];
}

const texts = [...new Set(documents.flatMap(unitsOf).flatMap(variants))];

/** A phrase as compared: where, what, which parser, and the spec's data (its functions are per call). */
const shown = (m: ReturnType<typeof findDeadlines>[number]): string => JSON.stringify([m.start, m.end, m.text, m.parser, m.spec]);

describe("the anchored scans find what a full scan finds", () => {
  it("has a corpus to check", () => {
    expect(documents.length).toBeGreaterThanOrEqual(14);
    expect(texts.length).toBeGreaterThan(2_000);
  });

  it("findDeadlines: the same phrases as every parser's global scan", () => {
    const differ: string[] = [];
    let phrases = 0;
    for (const text of texts) {
      const fast = findDeadlines(text).map(shown);
      const slow = findDeadlinesByScan(text).map(shown);
      phrases += slow.length;
      if (JSON.stringify(fast) !== JSON.stringify(slow)) differ.push(text.slice(0, 200));
    }
    expect(differ).toEqual([]);
    expect(phrases).toBeGreaterThan(500);
  });

  it("findMarkers: the same markers as every pattern's global scan", () => {
    const differ: string[] = [];
    let markers = 0;
    for (const text of texts) {
      const fast = findMarkers(text);
      const slow = findMarkersByScan(text);
      markers += slow.length;
      if (JSON.stringify(fast) !== JSON.stringify(slow)) differ.push(text.slice(0, 200));
    }
    expect(differ).toEqual([]);
    expect(markers).toBeGreaterThan(500);
  });

  it("the slow scans find a plain marker and phrase on their own", () => {
    expect(findMarkersByScan("The ministry will adopt the rules by May 2026.").map((m) => m.kind)).toEqual(["modal"]);
    expect(findDeadlinesByScan("The ministry will adopt the rules by May 2026.").map((m) => m.text)).toEqual(["by May 2026"]);
  });
});
