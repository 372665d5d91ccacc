/**
 * Step 4: classification. A deadline phrase becomes a commitment when
 *  1. its sentence (or, for a bullet, the bullet or its lead-in) holds a commitment marker;
 *  2. the marker governing it is not a forecast ("investments will reach 4-6% of GDP");
 *  3. it is not part of a past event (see tense.ts), nor a plan stated in the past ("was supposed
 *     to be opened in December": a missed date, see isUnfulfilledPlan);
 *  4. its actor is not a third party: a private company or a foreign state (see third-party.ts);
 *  5. it is not a standing legal time limit ("an application must be considered within 15 working
 *     days", see legal-limit.ts), nor a relative phrase framing one in the same clause;
 *  6. the period it names has not ended before the reference date, and a plain "on <date>" is not
 *     the reference date itself (that is the day of the news: "announced on Sept. 8").
 * Sentences without a deadline phrase give nothing: "will"/"must" sentences with no time are too
 * often rhetoric ("Any arising issues must be resolved promptly") to be worth a reminder.
 *
 * Within one clause a plan's period ("Concept for 2026-2030") and a vague phrase yield to any
 * firmer phrase; separate clauses ("... and to begin construction next year") each keep theirs.
 */
import { parseIsoDate, toIsoDate, type CalendarDate } from "../calendar.ts";
import { fiscalYearEnd } from "./fiscal-year.js";
import { findDeadlines, resolveMatch, type DeadlineMatch, type ResolvedDeadline } from "./deadline/index.js";
import { findAnchor } from "./anchors.js";
import { isCalendarEvent, isEventDate } from "./calendar-event.js";
import { isLegalTimeLimit } from "./legal-limit.js";
import { isOutlook } from "./outlooks.js";
import { findMarkers, isForecast, isUnfulfilledPlan, type MarkerHit } from "./markers.js";
import type { TextUnit } from "./sentences.js";
import { isFronted, tenseAfter, tenseBefore } from "./tense.js";
import { isThirdPartySubject } from "./third-party.js";
import type { IsoDate } from "./types.js";

export interface CommitmentCandidate {
  unitIndex: number;
  /** Offsets relative to the unit's text. */
  phrase: DeadlineMatch;
  resolved: ResolvedDeadline;
  /** The governing marker in the unit's text, or null when it comes from the bullet's lead-in. */
  marker: MarkerHit | null;
  clauseStart: number;
  clauseEnd: number;
  /** Which rules found it: the phrase's parser and the governing marker, e.g. "month-year 'by March 2026' + plan 'is set to'". */
  rule: string;
}

/**
 * Clause breaks: ";", ", and to/will/must ...", ", and <a new subject> is/will/must ..." ("...
 * in 2028, and the Kokshetau plant is slated for 2027"), ", while", ", but", and "but" before a pronoun subject.
 */
