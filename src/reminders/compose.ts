// The text of a chat's message: escaped HTML, one line per reminder, grouped, and split at
// line boundaries so no part exceeds Telegram's 4,096 characters.
// The lines themselves, in the chat's language, come from src/bot/i18n/reminder-texts.ts.
import { MAX_MESSAGE_CHARS, truncateUnits } from "../bot/format/html.ts";

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
      const line = truncateUnits(raw, max);
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
