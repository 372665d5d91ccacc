// /scorecard's texts and the words of its charts, in the chat's language. The numbers come from
// src/scorecard (definitions in compute-scorecard.ts); nothing here counts.
import type { IsoDate } from "../../calendar.ts";
import type { BarChartLabels } from "../../scorecard/charts/bar-chart.ts";
import type { TimelineLabels } from "../../scorecard/charts/timeline-chart.ts";
import type { BodyScore, Scorecard } from "../../scorecard/compute-scorecard.ts";
import type { CommitmentTimeline } from "../../scorecard/get-commitment-timeline.ts";
import { INTL_LOCALES, type Language } from "../i18n/languages.ts";
import { t, th } from "../i18n/translate.ts";
import { statusBadge } from "./commitment.ts";
import { formatDay, formatDue } from "./dates.ts";
import { html, MAX_MESSAGE_CHARS, truncate, visibleLength, type Html } from "./html.ts";

/** Bodies on the chart (a bar each); the text lists as many as fit in one message. */
export const CHART_BODIES = 12;
/** Longest body name shown in the text. */
const BODY_NAME_CHARS = 90;
/** Room kept in the message for the lines after the bodies. */
const TAIL_RESERVE = 700;

/** "60.5 days later", "на 60,5 дня позже", "10 күн ерте". */
export function slipText(lang: Language, days: number): string {
  return days >= 0 ? t(lang, "scorecard-slip-later", { days }) : t(lang, "scorecard-slip-earlier", { days: -days });
}

function bodyName(lang: Language, body: string | null): string {
  return body === null ? t(lang, "scorecard-no-body-named") : truncate(body, BODY_NAME_CHARS);
}

/** One body's three lines: name and count, outcomes, moves. */
export function bodyBlock(lang: Language, score: BodyScore, name = bodyName(lang, score.body)): Html[] {
  return [
    th(lang, "scorecard-body-title", { body: name, tracked: score.tracked }),
    th(lang, "scorecard-outcomes", { ontime: score.onTime, late: score.late, missed: score.missed, overdue: score.overdue }),
    score.moved > 0 && score.medianSlipDays !== null
      ? th(lang, "scorecard-moved", { moved: score.moved, slip: slipText(lang, score.medianSlipDays) })
      : th(lang, "scorecard-not-moved"),
  ];
}

/**
 * The scorecard as one message (at most 4,096 characters): the busiest bodies that fit, a line
 * saying how many more there are, the total over every body, and what the words mean.
 */
export function scorecardLines(lang: Language, card: Scorecard): Html[] {
  const head = [th(lang, "scorecard-title"), html``];
  const lines = [...head];
  let length = head.reduce((sum, l) => sum + visibleLength(l.value) + 1, 0);
  let shown = 0;
  for (const score of card.bodies) {
    const block = [...bodyBlock(lang, score), html``];
    const blockLength = block.reduce((sum, l) => sum + visibleLength(l.value) + 1, 0);
    if (length + blockLength > MAX_MESSAGE_CHARS - TAIL_RESERVE) break;
    lines.push(...block);
    length += blockLength;
    shown++;
  }
  const hidden = card.bodies.length - shown;
  if (hidden > 0) lines.push(th(lang, "scorecard-more-bodies", { count: hidden }), html``);
  if (card.bodies.length > 1) lines.push(...bodyBlock(lang, card.total, t(lang, "scorecard-all-bodies")), html``);
  lines.push(th(lang, "scorecard-definitions"));
  return lines;
}

/** The words of the bar chart. */
export function barChartLabels(lang: Language): BarChartLabels {
  return {
    title: t(lang, "scorecard-chart-title"),
    onTime: t(lang, "scorecard-chart-on-time"),
    late: t(lang, "scorecard-chart-late"),
    missed: t(lang, "scorecard-chart-missed"),
    overdue: t(lang, "scorecard-chart-overdue"),
    noBody: t(lang, "scorecard-no-body-named"),
    tracked: (count) => t(lang, "scorecard-chart-tracked", { count }),
    empty: t(lang, "scorecard-chart-empty"),
  };
}

