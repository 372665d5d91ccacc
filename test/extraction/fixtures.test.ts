/** Realistic articles written for this engine (test/extraction/fixtures), with other wordings than the seeds. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/extraction/index.js";

const read = (name: string): string => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
const rows = (name: string, reference?: string) =>
  extractDocument(read(name), { reference: reference ?? null }).commitments.map((c) => [c.dueText, c.due, c.precision, c.body]);

describe("fixtures", () => {
  it("heating-season.txt: header date, 'is to', 'within a month', plans, entry into force, bullets, H1", () => {
    expect(rows("heating-season.txt")).toEqual([
      ["no later than March 1, 2026", "2026-03-01", "day", "Ministry of Energy"],
      ["within a month", "2025-11-14", "day", "Akimats"],
      ["by 2027", "2027-12-31", "year", "Government"],
      ["on January 1, 2026", "2026-01-01", "day", null],
      ["by 15 November 2025", "2025-11-15", "day", "Ministry of Energy"],
      ["in H1 2026", "2026-06-30", "quarter", "Ministry of Energy"],
    ]);
  });

  it("digital-id.txt: prose date, forecasts and legal periods dropped", () => {
    const body = "Ministry of Digital Development, Innovation and Aerospace Industry";
    expect(rows("digital-id.txt")).toEqual([
      ["by the end of the year", "2025-12-31", "year", body],
      ["in the second half of 2026", "2026-12-31", "quarter", body],
      ["by 2027", "2027-12-31", "year", null],
      ["this summer", "2025-08-31", "season", body],
    ]);
  });

  it("procurement-digest.txt: stamps as reference dates, two clauses, 'the ministry'", () => {
    expect(rows("procurement-digest.txt")).toEqual([
      ["by September 1", "2025-09-01", "day", "Ministry of Finance"],
      ["by the end of Q3 2025", "2025-09-30", "quarter", "Government"],
      ["by 2027", "2027-12-31", "year", "Ministry of Enlightenment"],
      ["by the end of 2026", "2026-12-31", "year", "Ministry of Enlightenment"],
      ["starting from September 2025", "2025-09-01", "month", "Ministry of Enlightenment"],
    ]);
  });

  it("transit-undated.txt: no date -> relative phrases undated with a reason", () => {
    const r = extractDocument(read("transit-undated.txt")).commitments;
    expect(r.map((c) => [c.dueText, c.due, c.precision])).toEqual([
      ["next year", null, "year"],
      ["in the coming months", null, "vague"],
      ["in 2026", "2026-12-31", "year"],
    ]);
    expect(r[0]?.undatedReason).toBe("relative deadline 'next year' and the document has no publication date");
  });

  it("transit-undated.txt with a fallback reference resolves the relative phrases", () => {
    expect(rows("transit-undated.txt", "2025-05-10").map((r) => r.slice(0, 3))).toEqual([
      ["next year", "2026-12-31", "year"],
      ["in the coming months", null, "vague"],
      ["in 2026", "2026-12-31", "year"],
    ]);
  });
});

describe("other wordings, one sentence each (reference 2025-11-10)", () => {
  it.each([
    ["It is planned to complete the construction of the bypass road by 2026.", "2026-12-31", "Complete the construction of the bypass road"],
    ["The plant is planned to be commissioned in 2027.", "2027-12-31", "Commission the plant"],
    ["In 2026, it is planned to build 50 schools in the region.", "2026-12-31", "Build 50 schools in the region"],
    ["The Head of State set the task of doubling the economy by 2029.", "2029-12-31", "Double the economy"],
    ["Tokayev instructed the government to draft a bill on AI by September 1.", "2026-09-01", "Draft a bill on AI"],
    ["The ministry was tasked with developing a roadmap within two months.", "2026-01-10", "Develop a roadmap"],
    ["Officials said the bridge, opened in 2025, will be extended by 2027.", "2027-12-31", "Extend the bridge"],
  ])("%s", (sentence, due, title) => {
    const found = extractDocument(` date 2025-11-10\nTitle\n${sentence}\n`).commitments;
    expect(found.map((c) => [c.due, c.title])).toEqual([[due, title]]);
  });
});

describe("fixtures from other news sources (Akorda, Kursiv, Trend, Astana Times, primeminister.kz)", () => {
  it("pm-instructions.txt: instruction 'within two weeks', 'until the end of 2025', 'in the fourth quarter', missed plan and event-relative limits dropped, ', and <subject> is slated for'", () => {
    expect(extractDocument(read("pm-instructions.txt")).commitments.map((c) => [c.dueText, c.due, c.precision, c.body, c.title])).toEqual([
      ["within two weeks", "2025-11-04", "day", "Ministry of Energy", "Submit proposals on tariffs for heat producers to the Government"],
      ["until the end of 2025", "2025-12-31", "year", "Akimats", "Complete the replacement of boilers at local heating plants"],
      ["in the fourth quarter", "2025-12-31", "quarter", "Ministry of Industry and Construction", "Commission 1,500 rental apartments for socially vulnerable groups"],
      ["by September 1 of next year", "2026-09-01", "day", null, "Adopt the new building code"],
      ["in 2028", "2028-12-31", "year", null, "Put the Ekibastuz GRES-3 project into operation"],
      ["slated for the first half of 2027", "2027-06-30", "quarter", null, "The Kokshetau CHP plant"],
    ]);
  });
  it("energy-targets.txt: 'ASTANA – On <date>,' opening, government target kept, forecast by source dropped, early 2026, vague tender, same-spelling verbs 'put'/'cut'", () => {
    expect(extractDocument(read("energy-targets.txt")).commitments.map((c) => [c.dueText, c.due, c.precision, c.body, c.title])).toEqual([
      ["by 2030", "2030-12-31", "year", null, "Increase the share of renewable energy sources in electricity generation to 15%"],
      ["in 2027", "2027-12-31", "year", null, "Commission the 1 GW wind farm in Zhambyl region"],
      ["in early 2026", "2026-03-31", "quarter", null, "Complete construction of the Mynaral solar plant"],
      ["in the near future", null, "vague", null, "Announce the tender for 1,000 MW of new wind capacity"],
      ["in the third quarter of 2025", "2025-09-30", "quarter", null, "Put the Shulbinsk HPP's third unit into operation"],
      ["by 2027", "2027-12-31", "year", null, "Cut network losses to 10%"],
    ]);
  });
  it("trend-dateline.txt: 'ASTANA, Kazakhstan, Jan. 14, 2026 -' dateline, 'due by end-2026', Russian-style 01.07.2026, ten-day period, day range, counts and forecasts dropped, reported 'was expected to'", () => {
    expect(extractDocument(read("trend-dateline.txt")).commitments.map((c) => [c.dueText, c.due, c.precision, c.body, c.title])).toEqual([
      ["by mid-March 2026", "2026-03-31", "month", "National Bank", "Extend digital tenge payments to all second-tier banks"],
      ["due by end-2026", "2026-12-31", "year", null, "A second stage"],
      ["until 01.07.2026", "2026-07-01", "day", null, "Connect their mobile applications to the platform"],
      ["in the first ten days of February", "2026-02-10", "day", null, "Publish the rules for smart contracts"],
      ["by late 2027", "2027-12-31", "quarter", null, "Go live: the smart-contract module"],
    ]);
  });
  it("akorda-decree.txt: decree bullets under 'is instructed to:', 'during 2026', 'in 2025-2027', ordinal '1st of July', entry into force after publication dropped", () => {
    expect(extractDocument(read("akorda-decree.txt")).commitments.map((c) => [c.dueText, c.due, c.precision, c.body, c.title])).toEqual([
      ["by 1 December 2025", "2025-12-01", "day", "Government", "Approve the Concept for the development of civil aviation for 2026-2030"],
      ["during 2026", "2026-12-31", "year", "Government", "Ensure the construction of new terminals at the airports of Kyzylorda and Zhezkazgan"],
      ["in 2025-2027", "2027-12-31", "year", "Government", "Bring the fleet of domestic carriers to 150 aircraft"],
      ["by the end of this year", "2025-12-31", "year", "Ministry of Transport", "Revise the rules for subsidising regional flights"],
      ["on the 1st of July", "2026-07-01", "day", "Agency for Civil Service Affairs", "Monitor its implementation and report to the Presidential Administration each year"],
    ]);
  });
  it("budget-kursiv.txt: IMF forecast and 'expected to reach' dropped, government targets kept, 'over the next three years', entry into force", () => {
    expect(extractDocument(read("budget-kursiv.txt")).commitments.map((c) => [c.dueText, c.due, c.precision, c.body, c.title])).toEqual([
      ["by September 1", "2025-09-01", "day", null, "Submit the draft budget to the Mazhilis"],
      ["by 2027", "2027-12-31", "year", null, "Reduce the budget deficit"],
      ["next year", "2026-12-31", "year", null, "Cut transfers from the National Fund"],
      ["during 2026", "2026-12-31", "year", "Ministry of Finance", "Introduce a new procedure for budget planning"],
      ["Over the next three years", "2028-08-27", "day", "Government", "Reduce the number of tax benefits by a third"],
      ["on January 1, 2026", "2026-01-01", "day", null, "The tax code enters into force"],
    ]);
  });
});
