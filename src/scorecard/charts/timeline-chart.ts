import { addDays, daysBetween, type IsoDate } from "../../calendar.ts";
import type { CommitmentTimeline, TimelineStep } from "../get-commitment-timeline.ts";
import { clip, round, svgDocument, svgText, textWidth } from "./svg.ts";

/** The words a timeline shows, in the reader's language. */
export interface TimelineLabels {
  /** "#12 · Title" */
  title: string;
  /** "Ministry of Energy · moved 91 days later" */
  subtitle: string;
  step: (kind: TimelineStep["kind"]) => string;
  inForce: string;
  today: string;
  /** "done", "missed", "cancelled" */
  closed: (status: string) => string;
  noDate: string;
  /** A day as the reader writes it. */
  day: (date: IsoDate) => string;
  /** An axis tick: a month and year, short. */
  tick: (date: IsoDate) => string;
}

export const TIMELINE_WIDTH = 1000;
const LABEL_WIDTH = 250;
const RIGHT = 40;
const TOP = 116;
const ROW_HEIGHT = 44;

const COLOURS: Record<TimelineStep["kind"], string> = {
  first: "#1565c0",
  dated: "#1565c0",
  slip: "#c62828",
  "pull-in": "#2e7d32",
  postponed: "#ef6c00",
};

/**
 * A commitment's date history: one row per statement, a line from the day it was stated to the
 * due date it stated, then the date in force; "today" and the day it was closed as vertical lines.
 */
