/**
 * The families of wording found in real news (issue 7, ../shared/corpus/news): deadline phrases,
 * instruction shapes, and statements that promise nothing. Sentences are written for these tests
 * in the shapes found, not copied from the corpus, so they check the rule, not one article.
 */
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/extraction/index.js";
import type { Precision } from "../../src/extraction/index.js";

const REFERENCE = "2025-04-10";

function found(sentence: string, reference: string | null = REFERENCE, context = ""): [string | null, Precision][] {
  const header = reference ? ` date ${reference}\n` : "";
  return extractDocument(`${header}Headline Here\n${context}${sentence}\n`).commitments.map((c) => [c.due, c.precision]);
}

describe("deadline phrases of real news", () => {
  it.each<[string, string | null, Precision]>([
    ["The first hospital will be put into operation this September.", "2025-09-30", "month"],
    ["The akimat must open the bridge by the yearend.", "2025-12-31", "year"],
    ["The minister committed to complete the two delayed roads within the year.", "2025-12-31", "year"],
    ["The expressway will be completed by the year 2028.", "2028-12-31", "year"],
    ["Ten clinics are to be constructed in three upcoming years.", "2028-04-10", "day"],
    ["One year from now, the Commission should present its review.", "2026-04-10", "day"],
    ["The contractors are to meet the road's December 2026 completion deadline.", "2026-12-31", "month"],
    ["We hope to finish the terminal by the middle of next year.", "2026-06-30", "quarter"],
    ["The departments shall complete the works in Financial Year (FY) 2025-26 without fail.", "2026-03-31", "year"],
    ["A report shall be submitted by each department at the end of the FY 2025-26.", "2026-03-31", "year"],
    ["The ministry has been tasked with preparing the report by the first week of May.", "2025-05-07", "day"],
  ])("%s", (sentence, due, precision) => {
    expect(found(sentence)).toEqual([[due, precision]]);
  });

  it("a fiscal year ends in June where the government's does", () => {
    expect(found("The Australian Government will complete the works in FY 2025-26.")).toEqual([["2026-06-30", "year"]]);
  });

  it("a dateline is the day of the news, not a deadline", () => {
    expect(found("New Delhi, April 10 (IANS) The minister asked the states to submit their plans by May 15.")).toEqual([["2025-05-15", "day"]]);
  });
});

describe("instruction shapes of real news", () => {
  it.each<[string, string]>([
    ["The minister asked the states to submit their annual plans by May 15.", "2025-05-15"],
    ["The Government is assigned to submit the plan for the events dated to the anniversary until October 1, 2025.", "2025-10-01"],
    ["The Act, which commits the country to achieving net-zero emissions by 2050, was passed.", "2050-12-31"],
    ["The minister has given the contractor building the road a five-month ultimatum to complete the project.", "2025-09-10"],
    ["We remain on track for implementation from 2026.", "2026-01-01"],
    ["We hope to table the bill in October.", "2025-10-31"],
    ["Among the most important measures is the increase in the minimum wage from January 1, 2026 by 1.5 percent.", "2026-01-01"],
    ["During 2026-2027, the ministry plans to modernize 33 border crossing points.", "2027-12-31"],
    ["The contractor has been given until the end of May to complete the project.", "2025-05-31"],
    ["The EU Commission is expected to present its proposal in early 2026.", "2026-03-31"],
  ])("%s", (sentence, due) => {
    expect(found(sentence).map(([d]) => d)).toEqual([due]);
  });

  it("a span after a fronted event counts from the event", () => {
    expect(found("Following the talks on April 2, the Prime Minister tasked the ministries to finalize the agreement within two weeks.")).toEqual([["2025-04-16", "day"]]);
  });

  it("keycap-emoji numbers are bullets under their lead-in", () => {
    expect(found("1\uFE0F\u20E3 245 electric locomotives in 2025\u20132029", REFERENCE, "The deliveries will include:\n")).toEqual([["2029-12-31", "year"]]);
  });

  it("a headline states a commitment unless the body restates it", () => {
    const doc = (body: string): string[] =>
      extractDocument(` date ${REFERENCE}\nMore Than 11,000 km of Roads to Be Built in Kazakhstan in 2026\n\n${body}\n`).commitments.map((c) => c.quote);
    expect(doc("The ministry presented its report.")).toEqual(["More Than 11,000 km of Roads to Be Built in Kazakhstan in 2026"]);
    expect(doc("In 2026, more than 11,000 km of roads will be built and repaired.")).toEqual(["In 2026, more than 11,000 km of roads will be built and repaired."]);
  });
});

