import type { Commitment, CommitmentMerge, DueChange, Mention, Source, StatusChange } from "../../generated/prisma/client.ts";
import { daysBetween, todayIn } from "../../calendar.ts";
import { displayStatus } from "../../commitments/commitment-view.ts";
import type { Language } from "../i18n/languages.ts";
import { t, th } from "../i18n/translate.ts";
import { daysLeft, describeDaysLeft, dueLabel, formatDay, formatDue, zoneLabel as localZoneLabel } from "./dates.ts";
import { html, Html, joinHtml, MAX_MESSAGE_CHARS, truncate, visibleLength } from "./html.ts";

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

type CardSource = Pick<Source, "file" | "title" | "publishedOn">;

/** One report of the commitment as its card lists it (issue 9). */
export type CardMention = Pick<Mention, "id" | "publishedOn" | "dueText" | "dueOn" | "precision" | "quote" | "article" | "via" | "mergedFromId" | "withdrawnAt"> & {
  source: CardSource;
  /** The page the report was read from (live sources). */
  url?: string | null;
};

/** A change of the stated deadline, with the source that stated it. */
export type CardDueChange = Pick<DueChange, "id" | "fromDueOn" | "fromPrecision" | "toDueOn" | "toPrecision" | "statedOn" | "at"> & {
  source: CardSource | null;
};

/** A commitment with what its card shows. */
export type CardCommitment = Commitment & {
  source: CardSource;
  history: StatusChange[];
  /** The web page the commitment was read from (live sources), when there is one. */
  url?: string | null;
  /** Every report of it (any order; the card sorts newest first). Two or more: listed instead of the one source. */
  mentions?: CardMention[];
  /** Changes of its stated deadline (any order). */
  dueChanges?: CardDueChange[];
  /** Commitments merged into it, undone ones included (any order). */
  mergesKept?: Array<Pick<CommitmentMerge, "id" | "mergedId" | "via" | "byName" | "at" | "mentions" | "splitAt" | "splitByName">>;
};

// A card must stay one message in every language: with every field at its cut, the Kazakh card
// (the longest labels) measures 3,755 of Telegram's 4,096 characters (test/bot/i18n.test.ts).
/** Longest quote shown on a card. */
export const MAX_QUOTE_CHARS = 1200;
/** History entries a card shows (the newest). */
export const MAX_HISTORY_LINES = 5;
/** Reports a card lists at most (the newest), and the longest quote of each. */
export const MAX_MENTIONS_SHOWN = 5;
export const MAX_MENTION_QUOTE_CHARS = 400;
/** Deadline changes a card lists (the newest). */
export const MAX_DUE_CHANGE_LINES = 5;
/** Merges (and their undoing) a card lists (the newest). */
export const MAX_MERGE_LINES = 3;
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
 * its history, the deadline's date history, then the source (document, article, publication
 * date) and the quoted sentence, or, for a commitment reported more than once, every report
 * newest first (date, document, deadline phrase, quote), always within one message. `today`
 * and `timeZone` are the government's: a deadline ends at the end of that day in that zone, so
 * "days left" is counted there, and the card says so. Labels are in `lang`; the title, the
 * phrase and the quote stay in the language of their source.
 */
export function commitmentCard(lang: Language, c: CardCommitment, today: string, timeZone: string): Html[] {
  const mentions = [...(c.mentions ?? [])].sort(newestFirst);
  // As much as fits in one message: fewer reports first (down to the newest, then "and K more"),
  // then fewer date changes, then fewer status changes, each down to its latest one.
  const limits = { mentions: Math.min(mentions.length, MAX_MENTIONS_SHOWN), changes: MAX_DUE_CHANGE_LINES, merges: MAX_MERGE_LINES, history: MAX_HISTORY_LINES };
  for (;;) {
    const head = cardHead(lang, c, today, timeZone, limits);
    const lines = mentions.length <= 1 ? [...head, ...sourceLines(lang, c)] : [...head, ...mentionLines(lang, mentions, limits.mentions)];
    if (cardLength(lines) <= MAX_MESSAGE_CHARS) return lines;
    if (limits.mentions > 1) limits.mentions--;
    else if (limits.changes > 1) limits.changes--;
    else if (limits.merges > 1) limits.merges--;
    else if (limits.history > 1) limits.history--;
    else return lines; // replyHtml still splits it at line boundaries
  }
}

function cardLength(lines: readonly Html[]): number {
  return visibleLength(lines.map((l) => l.value).join("\n"));
}

/** Newest publication first; unknown dates last; then the later-read report first. */
function newestFirst(a: CardMention, b: CardMention): number {
  const pa = a.publishedOn ?? a.source.publishedOn ?? "";
  const pb = b.publishedOn ?? b.source.publishedOn ?? "";
  return pa === pb ? b.id - a.id : pb.localeCompare(pa);
}

