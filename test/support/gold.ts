/** The shape of a reference extraction file (seeds.gold.json and the evaluation corpora). */
export interface GoldQuote {
  file: string;
  quote_contains: string;
}
export interface GoldCommitment extends GoldQuote {
  due: string | null;
  precision: string;
  required: boolean;
}
export interface Gold {
  documents: { file: string }[];
  commitments: GoldCommitment[];
  negatives?: GoldQuote[];
}

// Cyrillic letters that look like Latin ones, exactly as score-extraction.mjs lists them.
const LOOKALIKE: Record<string, string> = {
  "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y", "\u0445": "x",
  "\u0410": "A", "\u0415": "E", "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u041d": "H",
  "\u041a": "K", "\u041c": "M", "\u0412": "B",
};

/**
 * The scorer's normalisation (look-alike letters, quotes, white space, case): a gold quote
 * matches a prediction exactly when it matches after this, so checks on gold files use it too.
 */
export function normaliseForScoring(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\u0400-\u04ff]/g, (ch) => LOOKALIKE[ch] ?? ch)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** How many times `needle` occurs in `haystack` (overlapping occurrences count). */
export function countOccurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}
