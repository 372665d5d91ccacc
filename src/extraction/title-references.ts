/**
 * Titles are read in a list, away from the article, so a title that points back into the text
 * ("Implement these and other innovations", "Expand the project nationwide", "Table it in the
 * coming sitting") says nothing there. This step
 * replaces such references with what they point to, read from the sentences before. ("its" is
 * left alone: it points at the actor as often as at a law or a plan, "Monitor its implementation".)
 *  1. "this/these/that/those/such/the + generic noun" -> the fuller noun phrase with the same noun
 *     in the preceding sentences ("the project" -> "the pilot project “Robot”");
 *  2. "it"/"that"/"them" as the object -> the subject of the previous sentence when it is a named
 *     thing ("it" -> "the Online Safety Bill");
 *  3. anything still dangling gets the article's title as context, in brackets.
 */
import { isWordCode } from "./line-shape.js";
import { matchesNearKeyword } from "./near-keyword.js";

/** Nouns too generic to stand alone in a title once their determiner points back. */
const GENERIC =
  "project|projects|programme|programmes|program|programs|plan|plans|works|work|plant|plants|facility|facilities|stretch|section|road|bridge|line|law|bill|measures|measure|innovations|initiatives|initiative|changes|reforms|reform|document|documents|proposals|amendments|scheme|system|centre|center|route|terminal|site|sites|object|objects|tasks|task|issue|issues|funds|agreement|concept|strategy|roadmap";

