/**
 * Commitment markers: the words that make a statement a promise, an instruction or a plan
 * ("will", "must", "is instructed to", "plans to", "is expected to", "to be adopted", ...), and
 * the forecast constructions that look like one but are not ("will reach 4-6% of GDP").
 */

export type MarkerKind =
  | "modal" // will, must, shall, should, would, is to, needs to
  | "instruct-active" // The Prime Minister instructed X to ...
  | "instruct-passive" // X was instructed to / is tasked with
  | "plan" // is expected to, plans to, is set to, intends to, is scheduled for
  | "passive-infinitive" // a law to be adopted
  | "nominal" // the goal of becoming, the task is to
  | "necessity" // it is necessary to
  | "in-force" // enters into force
  | "projection" // is projected to, is forecast to: never a commitment
  | "measure"; // the increase in the minimum wage (from 1 January): governs start dates only

export interface MarkerHit {
  start: number;
  end: number;
  kind: MarkerKind;
}

const PASSIVE_AUX = "(?:is|are|was|were|be|been|being|has\\s+been|have\\s+been|had\\s+been)";
const PASSIVE_AUX_WORDS = "is are was were be been being has have had";
const INSTRUCT_FIRM_WORDS = "instructed tasked obliged obligated mandated entrusted urged";
const INSTRUCT_FIRM = `(?:${INSTRUCT_FIRM_WORDS.replaceAll(" ", "|")})`;
/** Adverbs that may stand between "is"/"are" and "to" of a "be to" plan. */
const BE_TO_ADVERB = "(?:also|further|furthermore|additionally|now|still|then|first|next|soon|eventually|subsequently|initially|likewise|similarly|in\\s+turn)";
const INSTRUCT_LOOSE_WORDS = "ordered directed charged commissioned assigned requested recommended";
const INSTRUCT_LOOSE = `(?:${INSTRUCT_LOOSE_WORDS.replaceAll(" ", "|")})`;

/**
 * A law, decree, programme or government as the subject of a provision verb: "The decree obliges
 * the ministry to ...", "The law provides for the creation of ...", "The programme envisages ...".
 * Up to six words may stand between the noun and the verb ("the law on guardianship also ...").
 */
