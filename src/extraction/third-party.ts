/**
 * Third parties: a dated intention of a private company ("Octopus Energy expects to install ...
 * by 2027", "The Chinese corporation plans to finish ... by 2029") or of a foreign state or its
 * authorities ("Afghanistan's Taliban authorities intend to ...", "exporters, including Norway,
 * intend to ...") is reported news, not a commitment of the publishing government. The rule reads
 * the SUBJECT of the commitment verb (the clause up to the marker):
 * - a company name (a capitalised name ending in Corp., LLC, JSC, Ltd, Group, Air, Airlines,
 *   Power, Energy, ...) makes it third-party, unless it is a national company: "state"/"national"
 *   before it, or one of the Kazakh national companies listed below;
 * - a foreign country (or its adjective or capital) standing as the subject, not inside a
 *   prepositional phrase ("for citizens of India" is an object), makes it third-party unless the
 *   home country is named too ("Kazakhstan and Uzbekistan will ...": a joint commitment) or a
 *   public body of the home government is the one acting ("Together with Russia, the ministry will").
 * - an international organisation or agency (UN bodies, OECD, IMF, World Bank, ADB, EBRD, JICA,
 *   USAID, SCO, EAEU, OSCE, sports federations, ...) standing as the actor (the head of the subject,
 *   "the OECD will publish", or its owner, "the IMF's mission will") makes it third-party too, unless
 *   a home body or the home country acts with it ("Kazakhstan and the OSCE will ..."). An
 *   organisation that only names the thing being done ("the UN Digital Solutions Center is set to be
 *   established") is not the actor: the passive leaves the actor implied (the home government).
 * The home country is the one the document names most (Kazakhstan when it names none), so the same
 * rule serves Kazakh, Uzbek, Kyrgyz or UK copy. It is counted over the whole document, not one
 * digest item: a digest comes from one publisher, and an item about talks with a neighbour names
 * the neighbour more often than the host.
 */
import { isSpaceAt } from "./line-shape.js";

/** Country -> the words that name it (name, adjective, capital). First match wins for a word. */
const COUNTRIES: readonly [country: string, names: string][] = [
  ["Kazakhstan", "Kazakhstan|Kazakh|Kazakhstani|Astana|Almaty|Qazaqstan"],
  ["Uzbekistan", "Uzbekistan|Uzbek|Tashkent"],
  ["Kyrgyzstan", "Kyrgyzstan|Kyrgyz|Bishkek|Kyrgyz Republic"],
  ["Tajikistan", "Tajikistan|Tajik|Dushanbe"],
  ["Turkmenistan", "Turkmenistan|Turkmen|Ashgabat"],
  ["Afghanistan", "Afghanistan|Afghan|Kabul|Taliban"],
  ["Russia", "Russia|Russian Federation|Russian|Moscow"],
  ["China", "China|Chinese|Beijing|PRC"],
  ["Turkey", "Turkey|Türkiye|Turkiye|Turkish|Ankara"],
  ["Iran", "Iran|Iranian|Tehran"],
  ["Azerbaijan", "Azerbaijan|Azerbaijani|Baku"],
  ["Belarus", "Belarus|Belarusian|Minsk"],
  ["Ukraine", "Ukraine|Ukrainian|Kyiv"],
  ["Mongolia", "Mongolia|Mongolian|Ulaanbaatar"],
  ["India", "India|Indian|New Delhi"],
  ["Pakistan", "Pakistan|Pakistani|Islamabad"],
  ["Japan", "Japan|Japanese|Tokyo"],
  ["Korea", "South Korea|Republic of Korea|Korea|Korean|Seoul"],
  ["United States", "United States|USA|US|U\\.S\\.|America|American|Washington"],
  ["United Kingdom", "United Kingdom|UK|Britain|British|London"],
  ["Germany", "Germany|German|Berlin"],
  ["France", "France|French|Paris"],
  ["Italy", "Italy|Italian|Rome"],
  ["Norway", "Norway|Norwegian|Oslo"],
  ["Saudi Arabia", "Saudi Arabia|Saudi|Riyadh"],
  ["United Arab Emirates", "United Arab Emirates|UAE|Emirati|Abu Dhabi|Dubai"],
  ["Qatar", "Qatar|Qatari|Doha"],
  ["Canada", "Canada|Canadian|Ottawa"],
  ["Australia", "Australia|Australian|Canberra"],
  ["Brazil", "Brazil|Brazilian"],
  ["Netherlands", "Netherlands|Dutch|Amsterdam"],
  ["Poland", "Poland|Polish|Warsaw"],
  ["Hungary", "Hungary|Hungarian|Budapest"],
  ["Switzerland", "Switzerland|Swiss|Bern"],
  ["Sweden", "Sweden|Swedish|Stockholm"],
  ["Finland", "Finland|Finnish|Helsinki"],
  ["Singapore", "Singapore|Singaporean"],
  ["Malaysia", "Malaysia|Malaysian|Kuala Lumpur"],
  ["Indonesia", "Indonesia|Indonesian|Jakarta"],
  ["Vietnam", "Vietnam|Vietnamese|Hanoi"],
  ["Israel", "Israel|Israeli"],
  ["Egypt", "Egypt|Egyptian|Cairo"],
  ["Oman", "Oman|Omani|Muscat"],
  ["Kuwait", "Kuwait|Kuwaiti"],
  ["European Union", "European Union|EU|European|Europe|Brussels|Member States"],
];

