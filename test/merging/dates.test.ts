import { describe, expect, it } from "vitest";
import { dateRelation, dueWindow, MAX_DUE_SHIFT_DAYS, windowGapDays } from "../../src/merging/index.ts";

describe("dueWindow", () => {
  it.each([
    ["2025-12-31", "day", ["2025-12-31", "2025-12-31"]],
    ["2025-12-31", "month", ["2025-12-01", "2025-12-31"]],
    ["2026-03-31", "quarter", ["2026-01-01", "2026-03-31"]],
    ["2016-11-30", "season", ["2016-09-01", "2016-11-30"]],
    ["2025-12-31", "year", ["2025-01-01", "2025-12-31"]],
  ] as const)("%s (%s)", (due, precision, window) => {
    expect(dueWindow(due, precision)).toEqual(window);
  });

  it("has no window for an undated, vague or malformed deadline", () => {
    expect(dueWindow(null, "day")).toBeNull();
    expect(dueWindow("2025-12-31", "vague")).toBeNull();
    expect(dueWindow("31.12.2025", "day")).toBeNull();
  });
});

describe("dateRelation", () => {
  it("takes overlapping windows as one deadline: 31 December 2025 is within 'by the end of 2025'", () => {
    expect(dateRelation({ due: "2025-12-31", precision: "day" }, { due: "2025-12-31", precision: "year" })).toEqual({ relation: "same-window", gapDays: 0 });
  });

  it("lets a restatement move the date by a quarter or a year", () => {
    expect(dateRelation({ due: "2025-12-31", precision: "day" }, { due: "2026-03-31", precision: "quarter" })).toEqual({ relation: "moved", gapDays: 1 });
    expect(dateRelation({ due: "2029-12-31", precision: "year" }, { due: "2030-12-31", precision: "year" })).toEqual({ relation: "moved", gapDays: 1 });
    expect(dateRelation({ due: "2025-12-05", precision: "day" }, { due: "2025-12-15", precision: "day" }).relation).toBe("moved");
  });

  it("takes dates further apart than MAX_DUE_SHIFT_DAYS as another commitment", () => {
    const r = dateRelation({ due: "2025-12-31", precision: "year" }, { due: "2030-12-31", precision: "year" });
    expect(r.relation).toBe("too-far");
    expect(r.gapDays).toBeGreaterThan(MAX_DUE_SHIFT_DAYS);
  });

  it("says nothing about an undated side", () => {
    expect(dateRelation({ due: null, precision: "vague" }, { due: "2025-12-31", precision: "day" })).toEqual({ relation: "undated", gapDays: null });
  });

  it("measures the gap from the end of the earlier window whichever comes first", () => {
    expect(windowGapDays(["2026-01-10", "2026-01-10"], ["2025-12-31", "2025-12-31"])).toBe(10);
  });
});
