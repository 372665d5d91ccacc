/**
 * Families of wording found in real government news beyond the seeds and the corpus: scheduling
 * verbs, same-spelling past forms, publication dates in prose, forecasts, day ranges, missed plans
 * and statistics. One table of positive and negative sentences per family (chrono style).
 */
import { describe, expect, it } from "vitest";
import { extractDocument, resolveDeadline } from "../../src/extraction/index.js";
import type { Precision } from "../../src/extraction/index.js";

const REFERENCE = "2025-06-12";
const found = (sentence: string, reference = REFERENCE): [string | null, Precision][] =>
  extractDocument(` date ${reference}\nHeadline Here\n${sentence}\n`).commitments.map((c) => [c.due, c.precision]);

describe("scheduling verbs: 'is scheduled for', 'is slated for', 'is due by', 'is planned for'", () => {
  it.each<[string, string, Precision]>([
    ["The launch of the satellite is slated for 2027.", "2027-12-31", "year"],
    ["The final report is due by March 2026.", "2026-03-31", "month"],
    ["The second stage is planned for the first half of 2027.", "2027-06-30", "quarter"],
    ["The new terminal is expected in 2026.", "2026-12-31", "year"],
    ["The tender is due to be announced in August.", "2025-08-31", "month"],
  ])("%s", (sentence, due, precision) => {
    expect(found(sentence)).toEqual([[due, precision]]);
  });

  // Events on a calendar are news, not duties (issue 7): nobody is reminded of having held a meeting.
  it.each([
    "The next meeting of the Intergovernmental Council is scheduled for October in Astana.",
    "The second summit is scheduled for 2026 in Astana, the ministry's spokesperson said.",
    "A national conference on digital finance is slated for 28-29 April in Almaty.",
    "The forum will take place in September in Turkistan.",
    "As earlier reported, the EXPO-2017 will be held in Astana from June 10 through September 10, 2027.",
    "The two-day debate on the Second Reading of the Bill will begin on October 20.",
    "The expected meeting this week will be their first since the border clash.",
    "The committee decided to schedule the debate for October 20 and October 21.",
  ])("not a commitment: %s", (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it("an event verb of another subject stays a commitment", () => {
    expect(found("The ministry will hold the heads of regions accountable for the inventory due by December 1.")).toEqual([["2025-12-01", "day"]]);
    expect(found("The ministry will open three new schools in September.")).toEqual([["2025-09-30", "month"]]);
  });
});

describe("verbs whose past is spelled like the base form", () => {
  it.each([
    "The ministry also plans to put the new dry port into operation in 2027.",
    "The Government intends to cut the number of permits by half in 2026.",
    "The regulator will set new tariffs in 2026.",
    "Akimats are to shut down coal boilers in Almaty in 2027.",
    "The agency plans to spread the pilot to all regions in 2026.",
    "The ministry must read out the results to the Mazhilis in 2026.",
  ])("%s is a commitment", (sentence) => {
    expect(found(sentence)).toHaveLength(1);
  });

  it.each([
    "The first summit took place in Samarkand in March 2025.",
    "The Government has set up the fund in 2024.",
    "Tariffs were cut in 2024.",
  ])("%s is past", (sentence) => {
    expect(found(sentence)).toEqual([]);
  });
});

describe("publication date from prose: only the article's own date lines", () => {
  const published = (body: string): string | null | undefined => extractDocument(`Some Title Here\n\n${body}\n`).articles[0]?.published;
  it.each<[string, string | null]>([
    ["On 4 October 2024, the Government approved the plan.", "2024-10-04"],
    ["ASTANA – On March 12, 2025, the Ministry of Energy presented the plan.", "2025-03-12"],
    ["ASTANA. KAZINFORM – On 3 December 2025, the Senate adopted the law.", "2025-12-03"],
    ["ASTANA, Kazakhstan, Jan. 14, 2026 - The National Bank said it will extend payments.", "2026-01-14"],
    ["ASTANA, December 3, 2025 - The Senate adopted the law.", "2025-12-03"],
    ["The press service published the results of 2024 on July 31.", "2024-07-31"],
    ["The ministry announced on 5 March 2025 that the plan was approved.", "2025-03-05"],
    // Events in the body are not the day of the news.
    ["Kazakhstan is moving to the practical stage.\n\nThe decision follows the national referendum held on October 6, 2024, in which voters supported the plant.", null],
    ["The decision follows the referendum held on October 6, 2024.", null],
    ["The law, signed on 10 January 2025, will take effect next year.", null],
  ])("%j -> %s", (body, date) => {
    expect(published(body)).toBe(date);
  });
});

describe("forecasts and statistics are not commitments", () => {
  it.each([
    "According to the updated forecast, inflation will slow to 9.5-11.5% in 2026.",
    "According to the baseline scenario of the National Bank, annual inflation will stabilize at 5-7% by 2027.",
    "According to IMF estimates, GDP will grow by 4.8% in 2026.",
    "According to the World Bank, the economy will expand by 5% in 2026.",
    "Inflation is forecast to slow to 8% by the end of 2026.",
    "GDP is expected to reach $300 billion in 2026.",
    "Investments in the sector are projected to exceed $12 billion over the next five years.",
    "The minister said that more than 3.9 million pupils will sit at their desks on Sept. 1, including 410,000 first-graders.",
    "Over 2,000 participants will attend the conference on April 28-29.",
    "About 150 companies will take part in the exhibition in October.",
  ])("%s", (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it.each([
    "According to the ministry, the plant will be built by 2027.",
    "According to the plan, 50 schools will be built in 2026.",
    "Kazakhstan plans to increase the share of renewable energy sources to 15% by 2030.",
    "By 2030, the share of renewables will be increased to 15%.",
    "In 2026, 1,000 specialists will be trained under the programme.",
    "More than 5,000 families will receive housing by the end of the year.",
  ])("%s stays a commitment", (sentence) => {
    expect(found(sentence)).toHaveLength(1);
  });
});

describe("day ranges", () => {
  it.each<[string, string | null, string]>([
    ["on April 3-4, 2025", null, "2025-04-04"],
    ["on 3-4 April 2025", null, "2025-04-04"],
    ["on April 28-29", "2026-01-14", "2026-04-29"],
    ["slated for 28-29 April", "2026-01-14", "2026-04-29"],
  ])("%s -> %s", (phrase, reference, due) => {
    expect(resolveDeadline(phrase, reference)).toMatchObject({ due, precision: "day" });
  });

  it("a past range is not a commitment", () => {
    expect(found("The first summit took place in Samarkand on April 3-4, 2025, where the parties agreed to elevate relations.", "2025-09-30")).toEqual([]);
  });
});

describe("plans stated in the past: missed or superseded", () => {
  it.each([
    "The akim criticized the interchange, which was supposed to be opened in December.",
    "The bridge was due to be completed in December.",
    "The plant had been expected to start operating in 2026.",
    "The reform was planned for 2026 but has been postponed.",
    "The law was to take effect in January 2026.",
    "The reconstruction, which was originally scheduled for completion in 2026, has been delayed.",
  ])("%s", (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it.each([
    "The Ministry of Energy was instructed to submit proposals by 1 September.",
    "The minister said the plant was expected to be commissioned in 2027.",
    "Officials said the module was scheduled for launch in 2026.",
  ])("%s stays a commitment", (sentence) => {
    expect(found(sentence)).toHaveLength(1);
  });
});

describe("other wordings from real news", () => {
  it.each<[string, string, string | null, Precision]>([
    ["The Deputy Prime Minister instructed the ministry to submit proposals to the Government within two weeks.", "2025-06-12", "2025-06-26", "day"],
    ["Akimats must complete the repairs until the end of 2025.", "2025-06-12", "2025-12-31", "year"],
    ["The ministry will launch the service by year-end.", "2025-06-12", "2025-12-31", "year"],
    ["The agency is to open ten offices in the second half of the year.", "2025-06-12", "2025-12-31", "quarter"],
    ["The code will be adopted by September 1 of next year.", "2025-06-12", "2026-09-01", "day"],
    ["Construction is to be completed in early 2026.", "2025-06-12", "2026-03-31", "quarter"],
    ["The plant will be commissioned in late 2027.", "2025-06-12", "2027-12-31", "quarter"],
    ["The rules are to be published in the first ten days of December.", "2025-06-12", "2025-12-10", "day"],
    ["Banks must connect to the platform until 01.07.2026.", "2025-06-12", "2026-07-01", "day"],
    ["The ministry will hold the tender on the 1st of July.", "2025-06-12", "2025-07-01", "day"],
    ["The second stage is due by end-2026.", "2025-06-12", "2026-12-31", "year"],
    ["Payments will be extended to all banks by mid-March 2026.", "2025-06-12", "2026-03-31", "month"],
    ["The tender will be announced in the near future.", "2025-06-12", null, "vague"],
    ["Terminals will be built at five airports in 2025-2026.", "2025-06-12", "2026-12-31", "year"],
  ])("%s", (sentence, reference, due, precision) => {
    expect(found(sentence, reference)).toEqual([[due, precision]]);
  });

  it.each([
    "The draft law has been submitted to the Mazhilis.",
    "All bodies must ensure that boiler houses are supplied with coal before the start of the heating season.",
    "Utilities that fail to restore supply within 24 hours of an accident will be fined.",
    "The Decree enters into force ten calendar days after the date of its first official publication.",
  ])("%s gives no dated commitment", (sentence) => {
    expect(found(sentence)).toEqual([]);
  });
});

describe("titles", () => {
  const titleOf = (sentence: string): string | undefined => extractDocument(` date 2025-03-01\nHeadline Here\n${sentence}\n`).commitments[0]?.title;
  it.each([
    ["Construction of the Mynaral solar plant is to be completed in early 2026.", "Complete construction of the Mynaral solar plant"],
    ["The 1 GW wind farm in Zhambyl region, built by ACWA Power, will be commissioned in 2027.", "Commission the 1 GW wind farm in Zhambyl region"],
    ["The tender for 1,000 MW of new wind capacity will be announced in the near future.", "Announce the tender for 1,000 MW of new wind capacity"],
    ["The tax code, which was adopted in July, takes effect on January 1, 2026.", "The tax code enters into force"],
    ["Astana Hub will be expanded in 2026.", "Expand Astana Hub"],
  ])("%s -> %s", (sentence, title) => {
    expect(titleOf(sentence)).toBe(title);
  });

  it("cuts a long title at a word boundary with an ellipsis", () => {
    const t = titleOf("The ministry must develop a comprehensive national programme for the modernisation of municipal heating networks and water supply and sewerage systems in all regional centres by 2027.") ?? "";
    expect(t.length).toBeLessThanOrEqual(101);
    expect(t.endsWith("\u2026")).toBe(true);
    expect(t).not.toMatch(/\s(?:and|of|the|in)\u2026$/);
  });

  it("splits ', and <new subject> is ...' into clauses with their own titles", () => {
    const r = extractDocument(" date 2025-10-21\nHeadline Here\nHe noted that the GRES-3 project will be put into operation in 2028, and the Kokshetau CHP plant is slated for the first half of 2027.\n").commitments;
    expect(r.map((c) => [c.due, c.title])).toEqual([
      ["2028-12-31", "Put the GRES-3 project into operation"],
      ["2027-06-30", "The Kokshetau CHP plant"],
    ]);
  });
});
