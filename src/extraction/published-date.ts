/**
 * Finds an article's publication date in its prose when there is no header or stamp. Only the
 * places where news copy states its own date count, all in the opening: the lines of front matter
 * (subtitle, byline, photo credit, "From: ...") and the first paragraph of body text after them:
 * - a line of its own: "Published 4 December 2025", "Posted on Jan. 14, 2026", "Brussels, 15 October
 *   2025", "15 October 2025 - Brussels", "By Aida Haidar in Politics on 3 November 2025";
 * - a dateline: "ASTANA, December 3, 2025 -", "ASTANA, Kazakhstan, Jan. 14, 2026 -", "ASTANA - 3 December 2025";
 * - an opening "On 4 October 2024, ..." (optionally after "ASTANA -" or "ASTANA. KAZINFORM -");
 * - a publishing verb in the first paragraph: "published ... on July 31", "announced on 5 March 2025",
 *   with the year taken from the same sentence when the date has none ("in the first half of 2024").
 * Any other full date ("the referendum held on October 6, 2024") is an event, not the day of the
 * news, and is ignored. A year is never guessed: no year, no date.
 */
import { makeDate, toIsoDate } from "../calendar.ts";
import { DAY_SRC, MONTH_SRC, YEAR_SRC, monthNumber } from "./deadline/words.js";
import type { IsoDate } from "./types.js";
import { endsWithStop, wordCount } from "./line-shape.js";

/** "ASTANA -", "ASTANA. KAZINFORM -", "Astana, Kazakhstan -": the place that opens a news item. */
const PLACE = "(?:[A-Z][A-Za-z.'-]*(?:[ ,.]+[A-Z][A-Za-z.'-]*){0,3}\\s*[-:]\\s*)?";
const FULL = `(?:${DAY_SRC}\\s+(${MONTH_SRC}),?\\s+${YEAR_SRC}|(${MONTH_SRC})\\s+${DAY_SRC},?\\s+${YEAR_SRC})`;
const OPENING_ON = new RegExp(`^${PLACE}(?:On|Today,|Yesterday,)?\\s*${FULL}\\b`);
const DATELINE = new RegExp(`^[A-Z][A-Z .'-]{1,40}(?:,[ \\t]*[A-Z][a-z]+)?(?:,|\\s-)\\s*(?:(${MONTH_SRC})\\s+${DAY_SRC},?\\s+${YEAR_SRC}|${DAY_SRC}\\s+(${MONTH_SRC}),?\\s+${YEAR_SRC})`);
/** A verb of publishing, then within the same sentence "on <date>". */
const PUBLISHED_ON = new RegExp(
  `\\b(?:published|posted|released|issued|announced|reported|updated|informs?|reports?)\\b[^.!?\\n]{0,160}?\\bon\\s+(?:(?:${DAY_SRC}\\s+(${MONTH_SRC}))|(?:(${MONTH_SRC})\\s+${DAY_SRC}))\\b(,?\\s+${YEAR_SRC})?`,
  "i",
);
const ANY_YEAR = new RegExp(`\\b${YEAR_SRC}\\b`, "g");
/** A line that states the day of publication: "Published 4 December 2025", "Updated: 3 Nov 2025". */
const PUBLISHED_LINE = new RegExp(`^(?:Published|Posted|Updated|Released|Issued|Date|Dated)(?:\\s+on)?:?\\s+${FULL}`, "i");
/** "Brussels, 15 October 2025" (alone or before a dash) and "15 October 2025 - Brussels". */
const CITY_DATE = new RegExp(`^[A-Z][A-Za-z.'-]*(?:[ ]+[A-Z][A-Za-z.'-]*){0,2},\\s*${FULL}\\s*(?:[-:]|$)`);
const DATE_CITY = new RegExp(`^${FULL}\\s*(?:-\\s*[A-Z]|$)`);
/** A byline that carries the date: "By Aida Haidar in Politics on 3 November 2025". */
const BYLINE_ON = new RegExp(`^By\\s+[A-Z][^\\n]{0,100}?\\bon\\s+${FULL}`);
/**
 * Front matter between a title and the body: a byline, a credit, a "From:" line, or a subtitle
 * (a line with no closing full stop, or a short one that ends in a question: "Will it be enough?").
 */
