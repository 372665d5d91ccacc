/**
 * Is a deadline phrase part of a past event ("was signed on October 10, 2024", "held in June
 * 2023", "launched the programme in 2025") or of something still to happen? A small word scan,
 * no parser: walking away from the phrase, the first decisive word wins.
 */

export type Tense = "past" | "future" | "none";

/** Words that make what follows them future, obligatory or at least not past. */
const FUTURE = new Set([
  "will", "shall", "must", "should", "would", "be", "being", "going", "is", "are", "plans", "plan",
  "planned", "expected", "scheduled", "aims", "intends", "can", "may", "could", "need", "needs", "ll",
  "instructed", "tasked", "due",
]);
const PAST_AUX = new Set(["was", "were", "had", "did", "ago", "previously", "already", "last", "since"]);
const BE_LIKE = new Set(["be", "been", "being", "is", "are", "will", "to", "get", "gets", "become", "becomes"]);
const PERFECT = new Set(["has", "have", "had", "was", "were"]);
const DETERMINER = new Set([
  "the", "a", "an", "its", "their", "this", "these", "those", "our", "his", "her", "newly", "recently",
  "well", "jointly", "specially", "specifically", "all", "any", "some", "every", "each",
]);
const FOLLOWS_VERB = new Set([
  "the", "a", "an", "its", "their", "this", "these", "those", "our", "his", "her", "it", "them",
  "in", "on", "at", "during", "by", "since", "from", "for", "with", "into", "to", "of", "back", "earlier", "last",
  // particles of phrasal verbs: "started up in January", "rolled out in May"
  "up", "out", "off", "down", "away",
]);
/** Relative pronouns: a past form right after one is the verb of a relative clause ("which opened in May"). */
const RELATIVE = new Set(["which", "who", "that"]);
const IRREGULAR_PAST = new Set([
  "held", "began", "took", "made", "built", "met", "became", "went", "gave", "came", "rose", "grew", "fell",
  "won", "paid", "sent", "spent", "brought", "told", "said", "saw", "led", "left", "sold", "bought", "kept",
  "found", "thought", "wrote", "chose", "drew", "ran", "took", "laid", "underwent", "signed",
]);
/**
 * Verbs whose past is spelled like the base form ("plans to put the port into operation in
 * 2027"): the spelling says nothing, so only structure can make them past: a perfect or passive
 * auxiliary before them ("has set", "was cut"). Anywhere else they are left undecided.
 */
const SAME_AS_BASE = new Set([
  "put", "set", "cut", "let", "read", "spread", "shut", "hit", "cost", "quit", "beat", "bet", "burst", "cast",
  "hurt", "split", "upset", "bid", "broadcast", "forecast", "thrust", "shed", "reset", "offset", "input", "output",
]);
/** Words after which a verb is a base form, never a past: "to put", "will set", "did not cut". */
const BASE_BEFORE = new Set(["to", "will", "shall", "must", "should", "would", "can", "could", "may", "might", "ll", "not", "do", "does", "did"]);
/** Words ending in -ed that are not past forms, or are adjectives far more often. */
const NOT_PAST = new Set([
  "need", "speed", "seed", "indeed", "hundred", "red", "bed", "shed", "feed", "breed", "exceed", "proceed",
  "succeed", "embed", "based", "related", "dedicated", "interested", "concerned", "detailed", "unprecedented",
  "united", "limited", "advanced", "sophisticated", "qualified", "skilled", "talented", "experienced",
  "balanced", "integrated", "automated", "expected", "planned", "scheduled", "instructed", "tasked",
  "proposed", "required", "intended", "supposed", "envisaged", "authorized", "authorised",
]);

/** Words after "by" that make it a change ("rose by ten percent"), not an agent or a means. */
const AMOUNT_WORD = new Set([
  "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty",
  "half", "percent", "per", "times", "more", "less", "almost", "nearly", "about", "over", "around", "some",
]);

/*
 * The word tests below run on every word of a window, so they use string methods, not a regular
 * expression per word: inside findCommitments each regex run costs far more than its few steps.
 */
const LOWER_LETTERS = /^[a-z]+$/;
/** Three or more letters and "ed": the shape of a regular past. */
const isRegularPastShape = (w: string): boolean => w.length >= 5 && w.endsWith("ed") && LOWER_LETTERS.test(w);
const startsWithLetter = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return c >= 97 && c <= 122;
};

const isPastForm = (w: string): boolean => SAME_AS_BASE.has(w) || IRREGULAR_PAST.has(w) || (isRegularPastShape(w) && !NOT_PAST.has(w));
/** An irregular past ("took", "held") is a verb even before a noun ("took place"); an -ed form may be an adjective. */
const isIrregularPast = (w: string): boolean => IRREGULAR_PAST.has(w) && !w.endsWith("ed");

