import type { Commitment, Source, StatusChange } from "../../generated/prisma/client.ts";
import { html, Html, joinHtml, truncate } from "./html.ts";
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
export type CardCommitment = Commitment & { source: Pick<Source, "file" | "title" | "publishedOn">; history: StatusChange[] };

/** Longest quote shown on a card (the card must stay one message). */
export const MAX_QUOTE_CHARS = 1500;

/**
 * The full card: title, responsible, due date with precision and phrase, days left, status and
 * its history, source (document, article, publication date) and the quoted sentence.
 */
export function commitmentCard(c: CardCommitment, today: string): Html[] {
  const status = displayStatus(c, today);
  const lines: Html[] = [html`<b>#${c.id} ${truncate(c.title, 300)}</b>`, html``];
  lines.push(html`<b>Responsible:</b> ${truncate(c.responsible ?? c.body ?? "not named", 200)}`);
  const left = describeDaysLeft(daysLeft(c, today));
  // "Q1 2026" or "2026" is how precise the text was; the exact day used for reminders follows.
  const label = dueLabel(c);
  const exact = c.dueOn !== null && label !== formatDate(c.dueOn) ? ` (${formatDate(c.dueOn)}, ${c.precision} precision)` : "";
  lines.push(html`<b>Due:</b> ${label}${exact}${left ? ` · ${left}` : ""}`);
  if (c.dueText) lines.push(html`<b>As written:</b> “${truncate(c.dueText, 200)}”`);
  if (!c.dueOn && c.undatedReason) lines.push(html`<i>${truncate(c.undatedReason, 200)}</i>`);
  if (c.extractedDueOn && c.dueOn !== c.extractedDueOn) lines.push(html`<b>Originally due:</b> ${formatDate(c.extractedDueOn)}`);
  lines.push(html`<b>Status:</b> ${statusBadge(status)}`);
  for (const h of c.history.slice(-10)) lines.push(historyLine(h));
  lines.push(html``);
  const document = c.source.title ? `${truncate(c.source.title, 200)} (${c.source.file})` : c.source.file;
  lines.push(html`<b>Source:</b> ${document}`);
  if (c.article && c.article !== c.source.title) lines.push(html`<b>Article:</b> ${truncate(c.article, 200)}`);
  const published = c.publishedOn ?? c.source.publishedOn;
  if (published) lines.push(html`<b>Published:</b> ${formatDate(published)}`);
  lines.push(html`<blockquote>${truncate(c.quote, MAX_QUOTE_CHARS)}</blockquote>`);
  if (c.withdrawnAt) lines.push(html`<i>No longer in the source document.</i>`);
  return lines;
}

function historyLine(h: StatusChange): Html {
  const day = h.at.toISOString().slice(0, 10);
  const parts: Html[] = [html`  • ${formatDate(day)}: ${h.fromStatus} → ${h.toStatus}`];
  if (h.toDueOn && h.toDueOn !== h.fromDueOn) parts.push(html` (new date ${formatDate(h.toDueOn)})`);
  if (h.byName) parts.push(html` by ${truncate(h.byName, 60)}`);
  if (h.evidenceUrl) parts.push(html` · <a href="${h.evidenceUrl}">evidence</a>`);
  if (h.note) parts.push(html` · ${truncate(h.note, 300)}`);
  return joinHtml(parts, "");
}
