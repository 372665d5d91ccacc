import { describe, expect, it } from "vitest";
import { scorecardBarChart, type BarChartLabels } from "../../src/scorecard/charts/bar-chart.ts";
import { pngSize, renderPng } from "../../src/scorecard/charts/render-png.ts";
import { commitmentTimelineChart, monthTicks } from "../../src/scorecard/charts/timeline-chart.ts";
import type { BodyScore } from "../../src/scorecard/compute-scorecard.ts";

const LABELS: BarChartLabels = { title: "Scorecard", onTime: "on time", late: "late", missed: "missed", overdue: "overdue", noBody: "no body named", tracked: (n) => `${n} tracked`, empty: "Nothing yet." };
const score = (body: string | null, partial: Partial<BodyScore> = {}): BodyScore => ({
  body, tracked: 5, undated: 0, done: 2, onTime: 1, late: 1, missed: 1, cancelled: 0, overdue: 1, open: 1, moved: 0, medianSlipDays: null, ...partial,
});

describe("charts", () => {
  it("escapes names, cuts long ones with …, and sizes the picture by the number of bodies", async () => {
    const svg = scorecardBarChart([score("Ministry <of> \"Roads\" & Bridges"), score(`Akimat ${"қ".repeat(80)}`), score(null)], LABELS);
    expect(svg).toContain("Ministry &lt;of&gt; &quot;Roads&quot; &amp; Bridges");
    expect(svg).toMatch(/Akimat қ+…</);
    expect(svg).toContain(">no body named<");
    const png = await renderPng(svg);
    expect(pngSize(png)).toEqual({ width: 1000, height: 96 + 3 * 34 + 30 });
  });

  it("says so when no body has an outcome yet", () => {
    expect(scorecardBarChart([score("A", { onTime: 0, late: 0, missed: 0, overdue: 0 })], LABELS)).toContain(">Nothing yet.<");
  });

  it("draws the same chart once: a second request gets the remembered PNG", async () => {
    const svg = scorecardBarChart([score("Remembered body")], LABELS);
    const first = renderPng(svg);
    expect(renderPng(svg)).toBe(first);
    expect(renderPng(`${svg}<!-- other -->`)).not.toBe(first);
    await first;
  });

  it("a bad SVG is an error, not a picture, and is not remembered", async () => {
    await expect(renderPng("<svg")).rejects.toThrow();
    await expect(renderPng("<svg")).rejects.toThrow();
  });

  it("timeline ticks: months, quarters or years, at most eight", () => {
    expect(monthTicks("2026-01-10", "2026-06-20")).toEqual(["2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"]);
    expect(monthTicks("2025-11-10", "2027-02-01")).toEqual(["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01", "2027-01-01"]);
    expect(monthTicks("2015-01-01", "2030-12-31").length).toBeLessThanOrEqual(8);
  });

  it("a timeline of an undated commitment still draws, with 'no date'", async () => {
    const svg = commitmentTimelineChart(
      { id: 1, title: "Undated", body: null, status: "open", dueOn: null, precision: "vague", firstDueOn: null, steps: [{ kind: "first", on: "2026-01-10", dueOn: null, precision: "vague" }], closed: null, slipDays: null, mergedFromId: null },
      "2026-06-15",
      { title: "#1 · Undated", subtitle: "", step: () => "First stated", inForce: "In force", today: "today", closed: (s) => s, noDate: "no date", day: (d) => d, tick: (d) => d.slice(0, 7) },
    );
    expect(svg.match(/>no date</g)).toHaveLength(2);
    expect(pngSize(await renderPng(svg))).toEqual({ width: 1000, height: 116 + 2 * 44 + 60 });
  });
});
