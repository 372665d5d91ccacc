/**
 * A short imperative title for a commitment: "Develop a concept for establishing a Special
 * Economic Zone ...", "Begin construction of waste-to-energy plants in Astana, Almaty, and
 * Shymkent", "Expand the project nationwide". Built from the clause that holds the deadline:
 * the actor, the modal and the deadline phrase are removed, a passive is turned round ("the
 * project will be expanded" -> "Expand the project"), trailing clauses are cut, and the result is
 * capitalised and kept under ~100 characters at a word boundary.
 */
import { lemma } from "./lemma.js";
import { isSpaceAt } from "./line-shape.js";
import type { MarkerHit } from "./markers.js";

export const MAX_TITLE_CHARS = 100;

export interface TitleInput {
  /** The unit's text. */
  text: string;
  /** Where the bullet's content starts (0 for sentences). */
  contentOffset: number;
  clauseStart: number;
  clauseEnd: number;
  marker: MarkerHit | null;
  /** Spans of deadline phrases to remove. */
  phrases: { start: number; end: number }[];
}

const TRAILING = /,\s+(?:which|who|where|while|whereas|thereby|thus|so that|in order to|according to|as part of|as well as|including|he said|she said|said|reported|noted|emphasized|stressed|at|during|following|amid|when|after|before|underscoring|stressing|noting|saying|adding)\b|;|\s+-\s+|\.\s|\s\(|,\s*"|\s+and\s+(?:is|are|will|must|should)\b/i;
const PASSIVE_AFTER = /^\s*(?:(?:also|then|further|soon|now)\s+)?(?:be\s+|been\s+)?(?:\w+ly\s+)?([a-z]+(?:ed|en)|built|held|set|made|done|run|met|spent|paid|sent|put|cut|kept|brought|taken|given|shown|laid|sold|begun|drawn|chosen|written|undertaken|launched)\b/;

function blank(text: string, spans: { start: number; end: number }[]): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = `${out.slice(0, s.start)}${" ".repeat(s.end - s.start)}${out.slice(s.end)}`;
  return out;
}

/** White space other than single spaces, or white space before punctuation: what tidy's two middle passes change. */
const UNTIDY_SPACE = /[^\S ]|\s\s|\s[,.;:]/;

function tidy(s: string): string {
  // Every "together with" aside opens with a comma and holds "with": most texts have none.
  let t = s.includes(",") && /with/i.test(s) ? s.replace(/,\s*(?:together|jointly)\s+with\s+[^,]{1,150},/gi, "") : s;
  // Was replace(/\s+/g, " ").replace(/\s+([,.;:])/g, "$1"), which rebuilds the text at every space:
  // a run of white space before punctuation goes, any other run that is not a single space becomes one.
  if (UNTIDY_SPACE.test(t)) t = t.replace(/\s+(?=[,.;:])/g, "").replace(/\s\s+|[^\S ]/g, " ");
  // replace(/^[\s,\-:;"]+/, "").trim() without a regex: leading white space and ,-:;" then trailing white space.
  let start = 0;
  while (start < t.length && (',-:;"'.includes(t.charAt(start)) || isSpaceAt(t, start))) start++;
  let end = t.length;
  while (end > start && isSpaceAt(t, end - 1)) end--;
  return start === 0 && end === t.length ? t : t.slice(start, end);
}

/** `t` without its trailing characters among `chars` and white space: what replace(/[\s...]+$/, "") does without trying every position. */
function trimEnd(t: string, chars: string): string {
  let end = t.length;
  while (end > 0 && (chars.includes(t.charAt(end - 1)) || isSpaceAt(t, end - 1))) end--;
  return end === t.length ? t : t.slice(0, end);
}

const DANGLING_WORDS = new Set(["and", "or", "of", "the", "for", "to", "in", "on", "at", "a", "an", "with", "by", "from", "as", "its", "their", "is", "are"]);
const DANGLING_MAX_CHARS = Math.max(...[...DANGLING_WORDS].map((w) => w.length));
const isAsciiLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * `t` without a last word that leaves it dangling ("... of the"): what replace(DANGLING, "") does.
 * Such a word is the whole run of letters at the end, after white space, and goes with that space.
 */
function dropDangling(t: string): string {
  let word = t.length;
  while (word > 0 && isAsciiLetter(t.charCodeAt(word - 1))) word--;
  if (t.length - word > DANGLING_MAX_CHARS) return t;
  let space = word;
  while (space > 0 && isSpaceAt(t, space - 1)) space--;
  return space < word && word < t.length && DANGLING_WORDS.has(t.slice(word).toLowerCase()) ? t.slice(0, space) : t;
}

/** A closing attribution: "..., the Ministry of Transport said." */
const ATTRIBUTION = /,\s+(?:the\s+)?[^,]{1,80}\s+(?:said|says|reported|reports|noted|announced|stated|added|informed|told|explained|stressed|emphasi[sz]ed|underlined|pointed\s+out)\b.*$/i;

