/**
 * Who is to do it: the actor as written (`responsible`) and a canonical body for grouping and
 * following (`body`). Rules, in order:
 * - actor patterns: "Ministry of X", "X Ministry", government, parliament chambers, groups of
 *   bodies ("responsible government bodies", "local authorities", akimats), named agencies and
 *   committees, the President and the Prime Minister;
 * - "the ministry" refers back to the last ministry named before it in the same article;
 * - canonical body: no "the", no country qualifier ("Kazakh", "of the Republic of Kazakhstan"),
 *   "Justice Ministry" -> "Ministry of Justice", "Head of State"/"President Tokayev" -> "President",
 *   and a short ministry name grows to the longer form named in the same article
 *   ("Ministry of Trade" -> "Ministry of Trade and Integration" when the article names the latter,
 *   also through a minister's title such as "Minister of Trade and Integration Arman Shakkaliev").
 */
import { isWordCode } from "./line-shape.js";
import { matchesNearKeyword } from "./near-keyword.js";

/** A capitalised word; department names are runs of these joined by and/of/for/on/commas. */
const CAP = "[A-Z][\\w'-]*";
/** Joined by spaces and tabs only: a name never runs on past a line break. */
const DEPT = `${CAP}(?:(?:,[ \\t]+|[ \\t]+and[ \\t]+|[ \\t]+of[ \\t]+(?:the[ \\t]+)?|[ \\t]+for[ \\t]+|[ \\t]+on[ \\t]+|[ \\t]+)${CAP}){0,8}`;
const COUNTRY_SUFFIX = "(?:\\s+of\\s+the\\s+Republic\\s+of\\s+Kazakhstan|\\s+of\\s+Kazakhstan|\\s+of\\s+the\\s+RK)?";

export type ActorKind = "ministry" | "minister" | "anaphora" | "body";

export interface ActorMention {
  /** [start, end) within the searched text. */
  start: number;
  end: number;
  /** As written, without a leading "the". */
  text: string;
  kind: ActorKind;
}

/**
 * One regex for word-bounded alternatives: `\b(?:A|B)` matches what `\bA|\bB` does (the
 * boundary is tested once, at the same place, and the alternatives keep their order), and V8
 * scans it about twice as fast over a whole article (issue 13).
 */
function anyOf(alternatives: readonly string[], flags: string): RegExp {
  if (!alternatives.every((a) => a.startsWith("\\b"))) throw new Error("anyOf: every alternative must start with \\b");
  return new RegExp(`\\b(?:${alternatives.map((a) => a.slice(2)).join("|")})`, flags);
}

/**
 * Each pattern with a word every match holds (`keyword`, sought as a literal), preceded within the
 * match only by at most `wordsBefore` runs of word characters, apostrophes and hyphens, each
 * followed by white space. Such a pattern is run, sticky, only at the word starts just before
 * its keyword (see near-keyword.ts): scanning every position of a whole article with it cost as much
 * as the rest of the article's reading (issue 13).
 */
interface ActorPattern {
  kind: ActorKind;
  re: RegExp;
  keyword: RegExp;
  wordsBefore: number;
}