const COUNTRY_OF = new Map<string, string>();
for (const [country, names] of COUNTRIES) for (const n of names.split("|")) COUNTRY_OF.set(n.replace(/\\\./g, ".").toLowerCase(), country);
/** Every name, and its dateline spelling in capitals ("BISHKEK"); longest first so "South Korea" beats "Korea". */
const COUNTRY_NAMES = COUNTRIES.flatMap(([, n]) => n.split("|"))
  .flatMap((n) => (n.length >= 4 && !n.includes("\\") ? [n, n.toUpperCase()] : [n]))
  .sort((a, b) => b.length - a.length);
const COUNTRY_RE = new RegExp(`\\b(?:${COUNTRY_NAMES.join("|")})(?![\\w-])`, "g");
const countryOf = (word: string): string | undefined => COUNTRY_OF.get(word.toLowerCase());

/** Prepositions that make a country an object or a place, not the one acting. */
const GOVERNED = /\b(?:of|for|from|to|with|in|into|between|on|at|by|across|via|against|about|over|than|like|toward|towards|through|within)\s+(?:the\s+)?$/i;

/**
 * Institutions and currencies a government's own copy names without naming its country ("the
 * akimat", "450 billion tenge", "the Mazhilis"): each counts as one mention of the country when
 * choosing the home country, so a Kazakh digest whose item covers talks with the EU stays Kazakh.
 */
const HOME_INSTITUTIONS: readonly [country: string, starts: readonly string[], re: RegExp][] = [
  ["Kazakhstan", ["akim", "Akim", "tenge", "Mazhilis", "Majilis", "Akorda", "Kurultai"], /\b(?:akimats?|akims?|Akimats?|Akims?|tenge|Mazhilis|Majilis|Akorda|Kurultai)\b/y],
  ["Uzbekistan", ["khokim", "hokim", "Oliy"], /\b(?:khokimiyats?|hokimiyats?|khokims?|hokims?|Oliy\s+Majlis)\b/y],
  ["Kyrgyzstan", ["Jogorku"], /\bJogorku\s+Kenesh\b/y],
];

/**
 * How many times the sticky `re` matches in `text`, trying it only where one of `starts` stands.
 * Sound when every match begins with one of `starts` (as each HOME_INSTITUTIONS entry does) and
 * matches are whole words, so they never overlap: the count is a global scan's. indexOf finds the
 * rare words far faster than a regex scan trying every word boundary.
 */
function countWords(text: string, starts: readonly string[], re: RegExp): number {
  let n = 0;
  for (const s of starts) {
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
      re.lastIndex = at;
      if (re.test(text)) n++;
    }
  }
  return n;
}

