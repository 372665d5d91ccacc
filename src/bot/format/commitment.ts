import type { Commitment, Source, StatusChange } from "../../generated/prisma/client.ts";
import { html, Html, joinHtml, truncate } from "./html.ts";
import { todayIn } from "../../calendar.ts";
import { daysLeft, describeDaysLeft, displayStatus, dueLabel, formatDue } from "../../commitments/commitment-view.ts";

/** "31 Mar 2026" from "2026-03-31"; "no date" for null. */
export function formatDate(iso: string | null): string {
  return formatDue(iso, "day");
}

const BADGES: Record<string, string> = {
  open: "🟢 open",
  overdue: "🔴 overdue",
  done: "✅ done",
  missed: "❌ missed",
  postponed: "🕓 postponed",
  cancelled: "⚪ cancelled",
};

export function statusBadge(status: string): string {
  return BADGES[status] ?? status;
}

/** Longest title shown in a list line. */
export const SHORT_TITLE_CHARS = 70;

type ListRow = Pick<Commitment, "id" | "title" | "dueOn" | "status" | "extractedDueOn" | "precision">;

/** One list line: "#12 Title · 31 Mar 2026 · 🟢 open". */
export function commitmentLine(row: ListRow, today: string): Html {
  const status = displayStatus(row, today);
  return html`<b>#${row.id}</b> ${truncate(row.title, SHORT_TITLE_CHARS)} · ${dueLabel(row)} · ${statusBadge(status)}`;
}

/** A commitment with what its card shows. */
export type CardCommitment = Commitment & { source: Pick<Source, "file" | "title" | "publishedOn">; history: StatusChange[]; /** The page a live source read it from. */ url?: string | null };

/** Longest quote shown on a card (the card must stay one message). */
export const MAX_QUOTE_CHARS = 1500;

/** How a reader names the deadline's time zone: "Astana time" for Kazakhstan's, else the zone. */
export function zoneLabel(timeZone: string): string {
  return timeZone === "Asia/Almaty" || timeZone === "Asia/Astana" ? "Astana time" : `${timeZone} time`;
}

const PRECISIONS: Record<string, string> = {
  day: "exact day",
  month: "month: the last day counts",
  quarter: "quarter: the last day counts",
  season: "season: the last day counts",
  year: "year: the last day counts",
};

/** How precise the deadline is, as a reader understands it; a postponed date is an exact day. */
function describePrecision(c: Pick<Commitment, "dueOn" | "extractedDueOn" | "precision">): string {
  if (c.dueOn === null) return c.precision === "vague" ? "vague: no date given" : "no date";
  if (c.dueOn !== c.extractedDueOn) return "exact day (set when postponed)";
  return PRECISIONS[c.precision] ?? c.precision;
}

/**
 * The full card: title, responsible, due date with precision and phrase, days left, status and
 * its history, source (document, article, publication date) and the quoted sentence. `today`
 * and `timeZone` are the government's: a deadline ends at the end of that day in that zone, so
 * "days left" is counted there, and the card says so.
 */
export function commitmentCard(c: CardCommitment, today: string, timeZone: string): Html[] {
  const status = displayStatus(c, today);
  const lines: Html[] = [html`<b>#${c.id} ${truncate(c.title, 300)}</b>`, html``];
  lines.push(html`<b>Responsible:</b> ${truncate(c.responsible ?? c.body ?? "not named", 200)}`);
  const left = describeDaysLeft(daysLeft(c, today));
  // "Q1 2026" or "2026" is how precise the text was; the exact day used for reminders follows.
  const label = dueLabel(c);
  if (c.dueOn === null) {
    lines.push(html`<b>Due:</b> no date`);
  } else {
    const day = formatDate(c.dueOn);
    const exact = label !== day ? `${label}, counted as ${day}` : day;
    lines.push(dueLine(exact, timeZone, left));
  }
  lines.push(html`<b>Precision:</b> ${describePrecision(c)}`);
  if (c.dueText) lines.push(html`<b>As written:</b> “${truncate(c.dueText, 200)}”`);
  if (!c.dueOn && c.undatedReason) lines.push(html`<i>${truncate(c.undatedReason, 200)}</i>`);
  if (c.extractedDueOn && c.dueOn !== c.extractedDueOn) lines.push(html`<b>Originally due:</b> ${formatDate(c.extractedDueOn)}`);
  lines.push(html`<b>Status:</b> ${statusBadge(status)}`);
  if (c.history.length === 0) lines.push(html`<b>History:</b> no changes since it was read from the source`);
  else {
    lines.push(html`<b>History:</b>${c.history.length > MAX_HISTORY_LINES ? ` (latest ${MAX_HISTORY_LINES} of ${c.history.length})` : ""}`);
    for (const h of c.history.slice(-MAX_HISTORY_LINES)) lines.push(historyLine(h, timeZone));
  }
  lines.push(html``);
  const document = c.source.title ? `${truncate(c.source.title, 200)} (${c.source.file})` : c.source.file;
  lines.push(html`<b>Source document:</b> ${document}`);
  if (c.url) lines.push(html`<b>Page:</b> <a href="${c.url}">${truncate(c.url, 200)}</a>`);
  if (c.article && c.article !== c.source.title) lines.push(html`<b>Article:</b> ${truncate(c.article, 200)}`);
  const published = c.publishedOn ?? c.source.publishedOn;
  lines.push(html`<b>Published:</b> ${published ? formatDate(published) : "date not given"}`);
  lines.push(html`<b>Quoted sentence:</b>`);
  lines.push(html`<blockquote>${truncate(c.quote, MAX_QUOTE_CHARS)}</blockquote>`);
  if (c.withdrawnAt) lines.push(html`<i>No longer in the source document.</i>`);
  return lines;
}

/** History entries a card shows (the newest); the card must stay one message. */
export const MAX_HISTORY_LINES = 6;

function dueLine(exact: string, timeZone: string, left: string): Html {
  return html`<b>Due:</b> ${exact} (end of day, ${zoneLabel(timeZone)})${left ? html` · <b>${left}</b>` : ""}`;
}

function historyLine(h: StatusChange, timeZone: string): Html {
  const day = todayIn(timeZone, h.at);
  const parts: Html[] = [html`  • ${formatDate(day)}: ${h.fromStatus} → ${h.toStatus}`];
  if (h.toDueOn && h.toDueOn !== h.fromDueOn) parts.push(html` (new date ${formatDate(h.toDueOn)})`);
  if (h.byName) parts.push(html` by ${truncate(h.byName, 40)}`);
  if (h.evidenceUrl) parts.push(html` · <a href="${h.evidenceUrl}">evidence</a>`);
  if (h.note) parts.push(html` · ${truncate(h.note, 120)}`);
  return joinHtml(parts, "");
}
