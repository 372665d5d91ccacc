/**
 * Statements with a commitment verb that promise nothing, beyond the quantity forecasts of
 * markers.ts (isForecast). Each is a family seen in real news:
 * - economic indicators as the subject: "Oil prices will soften", "the current account deficit
 *   would widen to 8.6% of GDP", "debt will be 55% of GDP this year": an outlook, nobody's duty;
 * - an effect of something as the subject: "These projects will increase the ridership from 1.6
 *   to 3 million trips by 2030", "This will partially impact the growth rate": a projected result;
 * - production volumes: "4.6 billion kWh of electricity will be generated in the autumn";
 * - speculation and hearsay: "I'm afraid that in 2020 another program will be born", "Perhaps
 *   the Minister remembers that Turner said the scheme should start in 2010", "had predicted 17
 *   million ID cards would be in circulation by 2017";
 * - outlooks reported by banks and analysts: "The bank said the country will see higher prices";
 * - anniversaries: "It will soon be six years since ...".
 */
import type { MarkerHit } from "./markers.js";

/** Economic indicators: nobody commits to them; their movement is forecast. Taxes and tariffs, set by a government, are not here. */
const INDICATOR =
  /\b(?:deficit|surplus|debt|inflation|(?:consumer\s+|oil\s+|food\s+|energy\s+|housing\s+|commodity\s+)?prices|exchange\s+rates?|interest\s+rates?|base\s+rate|growth(?:\s+rate)?|GDP|consumption|demand|output|exports|imports|unemployment|yields?|current\s+account|trade\s+balance)\b/i;

/** What an indicator does: any verb, as long as its subject is an indicator. */
const INDICATOR_SUBJECT = new RegExp(`^\\s*(?:[\\w'’%.,-]+\\s+){0,4}?${INDICATOR.source}\\s*(?:[\\w'’-]+\\s+){0,3}?$`, "i");

/** A pronoun or a demonstrative as the subject of an effect: "This will", "These projects will", "It will". */
const EFFECT_SUBJECT = /^\s*(?:this|these|that|those|it|such\s+\w+)(?:\s+[\w-]+){0,2}\s*$/i;
const EFFECT_VERB =
  /^\s*(?:(?:\w+ly|also|further|thus)\s+)?(?:increase|decrease|reduce|raise|boost|lower|double|triple|improve|impact|affect|determine|create|generate|save|cut|bring|push|lift|drive|help|allow|enable|lead\s+to|result\s+in|contribute\s+to|go\s+(?:up|down))\b/i;

/** A volume of a commodity produced, mined or shipped: "4 billion 600 million kW/h of electricity will be generated". */
const VOLUME_SUBJECT =
  /\d[\d,.]*\s*(?:(?:million|billion|thousand|mln|bln|bn)\s+)?(?:kW\/?h|kWh|MWh|GWh|MW|GW|tons?|tonnes|cu\.?\s*m|cubic\s+met(?:er|re)s|barrels|litres|liters)\b/i;
const PRODUCED = /^\s*(?:(?:\w+ly|also)\s+)?be\s+(?:generated|produced|extracted|mined|harvested|exported|imported|shipped|transported|consumed|supplied|refined|processed)\b/i;

/** Hedges and hearsay before the verb. */
const SPECULATION =
  /\b(?:afraid|perhaps|maybe|possibly|presumably|i\s+(?:think|believe|guess|suppose|doubt)|(?:had|has|have)\s+(?:\w+ly\s+)?(?:predicted|forecast|projected|estimated|warned|speculated)|predicted|speculated|rumou?red)\b/i;

/** "the country will see higher consumer prices": what an economy will experience. */
const SEE_CHANGE = /^\s*(?:(?:\w+ly|also)\s+)?(?:see|experience|face|witness)\s+(?:an?\s+)?(?:higher|lower|stronger|weaker|faster|slower|further|rising|falling|increased|reduced|soaring|declining)\b/i;

/**
 * A bank, a fund or an analyst reporting what others will do: "The bank said the country will
 * see ...", "The IMF expects the economy to ...". A bank speaking of itself ("the National Bank
 * said it will lower the rate in March") is not caught: that is its own decision.
 */
const OUTLOOK_SOURCE = /\b(?:bank|banks|IMF|fund|rating\s+agency|analysts?|economists?|experts?)\s+(?:said|says|expects?|expected|forecasts?|predicts?|predicted|estimates?|projects?|believes?)\s+(?:that\s+)?(?!it\b|they\b|the\s+bank\b|the\s+regulator\b)\S+[^,;]*$/i;

const ANNIVERSARY = /^\s*(?:(?:soon|already|then)\s+)?be\s+[\w-]+\s+(?:years?|months?|decades?)\s+since\b/i;

/**
 * Everything up to the last comma, colon, semicolon or conjunction. Anchored: a match anywhere
 * implies one from the start (the dotall ".*" takes any prefix), and without "^" a subject with no
 * break was retried from every position (quadratic in its length).
 */
const LAST_SUBJECT_BREAK = /^.*(?:[,;:]|\b(?:that|but|while|and|or|whereas)\s)/is;

/** True when `s` holds a digit: VOLUME_SUBJECT needs one, and this costs no regex run. */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The subject proper: the words after the clause's last comma, "that", "but", "while" or "and". */
function headOf(whole: string): string {
  // Bounded: the subject of a run-on clause can be the whole document.
  const subject = whole.slice(-200);
  const cut = LAST_SUBJECT_BREAK.exec(subject);
  return cut ? subject.slice(cut[0].length) : subject;
}

/**
 * True when the modal or plan `marker` in `text` states an outlook, an effect, a production
 * volume, speculation or an anniversary rather than a commitment. `subject` is the clause's text
 * before the marker; `sentenceBefore` the whole sentence before the marker.
 */
export function isOutlook(text: string, marker: MarkerHit, subject: string, sentenceBefore: string): boolean {
  if (marker.kind !== "modal" && marker.kind !== "plan") return false;
  const after = text.slice(marker.end, marker.end + 80);
  // Every ANNIVERSARY match holds "since" (any case: lowercasing keeps ASCII letters ASCII).
  if ((after.toLowerCase().includes("since") && ANNIVERSARY.test(after)) || SEE_CHANGE.test(after)) return true;
  if (SPECULATION.test(sentenceBefore.slice(-200)) || OUTLOOK_SOURCE.test(sentenceBefore.slice(-160))) return true;
  const head = headOf(subject);
  if (INDICATOR_SUBJECT.test(head)) return true;
  if (EFFECT_SUBJECT.test(head) && EFFECT_VERB.test(after)) return true;
  // "This will impact the growth rate ..., but due to the high yield, will determine the average
  // inflation rate of 4.7% in 2008": a clause without a subject of its own, acting on an indicator.
  if (head.trim() === "" && EFFECT_VERB.test(after) && INDICATOR.test(after.slice(0, 60))) return true;
  return hasDigit(head) && VOLUME_SUBJECT.test(head) && PRODUCED.test(after);
}
