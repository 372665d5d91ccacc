import type { BodyScore } from "../compute-scorecard.ts";
import { clip, round, svgDocument, svgText, textWidth } from "./svg.ts";

/** The words a bar chart shows, in the reader's language (the bot passes its messages). */
export interface BarChartLabels {
  title: string;
  onTime: string;
  late: string;
  missed: string;
  overdue: string;
  /** The name shown for commitments that name no body. */
  noBody: string;
  /** "12 tracked" after each bar. */
  tracked: (count: number) => string;
  /** Shown instead of bars when no body has any outcome yet. */
  empty: string;
}

/** The four outcomes in the order they are stacked, with their colours (distinguishable in greyscale too). */
export const OUTCOMES = [
  { key: "onTime", colour: "#2e7d32" },
  { key: "late", colour: "#f9a825" },
  { key: "missed", colour: "#c62828" },
  { key: "overdue", colour: "#6a1b9a" },
] as const;

export const BAR_CHART_WIDTH = 1000;
const LABEL_WIDTH = 330;
const ROW_HEIGHT = 34;
const BAR_HEIGHT = 22;
const TOP = 96;
const RIGHT_MARGIN = 130;
/** Longest body name on a bar's left, in graphemes (longer names end with "…"). */
const MAX_LABEL_CHARS = 36;

/**
 * A horizontal stacked bar per body: done on time, done late, missed, open and overdue, with the
 * count inside each segment wide enough to hold it and the number tracked after the bar.
 */
export function scorecardBarChart(bodies: readonly BodyScore[], labels: BarChartLabels): string {
  const rows = bodies.length;
  const height = TOP + Math.max(rows, 1) * ROW_HEIGHT + 30;
  const out: string[] = [svgText(24, 36, labels.title, { size: 22, weight: "bold" })];
  // Legend.
  let x = 24;
  for (const outcome of OUTCOMES) {
    const name = labels[outcome.key];
    out.push(`<rect x="${x}" y="54" width="16" height="16" rx="3" fill="${outcome.colour}"/>`);
    out.push(svgText(x + 22, 67, name, { size: 14 }));
    x += 22 + textWidth(name, 14) + 26;
  }
  const scaleMax = Math.max(1, ...bodies.map(outcomeSum));
  const barSpace = BAR_CHART_WIDTH - LABEL_WIDTH - RIGHT_MARGIN;
  if (bodies.every((b) => outcomeSum(b) === 0)) out.push(svgText(LABEL_WIDTH, TOP + 22, labels.empty, { size: 14, fill: "#666" }));
  bodies.forEach((body, i) => {
    const y = TOP + i * ROW_HEIGHT;
    if (i % 2 === 1) out.push(`<rect x="0" y="${y - 6}" width="${BAR_CHART_WIDTH}" height="${ROW_HEIGHT}" fill="#f5f5f5"/>`);
    out.push(svgText(LABEL_WIDTH - 12, y + 16, clip(body.body ?? labels.noBody, MAX_LABEL_CHARS), { size: 14, anchor: "end" }));
    let left = LABEL_WIDTH;
    for (const outcome of OUTCOMES) {
      const count = body[outcome.key];
      if (count === 0) continue;
      const width = (count / scaleMax) * barSpace;
      out.push(`<rect x="${round(left)}" y="${y}" width="${round(width)}" height="${BAR_HEIGHT}" fill="${outcome.colour}"/>`);
      if (width >= textWidth(String(count), 12) + 6) {
        out.push(svgText(left + width / 2, y + 16, String(count), { size: 12, weight: "bold", fill: outcome.key === "late" ? "#222" : "#fff", anchor: "middle" }));
      }
      left += width;
    }
    out.push(svgText(left + 8, y + 16, labels.tracked(body.tracked), { size: 12, fill: "#555" }));
  });
  out.push(`<line x1="${LABEL_WIDTH}" y1="${TOP - 8}" x2="${LABEL_WIDTH}" y2="${TOP + Math.max(rows, 1) * ROW_HEIGHT - 6}" stroke="#999" stroke-width="1"/>`);
  return svgDocument(BAR_CHART_WIDTH, height, out);
}

function outcomeSum(b: BodyScore): number {
  return b.onTime + b.late + b.missed + b.overdue;
}