export function commitmentTimelineChart(timeline: CommitmentTimeline, today: IsoDate, labels: TimelineLabels): string {
  const rows: { label: string; sub: string; from: IsoDate | null; to: IsoDate | null; colour: string; bold: boolean }[] = timeline.steps.map((s) => ({
    label: labels.step(s.kind),
    sub: s.on ? labels.day(s.on) : "",
    from: s.on,
    to: s.dueOn,
    colour: COLOURS[s.kind],
    bold: false,
  }));
  rows.push({ label: labels.inForce, sub: "", from: null, to: timeline.dueOn, colour: "#222", bold: true });
  const dates = [today, ...rows.flatMap((r) => [r.from, r.to]), timeline.closed?.on ?? null].filter((d): d is IsoDate => d !== null);
  const sorted = [...dates].sort();
  // A little room either side, at least a month in all.
  const span = Math.max(daysBetween(sorted[0]!, sorted.at(-1)!), 30);
  const start = addDays(sorted[0]!, -Math.ceil(span * 0.06));
  // More room after the last date: its label goes right of its dot.
  const end = addDays(sorted.at(-1)!, Math.ceil(span * 0.2));
  const total = daysBetween(start, end);
  const plotWidth = TIMELINE_WIDTH - LABEL_WIDTH - RIGHT;
  const xOf = (d: IsoDate): number => LABEL_WIDTH + (daysBetween(start, d) / total) * plotWidth;
  const plotBottom = TOP + rows.length * ROW_HEIGHT;
  const height = plotBottom + 60;

  const out: string[] = [
    svgText(24, 36, clip(labels.title, 70), { size: 20, weight: "bold" }),
    svgText(24, 62, clip(labels.subtitle, 100), { size: 14, fill: "#555" }),
  ];
  // Axis ticks: months, quarters or years, whichever gives at most eight.
  for (const tick of monthTicks(start, end)) {
    const x = xOf(tick);
    out.push(`<line x1="${round(x)}" y1="${TOP - 14}" x2="${round(x)}" y2="${plotBottom}" stroke="#e0e0e0" stroke-width="1"/>`);
    out.push(svgText(x, plotBottom + 22, labels.tick(tick), { size: 12, fill: "#666", anchor: "middle" }));
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW_HEIGHT + 14;
    if (i % 2 === 0) out.push(`<rect x="0" y="${y - 22}" width="${TIMELINE_WIDTH}" height="${ROW_HEIGHT}" fill="#f7f7f7" fill-opacity="0.7"/>`);
    out.push(svgText(LABEL_WIDTH - 14, row.sub ? y - 3 : y + 5, row.label, { size: 14, anchor: "end", weight: row.bold ? "bold" : "normal" }));
    if (row.sub) out.push(svgText(LABEL_WIDTH - 14, y + 13, row.sub, { size: 11, fill: "#666", anchor: "end" }));
    if (row.from && row.to) {
      out.push(`<line x1="${round(xOf(row.from))}" y1="${y}" x2="${round(xOf(row.to))}" y2="${y}" stroke="${row.colour}" stroke-width="3" stroke-opacity="0.55"/>`);
    }
    if (row.from) out.push(`<circle cx="${round(xOf(row.from))}" cy="${y}" r="5" fill="#fff" stroke="${row.colour}" stroke-width="2"/>`);
    if (row.to) {
      const x = xOf(row.to);
      out.push(`<circle cx="${round(x)}" cy="${y}" r="7" fill="${row.colour}"/>`);
      const text = labels.day(row.to);
      // The due date's label goes right of its dot, or left when it would leave the picture.
      const fits = x + 12 + textWidth(text, 13, row.bold ? "bold" : "normal") <= TIMELINE_WIDTH - 4;
      out.push(svgText(fits ? x + 12 : x - 12, y + 5, text, { size: 13, weight: row.bold ? "bold" : "normal", anchor: fits ? "start" : "end" }));
    } else {
      out.push(svgText(row.from ? xOf(row.from) + 12 : LABEL_WIDTH + 8, y + 5, labels.noDate, { size: 13, fill: "#666" }));
    }
  });
  out.push(...marker(xOf(today), labels.today, "#d32f2f", TOP, plotBottom, true, 0));
  if (timeline.closed) {
    const colour = timeline.closed.status === "done" ? "#2e7d32" : timeline.closed.status === "missed" ? "#c62828" : "#757575";
    // A line higher than today's label, so the two never overlap.
    out.push(...marker(xOf(timeline.closed.on), `${labels.closed(timeline.closed.status)} ${labels.day(timeline.closed.on)}`, colour, TOP, plotBottom, false, 16));
  }
  out.push(`<line x1="${LABEL_WIDTH}" y1="${plotBottom}" x2="${TIMELINE_WIDTH - RIGHT}" y2="${plotBottom}" stroke="#999" stroke-width="1"/>`);
  return svgDocument(TIMELINE_WIDTH, height, out);
}

/** A vertical line across the plot with its label above it, `raise` pixels higher than the lowest label line. */
function marker(x: number, label: string, colour: string, top: number, bottom: number, dashed: boolean, raise: number): string[] {
  const half = textWidth(label, 12, "bold") / 2;
  const anchor = x + half > TIMELINE_WIDTH - 8 ? "end" : x - half < 8 ? "start" : "middle";
  return [
    `<line x1="${round(x)}" y1="${top - 10 - raise}" x2="${round(x)}" y2="${bottom}" stroke="${colour}" stroke-width="2"${dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
    svgText(x, top - 16 - raise, label, { size: 12, weight: "bold", fill: colour, anchor }),
  ];
}

/** First days of months between start and end, every 1, 3, 6, 12 or more months so there are at most eight. */
export function monthTicks(start: IsoDate, end: IsoDate): IsoDate[] {
  const first = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)); // the month after start's
  const last = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1;
  const months = last - first + 1;
  const step = [1, 3, 6, 12, 24, 60, 120].find((s) => months / s <= 8) ?? 240;
  const ticks: IsoDate[] = [];
  for (let m = first; m <= last; m++) {
    if (m % step !== 0) continue;
    const year = Math.floor(m / 12);
    const month = (m % 12) + 1;
    ticks.push(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`);
  }
  return ticks;
}
