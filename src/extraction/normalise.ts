/**
 * Step 1 of the pipeline: make copy-pasted news text matchable, and remember where every
 * normalised character came from so quotes can be cut verbatim from the ORIGINAL text.
 *
 * What is changed, and why:
 * - Cyrillic letters that look like Latin ones, inside otherwise Latin words ("оn" with a
 *   Cyrillic о): the parsers match English words. A word written wholly in Cyrillic is left alone
 *   unless it is a tiny all-look-alike word between two Latin words.
 * - no-break, thin, ideographic spaces and tabs become a plain space; zero-width characters and
 *   carriage returns are dropped;
 * - typographic quotes become ' and "; dashes and minus signs become "-"; the ellipsis becomes "...";
 * - bullets (•, ●, ▪, ◦, ·) become "-" so that one bullet rule serves all.
 */

/** Cyrillic letters that look like Latin ones (the same table as the scorer's). */
const LOOKALIKE: Readonly<Record<string, string>> = {
  "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y",
  "\u0445": "x", "\u0456": "i", "\u0458": "j", "\u0455": "s",
  "\u0410": "A", "\u0415": "E", "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T",
  "\u041d": "H", "\u041a": "K", "\u041c": "M", "\u0412": "B", "\u0425": "X", "\u0406": "I",
  "\u0408": "J", "\u0405": "S",
};

/** Single characters replaced by another string ("" drops the character). */
const CHAR_MAP: Readonly<Record<string, string>> = {
  "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
  "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
  "\u202f": " ", "\u205f": " ", "\u3000": " ", "\t": " ", "\f": " ", "\v": " ",
  "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "", "\r": "",
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
  "\u2026": "...",
  "\u2022": "-", "\u25cf": "-", "\u25aa": "-", "\u25e6": "-", "\u00b7": "-", "\u2043": "-", "\u2219": "-",
};

export interface NormalisedText {
  /** The normalised text. */
  text: string;
  /**
   * Where the text differs from the original, in order: edit k replaced the original character at
   * `editOrig[k]` by `editLength[k]` characters starting at `editAt[k]` of the normalised text (0: dropped).
   * Between two edits the texts run in step, so any offset maps back by the edit before it
   * (toOriginalSpan): a few numbers per replaced character instead of two per character.
   */
  editAt: Int32Array;
  editOrig: Int32Array;
  editLength: Int32Array;
  originalLength: number;
}

const isLatinLetter = (c: string): boolean => /[A-Za-z\u00c0-\u024f]/.test(c);
const isCyrillic = (c: string): boolean => c >= "\u0400" && c <= "\u04ff";

/**
 * Decides, word by word, which Cyrillic letters to replace. Returns a set of original offsets.
 * A word is a run of letters; only words that also hold Latin letters (or tiny all-look-alike
 * words between Latin words) are touched, so genuine Kazakh or Russian words stay intact.
 */
function lookalikeOffsets(text: string): Set<number> {
  const out = new Set<number>();
  const words: { start: number; end: number; latin: boolean; cyr: boolean; allLook: boolean }[] = [];
  // Only documents that contain Cyrillic need the word scan.
  if (!/[\u0400-\u04ff]/.test(text)) return out;
  const re = /\p{L}+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let latin = false, cyr = false, allLook = true;
    for (const ch of m[0]) {
      if (isCyrillic(ch)) { cyr = true; if (!(ch in LOOKALIKE)) allLook = false; }
      else if (isLatinLetter(ch)) latin = true;
    }
    words.push({ start: m.index, end: m.index + m[0].length, latin, cyr, allLook });
  }
  words.forEach((w, i) => {
    if (!w.cyr || !w.allLook) return;
    const between = !w.latin && w.end - w.start <= 3 && words[i - 1]?.latin === true && !words[i - 1]?.cyr && words[i + 1]?.latin === true && !words[i + 1]?.cyr;
    if (!w.latin && !between) return;
    for (let k = w.start; k < w.end; k++) if (isCyrillic(text.charAt(k))) out.add(k);
  });
  return out;
}

/**
 * Characters that may need work (inclusive UTF-16 code unit ranges); everything else is copied
 * through in runs. A flag per code unit, read in a plain loop: a regex exec per quote or dash
 * built a match array for each (issue 13).
 */