/** Title, responsible, deadline, status with its history, and the date history. */
function cardHead(lang: Language, c: CardCommitment, today: string, timeZone: string, limits: { changes: number; merges: number; history: number }): Html[] {
  const status = displayStatus(c, today);
  const lines: Html[] = [html`<b>#${c.id} ${truncate(c.title, 300)}</b>`, html``];
  if (c.mergedIntoId !== null && c.mergedIntoId !== undefined) lines.push(th(lang, "card-merged-into", { id: String(c.mergedIntoId) }));
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
    const shown = Math.min(c.history.length, limits.history);
    lines.push(c.history.length > shown ? th(lang, "card-history-latest", { shown, total: c.history.length }) : th(lang, "card-history"));
    for (const h of c.history.slice(-shown)) lines.push(historyLine(lang, h, timeZone));
  }
  const changes = [...(c.dueChanges ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
  if (changes.length > 0) {
    const shown = Math.min(changes.length, limits.changes);
    lines.push(changes.length > shown ? th(lang, "card-due-changes-latest", { shown, total: changes.length }) : th(lang, "card-due-changes"));
    for (const d of changes.slice(-shown)) lines.push(dueChangeLine(lang, d));
  }
  // Who merged what into it, and who split it off again: each merge is two events.
  const events = [...(c.mergesKept ?? [])]
    .flatMap((m) => [
      { at: m.at, line: th(lang, "card-merge-in", { date: formatDate(lang, todayIn(timeZone, m.at)), id: String(m.mergedId), count: m.mentions, name: truncate(m.byName ?? t(lang, "match-someone"), 40) }) },
      ...(m.splitAt ? [{ at: m.splitAt, line: th(lang, "card-merge-out", { date: formatDate(lang, todayIn(timeZone, m.splitAt)), id: String(m.mergedId), name: truncate(m.splitByName ?? t(lang, "match-someone"), 40) }) }] : []),
    ])
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  if (events.length > 0) {
    const shown = Math.min(events.length, limits.merges);
    lines.push(events.length > shown ? th(lang, "card-merges-latest", { shown, total: events.length }) : th(lang, "card-merges"));
    for (const e of events.slice(-shown)) lines.push(e.line);
  }
  return lines;
}

/** The one source of a commitment stated once: document, page, article, date, quoted sentence. */
function sourceLines(lang: Language, c: CardCommitment): Html[] {
  const lines: Html[] = [html``];
  lines.push(th(lang, "card-source", { document: documentName(c.source) }));
  if (c.url) lines.push(th(lang, "card-page", { url: c.url, shown: truncate(c.url, 100) }));
  if (c.article && c.article !== c.source.title) lines.push(th(lang, "card-article", { article: truncate(c.article, 200) }));
  const published = c.publishedOn ?? c.source.publishedOn;
  lines.push(th(lang, "card-published", { date: published ? formatDate(lang, published) : t(lang, "card-published-unknown") }));
  lines.push(th(lang, "card-quote"));
  lines.push(html`<blockquote>${truncate(c.quote, MAX_QUOTE_CHARS)}</blockquote>`);
  // A merged-away commitment is withdrawn too, but its card says where it went instead.
  if (c.withdrawnAt && (c.mergedIntoId === null || c.mergedIntoId === undefined)) lines.push(th(lang, "card-withdrawn"));
  return lines;
}

function documentName(source: CardSource): string {
  return source.title ? `${truncate(source.title, 200)} (${source.file})` : source.file;
}

/** Every report, newest first: date, source, deadline phrase, quote; the first `shown`, then "and K more". */
function mentionLines(lang: Language, sorted: readonly CardMention[], shown: number): Html[] {
  const lines: Html[] = [html``, th(lang, "card-mentions", { total: sorted.length })];
  for (const m of sorted.slice(0, shown)) {
    const published = m.publishedOn ?? m.source.publishedOn;
    const parts: Html[] = [th(lang, "card-mention", {
      date: published ? formatDate(lang, published) : t(lang, "card-published-unknown"),
      document: documentName(m.source),
      phrase: m.dueText ? truncate(m.dueText, 200) : t(lang, "card-mention-no-phrase"),
    })];
    if (m.url) parts.push(html` · <a href="${m.url}">${truncate(m.url, 60)}</a>`);
    if (m.mergedFromId !== null) parts.push(html` ${th(lang, "card-mention-merged", { id: String(m.mergedFromId) })}`);
    if (m.withdrawnAt) parts.push(html` ${th(lang, "card-mention-withdrawn")}`);
    lines.push(joinHtml(parts, ""));
    lines.push(html`<blockquote>${truncate(m.quote, MAX_MENTION_QUOTE_CHARS)}</blockquote>`);
  }
  if (sorted.length > shown) lines.push(th(lang, "card-mentions-more", { count: sorted.length - shown }));
  return lines;
}

/** "31 Dec 2025 → Q1 2026 (+90 days), per Kazinform, stated 3 Feb 2026". */
function dueChangeLine(lang: Language, d: CardDueChange): Html {
  const to = d.toDueOn === null ? t(lang, "due-none") : formatDue(lang, d.toDueOn, d.toPrecision);
  const source = d.source ? truncate(d.source.title ?? d.source.file, 80) : t(lang, "card-not-named");
  const stated = d.statedOn ? formatDate(lang, d.statedOn) : t(lang, "card-published-unknown");
  if (d.fromDueOn === null || d.toDueOn === null) return th(lang, "card-due-change-dated", { to, source, stated });
  const days = daysBetween(d.fromDueOn, d.toDueOn);
  return th(lang, days >= 0 ? "card-due-change-later" : "card-due-change-earlier", {
    from: formatDue(lang, d.fromDueOn, d.fromPrecision), to, days: Math.abs(days), source, stated,
  });
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

