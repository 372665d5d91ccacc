/**
 * Step 3: cut an article body into units: sentences, bullet items and headings.
 *
 * Lines are paragraphs in news text, so a sentence never crosses a line break. Inside a line a
 * full stop ends a sentence only when the next word starts like a sentence (capital, digit,
 * quote, bracket) and the word before it is not an abbreviation ("Sept.", "No.", "Mr."), an
 * initial ("K. Tokayev") or a dotted acronym ("U.S.", "e.g.").
 *
 * Bullet items ("- ...", "• ...", "1) ...") keep a link to their lead-in sentence, from which they
 * inherit the actor and the verb ("The Prime Minister instructed the ministries to:").
 */
import { isHeadingLine } from "./articles.js";
import { wordCount } from "./line-shape.js";

export type UnitKind = "sentence" | "bullet" | "heading";

export interface TextUnit {
  /** [start, end) in the normalised document text. */
  start: number;
  end: number;
  text: string;
  kind: UnitKind;
  /** Paragraph number within the article (blank lines separate paragraphs). */
  paragraph: number;
  /** For bullets: index (in the unit list) of the lead-in sentence, or null. */
  leadIn: number | null;
  /** For bullets: offset of the content after the bullet marker, within `text`. */
  contentOffset: number;
}

/**
 * Words that end with a full stop without ending the sentence. Units ("bn", "mln", "km") are not
 * among them: "cut the expenditure by KZT9bn. Construction ..." ends a sentence.
 */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
  "sep", "sept", "oct", "nov", "dec", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "jr", "sr", "inc",
  "ltd", "co", "corp", "dept", "art", "para", "approx", "fig", "vol", "pp", "p", "cf", "al", "est", "min", "max",
  "sq", "ave", "blvd", "univ", "assoc", "ch", "cl", "sub", "govt",
]);

/** "- ", "* ", "1. ", "a) ", and keycap emoji numbers ("1\uFE0F\u20E3 ") that social-media copy uses as list numbers. */
const BULLET = /^[ \t]*(?:[-*]|\d{1,2}[.)]|[a-z][)]|\d\uFE0F?\u20E3)[ \t]*(?<=[ \t]|\u20E3)/;

/** Sentence spans [start, end) inside text[from, to), trimmed. */
export function splitSentences(text: string, from = 0, to = text.length): [number, number][] {
  const out: [number, number][] = [];
  const re = /[.!?]+["')\]]*/g;
  re.lastIndex = from;
  let start = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    const next = text.slice(end, Math.min(to, end + 3));
    if (end < to && !/^\s+["'(\-\d\p{Lu}]/u.test(next)) continue;
    if (m[0].startsWith(".") && m[0].length === 1 && isAbbreviation(text, m.index, start)) continue;
    pushTrimmed(text, start, end, out);
    start = end;
  }
  pushTrimmed(text, start, to, out);
  return out;
}

/** A full stop or a letter that has case (c.toLowerCase() !== c.toUpperCase()), ASCII answered without a string. */
function isDotOrCased(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code === 0x2e || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  const c = text.charAt(at);
  return c.toLowerCase() !== c.toUpperCase();
}

function isAbbreviation(text: string, dot: number, lineStart: number): boolean {
  // Walk back over letters and dots by hand: a regex anchored at the end would rescan the window.
  let i = dot;
  while (i > lineStart && dot - i < 20) {
    if (isDotOrCased(text, i - 1)) i--;
    else break;
  }
  const word = text.slice(i, dot);
  if (word === "") return false;
  if (word.includes(".")) return true; // U.S. / e.g. / i.e.
  if (word.length === 1 && word !== word.toLowerCase()) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * The longest unit, in characters. Real sentences stay far below it (legal prose reaches ~800);
 * text without sentence ends (a table or a list pasted without punctuation) is cut into pieces
 * of at most this size, so every per-unit scan is bounded and extraction stays linear in the
 * length of the document, whatever its shape.
 */
export const MAX_UNIT_CHARS = 1200;

/** Where to cut an over-long span: the last "; ", ", " or " - " in its second half, else the last space. */
function cutPoint(text: string, s: number): number {
  const window = text.slice(s + MAX_UNIT_CHARS / 2, s + MAX_UNIT_CHARS);
  for (const sep of ["; ", ", ", " - ", " "]) {
    const at = window.lastIndexOf(sep);
    if (at >= 0) return s + MAX_UNIT_CHARS / 2 + at + sep.length - 1;
  }
  return s + MAX_UNIT_CHARS;
}

function pushTrimmed(text: string, s: number, e: number, out: [number, number][]): void {
  let a = s, b = e;
  while (a < b && /\s/.test(text.charAt(a))) a++;
  while (b > a && /\s/.test(text.charAt(b - 1))) b--;
  while (b - a > MAX_UNIT_CHARS) {
    const cut = cutPoint(text, a);
    pushTrimmed(text, a, cut, out);
    a = cut;
    while (a < b && /\s/.test(text.charAt(a))) a++;
  }
  if (b > a) out.push([a, b]);
}

/** Units of text[from, to), in order. */
export function splitUnits(text: string, from: number, to: number): TextUnit[] {
  const units: TextUnit[] = [];
  let paragraph = 0;
  let lastSentence: number | null = null;
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1 || nl > to) nl = to;
    const line = text.slice(pos, nl);
    if (line.trim() === "") {
      paragraph++;
    } else {
      const bullet = BULLET.exec(line);
      if (bullet) {
        const contentStart = pos + bullet[0].length;
        for (const [s, e] of splitSentences(text, contentStart, nl)) {
          const first = s === contentStart;
          const unitStart = first ? pos + (line.length - line.trimStart().length) : s;
          units.push({ start: unitStart, end: e, text: text.slice(unitStart, e), kind: "bullet", paragraph, leadIn: lastSentence, contentOffset: s - unitStart });
        }
      } else if (isHeadingLine(line) && wordCount(line.trim()) <= 12) {
        // Longer lines without a closing full stop are sentences that lost it, not headings.
        const s = pos + (line.length - line.trimStart().length);
        units.push({ start: s, end: nl, text: text.slice(s, nl).trimEnd(), kind: "heading", paragraph, leadIn: null, contentOffset: 0 });
      } else {
        for (const [s, e] of splitSentences(text, pos, nl)) {
          units.push({ start: s, end: e, text: text.slice(s, e), kind: "sentence", paragraph, leadIn: null, contentOffset: 0 });
          lastSentence = units.length - 1;
        }
      }
    }
    pos = nl + 1;
  }
  return units;
}