function finish(s: string): string {
  const tidied = tidy(s);
  // Every attribution opens with a comma.
  let t = (tidied.includes(",") ? tidied.replace(ATTRIBUTION, "") : tidied).replace(/^(?:also|further|additionally|jointly|then|now|soon)\s+/i, "");
  const cut = TRAILING.exec(t);
  if (cut && cut.index > 3) t = t.slice(0, cut.index);
  t = trimEnd(t, ",;:.-");
  let cutShort = false;
  if (t.length > MAX_TITLE_CHARS) {
    // Prefer a clause boundary (a comma) that keeps most of the title; else the last whole word,
    // marked with an ellipsis so the reader sees the title goes on.
    const head = t.slice(0, MAX_TITLE_CHARS);
    const comma = head.lastIndexOf(", ");
    if (comma >= 60) t = head.slice(0, comma);
    else {
      t = head.slice(0, Math.max(head.lastIndexOf(" "), 20));
      cutShort = true;
    }
  }
  for (let i = 0; i < 3; i++) t = trimEnd(dropDangling(t), ",;:-");
  if (cutShort) t = `${t}\u2026`;
  // A quote left open by a cut is dropped; balanced quotes stay ("icebreaker projects").
  if ((t.match(/"/g) ?? []).length % 2 === 1) t = t.endsWith('"') ? t.slice(0, -1) : t.replace(/"/g, "");
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Nouns that stand for an act after "scheduled for" / "planned for": "scheduled for completion". */
const ACT_NOUN: Readonly<Record<string, string>> = {
  completion: "complete", launch: "launch", commissioning: "commission", opening: "open", adoption: "adopt",
  implementation: "implement", construction: "build", approval: "approve", signing: "sign", review: "review",
  consideration: "consider", release: "release", introduction: "introduce", submission: "submit",
};
/**
 * ACT_NOUN[what follows the marker, trimmed and lowered], as it always was looked up (a plain
 * object: "constructor" finds Object's). Longer texts than any key, own or inherited and lower
 * case, are not lowered: a deadline clause runs on for a hundred characters.
 */
const ACT_NOUN_MAX_CHARS = 20;
function actNoun(afterMarker: string): string | undefined {
  const tail = trimEnd(afterMarker, ".;,").trim();
  return tail.length > ACT_NOUN_MAX_CHARS ? undefined : ACT_NOUN[tail.toLowerCase()];
}
const THAT_ADDRESSEE = /^\s*that\s+(?:the\s+)?[A-Za-z'-]+(?:\s+(?:of|and)\s+[A-Z][\w'-]*|\s+[A-Z][\w'-]*)*\s+/;
const PARTICLE = /^\s*(out|up|down|off|over|forward|back)\b/i;
/** Where a subject starts: after a reporting verb, "that", a comma or a dash. */
const SUBJECT_BREAK = /\b(?:that|which|who|said|says|announced|noted|reported|stated|added)\b|[,;:](?!\d)|\s-\s/gi;
/** Segments that are asides, not the subject: they open with a participle or a preposition ("built by X", "in 2025"). */
const ASIDE = /^(?:[a-z]+ed|built|held|made|run|led|paid|sent|sold|kept|brought|taken|given|shown|begun|chosen|written|known|seen|found|won|grown|in|on|at|by|for|with|from|under|after|before)\b/;
/**
 * A capitalised first word that is a common noun only capitalised because it opened the sentence
 * ("Construction of the plant", "Repairs of roads"): lowered inside a title. Names ("Astana Hub",
 * "Samruk-Energy", "Kazakhstan's") are kept.
 */
const COMMON_OPENER = /^(?:[A-Z][a-z]+(?:tions?|sions?|ments?|ance|ence|ing|ity|ure|age|ness|ship|ism|ies|ers|ors|als|ents)|Work|Works|Repairs?|Funds?|Payments?|Roads?|Schools?|Hospitals?|Houses?|Plants?|Bridges?|Lines?|Rules?|Amendments?|Proposals?|Measures?|Projects?|Programmes?|Programs?|Plans?|Laws?|Bills?)$/;

const AUX_TAIL = /\s+(?:is|are|was|were|will|would|shall|must|should|has|have|had|be|been)\b.*$/i;

/** Subject words before the marker, for passives: "A separate law," -> "a separate law". */
function subjectBefore(text: string, from: number, to: number): string {
  // "These innovations are expected | to be implemented": the subject stops at its verb.
  const raw = tidy(text.slice(from, to)).replace(/^(?:and|but|or|while|whereas)\s+/i, "");
  // Skip segments that are asides ("the bridge, opened in 2025, will be ..."): they start with a
  // participle or a preposition. "It was noted that a bypass ...": the subject is after "that".
  const segments = raw.split(SUBJECT_BREAK).map((x) => x.replace(AUX_TAIL, "").trim()).filter((x) => x !== "" && !ASIDE.test(x));
  const s = segments[segments.length - 1] ?? "";
  const first = /^[A-Za-z'-]+/.exec(s)?.[0] ?? "";
  const lowered = /^(?:The|A|An|These|This|Those|Its|Their|All|New)$/.test(first) || COMMON_OPENER.test(first) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
  return lowered;
}

/** The title for one commitment (never empty for a non-empty unit). */
export function buildTitle(input: TitleInput): string {
  const { clauseStart, clauseEnd, marker, contentOffset } = input;
  const text = blank(input.text, input.phrases);
  const clause = text.slice(clauseStart, clauseEnd);
  // A clause of its own: "and to begin construction of ...".
  const own = /^\s*[,;]?\s*(?:and\s+)?(?:also\s+)?to\s+(?!be\b)(.*)$/is.exec(clause);
  let title: string | null = null;
  if (own?.[1]) title = own[1];
  else if (marker && marker.end <= clauseEnd) {
    const afterMarker = text.slice(marker.end, clauseEnd);
    const passive = marker.kind === "passive-infinitive"
      ? /\b(\w+)\s*$/.exec(text.slice(marker.start, marker.end))
      : /^\s*(?:(?:also|then|further|soon|now|still)\s+)?(?:to\s+)?be\b/.test(afterMarker) ? PASSIVE_AFTER.exec(afterMarker.replace(/^\s*to\s+/, "")) : null;
    if (passive?.[1]) {
      const verb = lemma(passive[1]);
      const rest = marker.kind === "passive-infinitive" ? "" : afterMarker.replace(/^\s*to\s+/, "").slice(passive.index + passive[0].length);
      const subjectFrom = Math.max(contentOffset, clauseStart);
      const subject = subjectBefore(text, subjectFrom, marker.start);
      const particle = PARTICLE.exec(rest);
      title = particle ? `${verb} ${particle[1]} ${subject}${rest.slice(particle[0].length)}` : `${verb} ${subject}${rest}`;
    } else if (marker.kind === "instruct-active") {
      const to = /\bto\s+(?!the\b|a\b)/.exec(afterMarker);
      // "recommended that the government revise ...": drop "that" and the addressee.
      title = to ? afterMarker.slice(to.index + to[0].length) : afterMarker.replace(THAT_ADDRESSEE, "");
    } else if (marker.kind === "in-force") {
      // "The tax code ... takes effect on January 1": the subject is what comes into force.
      const subject = subjectBefore(text, Math.max(contentOffset, clauseStart), marker.start);
      const plural = /[^s]s$|\b(?:rules|amendments|changes|measures)$/i.test(subject);
      title = subject ? `${subject} ${plural ? "enter" : "enters"} into force` : text.slice(marker.start, clauseEnd);
    } else if (/\b(?:scheduled|slated|planned|set|due|earmarked|expected)\s+(?:for|in|by|on)$/i.test(input.text.slice(marker.start, marker.end)) && !/[a-z]/i.test(afterMarker.split(/[,;]/)[0]?.replace(/\b(?:in|at|on)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*/g, "") ?? "")) {
      // "The next meeting ... is scheduled for October in Astana": the subject is the event.
      const subject = subjectBefore(text, Math.max(contentOffset, clauseStart), marker.start);
      title = `${subject}${afterMarker.split(/[,;]/)[0] ?? ""}`;
    } else {
      const verb = actNoun(afterMarker);
      if (verb) {
        // "The construction of X is scheduled for completion": complete the construction of X.
        title = `${verb} ${subjectBefore(text, Math.max(contentOffset, clauseStart), marker.start)}`;
      } else {
        title = afterMarker.replace(/^\s*(?:with\s+|to\s+|of\s+)/, "");
        const first = /^\s*(\w+ing)\b/.exec(title);
        if (first?.[1]) title = `${lemma(first[1])}${title.slice(first[0].length)}`;
      }
    }
  } else {
    title = text.slice(Math.max(contentOffset, clauseStart), clauseEnd);
  }
  let result = finish(title ?? "");
  // An intransitive verb alone ("will start") needs its subject: "Start construction of the plant".
  if (/^\w+$/.test(result) && marker) {
    const subject = subjectBefore(text, Math.max(contentOffset, clauseStart), marker.start);
    if (subject) result = finish(`${result} ${subject}`);
  } else if (/^\w+ \w+$/.test(result) && marker && marker.kind !== "instruct-active") {
    // Two words with no object ("Go live", "Take place") say nothing without what does it;
    // "Be ready" becomes "Have the rail line ready".
    const subject = subjectBefore(text, Math.max(contentOffset, clauseStart), marker.start);
    const state = /^Be (\w+)$/.exec(result)?.[1];
    if (subject && state) result = finish(`have ${subject} ${state}`);
    else if (subject && !result.toLowerCase().includes(subject.toLowerCase())) result = finish(`${result}: ${subject}`);
  }
  return result.length >= 3 ? result : finish(text.slice(contentOffset));
}