const SPECIAL_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x09], [0x0b, 0x0d], [0xa0, 0xa0], [0xab, 0xab], [0xad, 0xad], [0xb7, 0xb7], [0xbb, 0xbb], [0x2bc, 0x2bc],
  [0x400, 0x4ff], [0x2000, 0x200d], [0x2010, 0x2015], [0x2018, 0x201f], [0x2022, 0x2022], [0x2026, 0x2026],
  [0x202f, 0x202f], [0x2032, 0x2033], [0x2043, 0x2043], [0x205f, 0x2060], [0x2212, 0x2212], [0x2219, 0x2219],
  [0x25aa, 0x25aa], [0x25cf, 0x25cf], [0x25e6, 0x25e6], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
const IS_SPECIAL = new Uint8Array(0x10000);
for (const [from, to] of SPECIAL_RANGES) IS_SPECIAL.fill(1, from, to + 1);

/** Normalises `original` (see the file comment). Never throws; the empty string gives an empty result. */
export function normaliseText(original: string): NormalisedText {
  const replaceCyr = lookalikeOffsets(original);
  const parts: string[] = [];
  const at: number[] = [];
  const orig: number[] = [];
  const length: number[] = [];
  let n = 0;
  let copied = 0;
  for (let i = 0; i < original.length; i++) {
    if (IS_SPECIAL[original.charCodeAt(i)] === 0) continue;
    const ch = original.charAt(i);
    let rep: string | undefined = CHAR_MAP[ch];
    if (rep === undefined && replaceCyr.has(i)) rep = LOOKALIKE[ch];
    if (rep === undefined) continue; // a real Cyrillic letter: copied with its run
    if (i > copied) parts.push(original.slice(copied, i));
    n += i - copied;
    parts.push(rep);
    at.push(n);
    orig.push(i);
    length.push(rep.length);
    n += rep.length;
    copied = i + 1;
  }
  if (copied === 0) return { text: inTwoBytes(original), editAt: new Int32Array(0), editOrig: new Int32Array(0), editLength: new Int32Array(0), originalLength: original.length };
  parts.push(original.slice(copied));
  return { text: inTwoBytes(parts.join("")), editAt: Int32Array.from(at), editOrig: Int32Array.from(orig), editLength: Int32Array.from(length), originalLength: original.length };
}

/**
 * The same text, stored two bytes a character. V8 keeps a string in one byte a character when
 * all of it fits (most English news once quotes and dashes are normalised) and in two otherwise
 * (a Cyrillic name, a "№"), and compiles every regular expression once for each kind of string
 * it runs on. Texts of one kind only spare each of the extractor's hundreds of patterns its
 * second compilation: 601 compilations over the 65 news documents became 411, about a fifth of
 * a fresh process's first pass. A string built around a two-byte character is two-byte, and so
 * is every slice of it (sentences, words), whatever they hold; the content is unchanged.
 */
function inTwoBytes(text: string): string {
  return text.length < 16 ? text : `\u0100${text}`.slice(1);
}

/** The original character that produced normalised character `p` (p < text length): its offset. */
function originalOf(norm: NormalisedText, p: number): number {
  const { editAt, editOrig, editLength } = norm;
  // The last edit starting at or before p (edits are in order of both offsets).
  let lo = 0;
  let hi = editAt.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((editAt[mid] ?? 0) <= p) lo = mid + 1;
    else hi = mid;
  }
  const k = lo - 1;
  if (k < 0) return p;
  const from = editAt[k] ?? 0;
  const len = editLength[k] ?? 0;
  const o = editOrig[k] ?? 0;
  // Inside a replacement: its original character; after it: in step from the next one.
  return p < from + len ? o : o + 1 + (p - from - len);
}

/** Maps a [start, end) span of the normalised text back to the original text. */
export function toOriginalSpan(norm: NormalisedText, start: number, end: number): [number, number] {
  const size = norm.text.length;
  if (end <= start) {
    const at = start < size ? originalOf(norm, start) : norm.originalLength;
    return [at, at];
  }
  const s = start < size ? originalOf(norm, start) : norm.originalLength;
  const e = end - 1 < size ? originalOf(norm, end - 1) + 1 : norm.originalLength;
  return [s, e];
}
