/**
 * General rules for four more failure families: international organisations and foreign states as
 * the actor, forecasts by weather services and analysts, standing processing times framed by
 * "this year", and past verbs inside relative clauses. Positive and negative sentences of their own
 * wording for each rule.
 */
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/extraction/index.js";
import { homeCountry, isThirdPartySubject } from "../../src/extraction/third-party.js";

const REFERENCE = "2025-11-20";
/** One sentence in a Kazakh article (the lead names Kazakhstan, so it is the home country). */
const rows = (sentence: string) =>
  extractDocument(`Kazakhstan news. Kazakh officials.\n\n${sentence}`, { reference: REFERENCE }).commitments.map((c) => [c.dueText, c.due]);

describe("international organisations and foreign states as the actor", () => {
  it.each([
    "The World Bank will publish its review of the sector in March 2026.",
    "The IMF's mission intends to visit Astana next year.",
    "Officials said the SCO secretariat will hold the summit in June 2026.",
    "The International Civil Aviation Organization will audit the airports in 2026.",
    "The Paralympic Committee of Asia will send observers to Shymkent in 2027.",
    "The EU plans to open a trade office in Shymkent in 2026.",
    "Tajikistan's new reservoir will be filled by 2028.",
  ])("not a commitment: %s", (sentence) => {
    expect(rows(sentence)).toEqual([]);
  });

  it.each([
    // a home body or the home country acting with the organisation: a joint commitment
    ["Kazakhstan and the OECD will complete the joint education review by 2027.", "2027-12-31"],
    ["The Ministry of Finance, together with the IMF, will prepare the fiscal rules by June 2026.", "2026-06-30"],
    ["The ministry and the Asian Development Bank will sign the loan agreement in February.", "2026-02-28"],
    // the organisation names what is being set up (passive, actor implied), or is an object
    ["The UN Regional Hub is set to be established in Almaty in 2026.", "2026-12-31"],
    ["A regional office of UNICEF is set to be opened in Almaty next year.", "2026-12-31"],
  ])("a commitment: %s", (sentence, due) => {
    expect(rows(sentence).map((r) => r[1])).toEqual([due]);
  });

  it("an organisation is the actor as the subject's head or owner, not as a modifier", () => {
    expect(isThirdPartySubject("the OECD ", "Kazakhstan")).toBe(true);
    expect(isThirdPartySubject("The envoy said the Islamic Development Bank (IsDB) ", "Kazakhstan")).toBe(true);
    expect(isThirdPartySubject("The EBRD's new credit line ", "Kazakhstan")).toBe(true);
    expect(isThirdPartySubject("The UN Digital Hub ", "Kazakhstan")).toBe(false);
    expect(isThirdPartySubject("Experts from the OECD and the ministry ", "Kazakhstan")).toBe(false);
    expect(isThirdPartySubject("Kazakhstan and the CIS Executive Committee ", "Kazakhstan")).toBe(false);
  });

  it("the home country counts a government's own institutions and currency, over the whole document", () => {
    expect(homeCountry("Akims and akimats will get 5 billion tenge. Talks with the EU. The EU envoy. European partners.")).toBe("Kazakhstan");
    expect(homeCountry("The European Commission adopted the EU methane rules in Brussels; Kazakhstan was mentioned once.")).toBe("European Union");
  });

  it("a digest item on talks with a neighbour keeps the digest's home country", () => {
    const digest = [
      " date 2025-11-20",
      "20.11.2025, 10:00 1200",
      "Akimats to repair roads",
      "The akimats must repair 500 km of local roads by 1 June 2026, allocating 40 billion tenge.",
      "Astana and Almaty will receive a further 10 billion tenge.",
      "19.11.2025, 12:00 900",
      "Kazakhstan and Tajikistan discuss energy",
      "The minister met the Tajik energy minister in Dushanbe. The Tajik side said Tajikistan plans to finish its new power line by 2027.",
    ].join("\n");
    expect(extractDocument(digest).commitments.map((c) => c.due)).toEqual(["2026-06-01"]);
    // the item alone names its neighbour most: the home country must come from the whole digest
    expect(homeCountry(digest.slice(digest.indexOf("19.11.2025")))).toBe("Tajikistan");
  });
});

describe("forecasts by weather services and analysts", () => {
  it.each([
    "According to the weather service, summer will be hotter than usual this year.",
    "Meteorologists predict that the first frosts will arrive in October.",
    "Winter in the western regions is expected to be mild this year.",
    "Economists of a local bank expect inflation to remain above target until the end of 2026.",
    "According to Almatyhydromet, the peak of the floods is expected in April.",
  ])("not a commitment: %s", (sentence) => {
    expect(rows(sentence)).toEqual([]);
  });

  it.each([
    ["Preparations for winter must be completed by 1 October.", "2026-10-01"],
    ["The ministry expects to finish the spring field work by May 20.", "2026-05-20"],
    ["The spring sowing campaign will be completed by 10 June.", "2026-06-10"],
    ["According to the ministry, the heating season will start on 1 October.", "2026-10-01"],
  ])("a commitment: %s", (sentence, due) => {
    expect(rows(sentence).map((r) => r[1])).toEqual([due]);
  });
});

describe("standing processing times framed by a relative period", () => {
  it.each([
    "This year, subsidy requests will be processed on the portal within two working days.",
    "Starting next month, license applications will be reviewed online within five days.",
  ])("not a commitment: %s", (sentence) => {
    expect(rows(sentence)).toEqual([]);
  });

  it.each([
    // a named actor with a span: the span is counted from today
    ["The ministry will review all pending requests within two weeks.", ["2025-12-04"]],
    // a processing time in one clause does not swallow the date of another
    ["Applications will be considered on the portal within three days, and the ministry will launch the new portal next year.", ["2026-12-31"]],
  ])("a commitment: %s", (sentence, dues) => {
    expect(rows(sentence).map((r) => r[1])).toEqual(dues);
  });
});

describe("past verbs in relative clauses", () => {
  it.each([
    "The akimat will connect the new district to the plant, which started up in February.",
    "The ministry will extend the route served by the ferry that went into service in March.",
    "Grants will go to the start-ups who graduated in June.",
  ])("not a commitment: %s", (sentence) => {
    expect(rows(sentence)).toEqual([]);
  });

  it.each([
    ["The ministry will build a road to the plant, which is to start up in February.", "2026-02-28"],
    ["The bridge, which was repaired last year, will reopen in May.", "2026-05-31"],
    ["The akimat will open the school that the ministry plans to finish in August.", "2026-08-31"],
  ])("a commitment: %s", (sentence, due) => {
    expect(rows(sentence).map((r) => r[1])).toEqual([due]);
  });
});