/** Words, and numbers as tokens of their own: in "raised the price by 285 to 5,335" "to" is not an infinitive. */
const WORD = /[A-Za-z]+(?:'[a-z]+)?|\d[\d,.]*/g;

function words(text: string): string[] {
  const found = text.match(WORD);
  if (found === null) return [];
  for (let i = 0; i < found.length; i++) {
    const w = (found[i] as string).toLowerCase();
    found[i] = w.endsWith("'s") ? w.slice(0, -2) : w;
  }
  return found;
}

/**
 * The tense governing a phrase that starts at `pos`, judged from the words before it (same
 * clause). `floor` is the end of the governing marker: words before it ("The President set the
 * task of ...") describe the marker, not the phrase.
 */
export function tenseBefore(text: string, pos: number, floor = 0): Tense {
  const windowStart = Math.max(0, floor, pos - 160);
  const before = text.slice(windowStart, pos);
  const cut = Math.max(before.lastIndexOf(";"), before.lastIndexOf(":"));
  const toks = words(cut >= 0 ? before.slice(cut + 1) : before);
  // The word just before the window (usually the marker's last word: "plans to | put ...").
  const outside = cut >= 0 ? "" : (words(text.slice(Math.max(0, windowStart - 24), windowStart)).pop() ?? "");
  for (let i = toks.length - 1; i >= 0; i--) {
    const w = toks[i] ?? "";
    const next = toks[i + 1];
    const prev = toks[i - 1] ?? (i === 0 ? outside : "");
    if (w === "to") {
      if (next !== undefined && startsWithLetter(next) && !DETERMINER.has(next)) return "future";
      continue;
    }
    if (PAST_AUX.has(w)) return "past";
    if (FUTURE.has(w)) return "future";
    if (!isPastForm(w)) continue;
    if (BASE_BEFORE.has(prev)) continue; // "to put", "will set": a base form
    // A past form right after a verb in its base form ("will introduce paid parking", "to build
    // fixed lines") stands where the verb's object does: an adjective, not a past verb.
    const prev2 = toks[i - 2] ?? (i === 1 ? outside : "");
    if (BASE_BEFORE.has(prev2) && prev2 !== "not" && prev2 !== "did" && !BE_LIKE.has(prev) && !PERFECT.has(prev) && !FUTURE.has(prev) && !isPastForm(prev)) continue;
    // "the project, which started up in January": the relative clause's own verb governs the
    // phrase, whatever the main clause says ("is due to the project, which ...").
    if (RELATIVE.has(prev) && !SAME_AS_BASE.has(w)) return "past";
    if (BE_LIKE.has(prev) || DETERMINER.has(prev)) continue; // passive or adjective
    // A participle with its agent or means after a noun: "all goods transported by road", "the
    // plan approved by the government". A past verb takes "by" + an amount ("rose by 5%").
    const afterBy = toks[i + 2];
    if (next === "by" && afterBy !== undefined && !AMOUNT_WORD.has(afterBy) && w.endsWith("ed")) continue;
    if (PERFECT.has(prev)) return "past";
    if (SAME_AS_BASE.has(w)) continue;
    // Inside the scope of a commitment marker ("is assigned to submit the plan for the events
    // dated to the anniversary ... until October 1"), a regular -ed form after a noun is a reduced
    // relative clause describing that noun; only an auxiliary (handled above) makes it a past verb.
    if (floor > 0 && !isIrregularPast(w) && w.endsWith("ed") && !PAST_AUX.has(prev)) continue;
    if (isIrregularPast(w) || next === undefined || FOLLOWS_VERB.has(next) || next.endsWith("ly")) return "past";
  }
  return "none";
}

/** The tense of the clause that follows a fronted phrase ("In 2023, the ministry launched ..."). */
export function tenseAfter(text: string, pos: number): Tense {
  const toks = words(text.slice(pos, pos + 160));
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i] ?? "";
    const prev = toks[i - 1] ?? "";
    if (PAST_AUX.has(w)) return "past";
    if (FUTURE.has(w) || w === "to") return "future";
    // The first word after a fronted phrase with no subject is an imperative ("by 15 May - put into operation").
    if (isPastForm(w) && i === 0) return "future";
    if (isPastForm(w) && BASE_BEFORE.has(prev)) continue;
    if (isPastForm(w) && !BE_LIKE.has(prev) && !DETERMINER.has(prev)) return "past";
  }
  return "none";
}

/** Openers that may stand before a fronted phrase: "Also, by 2027 ...", "- by 5 December 2025 ...". */
const FRONT_OPENER = /^[\s\-*"'(]*(?:(?:and|also|moreover|additionally|furthermore|in addition|meanwhile|thus|therefore|so|then|as a result|in particular|at the same time|accordingly)\b[\s,]*)?$/i;

/** True when the phrase at `pos` opens its sentence (or bullet), so the clause after it governs it. */
export function isFronted(text: string, pos: number, contentStart = 0): boolean {
  return FRONT_OPENER.test(text.slice(contentStart, pos));
}
