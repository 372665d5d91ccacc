/**
 * Responsible bodies, normalised for matching. The extractor already gives a canonical `body`
 * ("Justice Ministry" -> "Ministry of Justice"); outlets still differ in ways one article cannot see:
 * "the Transport Ministry", "Ministry of Transport of the Republic of Kazakhstan", "MoT", "Kazakh
 * Ministry of Trade" against "Ministry of Trade and Integration". A body key is lower case, without
 * articles, country qualifiers or possessives, with "X Ministry" and "Minister of X" turned into
 * "ministry of x".
 */
import type { BodyRelation } from "./types.ts";

/** Short names outlets use for the long form ("Foreign Ministry" is the Ministry of Foreign Affairs). */
const DEPARTMENT_ALIASES: Readonly<Record<string, string>> = {
  foreign: "foreign affairs", interior: "internal affairs", "home affairs": "internal affairs", defence: "defense",
  emergencies: "emergency situations", emergency: "emergency situations", economy: "national economy",
  labour: "labor", "labor and social protection": "labor and social protection of the population",
};

/** The executive as a whole: a report may name it where another names the ministry that acts for it. */
const GENERIC_BODIES = new Set(["government", "government bodies", "cabinet", "cabinet of ministers", "prime minister", "president", "head of state", "akimats"]);

/** Acronyms outlets use that are not simply the initials of the long form. */
const KNOWN_ACRONYMS: Readonly<Record<string, string>> = {
  nbk: "national bank", mfa: "ministry of foreign affairs", mia: "ministry of internal affairs",
  mes: "ministry of emergency situations", pm: "prime minister",
};

const FUNCTION_WORDS = new Set(["of", "and", "for", "on", "the"]);

/**
 * The key two spellings of one body share, or null when `name` names no body (null, blank, "the ministry").
 * An acronym ("MoT", "MFA") stays an acronym key, "acronym:mot", matched against initials by `bodyRelation`.
 */
export function normaliseBody(name: string | null | undefined): string | null {
  if (!name) return null;
  const raw = name.trim().replace(/[’']s$/u, "").replace(/\s+/g, " ");
  if (raw === "") return null;
  if (/^[A-Za-z]{2,6}$/.test(raw) && /[A-Z].*[A-Z]|^[A-Z][a-z][A-Z]/.test(raw)) {
    const lower = raw.toLowerCase();
    return KNOWN_ACRONYMS[lower] ?? `acronym:${lower}`;
  }
  let t = raw.toLowerCase().replace(/[.,;:]+$/g, "");
  t = t.replace(/^the\s+/, "").replace(/^(?:kazakh|kazakhstan's|kazakhstani|kazakhstan|rk)\s+/, "");
  t = t.replace(/\s+(?:of\s+the\s+republic\s+of\s+kazakhstan|of\s+kazakhstan|of\s+the\s+rk|of\s+rk)$/, "");
  t = t.replace(/^(?:first\s+)?(?:vice|deputy)\s+minister\s+of\s+|^minister\s+of\s+/, "ministry of ");
  const xMinistry = /^(.+?)\s+ministry$/.exec(t);
  if (xMinistry?.[1]) t = `ministry of ${xMinistry[1]}`;
  const dept = /^ministry of (?:the\s+)?(.+)$/.exec(t);
  if (dept?.[1]) t = `ministry of ${DEPARTMENT_ALIASES[dept[1]] ?? dept[1]}`;
  if (/^(?:the\s+)?government$|^cabinet(?: of ministers)?$/.test(t)) return "government";
  if (/^president\b|^head of state$/.test(t)) return "president";
  if (/^prime minister\b/.test(t)) return "prime minister";
  if (t === "majilis") return "mazhilis";
  return t === "ministry" ? null : t;
}

/** True when `key` is the executive as a whole rather than one body. */
export function isGenericBody(key: string): boolean {
  return GENERIC_BODIES.has(key);
}

function initials(key: string, withFunctionWords: boolean): string {
  return key
    .split(" ")
    .filter((w) => withFunctionWords || !FUNCTION_WORDS.has(w))
    .map((w) => w.charAt(0))
    .join("");
}

function acronymMatches(acronymKey: string, other: string): boolean {
  const letters = acronymKey.slice("acronym:".length);
  return initials(other, true) === letters || initials(other, false) === letters;
}

/**
 * "ministry of trade" is a short form of "ministry of trade and integration", and "ministry of
 * information" of "ministry of culture and information": every department word of the short name
 * is in the long one (ministries merge and split their names, outlets keep the old half).
 */
function isShortForm(shorter: string, longer: string): boolean {
  const dept = (key: string): string[] | null => {
    const m = /^ministry of (.+)$/.exec(key);
    return m?.[1] ? m[1].split(/[\s,]+/).filter((w) => !FUNCTION_WORDS.has(w)) : null;
  };
  const s = dept(shorter);
  const l = dept(longer);
  if (!s || !l || s.length >= l.length) return longer.startsWith(`${shorter} and `) || longer.startsWith(`${shorter}, `);
  return s.every((w) => l.includes(w));
}

/** How two bodies, as the extractor emits them (canonical or as written), relate. */
export function bodyRelation(a: string | null | undefined, b: string | null | undefined): BodyRelation {
  const ka = normaliseBody(a);
  const kb = normaliseBody(b);
  if (ka === null || kb === null) return "unknown";
  if (ka === kb) return "same";
  if (ka.startsWith("acronym:") && !kb.startsWith("acronym:")) return acronymMatches(ka, kb) ? "same" : "different";
  if (kb.startsWith("acronym:") && !ka.startsWith("acronym:")) return acronymMatches(kb, ka) ? "same" : "different";
  if (isShortForm(ka, kb) || isShortForm(kb, ka)) return "same";
  if (isGenericBody(ka) || isGenericBody(kb)) return "generic";
  return "different";
}