const FRONT_MATTER = /^(?:By\s+[A-Z]|(?:Photo|Image|Picture|Video)(?:\s+credit)?s?\s*[:/-]|(?:Source|From|Author|Credits?|Text)\s*:)/i;
/** How many front-matter lines may precede the body before the opening is given up. */
const MAX_FRONT_LINES = 6;
/** How far into the article the opening may reach, in characters. */
const OPENING_CHARS = 1200;

function iso(year: string | undefined, month: string | undefined, day: string | undefined): IsoDate | null {
  const mm = monthNumber(month ?? "");
  if (mm === null) return null;
  const d = makeDate(Number(year), mm, Number(day));
  return d ? toIsoDate(d) : null;
}

/**
 * The publication date stated in the opening of an article body (its first paragraph, at most
 * ~600 characters), or null when the opening does not state one in a dateline, an opening
 * "On <date>," or a "published ... on <date>" clause.
 */
export function findProseDate(opening: string): IsoDate | null {
  const lines = opening.slice(0, OPENING_CHARS).split("\n");
  let front = 0;
  let offset = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line !== "") {
      const own = lineDate(line);
      if (own) return own;
      if (!isFrontMatter(line) || ++front > MAX_FRONT_LINES) return paragraphDate(opening.slice(offset));
    }
    offset += raw.length + 1;
  }
  return null;
}

/** A date stated by a whole line of front matter ("Published 4 December 2025"), or null. */
function lineDate(line: string): IsoDate | null {
  for (const re of [PUBLISHED_LINE, CITY_DATE, DATE_CITY, BYLINE_ON]) {
    const m = re.exec(line);
    if (m) return iso(m[3] ?? m[6], m[2] ?? m[4], m[1] ?? m[5]);
  }
  return null;
}

function isFrontMatter(line: string): boolean {
  if (FRONT_MATTER.test(line)) return true;
  const words = wordCount(line);
  if (!endsWithStop(line, ".!?:;,")) return words <= 30; // a subtitle or kicker with no full stop
  return endsWithStop(line, "?") && words <= 30;
}

/** The date stated in the first paragraph of body text (the old, single-paragraph rules). */
function paragraphDate(opening: string): IsoDate | null {
  const para = opening.replace(/^\s+/, "");
  const blank = para.search(/\n\s*\n/);
  const text = para.slice(0, Math.min(600, blank === -1 ? para.length : blank));
  const dl = DATELINE.exec(text);
  if (dl) return iso(dl[3] ?? dl[6], dl[1] ?? dl[5], dl[2] ?? dl[4]);
  const on = OPENING_ON.exec(text);
  if (on) return iso(on[3] ?? on[6], on[2] ?? on[4], on[1] ?? on[5]);
  const pub = PUBLISHED_ON.exec(text);
  if (!pub) return null;
  const month = pub[2] ?? pub[3];
  const day = pub[1] ?? pub[4];
  if (pub[6]) return iso(pub[6], month, day);
  // The year must come from the same sentence ("... in the first half of 2024 on July 31").
  const sentenceStart = Math.max(text.lastIndexOf(". ", pub.index) + 1, 0);
  const nextStop = text.indexOf(". ", pub.index + pub[0].length);
  const sentence = text.slice(sentenceStart, nextStop === -1 ? text.length : nextStop);
  const years = [...new Set([...sentence.matchAll(ANY_YEAR)].map((m) => m[1]))];
  if (years.length !== 1) return null; // none, or ambiguous
  return iso(years[0], month, day);
}