const PROVISION_SUBJECT =
  /\b(?:law|decree|resolution|regulation|code|bill|programme|program|plan|concept|strategy|roadmap|order|agreement|treaty|amendments?|act|directive|ordinance|government|cabinet|it)(?:'s)?\s+(?:[^\s.;:,]+\s+){0,6}$/i;
/** "it" may stand for a document only before the provision verbs, not before "requires". */
const REQUIRE_SUBJECT_IT = /\bit\s+(?:[^\s.;:,]+\s+){0,6}$/i;
const hasProvisionSubject = (text: string, index: number): boolean => PROVISION_SUBJECT.test(text.slice(Math.max(0, index - 90), index));

/** Someone whose request is an instruction. */
const OFFICIAL = /\b(?:President|Minister|minister|Prime|Government|government|Ministry|ministry|Akim|akim|Head|Chairman|chairman|Chair|Secretary|Deputy|Speaker|Cabinet|Council|Commission|Governor|governor|Mayor|mayor|officials?|authorities|Administration|Parliament|Senate|Mazhilis)\b/;

interface MarkerPattern {
  kind: MarkerKind;
  /**
   * The words a match can begin with, lowercase: every pattern opens with `\b` and one of them as a
   * whole word (followed by a space or a word boundary), or with "'ll" after a word.
   */
  first: string;
  re: RegExp;
  when?: (text: string, index: number) => boolean;
}

const MARKER_PATTERNS: MarkerPattern[] = [
  // A document or government that binds someone: "The decree obliges the Ministry ... to", "The
  // law requires akimats to". "Obliges"/"instructs" bind whatever the subject is.
  { kind: "instruct-active", first: "obliges obligates instructs", re: /\b(?:obliges|obligates|instructs)\b/gi },
  {
    kind: "instruct-active",
    first: "requires mandates directs charges tasks",
    re: /\b(?:requires|mandates|directs|charges|tasks)\b/gi,
    when: (text, index) => hasProvisionSubject(text, index) && !REQUIRE_SUBJECT_IT.test(text.slice(Math.max(0, index - 90), index)),
  },
  // What a document provides for: "The law provides for the creation of a register by ...".
  { kind: "plan", first: "provide provides envisage envisages envision envisions stipulate stipulates call calls foresee foresees prescribe prescribes", re: /\b(?:provides?\s+for|envisages?|envisions?|stipulates?|calls?\s+for|foresees?|prescribes?)\b/gi, when: hasProvisionSubject },
  { kind: "projection", first: PASSIVE_AUX_WORDS, re: new RegExp(`\\b${PASSIVE_AUX}\\s+(?:\\w+ly\\s+)?(?:projected|forecast|forecasted|estimated|predicted|likely|unlikely)\\s+to\\b`, "gi") },
  // "will be commissioned in 2027" and "was ordered from Germany" are plain passives: these verbs
  // instruct only when a task follows ("commissioned to", "charged with", "requested that").
  { kind: "instruct-passive", first: PASSIVE_AUX_WORDS, re: new RegExp(`\\b${PASSIVE_AUX}\\s+(?:also\\s+)?(?:${INSTRUCT_FIRM}\\b|${INSTRUCT_LOOSE}(?=\\s+(?:to|with|that)\\b|\\s*:))`, "gi") },
  { kind: "plan", first: PASSIVE_AUX_WORDS, re: new RegExp(`\\b${PASSIVE_AUX}\\s+(?:\\w+ly\\s+|also\\s+)?(?:expected|planned|scheduled|set|slated|intended|envisaged|envisioned|supposed|poised|going|ready|determined|required)\\s+(?:to|for)\\b|\\b(?:is|are)\\s+due\\s+to\\s+be\\b`, "gi") },
  { kind: "plan", first: PASSIVE_AUX_WORDS, re: new RegExp(`\\b${PASSIVE_AUX}\\s+(?:\\w+ly\\s+|also\\s+)?(?:planned|envisaged|scheduled)\\b`, "gi") },
  // "is scheduled for October", "is due by March 2026", "is expected in 2026", "is earmarked for 2027".
  { kind: "plan", first: PASSIVE_AUX_WORDS, re: new RegExp(`\\b${PASSIVE_AUX}\\s+(?:\\w+ly\\s+|also\\s+|now\\s+)?(?:expected|planned|scheduled|slated|due|earmarked)\\s+(?:for|in|by|on|to)\\b`, "gi") },
  { kind: "plan", first: "plan plans planning intend intends intending aim aims aiming seek seeks seeking pledged pledges promised promises vowed vows committed commits undertakes undertook agreed agrees decided decides proposes proposed expects expecting hope hopes hoping wants is are", re: /\b(?:plans?|planning|intends?|intending|aims?|aiming|seeks?|seeking|pledged|pledges|promised|promises|vowed|vows|committed|commits|undertakes|undertook|agreed|agrees|decided|decides|proposes|proposed|expects|expecting|hopes?|hoping|wants|is\s+going|are\s+going)\s+to\b/gi },
  // A loose verb instructs only with an object ("commissioned the Government to"): straight before
  // a time phrase it is a reduced relative clause ("the line, commissioned in April"), a past event.
  { kind: "instruct-active", first: `${INSTRUCT_FIRM_WORDS} ${INSTRUCT_LOOSE_WORDS} recommends`, re: new RegExp(`\\b(?:${INSTRUCT_FIRM}|(?<!\\b(?:be|been|being|is|are|was|were)\\s)${INSTRUCT_LOOSE}(?!\\s+(?:in|on|during|last|earlier|back|since|ago)\\b)|recommends)\\b`, "gi") },
  // A demand of a superior: "The President demanded that the ministry complete ...", "called on
  // the akimats to ...". "demand" as a noun ("demand will grow") is not a verb here: the past or
  // third-person form must be followed by "that" or an object and "to".
  { kind: "instruct-active", first: "demanded demands insisted insists called calls", re: /\b(?:demanded|demands|insisted|insists)\s+(?=that\b)|\b(?:demanded|demands|called\s+on|calls\s+on|called\s+upon|calls\s+upon)\s+(?=(?:[\w'-]+\s+){1,10}?to\s+[a-z])/gi },
  // "The minister asked states to submit", "the President urged the akimats to": a request is an
  // instruction only from an official ("Farmers asked the government to extend ..." is a demand).
  {
    kind: "instruct-active",
    first: "asked asks urges urged",
    re: /\b(?:asked|asks|urges|(?<!\b(?:be|been|being|is|are|was|were)\s)urged)\s+(?=(?:[\w'-]+\s+){1,10}?to\s+[a-z])/gi,
    when: (text, index) => OFFICIAL.test(text.slice(Math.max(0, index - 120), index)),
  },
  // A law or a decision that binds a party: "the Act, which commits Canada to achieving ...".
  { kind: "instruct-active", first: "commits", re: /\bcommits\s+(?=(?:[\w'-]+\s+){1,4}?to\s+[a-z])/gi },
  // A deadline given to a party: "has given Setraco ... a five-month ultimatum to complete". The
  // marker spans the object, so the span phrase inside it ("five-month ultimatum") is governed by it.
  { kind: "instruct-active", first: "gave given gives issued set", re: /\b(?:gave|given|gives|issued|set)\s+(?:[\w.,'()-]+\s+){0,25}?(?:ultimatum|deadline)\s+to\b/gi },
  // A time given to a party: "The contractor has been given until the end of March to complete ...".
  { kind: "instruct-passive", first: "been given", re: /\b(?:been\s+)?given\s+(?=until\b[^.;]{0,60}?\bto\s+[a-z])/gi },
  // Progress on a plan: "remain on track for implementation from 2012", "is on track to finish".
  { kind: "plan", first: "remain remains remaining stay stays is are be been", re: /\b(?:remains?|remaining|stays?|is|are|be|been)\s+(?:\w+ly\s+)?on\s+(?:track|schedule)\s+(?:for|to)\b/gi },
  // An adverb may stand inside "is to": "is also to purchase", "are further to", "is now to".
  { kind: "modal", first: "will shall must should would is are was were has have need needs 'll", re: new RegExp(`\\b(?:will|shall|must|should|would|(?:is|are|was|were)\\s+(?:${BE_TO_ADVERB}\\s+)?to\\b(?!\\s+(?:date|blame)\\b)|ha(?:s|ve)\\s+to|needs?\\s+to|'ll)\\b`, "gi") },
  { kind: "passive-infinitive", first: "to", re: /\bto\s+be\s+(?:\w+ly\s+)?(?:[a-z]+ed|built|held|set|made|done|run|met|spent|paid|sent|put|cut|kept|brought|taken|given|shown|laid|sold|begun|drawn|chosen|written|undertaken)\b/gi },
  { kind: "nominal", first: "goal aim target objective task plan plans intention commitment priority deadline mission", re: /\b(?:goal|aim|target|objective|task|plans?|intention|commitment|priority|deadline|mission)\s+(?:is\s+to|of|to)\b(?!\s+(?:the|a|an|this|these|its|their)\b)/gi },
  { kind: "necessity", first: "it", re: /\bit\s+is\s+(?:also\s+)?(?:necessary|planned|expected|envisaged|intended|proposed|required|important|essential|crucial|vital|imperative)\s+to\b/gi },
  // A measure named as a noun: "the increase in the minimum wage from January 1, 2019", "an
  // initial reduction in income tax rates ... from 1 July 2026". It dates only a start ("from").
  { kind: "measure", first: "increase increases reduction reductions cut cuts rise rises hike hikes indexation introduction abolition ban transition switch", re: /\b(?:increases?|reductions?|cuts?|rises?|hikes?|indexation|introduction|abolition|ban|transition|switch)\s+(?:in|of|on|to)\b/gi },
  { kind: "in-force", first: "enter enters come comes take takes", re: /\b(?:enters?|comes?|takes?)\s+(?:into\s+force|into\s+effect|effect)\b/gi },
];

/**
 * Where matches can start: each pattern's bit (1 << its index in MARKER_PATTERNS, so at most 31
 * patterns) by the words in its `first`. A sentence is read word by word once; each pattern then runs only where one of its
 * first words stands, instead of scanning the whole sentence 22 times.
 */
const PATTERNS_BY_FIRST_WORD = new Map<string, number>();
MARKER_PATTERNS.forEach(({ first }, i) => {
  for (const w of first.split(" ")) PATTERNS_BY_FIRST_WORD.set(w, (PATTERNS_BY_FIRST_WORD.get(w) ?? 0) | (1 << i));
});
/**
 * What every pattern opening with PASSIVE_AUX (its `first` is PASSIVE_AUX_WORDS) has after the
 * auxiliary: at most one word (an adverb, "also", "now"), then one of these participles, or
 * "due". One sticky test of it at an auxiliary rules out all five patterns at once: most "is",
 * "be" and "has" start none of them.
 */
const AFTER_PASSIVE_AUX = new RegExp(
  `\\b${PASSIVE_AUX}\\s+(?:\\w+\\s+)?(?:projected|forecast|estimated|predicted|likely|unlikely|${INSTRUCT_FIRM}|${INSTRUCT_LOOSE}|` +
    "expected|planned|scheduled|set|slated|intended|envisaged|envisioned|supposed|poised|going|ready|determined|required|due|earmarked)",
  "iy",
);
const PASSIVE_AUX_BITS = MARKER_PATTERNS.reduce((bits, { first }, i) => (first === PASSIVE_AUX_WORDS ? bits | (1 << i) : bits), 0);

/** The patterns made sticky: run at one candidate start, they match exactly where the global scan would have found a match starting there. */
const STICKY_PATTERNS = MARKER_PATTERNS.map((p) => ({ ...p, re: new RegExp(p.re.source, "iy") }));
/**
 * Every first word as a whole word ("'ll" after a word), longest first. It finds each start the
 * patterns can have; a few it finds fail the sticky pattern there (the `\b` before "'ll").
 */
const FIRST_WORD = new RegExp(`\\b(?:${[...PATTERNS_BY_FIRST_WORD.keys()].filter((w) => w !== "'ll").sort((a, b) => b.length - a.length).join("|")})\\b|'ll\\b`, "gi");

/** All markers in `text`, in order; a longer marker hides the shorter ones inside it. */
export function findMarkers(text: string): MarkerHit[] {
  const starts: number[] = [];
  const bits: number[] = [];
  let anyBits = 0;
  FIRST_WORD.lastIndex = 0;
  for (let m = FIRST_WORD.exec(text); m; m = FIRST_WORD.exec(text)) {
    let b = PATTERNS_BY_FIRST_WORD.get(m[0].toLowerCase()) ?? 0;
    if ((b & PASSIVE_AUX_BITS) !== 0) {
      AFTER_PASSIVE_AUX.lastIndex = m.index;
      if (!AFTER_PASSIVE_AUX.test(text)) b &= ~PASSIVE_AUX_BITS;
    }
    starts.push(m.index);
    bits.push(b);
    anyBits |= b;
  }
  const all: MarkerHit[] = [];
  for (let k = 0; k < STICKY_PATTERNS.length; k++) {
    const bit = 1 << k;
    if ((anyBits & bit) === 0) continue;
    const { kind, re, when } = STICKY_PATTERNS[k] as (typeof STICKY_PATTERNS)[number];
    // A global scan resumes after each match (kept or not): so does this one.
    let resume = 0;
    for (let c = 0; c < starts.length; c++) {
      const at = starts[c] as number;
      if (at < resume || ((bits[c] as number) & bit) === 0) continue;
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) continue;
      resume = at + m[0].length;
      if (!when || when(text, at)) all.push({ start: at, end: resume, kind });
    }
  }
  return longestFirst(all);
}

/** Longest first, each kept unless it overlaps one kept before; the kept ones in text order. */
function longestFirst(all: MarkerHit[]): MarkerHit[] {
  // Sorting is stable: between equal spans the earlier pattern wins, as it always has.
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: MarkerHit[] = [];
  for (const h of all) if (kept.every((k) => h.end <= k.start || h.start >= k.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * What findMarkers must give, found the slow way: each pattern's global scan over the whole text,
 * no first words, no test after an auxiliary. For the test that holds findMarkers to it
 * (test/extraction/anchored-scans.test.ts): a word missing from a pattern's `first` shows there.
 */
export function findMarkersByScan(text: string): MarkerHit[] {
  const all: MarkerHit[] = [];
  for (const { kind, re, when } of MARKER_PATTERNS) {
    const global = new RegExp(re.source, re.flags);
    for (let m = global.exec(text); m; m = global.exec(text)) {
      if (!when || when(text, m.index)) all.push({ start: m.index, end: m.index + m[0].length, kind });
    }
  }
  return longestFirst(all);
}

/**
 * Verbs that turn "X will ..." into a forecast about a quantity ("investments will reach 4-6% of
 * GDP", "the market is expected to grow to $5 billion"), not an actor's commitment.
 */
const FORECAST_VERB =
  /^\s*(?:(?:\w+ly|also|further)\s+)?(?:(?:slow|accelerate|decelerate|ease|slide|edge\s+up|pick\s+up|speed\s+up|slow\s+down)\s+(?:to|by|from)\b|(?:remain|stay|stabili[sz]e|hover)\s+(?:at|within|around|below|above|in\s+the\s+range)\b|reach|grow|exceed|amount\s+to|total|rise|climb|surpass|fall|drop|decline|double|triple|quadruple|hit|top|be\s+worth|account\s+for|make\s+up|(?:increase|decrease|reduce|expand|shrink)\s+(?:to|by)\s+[\d$]|be\s+(?:around|about|approximately|some|over|more\s+than|less\s+than|up\s+to|at\s+least|\d))\b/i;

/**
 * A sentence that cites a forecast ("According to the updated forecast, inflation will slow to
 * ...", "According to IMF estimates, ..."): what follows is a projection, not a promise. "According
 * to the ministry" or "according to the plan" cite an actor or a plan and stay commitments.
 */
const FORECAST_SOURCE =
  /\baccording\s+to\s+(?:(?:the|a|an|its|their|our|latest|updated|new|preliminary|official|baseline|revised|current|medium-term|national|bank's|ministry's|government's)\s+){0,4}(?:[A-Z][\w&'-]*\s+){0,3}(?:forecasts?|projections?|estimates?|outlook|expectations|analysts|experts|economists|calculations|scenarios?|predictions?|models?|IMF|World\s+Bank|ADB|EBRD|Fitch|Moody's|S&P|[A-Za-z]*hydromet\w*|meteorologists?|meteorological\s+service|weather\s+(?:service|forecasters?)|forecasters|synoptics?|rating\s+agenc(?:y|ies))\b/i;

/**
 * A forecaster as the source ("Analysts expect the rate to remain ...", "Meteorologists predict
 * that ...") or "expects X to remain/reach ...": a projection of a quantity, not anyone's promise.
 * "The ministry expects to finish by May" (no object before "to") stays a plan.
 */
const FORECASTER =
  /\b(?:analysts|economists|experts|forecasters|meteorologists|synoptics?|rating\s+agenc(?:y|ies))\b[^.;]{0,40}?\b(?:expects?|expected|forecasts?|predicts?|predicted|anticipates?|projects?|estimates?)\b|\bexpects?\s+(?:[\w%-]+\s+){1,5}?to\s+(?:remain|stay|stabili[sz]e|hover|reach|grow|rise|fall|slow|accelerate|decline|exceed)\b/i;

/**
 * A subject that is a count ("more than 3.9 million pupils", "over 1,000 companies") doing
 * something itself ("will sit at their desks", "will take part") is a statistic about people or
 * firms, not an actor's commitment. A passive ("50 schools will be built") or a benefit received
 * ("5,000 families will receive housing") stays a commitment: the government is the one acting.
 */
const COUNT_SUBJECT =
  /(?:^|[,;:]\s*|\bthat\s+|\b(?:and|but|while|or)\s+)(?:(?:[Mm]ore\s+than|[Oo]ver|[Aa]bout|[Aa]round|[Nn]early|[Aa]lmost|[Ss]ome|[Uu]p\s+to|[Aa]t\s+least|[Aa]pproximately|[Rr]oughly|[Aa]n\s+estimated)\s+)?\d[\d,.]*\s*(?:(?:million|thousand|billion|mln|bln)\s+)?(?:[a-z][a-z-]*\s+){1,3}$/;
const ACTIVE_AFTER_COUNT = /^\s*(?:also\s+)?(?!be\b|have\s+been\b|receive\b|get\b|obtain\b|gain\b|benefit\b)[a-z]+\b/;

/**
 * Weather and seasons as the subject ("Spring in the north will be late", "frosts are expected to
 * return"): nobody can commit to them, so the statement is a forecast. The noun must close the
 * subject (a place may follow it): "the spring sowing will be completed" has "sowing" as its head,
 * and it must open the subject: in "preparations for winter must be completed" it is an object.
 */
const WEATHER_SUBJECT =
  /(?:^|[,;:]\s*|\b(?:the|that|and|but|while|as|said)\s+)(?:spring|summer|autumn|winter|weather|temperatures?|frosts?|precipitation|rainfall|snowfall|heatwaves?|droughts?)\s+(?:(?:in|on|across|over)\s+(?:the\s+)?[\w -]{0,40}?\s+)?$/i;

/**
 * A quantity the government sets itself: funding, pay, pensions, benefits, tariffs, taxes, fees.
 * "From 1 January 2026, per-capita funding will rise by 15 percent" announces a measure taking
 * effect on a date, not a projection; "From 2026, demand will grow by 5%" stays a forecast. The
 * noun must head the subject (a prepositional tail may follow): "tax revenues" is a forecast.
 */
const SET_QUANTITY =
  /\b(?:funding|financing|salar(?:y|ies)|wages?|pay|pensions?|benefits?|allowances?|stipends?|scholarships?|grants?|subsid(?:y|ies)|payments?|tariffs?|tax(?:es)?|duties|excise|fees?|fines?|quotas?)(?:\s+(?:of|for|to|in|on|per|at)\b[^,;:]*)?\s*$/i;

export interface ForecastOptions {
  /** The phrase governed is a start date at the head of the sentence ("From 1 January 2026, ..."). */
  frontedStart?: boolean;
}

/** True when the marker introduces a forecast about quantities rather than a commitment. */
export function isForecast(text: string, marker: MarkerHit, options: ForecastOptions = {}): boolean {
  if (marker.kind === "projection") return true;
  if (marker.kind !== "modal" && marker.kind !== "plan") return false;
  const before = text.slice(Math.max(0, marker.start - 160), marker.start);
  if (FORECAST_SOURCE.test(before) || FORECASTER.test(before) || WEATHER_SUBJECT.test(before.slice(-70))) return true;
  const after = text.slice(marker.end, marker.end + 60);
  if (marker.kind === "modal" && COUNT_SUBJECT.test(before.slice(-80)) && ACTIVE_AFTER_COUNT.test(after)) return true;
  if (!FORECAST_VERB.test(after)) return false;
  // A measure taking effect from a date: the subject is a quantity the government sets.
  return !(options.frontedStart === true && SET_QUANTITY.test(subjectBefore(before)));
}

/** The subject of a clause ending at the end of `before`: the words after its last comma, colon or semicolon. */
function subjectBefore(before: string): string {
  const cut = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":"));
  return before.slice(cut + 1);
}

/** A plan stated in the past: "was supposed to be opened in December", "had been expected to". */
const UNFULFILLED = /^(?:was|were)\s+(?:\w+ly\s+)?supposed\b|^had\s+been\b|^had\s+to\b/i;
const PAST_PLAN = new RegExp(`^(?:was|were)\\s+(?:\\w+ly\\s+|originally\\s+|${BE_TO_ADVERB}\\s+)?(?:expected|planned|scheduled|slated|due|set|intended|envisaged|to)\\b`, "i");
const HAD_BEFORE = /\bhad\s+(?:(?:\w+ly|earlier|previously|originally|initially|already)\s+)?$/i;
const HAD_SAID_BEFORE = /\bhad\s+(?:\w+ly\s+)?(?:indicated|said|announced|stated|promised|pledged|planned|expected|hoped|signalled|signaled|suggested)\s+(?:that\s+)?(?:it\s+|they\s+|he\s+|she\s+)?$/i;
/** A reporting verb earlier in the sentence: "He said the plant was expected to open in 2027" is reported future. */
const REPORTING = /\b(?:said|says|noted|stated|told|reported|announced|added|explained|informed|emphasi[sz]ed|stressed|recalled\s+that\s+the\s+plan|according\s+to)\b/i;

/**
 * True when the marker is a plan in the past tense that no longer promises anything: a missed or
 * superseded date ("the interchange, which was supposed to be opened in December", "the law was
 * to take effect in 2024", "had been expected to"). "was instructed to" is not affected: an
 * instruction given in the past is still to be carried out. After a reporting verb the past is
 * backshift ("the minister said the plant was expected to open in 2027") and the plan stands,
 * except for "supposed to" and "had been", which always mean it did not happen.
 */
export function isUnfulfilledPlan(text: string, marker: MarkerHit): boolean {
  if (marker.kind === "passive-infinitive") {
    // "was due | to be completed": the longer "to be completed" hid the plan marker before it.
    const lead = /\b(?:(?:was|were)\s+(?:\w+ly\s+|also\s+)?(?:supposed|expected|planned|scheduled|slated|due|set|intended|envisaged)|had\s+been\s+(?:\w+ly\s+)?\w+)\s+$/i.exec(text.slice(Math.max(0, marker.start - 48), marker.start));
    return lead ? isUnfulfilledPlan(text, { start: marker.start - lead[0].length, end: marker.start + 2, kind: "plan" }) : false;
  }
  if (marker.kind !== "plan" && marker.kind !== "modal") return false;
  const words = text.slice(marker.start, marker.end);
  // A plan in the past perfect was overtaken: "the government had earlier committed to finish by
  // 27 September", "measures that the Government had indicated would be introduced by 30 June".
  const lead = text.slice(Math.max(0, marker.start - 48), marker.start);
  if (marker.kind === "plan" && HAD_BEFORE.test(lead)) return true;
  if (/^would$/i.test(words) && HAD_SAID_BEFORE.test(lead)) return true;
  if (UNFULFILLED.test(words)) return true;
  if (!PAST_PLAN.test(words)) return false;
  return !REPORTING.test(text.slice(0, marker.start));
}
