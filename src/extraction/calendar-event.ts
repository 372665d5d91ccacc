/**
 * Events on a calendar: "the EXPO-2017 will be held from June 10", "the Third Meeting of the
 * Session will be held from Oct 14 to Dec 12", "the two-day debate will begin today (Oct. 20)",
 * "decided to schedule the debate for Oct. 20". The date says when something takes place, not by
 * when anyone must have done anything: nobody can be reminded of having held a meeting, and a
 * follower learns nothing from "the session opens on Monday" once it has opened. So a clause
 * whose commitment verb only puts an event on the calendar gives no commitment.
 *
 * Three shapes, each read on the clause of the commitment marker:
 *  1. the verb is "be held", "take place", "be convened" (whatever is held is an event);
 *  2. the subject is an event noun ("the meeting", "the debate") and the verb starts, opens,
 *     ends or ranks it ("will begin", "will be their first", "is scheduled for");
 *  3. the verb schedules, holds or hosts an event noun ("to schedule the debate for", "will
 *     host the summit in April").
 */
import type { MarkerHit } from "./markers.js";

const EVENT_NOUN =
  "(?:meetings?|sessions?|sittings?|summits?|debates?|discussions?|talks|exhibitions?|expo(?:-\\d{4})?|forums?|conferences?|congress(?:es)?|festivals?|games|olympiads?|championships?|visits?|hearings?|ceremon(?:y|ies)|celebrations?|plenar(?:y|ies)|rounds?\\s+of\\s+talks|negotiations|consultations)";

/** Words after the marker that hold an event, whatever the subject. */
const HELD = /^\s*(?:(?:\w+ly|also|now|then|again|still)\s+)?(?:be\s+(?:held(?!\s+(?:accountable|responsible|liable|to\s+account|back|up|hostage|in\s+custody))|convened|hosted|staged)|take\s+place|convene)\b/i;

/** What a subject that is an event does on its date. */
const EVENT_VERB =
  /^\s*(?:(?:\w+ly|also|now|then|again|still)\s+)?(?:begin|start|open|close|end|resume|last|run|continue|kick\s+off|be\s+(?:the|their|its|his|her)\s+(?:first|second|third|last|next|final)|take\s+place)\b/i;

/** A scheduling marker with its date right after it: "is scheduled for", "is slated for", "is planned". */
const SCHEDULED = /\b(?:scheduled|slated|set|planned|due|expected)(?:\s+(?:for|in|on|by))?$/i;

/** An event noun heading the subject: "The expected meeting this week", "the two-day debate on ...". */
const EVENT_SUBJECT = new RegExp(`^\\s*(?:[\\w'’-]+\\s+){0,3}?${EVENT_NOUN}\\b`, "i");

/** A verb that puts an event noun on the calendar: "schedule the debate", "host the Regional Climate Summit". */
const SCHEDULES_EVENT = new RegExp(`^\\s*(?:(?:\\w+ly|also)\\s+)?(?:schedule|hold|host|convene|organi[sz]e|stage)\\s+(?:[\\w'’-]+\\s+){0,5}?${EVENT_NOUN}\\b`, "i");

/** Whether `s` opens with "to" in any case: only then can /^to\s+/i strip anything (no regex run otherwise). */
function startsWithTo(s: string): boolean {
  // `| 32` folds an ASCII capital to its small letter; only "T"/"t" give 116 and "O"/"o" give 111.
  return (s.charCodeAt(0) | 32) === 116 && (s.charCodeAt(1) | 32) === 111;
}

/**
 * True when the commitment marker at `marker` (in `text`) only places an event on the calendar.
 * `subject` is the clause's text before the marker.
 */
export function isCalendarEvent(text: string, marker: MarkerHit, subject: string): boolean {
  const after = text.slice(marker.end, marker.end + 120);
  // "the exhibition scheduled to be held in 2017": the marker itself may be "to be held".
  const words = text.slice(marker.start, marker.end);
  const own = startsWithTo(words) ? words.replace(/^to\s+/i, "") : words;
  if (HELD.test(after) || HELD.test(own) || SCHEDULES_EVENT.test(after)) return true;
  // The subject proper: what follows the last comma ("As earlier reported, the EXPO-2017").
  const head = subject.slice(Math.max(subject.lastIndexOf(","), subject.lastIndexOf(":")) + 1);
  // "scheduled to be held": the marker ends in "to", the event verb follows.
  if (!EVENT_SUBJECT.test(head)) return false;
  return EVENT_VERB.test(after) || SCHEDULED.test(text.slice(marker.start, marker.end));
}

/**
 * A clause of time whose event ends right before a date: "when the 27 EU leaders meet for a
 * two-day summit in Brussels on 27-28 June". Only the clause of time: an action done at an event
 * ("to table the bill in the coming sitting (October)") is dated by it.
 */
const EVENT_BEFORE_DATE = new RegExp(`\\b(?:when|while|once|as)\\s+[^,;.]{0,80}?\\b${EVENT_NOUN}(?:\\s+(?:in|at)\\s+(?:the\\s+)?[A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*){0,2})?\\s*$`, "i");

/** True when the phrase starting at `phraseStart` dates the event of a clause of time right before it. */
export function isEventDate(text: string, phraseStart: number): boolean {
  return EVENT_BEFORE_DATE.test(text.slice(Math.max(0, phraseStart - 80), phraseStart));
}
