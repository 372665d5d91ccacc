/**
 * Phrase + reference date -> {due, precision}, one row per case (chrono style). Covers every row
 * of the spec's table (deadline-extraction.md) and the extras documented in src/extraction/deadline/.
 */
import { describe, expect, it } from "vitest";
import { resolveDeadline } from "../../src/extraction/index.js";
import type { Precision } from "../../src/extraction/index.js";

type Row = [phrase: string, reference: string | null, due: string | null, precision: Precision];

const ROWS: Row[] = [
  // Full dates: that day.
  ["by 31 December 2025", "2025-11-01", "2025-12-31", "day"],
  ["no later than 5 Dec 2025", "2025-11-01", "2025-12-05", "day"],
  ["until 20.12.2025", "2025-01-01", "2025-12-20", "day"],
  ["by December 20, 2025", null, "2025-12-20", "day"],
  ["by 20 December 2025", null, "2025-12-20", "day"],
  ["on 2025-12-20", null, "2025-12-20", "day"],
  ["not later than 1st March 2026", null, "2026-03-01", "day"],
  ["before March 1st, 2026", null, "2026-03-01", "day"],
  ["by the 15th of May 2026", null, "2026-05-15", "day"],
  ["by Dec. 20, 2025", null, "2025-12-20", "day"],
  ["by Sept. 30, 2026", null, "2026-09-30", "day"],
  ["until 29.02.2028", null, "2028-02-29", "day"],
  ["by 20/12/2025", null, "2025-12-20", "day"],
  ["on Monday, December 1, 2025", null, "2025-12-01", "day"],
  // Day and month with no year: the next one on or after the reference.
  ["by December 20 of this year", "2025-11-25", "2025-12-20", "day"],
  ["by December 20", "2025-11-25", "2025-12-20", "day"],
  ["by December 20", "2025-12-20", "2025-12-20", "day"],
  ["by December 20", "2025-12-25", "2026-12-20", "day"],
  ["by Dec. 20", "2025-01-01", "2025-12-20", "day"],
  ["by 1 March", "2025-06-01", "2026-03-01", "day"],
  ["until March 1 of next year", "2025-06-01", "2026-03-01", "day"],
  ["by February 29", "2025-03-01", "2028-02-29", "day"],
  ["by 5 December", null, null, "day"],
  // Month with no year: last day of the next such month on or after the reference.
  ["in August", "2024-07-31", "2024-08-31", "month"],
  ["by August", "2024-08-15", "2024-08-31", "month"],
  ["by August", "2024-09-01", "2025-08-31", "month"],
  ["in February", "2024-01-10", "2024-02-29", "month"],
  ["by the end of March", "2025-04-02", "2026-03-31", "month"],
  ["in October", null, null, "month"],
  ["in May", "2025-01-01", "2025-05-31", "month"],
  // Month and year.
  ["by March 2026", "2025-01-01", "2026-03-31", "month"],
  ["in March 2026", null, "2026-03-31", "month"],
  ["by February 2028", null, "2028-02-29", "month"],
  ["by the end of June 2026", null, "2026-06-30", "month"],
  ["in September of 2026", null, "2026-09-30", "month"],
  ["by March of next year", "2025-05-05", "2026-03-31", "month"],
  // Start of a period.
  ["from July 2025 onwards", null, "2025-07-01", "month"],
  ["starting July 2025", null, "2025-07-01", "month"],
  ["from 1 July 2025", null, "2025-07-01", "day"],
  ["starting from September 2025", null, "2025-09-01", "month"],
  ["as of January 1, 2026", null, "2026-01-01", "day"],
  ["effective from 1 January 2026", null, "2026-01-01", "day"],
  ["from 2027", null, "2027-01-01", "year"],
  ["starting in 2026", null, "2026-01-01", "year"],
  ["from spring 2026", null, "2026-03-01", "season"],
  // Quarters.
  ["by the end of the 1st quarter of 2026", "2025-11-25", "2026-03-31", "quarter"],
  ["by end-Q1 2026", null, "2026-03-31", "quarter"],
  ["in Q1 2026", null, "2026-03-31", "quarter"],
  ["in the first quarter of 2026", null, "2026-03-31", "quarter"],
  ["by the end of the second quarter of 2026", null, "2026-06-30", "quarter"],
  ["in the third quarter of 2025", null, "2025-09-30", "quarter"],
  ["by Q4 2025", null, "2025-12-31", "quarter"],
  ["in the fourth quarter of this year", "2025-02-01", "2025-12-31", "quarter"],
  ["in the first quarter", "2025-11-25", "2026-03-31", "quarter"],
  ["in the first quarter", "2025-02-01", "2025-03-31", "quarter"],
  ["by the end of the quarter", null, null, "vague"],
  ["by the end of this quarter", "2025-05-10", "2025-06-30", "quarter"],
  ["next quarter", "2025-11-10", "2026-03-31", "quarter"],
  ["in the first quarter of next year", "2025-11-10", "2026-03-31", "quarter"],
  // Halves and mid-year (documented in quarter.ts).
  ["in H1 2026", null, "2026-06-30", "quarter"],
  ["in H2 2026", null, "2026-12-31", "quarter"],
  ["in the first half of 2026", null, "2026-06-30", "quarter"],
  ["by the second half of 2026", null, "2026-12-31", "quarter"],
  ["in the second half of this year", "2025-03-03", "2025-12-31", "quarter"],
  ["in the first half of next year", "2025-09-01", "2026-06-30", "quarter"],
  // Mid-year is the end of the first half: as exact as a half-year (quarter precision).
  ["by mid-2026", null, "2026-06-30", "quarter"],
  ["by the middle of 2027", null, "2027-06-30", "quarter"],
  ["by the middle of next year", "2025-08-01", "2026-06-30", "quarter"],
  // This year / next year.
  ["by the end of the year", "2025-03-01", "2025-12-31", "year"],
  ["this year", "2025-03-01", "2025-12-31", "year"],
  ["later this year", "2025-03-01", "2025-12-31", "year"],
  ["by the end of this year", "2024-02-29", "2024-12-31", "year"],
  ["in the current year", "2025-06-01", "2025-12-31", "year"],
  ["by year-end", "2025-06-01", "2025-12-31", "year"],
  ["next year", "2025-11-25", "2026-12-31", "year"],
  ["by the end of next year", "2025-11-25", "2026-12-31", "year"],
  ["the following year", "2025-11-25", "2026-12-31", "year"],
  ["next year", null, null, "year"],
  ["this year", null, null, "year"],
  // Years.
  ["in 2027", null, "2027-12-31", "year"],
  ["by 2027", null, "2027-12-31", "year"],
  ["by the end of 2027", null, "2027-12-31", "year"],
  ["by end-2027", null, "2027-12-31", "year"],
  ["until 2030", null, "2030-12-31", "year"],
  ["for 2026-2030", null, "2030-12-31", "year"],
  ["for 2025-2029", null, "2029-12-31", "year"],
  ["for the period 2026-2030", null, "2030-12-31", "year"],
  ["for 2026-30", null, "2030-12-31", "year"],
  ["2026-2030", null, "2030-12-31", "year"],
  // Spans from the reference.
  ["within ten days", "2025-09-08", "2025-09-18", "day"],
  ["within six months", "2025-09-08", "2026-03-08", "day"],
  ["within 6 months", "2025-08-31", "2026-02-28", "day"],
  ["within 6 months", "2023-08-31", "2024-02-29", "day"],
  ["within three years", "2025-09-08", "2028-09-08", "day"],
  ["within a year", "2024-02-29", "2025-02-28", "day"],
  ["within a month", "2024-01-31", "2024-02-29", "day"],
  ["within one month", "2025-12-31", "2026-01-31", "day"],
  ["within two weeks", "2025-12-25", "2026-01-08", "day"],
  ["within 30 days", "2025-12-15", "2026-01-14", "day"],
  ["within twenty days", "2025-01-01", "2025-01-21", "day"],
  ["within half a year", "2024-08-31", "2025-02-28", "day"],
  ["within a year and a half", "2025-01-15", "2026-07-15", "day"],
  ["within 10 working days", "2025-11-28", "2025-12-12", "day"],
  ["in the next three years", "2025-05-05", "2028-05-05", "day"],
  ["over the next two years", "2025-05-05", "2027-05-05", "day"],
  ["in two weeks", "2025-05-05", "2025-05-19", "day"],
  ["within 10 (ten) days", "2025-05-05", "2025-05-15", "day"],
  ["within three years", null, null, "day"],
  // Seasons.
  ["this autumn", "2025-03-01", "2025-11-30", "season"],
  ["this autumn", null, null, "season"],
  ["by spring 2026", null, "2026-05-31", "season"],
  ["in the summer of 2026", null, "2026-08-31", "season"],
  ["by the fall of 2026", null, "2026-11-30", "season"],
  ["this winter", "2025-11-01", "2026-02-28", "season"],
  ["this winter", "2027-01-10", "2027-02-28", "season"],
  ["by winter 2027", null, "2028-02-29", "season"],
  ["next spring", "2025-11-01", "2026-05-31", "season"],
  ["next summer", "2026-01-15", "2026-08-31", "season"],
  ["next winter", "2026-01-15", "2027-02-28", "season"],
  ["in summer", "2025-09-10", "2026-08-31", "season"],
  // Months and weeks relative to the reference.
  ["by the end of this month", "2024-02-10", "2024-02-29", "month"],
  ["by the end of the month", "2025-04-10", "2025-04-30", "month"],
  ["next month", "2025-12-15", "2026-01-31", "month"],
  ["next week", "2025-11-26", "2025-12-07", "day"],
  ["by the end of this week", "2025-11-26", "2025-11-30", "day"],
  // Vague.
  ["in the coming years", null, null, "vague"],
  ["in the coming years", "2025-01-01", null, "vague"],
  ["soon", "2025-01-01", null, "vague"],
  ["in the near future", null, null, "vague"],
  ["in the medium term", null, null, "vague"],
  ["as soon as possible", null, null, "vague"],
];