/** A name before a capitalised word that makes it a company's ("China Railway ..."), not a country's. */
const NAME_OF_COMPANY = /^\s+(?!(?:Republic|Government|Cabinet|Parliament|Prime|President|Ministry|Minister|Treasury|Commission|Council|Court|Member)\b)[A-Z][a-z]/;

/** The country an article names most (names, adjectives, capitals, own institutions); Kazakhstan when it names none. */
export function homeCountry(articleText: string): string {
  const counts = new Map<string, number>();
  const re = COUNTRY_IN_ARTICLE;
  re.lastIndex = 0;
  for (let m = re.exec(articleText); m; m = re.exec(articleText)) {
    // "China Railway Construction Corporation" names a company, not the country of the news;
    // "the Australian Government", "the EU Commission" name the country.
    // Only a name followed by whitespace can be a company's: the slice is read only then.
    const end = m.index + m[0].length;
    if (isSpaceAt(articleText, end) && NAME_OF_COMPANY.test(articleText.slice(end, end + 12)) && !/\s$/.test(m[0])) continue;
    const c = countryOf(m[0]);
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  for (const [c, starts, inst] of HOME_INSTITUTIONS) {
    const n = countWords(articleText, starts, inst);
    if (n > 0) counts.set(c, (counts.get(c) ?? 0) + n);
  }
  let home = "Kazakhstan";
  let best = 0;
  counts.forEach((n, c) => { if (n > best || (n === best && c === "Kazakhstan")) { best = n; home = c; } });
  return home;
}

/** A capitalised name ending in a company word: "ACWA Power", "Korean Air", "China Railway Construction Corporation". */
const COMPANY =
  /\b[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3}\s+(?:Corp\b\.?|Corporation|Inc\b\.?|LLC|LLP|JSC|PLC|plc|Ltd\b\.?|Limited|Group|Airlines|Airways|Air|Power|Energy|Motors|Holdings?|GmbH|AG|SA)\b/g;
/** Public bodies whose name could look like a company's ("Ministry of Energy" cannot: "of" breaks the name). */
const PUBLIC_NAME = /^(?:The\s+)?(?:Ministry|Department|Agency|Committee|Office|Commission|Council|Authority|Institute|Fund|Bank|National|State|Government|Republic|City|Akimat)\b/;
/** Kazakh national companies and holdings: public actors for this purpose. */
const NATIONAL_COMPANY =
  /\b(?:Samruk-Kazyna|Samruk-Energy|Kazakhstan\s+Temir\s+Zholy|KTZ|KazMunayGas|KMG|KEGOC|Kazatomprom|QazaqGaz|KazTransOil|KazTransGas|Kazakhtelecom|Baiterek|Air\s+Astana|Qazaq\s+Air|Kazpost|KazAvtoZhol|Zhasyl\s+Damu)\b/;
const STATE_BEFORE = /\b(?:state|national|state-owned|government-owned|public)\s+(?:\w+\s+)?$/i;
/** A foreign company noun: "the Chinese corporation", "Turkish companies". */
const COMPANY_NOUN = /^\s+(?:[a-z-]+\s+)?(?:corporations?|compan(?:y|ies)|firms?|investors?|consortium|developers?|contractors?|operators?|airlines?|carriers?|exporters?|importers?|producers?)\b/;
/** A body of the home government acting in the subject. */
const PUBLIC_BODY = /\b(?:Ministry|Ministries|Government|Cabinet|akimats?|Akimat|Parliament|Mazhilis|Majilis|Senate|President|Head\s+of\s+State|Prime\s+Minister|Agency|Committee|ministry|government|city\s+hall|City\s+Hall)\b/g;

/**
 * International organisations and agencies, by acronym or name; case-sensitive so that "who" or
 * "un-" never match. The last branch is the generic shape "International <Name> Agency/Fund/...".
 */
const INTL_ORG = new RegExp(
  "\\b(?:United\\s+Nations|UN(?:DP|EP|ICEF|ESCO|HCR|FPA|ODC|ECE|ESCAP|IDO|CTAD|OPS)?|WHO|World\\s+Health\\s+Organi[sz]ation|OECD|IMF|" +
    "International\\s+Monetary\\s+Fund|World\\s+Bank|ADB|Asian\\s+Development\\s+Bank|AIIB|EBRD|European\\s+Bank\\s+for\\s+Reconstruction\\s+and\\s+Development|" +
    "IsDB|Islamic\\s+Development\\s+Bank|JICA|USAID|KOICA|GIZ|TIKA|IAEA|FAO|ILO|IOM|WTO|WFP|SCO|Shanghai\\s+Cooperation\\s+Organi[sz]ation|CSTO|" +
    "EAEU|Eurasian\\s+Economic\\s+(?:Union|Commission)|CIS|OSCE|OIC|CICA|NATO|IOC|FIFA|UEFA|Council\\s+of\\s+Europe|European\\s+Commission|" +
    "(?:Olympic|Paralympic)\\s+(?:Council|Committee)\\s+of\\s+[A-Z][a-z]+|International\\s+[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,3}\\s+" +
    "(?:Agency|Organi[sz]ation|Fund|Bank|Committee|Council|Federation|Association|Union|Centre|Center|Corporation))\\b",
  "g",
);
/**
 * What may follow an organisation's name for it to be the actor: an acronym in brackets, adverbs,
 * or one of its own units ("the OECD mission", "the World Bank's experts"). Anything else ("the
 * UN Digital Solutions Center") makes the name a modifier of something else.
 */
const ORG_AS_ACTOR = /^(?:\s*\([A-Za-z]{2,10}\))?(?:\s+(?:office|mission|delegation|representatives?|experts|team|secretariat|board|headquarters|branch|side))?(?:\s+(?:also|\w+ly))?\s*$/;
const ORG_OWNER = /^(?:\s*\([A-Za-z]{2,10}\))?['’]s\s/;

/** The spans of international organisations acting in `subject` (not governed by a preposition). */
function orgActorSpans(subject: string): { spans: [number, number][]; acting: boolean } {
  const spans: [number, number][] = [];
  let acting = false;
  const re = INTL_ORG_IN_SUBJECT;
  re.lastIndex = 0;
  for (let m = re.exec(subject); m; m = re.exec(subject)) {
    const end = m.index + m[0].length;
    spans.push([m.index, end]);
    if (GOVERNED.test(subject.slice(Math.max(0, m.index - 16), m.index))) continue;
    const rest = subject.slice(end);
    if (ORG_OWNER.test(rest) || (rest.length <= 60 && ORG_AS_ACTOR.test(rest))) acting = true;
  }
  return { spans, acting };
}

function isNationalCompany(subject: string, index: number, name: string): boolean {
  return PUBLIC_NAME.test(name) || NATIONAL_COMPANY.test(name) || STATE_BEFORE.test(subject.slice(Math.max(0, index - 30), index));
}

/**
 * True when `subject` (the words of a clause before its commitment marker) makes the actor a
 * private company or a foreign state, given the article's home country.
 */
export function isThirdPartySubject(subject: string, home: string): boolean {
  if (NATIONAL_COMPANY.test(subject)) return false;
  const orgs = orgActorSpans(subject);
  const inOrg = (at: number): boolean => orgs.spans.some(([a, b]) => at >= a && at < b);
  if (orgs.acting && !homeActs(subject, home, inOrg)) return true;
  // A public body OF a country ("The Government of Uzbekistan", "the Ministry of Energy of
  // Tajikistan") acts for that country: foreign unless the country is the home one.
  const owned = foreignOwnedBody(subject, home);
  if (owned !== null) return owned;
  const company = COMPANY_IN_SUBJECT;
  company.lastIndex = 0;
  for (let m = company.exec(subject); m; m = company.exec(subject)) {
    // "the Agency for Atomic Energy", "according to Kazakh Air": a name governed by a preposition
    // is part of a body's name or a source, not the one acting.
    if (GOVERNED.test(subject.slice(Math.max(0, m.index - 16), m.index))) continue;
    if (!isNationalCompany(subject, m.index, m[0])) return true;
  }
  const re = COUNTRY_IN_SUBJECT;
  re.lastIndex = 0;
  let foreign = false;
  const foreignAt: number[] = [];
  for (let m = re.exec(subject); m; m = re.exec(subject)) {
    const c = countryOf(m[0]);
    if (!c || inOrg(m.index) || GOVERNED.test(subject.slice(Math.max(0, m.index - 16), m.index))) continue;
    if (c === home) return false; // a joint commitment, or the home country itself
    if (COMPANY_NOUN.test(subject.slice(m.index + m[0].length, m.index + m[0].length + 40))) return true;
    foreign = true;
    foreignAt.push(m.index + m[0].length);
  }
  if (!foreign) return false;
  // A home body acting: a public body not right after a foreign name ("Afghanistan's Taliban authorities" is foreign).
  const bodies = PUBLIC_BODY_IN_SUBJECT;
  bodies.lastIndex = 0;
  for (let m = bodies.exec(subject); m; m = bodies.exec(subject)) {
    const at = m.index;
    if (inOrg(at)) continue;
    if (!foreignAt.some((end) => at >= end && at - end <= 24)) return false;
  }
  return true;
}

/** True when the home country or a home public body (outside any organisation's name) acts in `subject`. */
function homeActs(subject: string, home: string, inOrg: (at: number) => boolean): boolean {
  const re = COUNTRY_HOME_ACTS;
  re.lastIndex = 0;
  for (let m = re.exec(subject); m; m = re.exec(subject)) {
    if (countryOf(m[0]) === home && !inOrg(m.index) && !GOVERNED.test(subject.slice(Math.max(0, m.index - 16), m.index))) return true;
  }
  const bodies = PUBLIC_BODY_HOME_ACTS;
  bodies.lastIndex = 0;
  for (let m = bodies.exec(subject); m; m = bodies.exec(subject)) if (!inOrg(m.index)) return true;
  return false;
}

/** A public body followed by "of <country>": "Government of Uzbekistan", "Ministry of Foreign Affairs of Turkey". */
const BODY_OF_COUNTRY = new RegExp(
  `\\b(?:Government|Cabinet(?:\\s+of\\s+Ministers)?|Parliament|President|Prime\\s+Minister|Ministry(?:\\s+of\\s+[A-Z][\\w-]*(?:\\s+(?:and\\s+)?[A-Z][\\w-]*){0,3})?|Embassy|authorities)\\s+of\\s+(?:the\\s+)?(${COUNTRY_NAMES.join("|")})(?![\\w-])`,
  "g",
);

/**
 * One global copy of each pattern per place that loops over its matches, reset before each use:
 * building `new RegExp(source)` per call hashed the long country list on every sentence (issue 13).
 * A copy per place keeps a loop's lastIndex its own even if a helper it calls scans too.
 */
const globalCopy = (re: RegExp): RegExp => new RegExp(re.source, "g");
const COUNTRY_IN_ARTICLE = globalCopy(COUNTRY_RE);
const COUNTRY_IN_SUBJECT = globalCopy(COUNTRY_RE);
const COUNTRY_HOME_ACTS = globalCopy(COUNTRY_RE);
const INTL_ORG_IN_SUBJECT = globalCopy(INTL_ORG);
const COMPANY_IN_SUBJECT = globalCopy(COMPANY);
const PUBLIC_BODY_IN_SUBJECT = globalCopy(PUBLIC_BODY);
const PUBLIC_BODY_HOME_ACTS = globalCopy(PUBLIC_BODY);
const BODY_OF_COUNTRY_IN_SUBJECT = globalCopy(BODY_OF_COUNTRY);

/**
 * Whether the subject's actor is a public body of a named country: true when that country is
 * foreign, false when it is the home one, null when no such body acts (governed by a preposition,
 * "talks with the Government of Uzbekistan", it is an object).
 */
function foreignOwnedBody(subject: string, home: string): boolean | null {
  let result: boolean | null = null;
  const re = BODY_OF_COUNTRY_IN_SUBJECT;
  re.lastIndex = 0;
  for (let m = re.exec(subject); m; m = re.exec(subject)) {
    if (GOVERNED.test(subject.slice(Math.max(0, m.index - 16), m.index))) continue;
    const c = countryOf(m[1] ?? "");
    if (!c) continue;
    if (c === home) return false;
    result = true;
  }
  return result;
}
