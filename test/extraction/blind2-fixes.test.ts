/**
 * Three general rules: a reduced relative clause with a past participle is a past event; an adverb
 * inside "is to" / "will" keeps the marker; a start date heading the sentence dates a measure.
 */
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/extraction/index.js";

const REFERENCE = "2025-06-05";

function dues(sentence: string): [string | null, string | null][] {
  const text = ` date ${REFERENCE}\n${sentence}\n`;
  return extractDocument(text).commitments.map((c) => [c.due, c.precision]);
}

describe("past participle after a noun (reduced relative clause)", () => {
  it.each([
    "The operator has finished electrifying the northern branch, commissioned in March, and now turns to the ports.",
    "The city has opened a second depot at the bridge, built in February, and will now hire drivers.",
    "The agency has reviewed the memorandum, signed in March, and must now report on it.",
  ])("is a past event: %s", (sentence) => {
    expect(dues(sentence)).toEqual([]);
  });

  it.each([
    ["The new substation will be commissioned in September.", "2025-09-30"],
    ["The water pipeline is to be commissioned in October.", "2025-10-31"],
    ["The ministry instructed the akimats to draft the rules, to be adopted within six months.", "2025-12-05"],
  ])("stays a commitment: %s", (sentence, due) => {
    expect(dues(sentence).map(([d]) => d)).toEqual([due]);
  });

  it("keeps an instruction whose loose verb has an object", () => {
    expect(dues("The Head of State commissioned the Government to submit the report by 1 September 2025.")).toEqual([["2025-09-01", "day"]]);
  });
});

describe("an adverb inside the commitment marker", () => {
  it.each([
    ["The city administration is also to renovate 30 kindergartens this year.", "2025-12-31"],
    ["Regional akimats are further to open rehabilitation centres by the end of the year.", "2025-12-31"],
    ["The ministry will also equip rural clinics with ambulances next year.", "2026-12-31"],
    ["Every district must also set up a crisis hotline by 1 October 2025.", "2025-10-01"],
  ])("is a commitment: %s", (sentence, due) => {
    expect(dues(sentence).map(([d]) => d)).toEqual([due]);
  });

  it.each([
    "The bridge was also to open in 2024, but the works stalled.",
    "Exports will also grow by 7% next year.",
    "Prices are likely to rise next year.",
  ])("is not a commitment: %s", (sentence) => {
    expect(dues(sentence)).toEqual([]);
  });
});

describe("a start date heading the sentence", () => {
  it.each([
    ["From 1 July 2026, stipends of medical residents will increase by 25 percent.", "2026-07-01", "day"],
    ["Starting 1 September 2025, a free school meal scheme will be introduced in all regions.", "2025-09-01", "day"],
    ["As of 1 January 2026, electronic invoices will become mandatory for all importers.", "2026-01-01", "day"],
    ["Beginning January 2026, pensions will rise by 8%.", "2026-01-01", "month"],
  ])("dates a measure taking effect: %s", (sentence, due, precision) => {
    expect(dues(sentence)).toEqual([[due, precision]]);
  });

  it.each([
    "From 2026, demand for grain will grow by 5%.",
    "Starting 1 January 2026, tax revenues will rise by 12 percent.",
    "From 1 January 2026, the budget deficit will fall to 2% of GDP.",
    "According to economists, from 2026 wages will rise by 9%.",
  ])("leaves a forecast alone: %s", (sentence) => {
    expect(dues(sentence)).toEqual([]);
  });
});