const ACTOR_PATTERNS: ActorPattern[] = [
  // "The Kazakh | Ministry"
  { kind: "ministry", keyword: /Ministry/g, wordsBefore: 2, re: new RegExp(`\\b(?:[Tt]he\\s+)?(?:(?:Kazakh|Kazakhstan's|Kazakhstani)\\s+)?Ministry\\s+of\\s+(?:the\\s+)?${DEPT}${COUNTRY_SUFFIX}`, "y") },
  // "First Vice | Minister"
  { kind: "minister", keyword: /Minister/g, wordsBefore: 2, re: new RegExp(`\\b(?:(?:First\\s+)?(?:Vice|Deputy)\\s+)?Minister\\s+of\\s+${DEPT}`, "y") },
  // "The Kazakh Justice Affairs | Ministry"
  { kind: "ministry", keyword: /Ministry/g, wordsBefore: 4, re: new RegExp(`\\b(?:[Tt]he\\s+)?(?:(?:Kazakh|Kazakhstan's)\\s+)?(?!The\\b|This\\b|That\\b|Each\\b|Every\\b|A\\b)(${CAP}(?:[ \\t]+${CAP})?)[ \\t]+Ministry\\b`, "y") },
  { kind: "anaphora", keyword: /inistry/g, wordsBefore: 1, re: /\b[Tt]he\s+[Mm]inistry\b(?!\s+of\b)/y },
  {
    kind: "body",
    // A word of each alternative below (any of several, for some); at most four words before it:
    // "The responsible central government | bodies", "The Almaty city a|kimat".
    keyword: /bodies|a(?:gencies|uthorities|dministration)|institutions|kimat|overnment|C(?:abinet|ourt|ommittee|ommission)|P(?:arliament|rosecutor|resident|rime)|M(?:azhilis|ajilis)|S(?:enate|ecurity)|National|Digital|Agency|Head/g,
    wordsBefore: 4,
    re: anyOf(
      [
        "\\b(?:[Tt]he\\s+)?(?:(?:responsible|relevant|competent|central|local|regional|interested|all|other|authori[sz]ed)\\s+){0,2}(?:government|state|executive|public)\\s+(?:bodies|agencies|authorities|institutions)\\b",
        "\\b(?:[Tt]he\\s+)?(?:[Ll]ocal|[Rr]egional|[Cc]ity)\\s+(?:authorities|executive\\s+bodies|administrations?)\\b",
        "\\b(?:[Tt]he\\s+)?(?:(?:[Rr]egional|[Cc]ity|[Dd]istrict|[Ll]ocal)\\s+)?[Aa]kimats?\\b",
        "\\b(?:[Tt]he\\s+)?(?:Kazakh\\s+)?(?:[Gg]overnment|Cabinet(?:\\s+of\\s+Ministers)?)\\b(?!\\s+(?:bodies|agencies|officials|session|meeting|decree|resolution|program|programme|support|supervision|funding|institutions|authorities|hour)\\b)",
        "\\b(?:[Tt]he\\s+)?(?:Parliament|Mazhilis|Majilis|Senate|Supreme\\s+Court|Constitutional\\s+Court|National\\s+Bank(?:\\s+of\\s+Kazakhstan)?|Court\\s+Administration|Prosecutor\\s+General's\\s+Office|Accounts\\s+Committee|Security\\s+Council|Presidential\\s+Administration|Digital\\s+Headquarters)\\b",
        `\\b(?:[Tt]he\\s+)?(?:Agency|Committee|(?:National|State|Interdepartmental)\\s+Commission)\\s+(?:of|for|on)\\s+${DEPT}`,
        `\\b(?:[Tt]he\\s+)?${CAP}\\s+(?:[Rr]egion|[Cc]ity)\\s+[Aa]kimat\\b`,
        "\\b(?:[Tt]he\\s+)?(?:Head\\s+of\\s+State|President(?:\\s+of\\s+Kazakhstan)?(?:\\s+Kassym-Jomart)?(?:\\s+Tokayev)?|(?<!Deputy\\s|Vice\\s)Prime\\s+Minister(?:\\s+Olzhas)?(?:\\s+Bektenov)?)\\b(?!')",
      ],
      "y",
    ),
  },
];

