// The lines of messages sent without an update (reminders, announcements, digests), in a chat's
// stored language. src/reminders/compose.ts builds the same lines in English today; these take
// the language first and are what it calls once wired (same fields, same HTML, same cuts).
import { daysBetween, type IsoDate } from "../../calendar.ts";
import { describeDaysLeft, dueLabel, formatDue } from "../format/dates.ts";
import { escapeHtml, Html, truncate } from "../format/html.ts";
import type { Language } from "./languages.ts";
import { t, th } from "./translate.ts";

/** Titles are cut here so one line can never fill a message. */
const MAX_TITLE_CHARS = 300;
const MAX_NOTE_CHARS = 500;

/** A commitment as a reminder line shows it (the fields of compose.ts's LineCommitment). */
export interface ReminderCommitment {
  id: number;
  title: string;
  dueOn: string | null;
  extractedDueOn: string | null;
  precision: string;
}

/** A status change as an announcement shows it (compose.ts's LineStatusChange). */
export interface AnnouncedChange {
  toStatus: string;
  fromStatus: string;
  toDueOn: string | null;
  evidenceUrl: string | null;
  note: string | null;
}

function shortTitle(title: string): string {
  return truncate(title.replace(/\s+/g, " ").trim(), MAX_TITLE_CHARS);
}

/** "• Title — 31 Mar 2026, in 7 days · /c 42" (days counted in the chat's own today), as HTML. */
export function reminderLine(lang: Language, c: ReminderCommitment, today: IsoDate): string {
  const due = dueLabel(lang, c);
  const days = c.dueOn === null ? null : daysBetween(today, c.dueOn);
  const when = days === null ? new Html(escapeHtml(due)) : days === 0 ? th(lang, "reminder-due-today", { due }) : th(lang, "reminder-when", { due, days: describeDaysLeft(lang, days) });
  return th(lang, "reminder-line", { title: shortTitle(c.title), when, id: String(c.id) }).value;
}

const HEADS = new Set(["done", "missed", "cancelled", "postponed", "open"]);

/** "✅ Done: Title · /c 42", with the new date of a postponement, the evidence link and the note. */
export function statusLine(lang: Language, c: ReminderCommitment, change: AnnouncedChange): string {
  const sameStatus = change.toStatus === change.fromStatus && change.toStatus !== "postponed";
  const head = sameStatus ? t(lang, "announce-new-date") : HEADS.has(change.toStatus) ? t(lang, `announce-${change.toStatus}`) : change.toStatus;
  const dated = change.toDueOn !== null && (change.toStatus === "postponed" || change.toStatus === change.fromStatus);
  const vars = { head, title: shortTitle(c.title), id: String(c.id) };
  const first = dated && change.toDueOn !== null
    ? th(lang, "announce-line-dated", { ...vars, date: dueLabel(lang, { ...c, dueOn: change.toDueOn, precision: "day" }) })
    : th(lang, "announce-line", vars);
  const parts = [first.value];
  if (change.evidenceUrl && /^https?:\/\//i.test(change.evidenceUrl)) {
    parts.push(`  <a href="${escapeHtml(change.evidenceUrl)}">${escapeHtml(t(lang, "announce-evidence"))}</a>`);
  }
  if (change.note) parts.push(`  ${escapeHtml(truncate(change.note, MAX_NOTE_CHARS))}`);
  return parts.join("\n");
}

/** The headings of a reminder message and of a weekly digest, as HTML. */
export function reminderHeadings(lang: Language, digestDays: number): { reminders: string; statusChanges: string; digest: string; digestUpcoming: string; digestOverdue: string } {
  return {
    reminders: th(lang, "reminder-heading").value,
    statusChanges: th(lang, "announce-heading").value,
    digest: th(lang, "digest-title").value,
    digestUpcoming: th(lang, "digest-upcoming", { days: digestDays }).value,
    digestOverdue: th(lang, "digest-overdue").value,
  };
}

/** A deadline drift as a "moved" notice shows it (a DueChange and the source that stated it). */
export interface AnnouncedDueChange {
  fromDueOn: string | null;
  fromPrecision: string;
  toDueOn: string | null;
  toPrecision: string;
  /** The article's title, else the source's title, else its file name. */
  source: string;
}

const MAX_SOURCE_CHARS = 120;

/** "Deadline moved: 31 Dec 2025 → Q1 2026 (+90 days), per <source>: Title · /c 42", as HTML. */
export function movedLine(lang: Language, c: Pick<ReminderCommitment, "id" | "title">, change: AnnouncedDueChange): string {
  const source = truncate(change.source.replace(/\s+/g, " ").trim(), MAX_SOURCE_CHARS);
  const vars = { title: shortTitle(c.title), id: String(c.id), source };
  const to = change.toDueOn === null ? t(lang, "due-none") : formatDue(lang, change.toDueOn, change.toPrecision);
  if (change.fromDueOn === null || change.toDueOn === null) return th(lang, "moved-line-dated", { ...vars, to }).value;
  const days = daysBetween(change.fromDueOn, change.toDueOn);
  const shift = t(lang, days >= 0 ? "moved-later" : "moved-earlier", { days: Math.abs(days) });
  return th(lang, "moved-line", { ...vars, from: formatDue(lang, change.fromDueOn, change.fromPrecision), to, shift }).value;
}

/** A commitment as a match question shows it. */
export interface QuestionCommitment {
  id: number;
  title: string;
  quote: string;
  dueOn: string | null;
  extractedDueOn: string | null;
  precision: string;
}

const MAX_QUOTE_CHARS = 600;
const MAIN_REASONS = new Set(["body", "date", "words", "anchors", "quantities"]);

/**
 * "Same as #12?" for the admins: the new commitment and the known one (title, quote, date) and
 * the matcher's main reasons, as HTML. The buttons are the caller's (encodeCallback "match").
 */
export function questionText(lang: Language, question: { score: number; reasons: readonly { feature: string; detail: string }[] }, fresh: QuestionCommitment, known: QuestionCommitment): string {
  const side = (key: string, c: QuestionCommitment): string =>
    [th(lang, key, { id: String(c.id), title: shortTitle(c.title), due: dueLabel(lang, c) }).value, `<blockquote>${escapeHtml(truncate(c.quote, MAX_QUOTE_CHARS))}</blockquote>`].join("\n");
  // The features an admin weighs: who, when, which words and numbers (the matcher's own words, in
  // English); the score is in the title.
  const main = question.reasons.filter((r) => MAIN_REASONS.has(r.feature)).map((r) => `${r.feature}: ${r.detail}`);
  const lines = [th(lang, "question-title", { candidate: String(known.id), score: question.score.toFixed(2) }).value, side("question-new", fresh), side("question-old", known)];
  if (main.length > 0) lines.push(th(lang, "question-reasons", { reasons: truncate(main.join("; "), MAX_QUOTE_CHARS) }).value);
  return lines.join("\n");
}
