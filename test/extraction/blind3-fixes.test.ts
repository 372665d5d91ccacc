/**
 * Three general rules: a superior's demand ("demanded that", "called on X to") is an instruction;
 * a past form right after a base-form verb is an adjective in the object ("will introduce paid
 * services"), not a past event; a public body of a foreign country is a third party.
 */
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/extraction/index.js";

const REFERENCE = "2025-04-10";

/** `context` sets the publisher's home country (the country a document names most). */
function dues(sentence: string, context = ""): (string | null)[] {
  const text = ` date ${REFERENCE}\n${context}${sentence}\n`;
  return extractDocument(text).commitments.map((c) => c.due);
}

describe("a superior's demand is an instruction", () => {
  it.each([
    ["The Prime Minister demanded that the regional akimats repair all rural roads by 1 August 2025.", "2025-08-01"],
    ["The Head of State called on the Ministry of Health to open twenty new clinics by the end of the year.", "2025-12-31"],
    ["The Senate speaker insisted that the Government submit the budget report by June 30.", "2025-06-30"],
  ])("is a commitment: %s", (sentence, due) => {
    expect(dues(sentence)).toEqual([due]);
  });

  it("leaves demand as a noun alone", () => {
    expect(dues("Demand for grain in the region grew sharply in 2024.")).toEqual([]);
  });
});

describe("a past form in the object of a base-form verb", () => {
  it.each([
    ["The city administration will introduce paid bus lanes on the ring road from 1 September 2025.", "2025-09-01"],
    ["The ministry plans to build fixed broadband lines to 300 villages by 2027.", "2027-12-31"],
  ])("is an adjective: %s", (sentence, due) => {
    expect(dues(sentence)).toEqual([due]);
  });

  it("still reads a past verb as a past event", () => {
    expect(dues("The ministry paid the contractors in March 2025.")).toEqual([]);
  });
});

describe("a public body of a foreign country", () => {
  const KAZAKH = "Kazakhstan and Kazakh exporters in Astana welcomed the news. ";
  it.each([
    "The Government of Tajikistan will commission the new hydropower unit in September.",
    "The Ministry of Energy of Uzbekistan plans to finish the substation by the end of the year.",
  ])("is a third party: %s", (sentence) => {
    expect(dues(sentence, KAZAKH)).toEqual([]);
  });

  it.each([
    ["The Government of Kazakhstan will adopt the new tariff rules in September.", "2025-09-30"],
    ["Following talks with the Government of Uzbekistan, the ministry will open a trade house by 1 July 2025.", "2025-07-01"],
  ])("stays a commitment at home or as an object: %s", (sentence, due) => {
    expect(dues(sentence, KAZAKH)).toEqual([due]);
  });
});