const CLAUSE_BREAK =
  /;|,?\s+and\s+(?=(?:also\s+)?(?:to|will|must|shall|should|is\s+to|are\s+to)\b)|,\s+and\s+(?=(?:[\w'-]+\s+){1,8}?(?:is|are|will|must|shall|should)\s)|,\s+(?:while|whereas|but)\s+|\s+but\s+(?=(?:he|she|they|we|it|I)\s)/g;

const HEDGE = /\b(?:possibility|possibly|potentially|potential\s+to|could|might)\b/i;

/** An earlier date, named as such: "originally scheduled for introduction", "initially planned for". */
const SUPERSEDED_BEFORE = /\b(?:originally|initially|previously|earlier|once)\s+(?:scheduled|planned|set|slated|due|expected|envisaged|announced|promised|intended|targeted)\b[^.;,]{0,40}$/i;

function clauseBounds(text: string): number[] {
  const cuts = [0];
  // CLAUSE_BREAK is global and scanned to its end synchronously: resetting lastIndex reuses it.
  const re = CLAUSE_BREAK;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) cuts.push(m.index);
  cuts.push(text.length);
  return cuts;
}

/** The index of the clause holding `pos` (cuts[i] <= pos < cuts[i + 1]), or -1 past the end. */
function clauseIndex(cuts: readonly number[], pos: number): number {
  for (let i = 0; i < cuts.length; i++) if (pos >= (cuts[i] as number) && pos < (cuts[i + 1] ?? Infinity)) return i;
  return -1;
}

function governingMarker(markers: MarkerHit[], phrase: DeadlineMatch, fronted: boolean, sameClause: (a: number, b: number) => boolean): MarkerHit | null {
  // A marker may run into the phrase ("is scheduled for" + "scheduled for October") or span it
  // ("given X a five-month ultimatum to"): either way it stands before it.
  const before = markers.filter((m) => m.start < phrase.start);
  // A marker after the phrase governs it only in the same clause: in "a big workload over the
  // next two years, but he is confident the staff will meet the challenge" it does not.
  const after = markers.filter((m) => m.start >= phrase.end && (fronted || sameClause(m.start, phrase.start)));
  if (fronted) return after[0] ?? before[before.length - 1] ?? null;
  return before[before.length - 1] ?? after[0] ?? null;
}

/** Whether a resolved phrase lies wholly before the reference date (a past period). */
function isPastDate(match: DeadlineMatch, r: ResolvedDeadline, ref: CalendarDate | null, refIso: IsoDate | null): boolean {
  if (!ref || !refIso || !r.due || !r.periodEnd) return false;
  if (r.periodEnd < refIso) return true;
  return r.precision === "day" && match.spec.strength < 3 && r.due === refIso;
}

/** The words of the marker's clause before it: the subject of the commitment verb. */
function subjectOf(text: string, cuts: number[], marker: MarkerHit, contentOffset: number): string {
  let from = contentOffset;
  for (const cut of cuts) if (cut <= marker.start && cut > from) from = cut;
  return text.slice(from, marker.start);
}

/**
 * A quantity that rises "through the commissioning of a new terminal this December": the date
 * belongs to the action named between the verb and the phrase, which is a commitment.
 */
const ACTION_NOMINAL = /\b(?:through|with|after|upon|following|thanks\s+to|by)\s+(?:the\s+)?(?:commissioning|launch|opening|completion|construction|introduction|start-up|launching)\s+of\b/i;

function datesAnAction(text: string, marker: MarkerHit, phrase: DeadlineMatch): boolean {
  return marker.end <= phrase.start && phrase.start - marker.end <= 200 && ACTION_NOMINAL.test(text.slice(marker.end, phrase.start));
}

/** An outlook, an effect, speculation (outlooks.ts) or an event put on the calendar (calendar-event.ts). */
function isNotADuty(text: string, cuts: number[], marker: MarkerHit, contentOffset: number): boolean {
  const subject = subjectOf(text, cuts, marker, contentOffset);
  const sentenceBefore = text.slice(Math.max(contentOffset, marker.start - 200), marker.start);
  return isOutlook(text, marker, subject, sentenceBefore) || isCalendarEvent(text, marker, subject);
}

/**
 * Whether the actor of `marker`'s clause is a third party. The clause's first marker is its main
 * verb, so its subject is read too: in "The council will send a mission to Almaty in 2027" the
 * phrase hangs on "mission to", whose "subject" is a verb phrase, while the actor stands before "will".
 */
function isThirdPartyActor(text: string, cuts: number[], markers: MarkerHit[], marker: MarkerHit, contentOffset: number, home: string): boolean {
  if (isThirdPartySubject(subjectOf(text, cuts, marker, contentOffset), home)) return true;
  let from = contentOffset;
  for (const cut of cuts) if (cut <= marker.start && cut > from) from = cut;
  const first = markers.find((m) => m.start >= from && m.start < marker.start);
  return first !== undefined && isThirdPartySubject(subjectOf(text, cuts, first, contentOffset), home);
}

/**
 * Commitments read from units[index]. `reference` is the article's reference date (null: none);
 * `home` the country whose government publishes the article (see third-party.ts).
 * Returns an empty list for headings and for units without a governed, future deadline phrase.
 */
export function findCommitments(units: readonly TextUnit[], index: number, reference: IsoDate | null, home = "Kazakhstan"): CommitmentCandidate[] {
  const unit = units[index];
  if (!unit || unit.kind === "heading") return [];
  const phrases = findDeadlines(unit.text);
  if (phrases.length === 0) return [];
  const markers = findMarkers(unit.text);
  const leadIn = unit.kind === "bullet" && unit.leadIn !== null ? units[unit.leadIn] : undefined;
  const leadMarkers = leadIn ? findMarkers(leadIn.text) : [];
  const leadMarker = leadMarkers[leadMarkers.length - 1] ?? null;
  if (markers.length === 0 && !leadMarker) return [];
  const ref = parseIsoDate(reference);
  const cuts = clauseBounds(unit.text);
  const accepted: CommitmentCandidate[] = [];
  const clauseOf = (pos: number): number => clauseIndex(cuts, pos);
  // A clause stating a standing time limit ("This year, applications will be considered within
  // three working days") is a rule of procedure as a whole: its relative framing ("this year")
  // says since when the rule applies, not by when anything is to be done.
  const legalClauses = new Set(
    phrases.filter((p) => p.spec.relative && isLegalTimeLimit(unit.text, p.start, p.text)).map((p) => clauseOf(p.start)),
  );
  const anchor = findAnchor(unit.text, unit.contentOffset, phrases, ref);
  for (const phrase of phrases) {
    if (phrase === anchor?.phrase) continue;
    if (phrase.spec.relative && legalClauses.has(clauseOf(phrase.start))) continue;
    // "measures originally scheduled for introduction by December 2020 will now be introduced by
    // 30 June 2021": the first date was replaced by the second.
    if (SUPERSEDED_BEFORE.test(unit.text.slice(Math.max(0, phrase.start - 60), phrase.start))) continue;
    // "when the leaders meet for a two-day summit in Brussels on 27-28 June": the event's date.
    if (isEventDate(unit.text, phrase.start)) continue;
    const fronted = isFronted(unit.text, phrase.start, unit.contentOffset);
    // A measure noun dates only a start: "the increase in the minimum wage from January 1, 2019".
    const usable = phrase.spec.role === "start" && phrase.spec.precision !== "year" ? markers : markers.filter((m) => m.kind !== "measure");
    const marker = governingMarker(usable, phrase, fronted, (a, b) => clauseOf(a) === clauseOf(b));
    if (!marker && !leadMarker) continue;
    // A start date heading the sentence ("From 1 January 2026, ...") dates a measure taking effect.
    const frontedStart = fronted && phrase.spec.role === "start" && marker !== null && marker.start >= phrase.end;
    if (marker && isForecast(unit.text, marker, { frontedStart }) && !datesAnAction(unit.text, marker, phrase)) continue;
    if (marker && isNotADuty(unit.text, cuts, marker, unit.contentOffset)) continue;
    // A marker chained right before the governing one counts too: "was to | take effect".
    if (marker && markers.some((m) => (m === marker || (m.end <= marker.start && marker.start - m.end <= 2)) && isUnfulfilledPlan(unit.text, m))) continue;
    if (!marker && leadMarker && isForecast(leadIn?.text ?? "", leadMarker)) continue;
    const floor = marker && marker.start < phrase.start ? Math.min(marker.end, phrase.start) : 0;
    // "we plan to modernize 33 checkpoints with the possibility of increasing capacity to 35
    // million tons by 2030": a hedge between the verb and the date leaves the date a hope.
    if (floor > 0 && phrase.start - floor <= 300 && HEDGE.test(unit.text.slice(floor, phrase.start))) continue;
    const tense = fronted ? tenseAfter(unit.text, phrase.end) : tenseBefore(unit.text, phrase.start, floor);
    if (tense === "past") continue;
    if (marker && isThirdPartyActor(unit.text, cuts, markers, marker, unit.contentOffset, home)) continue;
    // A span after an anchoring event counts from the event; it may end before the news appeared.
    const anchored = anchor !== null && phrase.spec.relative;
    const resolved = resolveFiscal(resolveMatch(phrase, anchored ? anchor.date : ref), phrase, home);
    if (!anchored && isPastDate(phrase, resolved, ref, reference)) continue;
    const c = clauseOf(phrase.start);
    const governing = marker
      ? `${marker.kind} '${unit.text.slice(marker.start, marker.end)}'`
      : `lead-in ${leadMarker?.kind ?? ""} '${leadIn?.text.slice(leadMarker?.start, leadMarker?.end) ?? ""}'`;
    const rule = `${phrase.parser} '${phrase.text}' + ${governing}${anchored ? ` (counted from '${anchor.phrase.text}')` : ""}${phrase.spec.fiscalYearEnding !== undefined ? ` (fiscal year of ${home})` : ""}`;
    accepted.push({ unitIndex: index, phrase, resolved, marker, clauseStart: cuts[c] ?? 0, clauseEnd: cuts[c + 1] ?? unit.text.length, rule });
  }
  return pruneWithinClauses(accepted);
}

/** A fiscal-year phrase ends where the home government's fiscal year does (fiscal-year.ts). */
function resolveFiscal(r: ResolvedDeadline, phrase: DeadlineMatch, home: string): ResolvedDeadline {
  if (phrase.spec.fiscalYearEnding === undefined) return r;
  const end = toIsoDate(fiscalYearEnd(home, phrase.spec.fiscalYearEnding));
  return { ...r, due: end, periodEnd: end };
}

/** Rank of a phrase inside its clause: firm dates beat plan periods, which beat vague phrases. */
function rank(c: CommitmentCandidate): number {
  if (c.phrase.spec.vague) return 0;
  return c.phrase.spec.planPeriod ? 1 : 2;
}

function pruneWithinClauses(list: CommitmentCandidate[]): CommitmentCandidate[] {
  const out = list.filter((c) => list.every((o) => o.clauseStart !== c.clauseStart || rank(o) <= rank(c)));
  // One item per (sentence, due): a duplicate date adds nothing.
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = `${c.resolved.due ?? `undated:${c.phrase.text}`}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