const STEP_KEYS: Record<CommitmentTimeline["steps"][number]["kind"], string> = {
  first: "timeline-step-first",
  slip: "timeline-step-slip",
  "pull-in": "timeline-step-pull-in",
  dated: "timeline-step-dated",
  postponed: "timeline-step-postponed",
};

function due(lang: Language, date: IsoDate | null, precision: string): string {
  return date === null ? t(lang, "due-none") : formatDue(lang, date, precision);
}

/** A status word without its emoji (the chart's font has none). */
function statusWord(lang: Language, status: string): string {
  return statusBadge(lang, status).replace(/^[^\p{L}]+/u, "");
}

/** A commitment's date history as text: first stated, each change, in force, and how it ended. */
export function timelineLines(lang: Language, timeline: CommitmentTimeline, today: IsoDate): Html[] {
  const id = String(timeline.id);
  const lines = [th(lang, "timeline-title", { id, title: truncate(timeline.title, 200) })];
  if (timeline.mergedFromId !== null) lines.push(th(lang, "timeline-merged", { from: String(timeline.mergedFromId), id }));
  if (timeline.body) lines.push(th(lang, "timeline-body", { body: truncate(timeline.body, BODY_NAME_CHARS) }));
  const [first, ...later] = timeline.steps;
  if (first) {
    const firstDue = due(lang, first.dueOn, first.precision);
    lines.push(first.on ? th(lang, "timeline-first", { on: formatDay(lang, first.on), due: firstDue }) : th(lang, "timeline-first-unknown", { due: firstDue }));
  }
  for (const step of later) {
    lines.push(th(lang, "timeline-step", { on: step.on ? formatDay(lang, step.on) : "?", what: t(lang, STEP_KEYS[step.kind]).toLocaleLowerCase(INTL_LOCALES[lang]), due: due(lang, step.dueOn, step.precision) }));
  }
  const pending = timeline.status === "open" || timeline.status === "postponed";
  const status = pending && timeline.dueOn !== null && timeline.dueOn < today ? "overdue" : timeline.status;
  lines.push(th(lang, "timeline-in-force", { due: due(lang, timeline.dueOn, timeline.precision), status: statusBadge(lang, status) }));
  if (timeline.slipDays !== null && timeline.slipDays !== 0) lines.push(th(lang, "timeline-slip", { slip: slipText(lang, timeline.slipDays) }));
  if (timeline.closed) {
    const verdictKey = timeline.closed.status !== "done"
      ? null
      : timeline.firstDueOn === null ? "timeline-verdict-none" : timeline.closed.on <= timeline.firstDueOn ? "timeline-verdict-on-time" : "timeline-verdict-late";
    if (verdictKey) {
      lines.push(th(lang, "timeline-closed", { on: formatDay(lang, timeline.closed.on), status: statusWord(lang, timeline.closed.status), verdict: t(lang, verdictKey) }));
    }
  }
  return lines;
}

const tickFormats = new Map<Language, Intl.DateTimeFormat>();

/** The words of the timeline chart. */
export function timelineLabels(lang: Language, timeline: CommitmentTimeline): TimelineLabels {
  let ticks = tickFormats.get(lang);
  if (!ticks) tickFormats.set(lang, (ticks = new Intl.DateTimeFormat(INTL_LOCALES[lang], { month: "short", year: "numeric", timeZone: "UTC" })));
  const format = ticks;
  const subtitle = [timeline.body ?? t(lang, "scorecard-no-body-named"), timeline.slipDays ? t(lang, "timeline-slip", { slip: slipText(lang, timeline.slipDays) }) : null]
    .filter((p): p is string => p !== null)
    .join(" · ");
  return {
    title: `${lang === "en" ? "#" : "№"}${timeline.id} · ${timeline.title}`,
    subtitle,
    step: (kind) => t(lang, STEP_KEYS[kind]),
    inForce: t(lang, "timeline-chart-in-force"),
    today: t(lang, "timeline-chart-today"),
    closed: (status) => statusWord(lang, status),
    noDate: t(lang, "due-none"),
    day: (date) => formatDay(lang, date),
    tick: (date) => format.format(new Date(`${date}T00:00:00Z`)),
  };
}