describe("statements that promise nothing", () => {
  it.each([
    "Deficit is expected to be 9.4% this year but it will go down to 5.9% of GDP in 2026.",
    "He added that the current account deficit would widen to 8.6% of GDP this year.",
    "Oil prices will soften and exchange rates will be stabilizing next year.",
    "The bank said the country will see higher consumer prices next year.",
    "These projects will increase the public transit ridership from 1.6 to 3 million trips by 2030.",
    "In 2026, 2,120 villages or 11.7 mln people will have access to natural gas.",
    "4 billion kWh of electricity will be generated at the new plants in the autumn.",
    "I'm afraid that in 2026 another program will be born.",
    "Perhaps the Minister remembers that the adviser said that the scheme should start in 2026.",
    "In March, the former minister had predicted 17 million ID cards would be in circulation by 2027.",
    "It will soon be six years since the President took office.",
    "The bank said consumer demand will recover by the end of 2026.",
    "It is necessary to insert amendments to the republican budget 2025-2027.",
    "Farmers asked the government to extend the subsidy programme until 2027.",
    "This will impact the growth rate of 2.8%, but due to the high yield, will determine the average inflation rate of 4.7% in 2026.",
    "The staff say it's a big workload over the next two years but he is confident the staff will meet the challenge.",
  ])("%s", (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it("a hedge between the verb and a later date leaves that date a hope", () => {
    expect(found("During 2026-2027, we plan to modernize 33 checkpoints with the possibility of increasing their capacity to 35 million tons by 2030.")).toEqual([["2027-12-31", "year"]]);
  });

    it("a bank's own decision stays a commitment", () => {
    expect(found("The National Bank said it will lower the base rate in May.")).toEqual([["2025-05-31", "month"]]);
  });

  it("a replaced deadline gives way to the new one", () => {
    expect(found("Those measures that the Government had indicated would be introduced by 30 June 2025, will now be introduced by December 2025.")).toEqual([["2025-12-31", "month"]]);
    expect(found("Those measures originally scheduled for introduction by December 2025 will now be introduced by 30 June 2026.")).toEqual([["2026-06-30", "day"]]);
    expect(found("The government had earlier committed to finish the project by 27 September.")).toEqual([]);
  });
});

describe("titles read without the article", () => {
  const titles = (text: string): string[] => extractDocument(` date ${REFERENCE}\n${text}\n`).commitments.map((c) => c.title);

  it("names the thing an earlier sentence introduced", () => {
    expect(titles("Justice Ministry reports\n\nIn Taraz, a pilot project called “Robot” was launched. The project will be expanded nationwide in August.")).toEqual([
      'Expand the pilot project called "Robot" nationwide',
    ]);
    expect(titles("Online safety\n\nKUALA LUMPUR: The Online Safety Bill is expected soon, the minister said.\n\n“We hope to table it in the coming Parliament sitting (October),” he added.")).toEqual([
      "Table the Online Safety Bill in the coming Parliament sitting",
    ]);
  });

  it("gives the article's title as context when nothing earlier names it", () => {
    expect(titles("Three cassation courts to be created in Astana\n\nThese and other innovations are expected to be implemented from July 2025 onwards.")).toEqual([
      "Implement these and other innovations (Three cassation courts to be created in Astana)",
    ]);
  });
});

describe("explainable rules", () => {
  it("says which parser and which marker found each commitment", () => {
    const [c] = extractDocument(` date ${REFERENCE}\nHeadline Here\nThe Prime Minister instructed the ministries to submit the plan by May 15.\n`).commitments;
    expect(c?.rule).toBe("month-day 'by May 15' + instruct-active 'instructed'");
  });

  it("names the anchor a span was counted from", () => {
    const [c] = extractDocument(` date ${REFERENCE}\nHeadline Here\nFollowing the talks on April 2, the Prime Minister tasked the ministries to finalize the agreement within two weeks.\n`).commitments;
    expect(c?.rule).toContain("(counted from 'on April 2')");
  });
});

describe("titles of short predicates", () => {
  const title = (sentence: string): string | undefined => extractDocument(` date ${REFERENCE}\nHeadline Here\n${sentence}\n`).commitments[0]?.title;

  it.each([
    ["The Federal Government says the rail line will be ready by the end of 2026.", "Have the rail line ready"],
    ["Officials said the new rules would take effect in January.", "The new rules enter into force"],
    ["Applications must be submitted by 30 September 2025.", "Submit applications"],
  ])("%s -> %s", (sentence, expected) => {
    expect(title(sentence)).toBe(expected);
  });
});
