/**
 * Finds an article's publication date in its prose when there is no header or stamp:
 * "On 4 October 2024, ..." or "published ... on July 31" with the year taken from the same
 * sentence ("in the first half of 2024"). A year is never guessed: no year, no date.
 */
import { makeDate, toIsoDate } from "./calendar.js";
import { DAY_SRC, MONTH_SRC, YEAR_SRC, monthNumber } from "./deadline/words.js";
import type { IsoDate } from "./types.js";

const FULL_DATE = new RegExp(
  `\\b(?:on|dated|as of)\\s+(?:(?:${DAY_SRC}\\s+(${MONTH_SRC}),?\\s+${YEAR_SRC})|(?:(${MONTH_SRC})\\s+${DAY_SRC},?\\s+${YEAR_SRC}))\\b`,
  "i",
);
const DATELINE = new RegExp(`^[A-Z][A-Z .'-]{1,40}(?:,|\\s-)\\s*(?:(${MONTH_SRC})\\s+${DAY_SRC},?\\s+${YEAR_SRC}|${DAY_SRC}\\s+(${MONTH_SRC}),?\\s+${YEAR_SRC})`);
const SHORT_DATE = new RegExp(`\\bon\\s+(?:${DAY_SRC}\\s+(${MONTH_SRC})|(${MONTH_SRC})\\s+${DAY_SRC})\\b(?!,?\\s*\\d)`, "i");
const ANY_YEAR = new RegExp(`\\b${YEAR_SRC}\\b`, "g");

function iso(year: string | undefined, month: string | undefined, day: string | undefined): IsoDate | null {
  const mm = monthNumber(month ?? "");
  if (mm === null) return null;
  const d = makeDate(Number(year), mm, Number(day));
  return d ? toIsoDate(d) : null;
}

/**
 * The publication date stated in the opening of an article body (its first paragraph, at most
 * ~600 characters), or null when the opening gives no full date.
 */
export function findProseDate(opening: string): IsoDate | null {
  const text = opening.slice(0, 600);
  const dl = DATELINE.exec(text);
  if (dl) return iso(dl[3] ?? dl[6], dl[1] ?? dl[5], dl[2] ?? dl[4]);
  const full = FULL_DATE.exec(text);
  if (full) return iso(full[3] ?? full[6], full[2] ?? full[4], full[1] ?? full[5]);
  const short = SHORT_DATE.exec(text);
  if (!short) return null;
  // The year must come from the same sentence ("... in the first half of 2024 on July 31").
  const sentenceStart = Math.max(text.lastIndexOf(". ", short.index) + 1, 0);
  const nextStop = text.indexOf(". ", short.index);
  const sentence = text.slice(sentenceStart, nextStop === -1 ? text.length : nextStop);
  const years = [...sentence.matchAll(ANY_YEAR)].map((m) => m[1]);
  if (years.length !== 1) return null; // none, or ambiguous
  return iso(years[0], short[2] ?? short[3], short[1] ?? short[4]);
}
