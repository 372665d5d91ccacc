import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDate, makeIsoDate, parseUserDate, todayIn } from "../../src/calendar.ts";

describe("todayIn", () => {
  it("gives the calendar date in the zone, not the machine's", () => {
    // 20:30 UTC on 31 Dec is already 1 Jan in Almaty (UTC+5).
    expect(todayIn("Asia/Almaty", new Date("2025-12-31T20:30:00Z"))).toBe("2026-01-01");
    expect(todayIn("UTC", new Date("2025-12-31T20:30:00Z"))).toBe("2025-12-31");
    expect(todayIn("America/New_York", new Date("2026-03-01T03:00:00Z"))).toBe("2026-02-28");
  });
});

describe("date arithmetic", () => {
  it("counts days across months, leap days and DST", () => {
    expect(daysBetween("2026-03-01", "2026-03-31")).toBe(30);
    expect(daysBetween("2026-03-31", "2026-03-01")).toBe(-30);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("validates ISO dates", () => {
    expect(isIsoDate("2026-03-31")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-3-31")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(makeIsoDate(2026, 4, 31)).toBeNull();
    expect(makeIsoDate(2026, 4, 30)).toBe("2026-04-30");
  });
});

describe("parseUserDate", () => {
  it.each([
    ["2026-03-31", "2026-03-31"],
    ["31.03.2026", "2026-03-31"],
    ["31/03/2026", "2026-03-31"],
    ["1.4.2026", "2026-04-01"],
    ["31 March 2026", "2026-03-31"],
    ["31 Mar 2026", "2026-03-31"],
    ["1st June 2026", "2026-06-01"],
    ["March 31, 2026", "2026-03-31"],
    ["Sept 5 2026", "2026-09-05"],
    ["  30 june 2026 ", "2026-06-30"],
    ["29.02.2028", "2028-02-29"],
  ])("%s -> %s", (text, expected) => {
    expect(parseUserDate(text)).toBe(expected);
  });

  it.each(["31.02.2026", "29.02.2026", "2026-02-30", "32.01.2026", "31 Foo 2026", "tomorrow", "", "03/31/2026", "12.2026", "31 Ma 2026", "1.1.0099"])(
    "rejects %j",
    (text) => {
      expect(parseUserDate(text)).toBeNull();
    },
  );
});
