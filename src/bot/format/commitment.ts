import type { Commitment, Source, StatusChange } from "../../generated/prisma/client.ts";
import { todayIn } from "../../calendar.ts";
import { displayStatus } from "../../commitments/commitment-view.ts";
import type { Language } from "../i18n/languages.ts";
import { t, th } from "../i18n/translate.ts";
import { daysLeft, describeDaysLeft, dueLabel, formatDay, zoneLabel as localZoneLabel } from "./dates.ts";
import { html, Html, joinHtml, truncate } from "./html.ts";

/** "31 Mar 2026" / "31 марта 2026" / "2026 жылғы 31 наурыз" from "2026-03-31"; "no date" for null. */
export function formatDate(lang: Language, iso: string | null): string {
  return iso === null ? t(lang, "due-none") : formatDay(lang, iso);
}

const STATUSES = new Set(["open", "overdue", "done", "missed", "postponed", "cancelled"]);

/** "🟢 open", "🟢 в работе"; an unknown status shows as stored. */
export function statusBadge(lang: Language, status: string): string {
  return STATUSES.has(status) ? t(lang, `status-${status}`) : status;
}

/** "Astana time" for Kazakhstan's zone, in English (the demo prints it); messages use dates.ts. */
export function zoneLabel(timeZone: string): string {
  return localZoneLabel("en", timeZone);
}

/** Longest title shown in a list line. */
export const SHORT_TITLE_CHARS = 70;

type ListRow = Pick<Commitment, "id" | "title" | "dueOn" | "status" | "extractedDueOn" | "precision">;

/** One list line: "#12 Title · 31 Mar 2026 · 🟢 open". The title stays in its source's language. */
export function commitmentLine(lang: Language, row: ListRow, today: string): Html {
  const status = displayStatus(row, today);
  return html`<b>#${row.id}</b> ${truncate(row.title, SHORT_TITLE_CHARS)} · ${dueLabel(lang, row)} · ${statusBadge(lang, status)}`;
}

/** A commitment with what its card shows. */
export type CardCommitment = Commitment & {
  source: Pick<Source, "file" | "title" | "publishedOn">;
  history: StatusChange[];
  /** The web page the commitment was read from (live sources), when there is one. */
  url?: string | null;
};

// A card must stay one message in every language: with every field at its cut, the Kazakh card
// (the longest labels) measures 3,755 of Telegram's 4,096 characters (test/bot/i18n.test.ts).
/** Longest quote shown on a card. */
export const MAX_QUOTE_CHARS = 1200;
/** History entries a card shows (the newest). */
export const MAX_HISTORY_LINES = 5;
const MAX_NOTE_CHARS = 100;

const PRECISIONS = new Set(["day", "month", "quarter", "season", "year"]);

/** How precise the deadline is, as a reader understands it; a postponed date is an exact day. */
function describePrecision(lang: Language, c: Pick<Commitment, "dueOn" | "extractedDueOn" | "precision">): string {
  if (c.dueOn === null) return t(lang, c.precision === "vague" ? "precision-vague" : "precision-none");
  if (c.dueOn !== c.extractedDueOn) return t(lang, "precision-postponed");
  return PRECISIONS.has(c.precision) ? t(lang, `precision-${c.precision}`) : c.precision;
}

/**
 * The full card: title, responsible, due date with precision and phrase, days left, status and
 * its history, source (document, article, publication date) and the quoted sentence. `today`
 * and `timeZone` are the government's: a deadline ends at the end of that day in that zone, so
 * "days left" is counted there, and the card says so. Labels are in `lang`; the title, the
 * phrase and the quote stay in the language of their source.
 */
export function commitmentCard(lang: Language, c: CardCommitment, today: string, timeZone: string): Html[] {
  const status = displayStatus(c, today);
  const lines: Html[] = [html`<b>#${c.id} ${truncate(c.title, 300)}</b>`, html``];
  lines.push(th(lang, "card-responsible", { who: truncate(c.responsible ?? c.body ?? t(lang, "card-not-named"), 200) }));
  const left = describeDaysLeft(lang, daysLeft(c, today));
  // "Q1 2026" or "2026" is how precise the text was; the exact day used for reminders follows.
  const label = dueLabel(lang, c);
  if (c.dueOn === null) {
    lines.push(th(lang, "card-due-none"));
  } else {
    const day = formatDate(lang, c.dueOn);
    const exact = label !== day ? t(lang, "card-due-counted", { label, day }) : day;
    const due = th(lang, "card-due", { date: exact, zone: localZoneLabel(lang, timeZone) });
    lines.push(left ? html`${due} · <b>${left}</b>` : due);
  }
  lines.push(th(lang, "card-precision", { precision: describePrecision(lang, c) }));
  if (c.dueText) lines.push(th(lang, "card-as-written", { text: truncate(c.dueText, 200) }));
  if (!c.dueOn && c.undatedReason) lines.push(html`<i>${truncate(c.undatedReason, 200)}</i>`);
  if (c.extractedDueOn && c.dueOn !== c.extractedDueOn) lines.push(th(lang, "card-originally-due", { date: formatDate(lang, c.extractedDueOn) }));
  lines.push(th(lang, "card-status", { status: statusBadge(lang, status) }));
  if (c.history.length === 0) lines.push(th(lang, "card-history-none"));
  else {
    const shown = Math.min(c.history.length, MAX_HISTORY_LINES);
    lines.push(c.history.length > shown ? th(lang, "card-history-latest", { shown, total: c.history.length }) : th(lang, "card-history"));
    for (const h of c.history.slice(-MAX_HISTORY_LINES)) lines.push(historyLine(lang, h, timeZone));
  }
  lines.push(html``);
  const document = c.source.title ? `${truncate(c.source.title, 200)} (${c.source.file})` : c.source.file;
  lines.push(th(lang, "card-source", { document }));
  if (c.url) lines.push(th(lang, "card-page", { url: c.url, shown: truncate(c.url, 100) }));
  if (c.article && c.article !== c.source.title) lines.push(th(lang, "card-article", { article: truncate(c.article, 200) }));
  const published = c.publishedOn ?? c.source.publishedOn;
  lines.push(th(lang, "card-published", { date: published ? formatDate(lang, published) : t(lang, "card-published-unknown") }));
  lines.push(th(lang, "card-quote"));
  lines.push(html`<blockquote>${truncate(c.quote, MAX_QUOTE_CHARS)}</blockquote>`);
  if (c.withdrawnAt) lines.push(th(lang, "card-withdrawn"));
  return lines;
}

function historyLine(lang: Language, h: StatusChange, timeZone: string): Html {
  const day = todayIn(timeZone, h.at);
  const parts: Html[] = [html`  • ${formatDate(lang, day)}: ${statusWord(lang, h.fromStatus)} → ${statusWord(lang, h.toStatus)}`];
  if (h.toDueOn && h.toDueOn !== h.fromDueOn) parts.push(html` ${th(lang, "card-history-new-date", { date: formatDate(lang, h.toDueOn) })}`);
  if (h.byName) parts.push(html` ${th(lang, "card-history-by", { name: truncate(h.byName, 40) })}`);
  if (h.evidenceUrl) parts.push(html` · <a href="${h.evidenceUrl}">${t(lang, "card-history-evidence")}</a>`);
  if (h.note) parts.push(html` · ${truncate(h.note, MAX_NOTE_CHARS)}`);
  return joinHtml(parts, "");
}

/** A status without its emoji, for "open → done" in the history. */
function statusWord(lang: Language, status: string): string {
  return statusBadge(lang, status).replace(/^\P{L}+/u, "");
}

