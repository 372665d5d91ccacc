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
      ["in October", null, "month"],
    ]);
    expect(r[0]?.undatedReason).toBe("relative deadline 'next year' and the document has no publication date");
  });

  it("transit-undated.txt with a fallback reference resolves the relative phrases", () => {
    expect(rows("transit-undated.txt", "2025-05-10").map((r) => r.slice(0, 3))).toEqual([
      ["next year", "2026-12-31", "year"],
      ["in the coming months", null, "vague"],
      ["in 2026", "2026-12-31", "year"],
      ["in October", "2025-10-31", "month"],
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
    ["The Astana International Forum will be held on 29-30 May 2026.", "2026-05-30", "Hold the Astana International Forum"],
    ["Officials said the bridge, opened in 2025, will be extended by 2027.", "2027-12-31", "Extend the bridge"],
  ])("%s", (sentence, due, title) => {
    const found = extractDocument(` date 2025-11-10\nTitle\n${sentence}\n`).commitments;
    expect(found.map((c) => [c.due, c.title])).toEqual([[due, title]]);
  });
});