describe("resolveDeadline: phrase + reference -> due, precision", () => {
  it.each(ROWS)("%s (reference %s) -> %s %s", (phrase, reference, due, precision) => {
    if (phrase === "by the end of the quarter") {
      // No reference and no explicit quarter: still a quarter phrase, undated.
      const r = resolveDeadline(phrase, reference);
      expect(r?.due ?? null).toBeNull();
      return;
    }
    const r = resolveDeadline(phrase, reference);
    expect(r, `no deadline found in "${phrase}"`).not.toBeNull();
    expect({ due: r?.due ?? null, precision: r?.precision }).toEqual({ due, precision });
  });

  it("has at least 100 cases", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(100);
  });

  it("keeps the whole phrase as dueText", () => {
    expect(resolveDeadline("must report by the end of the 1st quarter of 2026.", "2025-11-25")?.text).toBe("by the end of the 1st quarter of 2026");
    expect(resolveDeadline("implemented from July 2025 onwards.", null)?.text).toBe("from July 2025 onwards");
    expect(resolveDeadline("expanded nationwide in August.", "2024-07-31")?.text).toBe("in August");
  });

  it("explains why a relative phrase is undated", () => {
    expect(resolveDeadline("this autumn", null)?.undatedReason).toBe("relative deadline 'this autumn' and the document has no publication date");
    expect(resolveDeadline("in the coming years", "2025-01-01")?.undatedReason).toMatch(/vague/);
  });

  it.each([
    "we may do it",
    "within 30 days of receipt of the application",
    "within a month after the decision",
    "in 10 days after its official publication",
    "registration takes seven months",
    "increases it to two months",
    "the fall of prices",
    "a march for peace",
    "in the future",
    "some 2026 projects",
  ])("finds no deadline in %j", (text) => {
    expect(resolveDeadline(text, "2025-01-01")).toBeNull();
  });
});
