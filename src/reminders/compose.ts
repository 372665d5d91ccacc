// The text of a chat's message: escaped HTML, one line per reminder, grouped, and split at
// line boundaries so no part exceeds Telegram's 4,096 characters.
import { daysBetween, type IsoDate } from "../calendar.ts";
import { escapeHtml, MAX_MESSAGE_CHARS } from "../bot/format/html.ts";
import { describeDaysLeft, dueLabel } from "../commitments/commitment-view.ts";

/**
 * `text` cut to at most `max` UTF-16 units without splitting a surrogate pair: half an emoji is
 * not UTF-8, and Telegram refuses the whole message.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Titles are cut here so one line can never fill a message. */
const MAX_TITLE_CHARS = 300;

/** A commitment as a message line shows it. */
export interface LineCommitment {
  id: number;
  title: string;
  dueOn: string | null;
  extractedDueOn: string | null;
  precision: string;
  status: string;
}

/** A status change as an announcement shows it. */
export interface LineStatusChange {
  toStatus: string;
  fromStatus: string;
  toDueOn: string | null;
  evidenceUrl: string | null;
  note: string | null;
}

/** A block of lines and the outbox rows it carries (a row is sent once its last block is). */
export interface Block {
  lines: string[];
  rowIds: number[];
}

function shortTitle(title: string): string {
  const clean = title.replace(/\s+/g, " ").trim();
  return escapeHtml(clean.length > MAX_TITLE_CHARS ? `${cutText(clean, MAX_TITLE_CHARS - 1)}…` : clean);
}

/** "• Title — 31 Mar 2026, in 7 days · /c 42" (the days counted in the chat's own today). */
export function reminderLine(c: LineCommitment, today: IsoDate): string {
  const due = dueLabel(c);
  const days = c.dueOn === null ? "" : describeDaysLeft(daysBetween(today, c.dueOn));
  const when = days === "" ? due : days === "due today" ? `${due}, <b>due today</b>` : `${due}, ${days}`;
  return `• ${shortTitle(c.title)} — ${when} · /c ${c.id}`;
}

const STATUS_HEADS: Record<string, string> = {
  done: "✅ Done",
  missed: "❌ Missed",
  cancelled: "🚫 Cancelled",
  postponed: "📅 Postponed",
  open: "🔄 Reopened",
};

/** "✅ Done: Title · /c 42", with the new date for a postponement and the evidence link. */
export function statusLine(c: LineCommitment, change: LineStatusChange): string {
  let head = STATUS_HEADS[change.toStatus] ?? `Status: ${escapeHtml(change.toStatus)}`;
  if (change.toStatus === change.fromStatus && change.toStatus !== "postponed") head = "📅 New due date";
  const date = change.toDueOn && (change.toStatus === "postponed" || change.toStatus === change.fromStatus) ? ` to ${dueLabel({ ...c, dueOn: change.toDueOn, precision: "day" })}` : "";
  const parts = [`${head}${date}: ${shortTitle(c.title)} · /c ${c.id}`];
  if (change.evidenceUrl && /^https?:\/\//i.test(change.evidenceUrl)) {
    parts.push(`  <a href="${escapeHtml(change.evidenceUrl).replace(/"/g, "&quot;")}">evidence</a>`);
  }
  if (change.note) parts.push(`  ${escapeHtml(cutText(change.note, 500))}`);
  return parts.join("\n");
}

/**
 * Splits blocks into message texts of at most `max` characters, breaking only between lines.
 * Each part lists the rows whose last line it carries.
 */
export function splitMessage(blocks: readonly Block[], max = MAX_MESSAGE_CHARS): { text: string; rowIds: number[] }[] {
  const parts: { text: string; rowIds: number[] }[] = [];
  let lines: string[] = [];
  let length = 0;
  let rowIds: number[] = [];
  const flush = (): void => {
    if (lines.length > 0 || rowIds.length > 0) parts.push({ text: lines.join("\n"), rowIds });
    lines = [];
    length = 0;
    rowIds = [];
  };
  for (const block of blocks) {
    for (const raw of block.lines) {
      // A single over-long line (cannot happen with cut titles, but a note could) is cut.
      const line = raw.length > max ? `${cutText(raw, max - 1)}…` : raw;
      const added = (lines.length > 0 ? 1 : 0) + line.length;
      if (length + added > max) flush();
      length += (lines.length > 0 ? 1 : 0) + line.length;
      lines.push(line);
    }
    rowIds.push(...block.rowIds);
  }
  flush();
  return parts.filter((p) => p.text !== "");
}
