/**
 * Standing legal time limits: "an application by a citizen must be considered within 15 working
 * days", "complaints shall be reviewed within one month". The span is counted from each new
 * application, not from the day of the news, so it is a rule of procedure and never a dated
 * commitment. A named actor told to act within a span ("The ministry must consider the matter
 * within ten days", "The akimat is to issue the permits within a month") stays a commitment: only
 * a generic procedural item as the subject of a passive "be considered/reviewed/issued ..." counts.
 */

/** Generic items of administrative procedure. */
const PROCEDURE_ITEM =
  "(?:application|request|appeal|complaint|case|permit|claim|petition|inquiry|enquiry|query|objection|dispute|notification|submission|licen[cs]e|certificate|document|report|answer|response)s?";
/** Passive verbs of handling such an item. */
const HANDLING =
  "(?:considered|reviewed|issued|processed|examined|answered|resolved|handled|registered|decided|settled|satisfied|granted|approved|responded\\s+to|sent|notified)";
/**
 * Read backwards from the span: "<a|an|the|each|every|any|all>? <up to 3 words> <item> <up to 80
 * characters, no sentence break> <must|shall|should|is to|are to|will|can> be <handling verb>".
 * The slice is at most 160 characters and every repetition is bounded, so there is no runaway
 * backtracking.
 */
const GENERIC_PASSIVE = new RegExp(
  `\\b${PROCEDURE_ITEM}\\b[^.;:!?]{0,80}?\\b(?:must|shall|should|(?:is|are)\\s+to|will|can|may)\\s+(?:only\\s+)?be\\s+(?:\\w+ly\\s+)?${HANDLING}(?:\\s+(?:on|in|at|via|through|online)\\b[^.;:!?,]{0,50})?\\s*$`,
  "i",
);
const SPAN_PHRASE = /^(?:within|in)\b/i;

/**
 * True when the span phrase at `phraseStart` ("within 15 working days") closes a passive rule
 * about a generic procedural item, i.e. a standing legal time limit rather than a commitment.
 */
export function isLegalTimeLimit(text: string, phraseStart: number, phraseText: string): boolean {
  if (!SPAN_PHRASE.test(phraseText)) return false;
  const before = text.slice(Math.max(0, phraseStart - 160), phraseStart);
  const cut = Math.max(before.lastIndexOf(";"), before.lastIndexOf(". "));
  return GENERIC_PASSIVE.test(cut >= 0 ? before.slice(cut + 1) : before);
}
