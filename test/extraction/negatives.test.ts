/** Sentences that must yield no commitment (the gold negatives' kinds, and more). */
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/extraction/index.js";

const REFERENCE = "2025-11-25";

const NEGATIVES: [kind: string, sentence: string][] = [
  ["past event", "The agreement on cooperation in combating crime was signed on October 10, 2024, in Ashgabat."],
  ["past event", "The roundtable titled “Court Administration for Independent Justice” held in June 2023 gathered 100 participants."],
  ["past event", "Kazakhstan adopted the General Conference Resolution GC(67)/RES/15 of 29 September 2023."],
  ["past event", "The Concept was approved in 2023."],
  ["past event", "The law entered into force on 1 January 2024."],
  ["past event", "In 2024, 217 schools were commissioned in the country."],
  ["past event", "The ministry launched the programme in March 2025."],
  ["past event", "Negotiations had been underway since 2009 in Astana and Vienna."],
  ["past event", "Repairs of 12 power units were completed in September."],
  ["past event", "The project was first announced in December 2023 and has been under way since."],
  ["reporting period", "The press service published the outcomes of the ministry’s work in the first half of 2024."],
  ["reporting period", "Freight traffic grew by 12% in the first quarter of 2025."],
  ["forecast", "By 2028, AI investments in leading countries will reach an average of 4-6% of annual GDP."],
  ["forecast", "By 2030 the market will grow to 1.2 trillion tenge."],
  ["forecast", "The number of tourists is projected to exceed 15 million by 2029."],
  ["forecast", "Kazakhstan Temir Zholy is expected to reach 10 million tons of transit cargo by 2030."],
  ["forecast", "According to analysts, prices will rise by 5% next year."],
  ["topic of discussion", "They discussed the results of the CSTO’s activity in the current year and promising areas of the Organization’s work in 2026."],
  ["topic of discussion", "The parties exchanged views on cooperation plans for 2026."],
  ["legal time limit", "At present, the objection period is one month, but the law increases it to two months."],
  ["duration", "Currently, registration takes seven months."],
  ["legal time limit", "Applicants must renew their certificates within 30 days of expiry."],
  ["legal time limit", "The law will take effect in 10 days after its official publication."],
  ["duration", "The programme lasted three years."],
  ["no deadline", "Any arising issues must be resolved promptly."],
  ["no deadline", "The Ministry of Trade must intensify efforts to identify and attract potential investors."],
  ["no deadline", "Kazakhstan intends to continue its efforts to ensure the full participation of all Member States."],
  ["no deadline", "Overall, the Concept will change existing approaches."],
  ["day of the news", "President Tokayev announced the plan at his address on Sept. 8 during a joint session."],
  ["statistics", "Over the past five years, our IT sector has grown tenfold to nearly $500 million annually."],
  ["no marker", "Further sessions in 2026 focused on strategic planning."],
];

describe("sentences that are not commitments", () => {
  it.each(NEGATIVES)("%s: %s", (_kind, sentence) => {
    const text = ` date ${REFERENCE}\n${sentence}\n`;
    expect(extractDocument(text).commitments).toEqual([]);
  });

  it("keeps the commitment and drops the past date in one sentence", () => {
    const text = ` date ${REFERENCE}\nThe strategy, adopted in 2024, will be implemented by 2030.\n`;
    const found = extractDocument(text).commitments.map((c) => c.due);
    expect(found).toEqual(["2030-12-31"]);
  });
});
