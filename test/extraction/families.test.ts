/**
 * General rules added for six failure families: prose dates after front matter, provision verbs
 * of laws and decrees, reported speech, cycle years, third-party actors, legal time limits.
 * Each rule has positive and negative sentences of its own wording.
 */
import { describe, expect, it } from "vitest";
import { extractDocument, findDeadlines } from "../../src/extraction/index.js";
import { findProseDate } from "../../src/extraction/published-date.js";
import { homeCountry, isThirdPartySubject } from "../../src/extraction/third-party.js";

const REFERENCE = "2025-11-20";
const rows = (text: string, reference: string | null = REFERENCE) =>
  extractDocument(text, { reference }).commitments.map((c) => [c.dueText, c.due, c.precision]);

describe("publication date after title, subtitle and byline", () => {
  it.each([
    ["Published 4 December 2025\n\nThe ministry will open ...", "2025-12-04"],
    ["From: Ministry of Energy\nPosted on March 3, 2026\n\nText.", "2026-03-03"],
    ["Brussels, 15 October 2025\n\nThe Commission today adopted ...", "2025-10-15"],
    ["Astana, 2 June 2025 - The Government approved ...", "2025-06-02"],
    ["15 October 2025 - Astana\n\nThe Government approved ...", "2025-10-15"],
    ["By Aida Haidar in Business on 3 November 2025\n\nThe akimat said ...", "2025-11-03"],
    ["Will the reform pay off? Farmers are not sure\nBy Marat Seitkali\nPhoto: Shutterstock\nOn 5 May 2025, the Senate passed the water code.", "2025-05-05"],
  ])("%j -> %s", (opening, want) => {
    expect(findProseDate(opening)).toBe(want);
  });

  it.each([
    "The ministry recalled that the code was adopted on 5 May 2024 after long debates.",
    "By Marat Seitkali\n\nThe minister said the bridge opened in 2023.\n\nOn 5 May 2024, the Senate passed the water code.",
    "Farmers are waiting for subsidies\n\nThe programme launched in 2019 was extended. On 1 March 2024 it ended.",
  ])("no publication date in %j", (opening) => {
    expect(findProseDate(opening)).toBeNull();
  });

  it("a document whose date follows a subtitle and byline resolves relative deadlines", () => {
    const doc = "Tashkent widens water reform\nCan the new rules save the Aral basin?\nBy Dilnoza Karimova\nOn 2 October 2025, the Cabinet of Ministers adopted a resolution on water accounting.\n\nWithin six months, the Ministry of Water Resources is to install meters on all main canals.\n";
    expect(rows(doc, null)).toEqual([["Within six months", "2026-04-02", "day"]]);
  });
});

describe("provision verbs of laws, decrees and programmes", () => {
  it.each([
    ["The resolution obliges the Ministry of Agriculture to certify all grain elevators by the end of 2027.", "2027-12-31"],
    ["The new code requires akimats to publish their land registers by 1 July 2026.", "2026-07-01"],
    ["The programme provides for the construction of 40 kindergartens by 2028.", "2028-12-31"],
    ["The roadmap also envisages the launch of a single payment portal in the first quarter of 2026.", "2026-03-31"],
    ["The amendments stipulate that all ticket sales move online by September 2026.", "2026-09-30"],
    ["The decree calls for the creation of a flood monitoring centre by the end оf 2026.", "2026-12-31"],
  ])("%s", (sentence, due) => {
    expect(rows(sentence).map((r) => r[1])).toEqual([due]);
  });

  it.each([
    "The project requires investment of $2 billion by 2030.",
    "Experts say the market requires 5,000 new engineers by 2028.",
    "Growth calls for caution in 2026, analysts warned.",
  ])("no commitment: %s", (sentence) => {
    expect(rows(sentence)).toEqual([]);
  });

  it("normalises a Cyrillic look-alike inside the deadline phrase", () => {
    expect(findDeadlines("by the end \u043ef 2028")[0]?.text).toBeUndefined(); // unnormalised text: no match
    expect(rows("The ministry must finish the audit by the end \u043ef 2028.")).toEqual([["by the end of 2028", "2028-12-31", "year"]]);
  });
});

