/**
 * Shared vocabulary of the deadline parsers: month names, number words, seasons.
 * Regex sources here have no nested unbounded quantifiers, so they stay linear on any input.
 */

/** Month names and abbreviations, longest first so "June" wins over "Jun". Followed by an optional dot ("Dec. 20", "Sept. 8"). */
export const MONTH_SRC =
  "(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![a-z])|(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?![a-z])\\.?)";

const MONTH_INDEX: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * 1-12 for a month word as matched by MONTH_SRC, or null. Month words must be capitalised in the
 * text: "may", "march" and "august" in lower case are ordinary English words.
 */
export function monthNumber(word: string): number | null {
  const w = word.endsWith(".") ? word.slice(0, -1) : word;
  const first = w.charAt(0);
  if (first !== first.toUpperCase() || first === first.toLowerCase()) return null;
  return MONTH_INDEX[w.slice(0, 3).toLowerCase()] ?? null;
}

/** Day of month with an optional ordinal suffix ("20", "20th", "1st"). */
export const DAY_SRC = "(\\d{1,2})(?:st|nd|rd|th)?";

/** A four-digit year from 1900 to 2199. */
export const YEAR_SRC = "((?:19|20|21)\\d{2})";

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  "twenty-one": 21, "twenty-four": 24, "twenty-five": 25, "forty-five": 45,
};

/** Number words and digits accepted in "within N units"; "half a" and "one and a half" are handled by the caller. */
export const NUMBER_SRC =
  "(\\d{1,3}|twenty-one|twenty-four|twenty-five|forty-five|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)";

/** The value of a number word or digits, or null when it is not a number. */
export function numberValue(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

/** Ordinals used for quarters and halves: "first", "1st", "I". */
export function ordinalValue(word: string): number | null {
  const w = word.toLowerCase();
  const table: Readonly<Record<string, number>> = {
    first: 1, "1st": 1, i: 1, second: 2, "2nd": 2, ii: 2, third: 3, "3rd": 3, iii: 3, fourth: 4, "4th": 4, iv: 4,
  };
  return table[w] ?? null;
}

export type Season = "spring" | "summer" | "autumn" | "winter";

export function seasonOf(word: string): Season | null {
  const w = word.toLowerCase();
  if (w === "fall") return "autumn";
  return w === "spring" || w === "summer" || w === "autumn" || w === "winter" ? w : null;
}
