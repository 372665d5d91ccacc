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
  | "projection"; // is projected to, is forecast to: never a commitment

export interface MarkerHit {
  start: number;
  end: number;
  kind: MarkerKind;
}

const PASSIVE_AUX = "(?:is|are|was|were|be|been|being|has\\s+been|have\\s+been|had\\s+been)";
const INSTRUCT = "(?:instructed|tasked|ordered|directed|charged|obliged|obligated|mandated|entrusted|commissioned|urged|assigned|requested|recommended|recommends)";

const MARKER_PATTERNS: { kind: MarkerKind; re: RegExp }[] = [
  { kind: "projection", re: new RegExp(`\\b${PASSIVE_AUX}\\s+(?:\\w+ly\\s+)?(?:projected|forecast|forecasted|estimated|predicted|likely|unlikely)\\s+to\\b`, "gi") },
  { kind: "instruct-passive", re: new RegExp(`\\b${PASSIVE_AUX}\\s+(?:also\\s+)?${INSTRUCT}\\b`, "gi") },
  { kind: "plan", re: new RegExp(`\\b${PASSIVE_AUX}\\s+(?:\\w+ly\\s+|also\\s+)?(?:expected|planned|scheduled|set|slated|intended|envisaged|envisioned|supposed|poised|going|ready|determined|required)\\s+(?:to|for)\\b|\\b(?:is|are)\\s+due\\s+to\\s+be\\b`, "gi") },
  { kind: "plan", re: new RegExp(`\\b${PASSIVE_AUX}\\s+(?:\\w+ly\\s+|also\\s+)?(?:planned|envisaged|scheduled)\\b`, "gi") },
  { kind: "plan", re: /\b(?:plans?|planning|intends?|intending|aims?|aiming|seeks?|seeking|pledged|pledges|promised|promises|vowed|vows|committed|commits|undertakes|undertook|agreed|agrees|decided|decides|proposes|proposed|expects|expecting|hopes|wants|is\s+going|are\s+going)\s+to\b/gi },
  { kind: "instruct-active", re: new RegExp(`\\b${INSTRUCT}\\b`, "gi") },
  { kind: "modal", re: /\b(?:will|shall|must|should|would|(?:is|are|was|were)\s+to\b(?!\s+(?:date|blame)\b)|ha(?:s|ve)\s+to|needs?\s+to|'ll)\b/gi },
  { kind: "passive-infinitive", re: /\bto\s+be\s+(?:\w+ly\s+)?(?:[a-z]+ed|built|held|set|made|done|run|met|spent|paid|sent|put|cut|kept|brought|taken|given|shown|laid|sold|begun|drawn|chosen|written|undertaken)\b/gi },
  { kind: "nominal", re: /\b(?:goal|aim|target|objective|task|plans?|intention|commitment|priority|deadline|mission)\s+(?:is\s+to|of|to)\b(?!\s+(?:the|a|an|this|these|its|their)\b)/gi },
  { kind: "necessity", re: /\bit\s+is\s+(?:also\s+)?(?:necessary|planned|expected|envisaged|intended|proposed|required|important|essential|crucial|vital|imperative)\s+to\b/gi },
  { kind: "in-force", re: /\b(?:enters?|comes?|takes?)\s+(?:into\s+force|into\s+effect|effect)\b/gi },
];

/** All markers in `text`, in order; a longer marker hides the shorter ones inside it. */
export function findMarkers(text: string): MarkerHit[] {
  const all: MarkerHit[] = [];
  for (const { kind, re } of MARKER_PATTERNS) {
    const g = re;
    g.lastIndex = 0;
    for (let m = g.exec(text); m; m = g.exec(text)) all.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: MarkerHit[] = [];
  for (const h of all) if (kept.every((k) => h.end <= k.start || h.start >= k.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Verbs that turn "X will ..." into a forecast about a quantity ("investments will reach 4-6% of
 * GDP", "the market is expected to grow to $5 billion"), not an actor's commitment.
 */
const FORECAST_VERB =
  /^\s*(?:\w+ly\s+)?(?:reach|grow|exceed|amount\s+to|total|rise|climb|surpass|fall|drop|decline|double|triple|quadruple|hit|top|be\s+worth|account\s+for|make\s+up|(?:increase|decrease|reduce|expand|shrink)\s+(?:to|by)\s+[\d$]|be\s+(?:around|about|approximately|some|over|more\s+than|less\s+than|up\s+to|at\s+least|\d))\b/i;

/** True when the marker introduces a forecast about quantities rather than a commitment. */
export function isForecast(text: string, marker: MarkerHit): boolean {
  if (marker.kind === "projection") return true;
  if (marker.kind !== "modal" && marker.kind !== "plan") return false;
  return FORECAST_VERB.test(text.slice(marker.end, marker.end + 60));
}

/** True for a marker that makes the statement a commitment (everything but a projection). */
export function isCommitmentMarker(marker: MarkerHit): boolean {
  return marker.kind !== "projection";
}
