import { addDays } from "../../calendar.ts";
import { DEFAULT_LANGUAGE, type Language } from "../i18n/languages.ts";
import { t } from "../i18n/translate.ts";

/** One all-day event per followed commitment. */
export interface IcsCommitment {
  id: number;
  title: string;
  dueOn: string;
  responsible: string | null;
  dueText: string | null;
  quote: string;
  /** Document name, article and publication date, as one line. */
  source: string;
}

const MAX_LINE_OCTETS = 75;

/**
 * An RFC 5545 calendar: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
 * sequence), TEXT values escaped (`\\`, `;`, `,`, newlines), all-day events (VALUE=DATE) from
 * the due date to the next day, and a UID stable per commitment so a re-import updates events
 * instead of duplicating them. `now` stamps DTSTAMP; labels are in `lang`, titles and quotes
 * as their source wrote them.
 */
export function buildIcs(items: readonly IcsCommitment[], now: Date, lang: Language = DEFAULT_LANGUAGE): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mindet//Commitments//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(t(lang, "ics-calendar-name"))}`];
  for (const item of items) {
    const description = [
      item.responsible ? t(lang, "ics-responsible", { who: item.responsible }) : null,
      item.dueText ? t(lang, "ics-as-written", { text: item.dueText }) : null,
      `“${item.quote}”`,
      t(lang, "ics-source", { source: item.source }),
    ]
      .filter((l): l is string => l !== null)
      .join("\n");
    lines.push(
      "BEGIN:VEVENT",
      `UID:commitment-${item.id}@mindet`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(item.dueOn)}`,
      `DTEND;VALUE=DATE:${compact(addDays(item.dueOn, 1))}`,
      `SUMMARY:${escapeText(`#${item.id} ${item.title}`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** RFC 5545 3.3.11: backslash, semicolon and comma escaped; newlines as "\n". */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** RFC 5545 3.1: lines longer than 75 octets continue on lines starting with one space. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, "utf8") <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // continuation lines start with a space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function compact(date: string): string {
  return date.replace(/-/g, "");
}