describe("reported speech: the clause after 'that' governs", () => {
  it.each([
    ["The Ministry of Transport said on 20 November 2025 that tachographs will become mandatory for all buses operated by private carriers from 1 March 2026.", "2026-03-01"],
    ["The akimat announced that from January 2026 parking permits issued by district offices will be digital.", "2026-01-01"],
  ])("%s", (sentence, due) => {
    expect(rows(sentence).map((r) => r[1])).toEqual([due]);
  });

  it.each([
    "Salaries increased by ten percent in 2024, the ministry said.",
    "The ministry announced in March 2025 that the tender was cancelled.",
  ])("no commitment: %s", (sentence) => {
    expect(rows(sentence)).toEqual([]);
  });
});

describe("cycle years are not plan periods", () => {
  it.each([
    ["All new schools are to open by the start of the 2026-2027 academic year.", "by the start of the 2026-2027 academic year"],
    ["Boiler houses must be repaired before the 2026-2027 heating season.", "before the 2026-2027 heating season"],
  ])("%s -> undated", (sentence, text) => {
    expect(rows(sentence)).toEqual([[text, null, "vague"]]);
  });

  it.each([
    ["The ministry will implement the Concept for 2026-2030.", "2030-12-31"],
    ["Under the 2026-2028 roadmap, the ministry will open 20 centres.", "2028-12-31"],
  ])("a plan's period stays dated: %s", (sentence, due) => {
    expect(rows(sentence).map((r) => r[1])).toEqual([due]);
  });
});

describe("third-party actors", () => {
  it.each([
    "Japan's Marubeni Corporation plans to build the plant by 2028.",
    "Turkish Airlines intends to open a route to Turkistan next year.",
    "The Russian company expects to finish the pipeline in 2027.",
    "Rival suppliers, including Canada, say they will cut prices by 2026.",
    "Masdar Power plans to commission the solar park in 2026.",
  ])("not a commitment: %s", (sentence) => {
    expect(rows(`Kazakhstan and Kazakh officials discussed it.\n\n${sentence}`)).toEqual([]);
  });

  it.each([
    ["Kazakhstan Temir Zholy will electrify 1,000 km of track by 2028.", "2028-12-31"],
    ["Samruk-Kazyna plans to list two subsidiaries in 2026.", "2026-12-31"],
    ["The national company KazMunayGas Energy will complete the refinery upgrade by 2027.", "2027-12-31"],
    ["Kazakhstan and Uzbekistan will open the new border crossing by 2027.", "2027-12-31"],
    ["Together with China, the Ministry of Transport will launch a container service in 2026.", "2026-12-31"],
    ["Visa-free entry for citizens of India will be introduced from March 2026.", "2026-03-01"],
    ["According to the Agency for Atomic Energy, construction is to begin in 2027.", "2027-12-31"],
  ])("a commitment: %s", (sentence, due) => {
    expect(rows(`Kazakhstan news. Kazakh officials.\n\n${sentence}`).map((r) => r[1])).toEqual([due]);
  });

  it("the home country is the one the article names most", () => {
    expect(homeCountry("Uzbekistan's farmers ... Tashkent ... Afghanistan")).toBe("Uzbekistan");
    expect(homeCountry("No country named here.")).toBe("Kazakhstan");
    expect(isThirdPartySubject("Uzbekistan's Cabinet ", "Uzbekistan")).toBe(false);
    expect(isThirdPartySubject("Afghanistan's authorities ", "Uzbekistan")).toBe(true);
  });
});

describe("standing legal time limits", () => {
  it.each([
    "Under the Land Code, a request for a plot must be reviewed within 20 working days.",
    "Complaints of consumers shall be considered within one month.",
    "Each permit application is to be processed within 10 days.",
  ])("not a commitment: %s", (sentence) => {
    expect(rows(sentence)).toEqual([]);
  });

  it.each([
    ["The Ministry of Justice must consider the draft within ten days.", "2025-11-30"],
    ["The akimat is to issue the permits within a month.", "2025-12-20"],
  ])("a commitment: %s", (sentence, due) => {
    expect(rows(sentence).map((r) => r[1])).toEqual([due]);
  });
});