/** Drops a person's name after a minister's title: the last two capitalised words when more remain. */
function stripPersonName(title: string): string {
  const m = /^(.*\b(?:of|and|for|on|,))\s+((?:[A-Z][\w'-]*\s+)*[A-Z][\w'-]*)$/.exec(title);
  if (!m) return title;
  const words = (m[2] ?? "").split(/\s+/);
  return words.length >= 3 ? `${m[1]} ${words.slice(0, -2).join(" ")}` : title;
}

/** A character of the words before a keyword: \w, ' or -. */
const inWord = (code: number): boolean => isWordCode(code) || code === 39 || code === 45;
/** Every actor pattern opens with \b and a word character. */
const atWordStart = (text: string, s: number): boolean => isWordCode(text.charCodeAt(s)) && !(s > 0 && isWordCode(text.charCodeAt(s - 1)));

/** All actor mentions in `text`, in order, without overlaps (the longest wins). */
export function findActors(text: string): ActorMention[] {
  const all: ActorMention[] = [];
  for (const p of ACTOR_PATTERNS) {
    const kind = p.kind;
    for (const m of matchesNearKeyword(text, { re: p.re, keyword: p.keyword, wordsBefore: p.wordsBefore, inWord, mayStartAt: atWordStart })) {
      let raw = m[0];
      if (kind === "minister") raw = stripPersonName(raw);
      raw = raw.replace(/,$/, "");
      const lead = /^(?:[Tt]he\s+)/.exec(raw)?.[0].length ?? 0;
      all.push({ start: m.index + lead, end: m.index + raw.length, text: raw.slice(lead), kind });
    }
  }
  // Nothing can overlap: most sentences name one actor or none (an occupancy map per call cost more than the patterns).
  if (all.length <= 1) return all;
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Longest first; a mention overlapping a kept one goes. An occupancy map keeps this linear on
  // a whole article with thousands of mentions (comparing with every kept one was quadratic).
  const taken = new Uint8Array(text.length + 1);
  const kept: ActorMention[] = [];
  for (const a of all) {
    let free = true;
    for (let i = a.start; i < a.end && free; i++) if (taken[i] === 1) free = false;
    if (!free) continue;
    taken.fill(1, a.start, a.end);
    kept.push(a);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const X_MINISTRY_ALIAS: Readonly<Record<string, string>> = {
  Foreign: "Foreign Affairs", Interior: "Internal Affairs", Defence: "Defense", Emergencies: "Emergency Situations",
  Emergency: "Emergency Situations", Economy: "National Economy", Labour: "Labor",
};

/**
 * Bodies already worked out, by actor text: an article names the same few actors again and again,
 * and each name is read two or three times (issue 13). Bounded: cleared when full.
 */
const canonical = new Map<string, string | null>();
const CANONICAL_CACHED = 1024;

/** Canonical body of one actor text, before article-level expansion. Null for an unresolved "the ministry". */
export function canonicalBody(actor: string): string | null {
  const known = canonical.get(actor);
  if (known !== undefined) return known;
  if (canonical.size >= CANONICAL_CACHED) canonical.clear();
  const body = canonicalUncached(actor);
  canonical.set(actor, body);
  return body;
}

function canonicalUncached(actor: string): string | null {
  let t = actor.trim().replace(/^the\s+/i, "").replace(/'s$/, "");
  t = t.replace(/^(?:Kazakh|Kazakhstan's|Kazakhstani)\s+/, "");
  t = t.replace(/\s+of\s+the\s+Republic\s+of\s+Kazakhstan$|\s+of\s+Kazakhstan$|\s+of\s+the\s+RK$/, "");
  if (/^ministry$/i.test(t)) return null;
  const x = /^(.+?)\s+Ministry$/.exec(t);
  if (x?.[1]) t = `Ministry of ${X_MINISTRY_ALIAS[x[1]] ?? x[1]}`;
  t = t.replace(/^(?:First\s+)?(?:Vice|Deputy)\s+Minister\s+of\s+|^Minister\s+of\s+/, "Ministry of ");
  if (/^(?:government|cabinet(?: of ministers)?)$/i.test(t)) return "Government";
  if (/^(?:Head of State|President\b.*)$/.test(t)) return "President";
  if (/^Prime Minister\b/.test(t)) return "Prime Minister";
  if (/^(?:(?:regional|city|district|local)\s+)?akimats?$|^(?:local|regional|city)\s+(?:authorities|executive bodies|administrations?)$/i.test(t)) return "Akimats";
  if (/^(?:(?:responsible|relevant|competent|central|interested|all|other|authori[sz]ed)\s+){0,2}(?:government|state|executive|public)\s+(?:bodies|agencies|authorities|institutions)$/i.test(t)) return "Government bodies";
  if (/^Majilis$/.test(t)) return "Mazhilis";
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Per-article knowledge used to resolve "the ministry" and to grow short ministry names. */
export interface ArticleActors {
  /** Mentions with offsets in the normalised DOCUMENT text. */
  mentions: ActorMention[];
  /** Longer ministry names seen in the article (from ministries and ministers' titles). */
  longForms: string[];
  /** The body the article is mostly about (named at least 4 times), or null. */
  dominant: string | null;
}

export function buildArticleActors(text: string, start: number, end: number): ArticleActors {
  const mentions = findActors(text.slice(start, end)).map((a) => ({ ...a, start: a.start + start, end: a.end + start }));
  const longForms = [...new Set(mentions.filter((m) => m.kind === "ministry" || m.kind === "minister").map((m) => canonicalBody(m.text)).filter((b): b is string => b !== null))];
  const counts = new Map<string, number>();
  let lastMinistry: string | null = null;
  for (const m of mentions) {
    let body = canonicalBody(m.text);
    if (m.kind === "ministry") lastMinistry = body;
    if (m.kind === "anaphora") body = lastMinistry;
    if (body && m.kind !== "minister") counts.set(body, (counts.get(body) ?? 0) + 1);
  }
  let dominant: string | null = null;
  let best = 3;
  counts.forEach((n, body) => { if (n > best) { best = n; dominant = body; } });
  return { mentions, longForms, dominant };
}

/** The ministry named last before `position` (document offset), canonical, or null. */
export function resolveAnaphora(ctx: ArticleActors, position: number): string | null {
  // Binary search for the last mention before `position`, then walk back to a ministry: linear
  // scans per sentence would make a long article quadratic.
  let lo = 0, hi = ctx.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ctx.mentions[mid]?.start ?? 0) < position) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const m = ctx.mentions[i];
    if (m?.kind === "ministry") return canonicalBody(m.text);
  }
  return null;
}

/** Grows "Ministry of Trade" to "Ministry of Trade and Integration" when the article names that form. */
export function expandBody(body: string, ctx: ArticleActors): string {
  if (!body.startsWith("Ministry of ")) return body;
  let best = body;
  for (const long of ctx.longForms) {
    if (long.length > best.length && (long.startsWith(`${body} and `) || long.startsWith(`${body}, `))) best = long;
  }
  return best;
}
