/**
 * What a commitment says, as terms: Porter stems of its content words (so "develop", "development"
 * and "developing" meet) and character 4-grams (so "Qazaqstan"/"Kazakhstan", "modernise"/
 * "modernization" and a number written "22,000"/"22 000" still share most of their grams). Dates
 * and deadline words are dropped: the deadline is compared as a window (dates.ts), and "by the end
 * of 2025" would otherwise make two unrelated duties due the same year look alike.
 */
import { stemmer } from "stemmer";
import type { MatchInput } from "./types.ts";

/** Grams of this many characters; 4 keeps word stems apart better than 3 on our pair set. */
export const CHAR_GRAM_CHARS = 4;

const STOPWORDS = new Set(
  (
    "a an the and or but nor of to in on at by for from with within without into onto over under about as is are was were be been being " +
    "will would shall should must may might can could has have had do does did it its this that these those there their they them he she his her " +
    "we our us you your i not no also than then which who whom whose what when where while such so very more most other another all any each " +
    "said says say told according stated noted added announced reported informed press service news agency correspondent " +
    "year years month months quarter quarters week weeks day days end beginning start middle first second third fourth half " +
    "january february march april may june july august september october november december " +
    "spring summer autumn fall winter today tomorrow yesterday next last current coming early late before after until till up " +
    "plan plans planned planning expect expected expects intend intends intended aim aims set due deadline"
  ).split(" "),
);

const TOKEN = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;
const YEAR_OR_DAY = /^(?:1[89]\d\d|20\d\d|\d{1,2}(?:st|nd|rd|th)?)$/;

/** Lower case, look-alike quotes and dashes unified, digit groups joined ("22,000" -> "22000"). */
function clean(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/(\d)[,\s](?=\d{3}\b)/g, "$1");
}

/** The text a commitment is compared on: its title and its quote. */
export function matchText(c: Pick<MatchInput, "title" | "quote">): string {
  return `${c.title} ${c.quote}`;
}

/** British spellings to American, before stemming, so "modernised"/"modernized" and "kilometres"/"kilometers" meet. */
function americanSpelling(word: string): string {
  return word
    .replace(/^([a-z]{3,})is(e|ed|es|ing|ation|ations)$/, "$1iz$2")
    .replace(/^([a-z]{3,})tre(s?)$/, "$1ter$2")
    .replace(/^programme(s?)$/, "program$1")
    .replace(/^tonne(s?)$/, "ton$1");
}

/**
 * Stems of the verbs and units outlets swap when they restate a duty, mapped to one stem each. Kept
 * to words that mean the same act in a government's commitment ("finish"/"complete"/"finalise",
 * "draft"/"develop"/"prepare"), not general synonyms, so unrelated duties do not meet through them.
 */
const SAME_ACT: Readonly<Record<string, string>> = {
  finish: "complet", final: "complet", finaliz: "complet",
  start: "begin", commenc: "begin",
  construct: "build", erect: "build",
  draft: "develop", prepar: "develop", elabor: "develop", draw: "develop",
  enact: "adopt", pass: "adopt",
  creat: "establish", found: "establish",
  upgrad: "modern", modern: "modern", moderniz: "modern", renov: "modern", reconstruct: "modern",
  km: "kilomet", kilomet: "kilomet", kilometr: "kilomet",
  commiss: "commiss", open: "commiss", oper: "commiss",
};

/** Words seen recur across commitments: stemming is most of a profile's cost, so stems are remembered. */
const STEM_CACHE_WORDS = 100_000;
const stemCache = new Map<string, string>();

function stemOf(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    const s = stemmer(americanSpelling(word));
    stem = SAME_ACT[s] ?? s;
    if (stemCache.size >= STEM_CACHE_WORDS) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** Stems of the content words of `text`, in order, with repeats. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const m of clean(text).matchAll(TOKEN)) {
    const word = m[0].replace(/'s$/, "");
    if (word.length < 2 || STOPWORDS.has(word) || YEAR_OR_DAY.test(word)) continue;
    out.push(/^\d/.test(word) ? word : stemOf(word));
  }
  return out;
}

/** Character grams of the content words (stopwords and dates removed), words joined by one space. */
export function charGrams(text: string, size: number = CHAR_GRAM_CHARS): string[] {
  const words: string[] = [];
  for (const m of clean(text).matchAll(TOKEN)) {
    const word = m[0];
    if (!STOPWORDS.has(word) && !YEAR_OR_DAY.test(word)) words.push(word);
  }
  const joined = ` ${words.join(" ")} `;
  const grams: string[] = [];
  for (let i = 0; i + size <= joined.length; i++) grams.push(joined.slice(i, i + size));
  return grams;
}

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
/** Day numbers next to a month, ordinals, years and durations: dates, not quantities. */
const DATE_NUMBERS = new RegExp(
  [
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}`,
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
    "\\b(?:1[89]|20)\\d\\d(?:[-–]\\d{2,4})?\\b",
    "\\b\\d+(?:st|nd|rd|th)\\b",
    "\\b\\d+\\s+(?:days?|weeks?|months?|years?)\\b",
  ].join("|"),
  "gi",
);

/**
 * The quantities a commitment names ("4,500 kilometers", "33 border crossing points", "100 megawatts"),
 * without dates and durations. Two reports of one duty give the same quantities; "11,000 km repaired"
 * and "5,000 km built" are two duties however alike the rest of the words.
 */
export function quantities(text: string): Set<string> {
  const cleaned = clean(text).replace(DATE_NUMBERS, " ");
  return new Set([...cleaned.matchAll(/\b\d+(?:\.\d+)?\b/g)].map((m) => m[0].replace(/\.0+$/, "")));
}
