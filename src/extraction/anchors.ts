/**
 * A date named as the starting point of a task: "Following the talks with the ESTA Construction
 * heads on March 4, the Prime Minister tasked the ministries to finalize the agreement within two
 * weeks." The fronted clause dates a past event, not a deadline, and a span in the same sentence
 * ("within two weeks") counts from that event, not from the day the news was published.
 */
import { compareDates, parseIsoDate, type CalendarDate } from "../calendar.ts";
import { resolveMatch, type DeadlineMatch } from "./deadline/index.js";

/** A fronted clause that names an event before the main clause: "Following ...,", "After ...,". */
const ANCHOR_CLAUSE = /^[\s"'(-]*(?:following|after|upon|in\s+the\s+wake\s+of|at\s+the\s+end\s+of)\b[^,;.]{0,160},/i;

export interface Anchor {
  /** The phrase that dates the event (never a deadline itself). */
  phrase: DeadlineMatch;
  /** The event's date: on or before the reference date, since it is reported as past. */
  date: CalendarDate;
}

/**
 * The anchor of a unit whose text (from `contentOffset`) opens with an event clause holding a
 * day-precise date, or null. `reference` is the article's reference date (null: none).
 */
export function findAnchor(text: string, contentOffset: number, phrases: readonly DeadlineMatch[], reference: CalendarDate | null): Anchor | null {
  const clause = ANCHOR_CLAUSE.exec(text.slice(contentOffset, contentOffset + 200));
  if (!clause) return null;
  const end = contentOffset + clause[0].length;
  const phrase = phrases.find((p) => p.end <= end && p.spec.precision === "day" && !p.spec.vague);
  if (!phrase) return null;
  const due = parseIsoDate(resolveMatch(phrase, reference).due);
  if (!due) return null;
  // "on March 4" without a year resolves to the next March 4; a reported event is the last one.
  const date = reference && phrase.spec.relative && compareDates(due, reference) > 0 ? { ...due, year: due.year - 1 } : due;
  return { phrase, date };
}