const POINTING = new RegExp(`\\b(these\\s+and\\s+other|this|these|that|those|such|the)\\s+(${GENERIC})\\b`, "i");
const PRONOUN_OBJECT = /^(\w+(?:\s+(?:up|out|down|off|over))?)\s+(it|that|them)\b(?::\s+\w+)?/i;
const SPECIFIC_AFTER = /^\s+(?:[A-Z“"]|(?:of|on|for|to|in|at|from|between|with|called|named)\s)/;
/** Room left for the article's title in brackets. */
const MAX_WITH_CONTEXT_CHARS = 160;
const DANGLING = /\b(?:these|this|those|such|it|them)\b/i;

/** Words that add nothing as a modifier of the noun ("a", "all the", "of"). */
const STOP = new Set(["a", "an", "the", "this", "these", "that", "those", "such", "all", "of", "and", "other", "its", "their", "his", "her", "our", "to", "for", "in", "on", "with", "by", "was", "were", "is", "are", "will", "be", "has", "have", "had", "which", "who"]);

export interface ReferenceContext {
  /** Sentences before the unit in the same article, nearest last; the unit's own text may close the list. */
  before: readonly string[];
  /** The article's title, or null. */
  articleTitle: string | null;
}

/** A noun's antecedent pattern (sticky) and the noun alone, to find where to try it. */
interface NounPattern {
  re: RegExp;
  noun: RegExp;
}

const nounPatterns = new Map<string, NounPattern>();

function nounPattern(noun: string): NounPattern {
  let p = nounPatterns.get(noun);
  if (!p) {
    const source = `((?:[\\w'’“”"-]+\\s+){1,4})${noun}\\b((?:\\s+(?:called|named|dubbed|known\\s+as)\\s+[“"][^”"]{1,40}[”"])?)((?:\\s+(?:on|of|for)\\s+(?!the\\b)[\\w-]+(?:\\s+(?!and\\b|or\\b|is\\b|are\\b|was\\b|were\\b)[\\w-]+){0,2})?)`;
    p = { re: new RegExp(source, "iy"), noun: new RegExp(noun, "gi") };
    // `noun` is one of the few GENERIC words as written in a title: the map stays small.
    nounPatterns.set(noun, p);
  }
  return p;
}

/** A character of the words before the noun: [\w'’“”"-]. */
const inWord = (code: number): boolean =>
  isWordCode(code) || code === 39 || code === 34 || code === 45 || code === 0x2019 || code === 0x201c || code === 0x201d;
/** The pattern opens with a word: a match starting inside a word would start one character earlier too. */
const atWordStart = (text: string, s: number, lowest: number): boolean => s === lowest || !inWord(text.charCodeAt(s - 1));

/**
 * The fullest earlier mention of `noun`: "a pilot project called “Robot”" for "project". Null when
 * no earlier sentence names it with a modifier a reader could place.
 */
function antecedent(noun: string, before: readonly string[]): string | null {
  const pattern = nounPattern(noun);
  for (let i = before.length - 1; i >= 0; i--) {
    const sentence = before[i] ?? "";
    let best: string | null = null;
    for (const m of matchesNearKeyword(sentence, { re: pattern.re, keyword: pattern.noun, wordsBefore: 4, inWord, mayStartAt: atWordStart })) {
      const words = (m[1] ?? "").trim().split(/\s+/);
      // Keep the modifiers after the last function word: "launched a pilot project" -> "pilot".
      let k = words.length;
      while (k > 0 && !STOP.has((words[k - 1] ?? "").toLowerCase()) && !/[,.;:]$/.test(words[k - 1] ?? "")) k--;
      const mods = words.slice(k).filter((w) => !/^\w+ed$/.test(w) || /^[A-Z“"]/.test(w));
      const name = (m[2] ?? "").trim();
      const complement = (m[3] ?? "").trim();
      if (mods.length === 0 && name === "" && complement === "") continue;
      best = [ "the", ...mods, noun, name, complement].filter((w) => w !== "").join(" ");
    }
    if (best) return best;
  }
  return null;
}

/** The first named thing of a sentence: "KUALA LUMPUR: The Online Safety Bill is expected ..." -> "the Online Safety Bill". */
function namedSubject(sentence: string): string | null {
  const m = /\b(?:[Tt]he|an?)\s+((?:[A-Z][\w'’-]*\s+){1,5}(?:Bill|Act|Law|Code|Programme|Program|Plan|Strategy|Project|Agreement|Treaty|Concept|Report|Roadmap|Road|Bridge|Plant|Centre|Center))\b/.exec(sentence);
  return m?.[1] ? `the ${m[1].trim()}` : null;
}

/** The title with its references resolved (see the file comment). */
export function resolveReferences(title: string, ctx: ReferenceContext): string {
  let t = title;
  const pointing = POINTING.exec(t);
  // "the law on roads" or "the Astana project" is specific already; "the project nationwide" is not.
  const specific = pointing?.[1]?.toLowerCase() === "the" && SPECIFIC_AFTER.test(t.slice(pointing.index + pointing[0].length));
  if (pointing && !specific) {
    const noun = pointing[2] ?? "";
    const found = antecedent(noun, ctx.before);
    if (found) t = `${t.slice(0, pointing.index)}${found}${t.slice(pointing.index + pointing[0].length)}`;
  }
  const pronoun = PRONOUN_OBJECT.exec(t);
  if (pronoun) {
    const subject = [...ctx.before].reverse().map(namedSubject).find((x) => x !== null) ?? null;
    if (subject) t = `${pronoun[1]} ${subject}${t.slice(pronoun[0].length)}`;
    else t = t.replace(/^(\w+(?:\s+(?:up|out|down|off|over))?\s+(?:it|that|them)):\s+\w+/i, "$1");
  }
  const stillPointing = DANGLING.test(t) || (POINTING.exec(t)?.[1]?.toLowerCase() ?? "the") !== "the";
  if (stillPointing && ctx.articleTitle && !t.includes(ctx.articleTitle)) {
    const room = MAX_WITH_CONTEXT_CHARS - t.length - 3;
    const context = ctx.articleTitle.length <= room ? ctx.articleTitle : `${ctx.articleTitle.slice(0, Math.max(room, 20)).replace(/\s+\S*$/, "")}\u2026`;
    t = `${t} (${context})`;
  }
  return t;
}
