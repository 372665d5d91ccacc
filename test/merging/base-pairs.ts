/**
 * Pairs between commitments the extractor found in the real documents: the restatements a reader
 * sees in them, labelled by hand, and negatives sampled among the rest (within one article: other
 * duties of the same body and date; across articles: the same topic or the same deadline window).
 * Pieces of quotes name the commitments, as in restatements.ts.
 */
import { dueWindow, windowGapDays } from "../../src/merging/dates.ts";
import type { LabelledPair, PairCommitment } from "./pair-set.ts";

/**
 * Seed 002's sentence as the extractor would emit it were it to take undated commitments (it does
 * not today: the sentence has no deadline), with the body the sentence names.
 */
export const DIGITAL_QAZAQSTAN_002: PairCommitment = {
  file: "002_e00f4c22fc5f6f6c.txt",
  title: "Develop a single conceptual document, Digital Qazaqstan",
  quote:
    "To effectively implement this goal, the government will develop a single conceptual document, Digital Qazaqstan, which will combine all initiatives and projects on digitalization and artificial intelligence into a national strategy.",
  body: "Government",
  responsible: "the government",
  due: null,
  precision: "vague",
  dueText: null,
  topics: ["digital & AI"],
  published: "2025-09-08",
};

interface BasePair {
  a: string;
  b: string;
  label: "same" | "different";
  reason: string;
}

export const BASE_PAIRS: BasePair[] = [
  { a: DIGITAL_QAZAQSTAN_002.quote, b: "complete the development of the draft Strategy", label: "same", reason: "issue 9: the conceptual document Digital Qazaqstan is the draft Strategy the Digital Headquarters dated 31 Dec 2025" },
  { a: DIGITAL_QAZAQSTAN_002.quote, b: "formulate \"icebreaker projects\"", label: "different", reason: "icebreaker projects are a step of the digital strategy, not the document" },
  { a: "finish construction of the EXPO facilities this autumn", b: "complete construction of all the facilities", label: "same", reason: "the article restates the facilities' completion in its next sentence (gold note)" },
  { a: "All construction works must be finished by autumn 2016", b: "finish construction of the EXPO facilities this autumn", label: "same", reason: "EXPO construction by autumn 2016, said by the President and by the EXPO company" },
  { a: "directed all the ministries to prepare a plan of action", b: "The caretaker premier’s directive to all the ministries", label: "same", reason: "the article restates the directive in its next paragraph" },
  { a: "The Saryarka gas pipeline", b: "the construction of all facilities will be completed", label: "same", reason: "the pipeline's completion, in the reporter's and the minister's words" },
  { a: "The Saryarka gas pipeline", b: "acceptance of the gas pipeline is scheduled", label: "same", reason: "acceptance on 31 December is the pipeline's completion date" },
  { a: "the work on Ameenee Magu will be completed", b: "Kamaludeen has recommitted to completing the work", label: "same", reason: "the minister's recommitment restates the Ameenee Magu deadline" },
  { a: "measures that the Government had indicated would be introduced", b: "those measures originally scheduled for introduction by December 2020", label: "different", reason: "two batches of measures, both now dated December 2020" },
  { a: "present in-depth policy reviews by mid-2025", b: "present a report by June 2025", label: "different", reason: "the Commission's policy reviews and the Council's report: same date, other duty" },
];

/** Pairs a reader cannot label with confidence; kept out of the set. */
const AMBIGUOUS: [string, string][] = [
  ["release of 50 percent funds", "ensure a robust mechanism"],
  ["solar power plant with a capacity of 100 megawatts (514", "Samarkand region"],
  ["two-day debate on the Second Reading", "decided to schedule the debate"],
  ["187 diesel locomotives", "Deliveries are planned for a long term"],
];

/**
 * Words of four letters or more, lower case: deliberately not the matcher's stems, so which
 * negatives are sampled does not follow the matcher being measured.
 */
function stemSet(c: PairCommitment): Set<string> {
  return new Set(`${c.title} ${c.quote}`.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}

function sameWindow(a: PairCommitment, b: PairCommitment): boolean {
  const wa = dueWindow(a.due, a.precision);
  const wb = dueWindow(b.due, b.precision);
  return wa !== null && wb !== null && windowGapDays(wa, wb) === 0;
}

/**
 * Negatives among the extracted commitments: every pair within one article (other duties; pairs of
 * one sentence read twice are left out, the store never matches a document against itself), and
 * for each commitment across articles the most word-alike one, one of the same topic and one of
 * the same deadline window. Labelled pairs and AMBIGUOUS are skipped.
 */
export function sampleBaseNegatives(commitments: Record<string, PairCommitment>, labelled: Set<string>): Omit<LabelledPair, "part">[] {
  const ids = Object.keys(commitments).filter((id) => id.startsWith("base-"));
  const stems = new Map(ids.map((id) => [id, stemSet(commitments[id] as PairCommitment)]));
  const skip = new Set(labelled);
  for (const [x, y] of AMBIGUOUS) {
    const ix = ids.filter((id) => commitments[id]?.quote.includes(x));
    const iy = ids.filter((id) => commitments[id]?.quote.includes(y));
    for (const a of ix) for (const b of iy) skip.add([a, b].sort().join("|"));
  }
  const out: Omit<LabelledPair, "part">[] = [];
  // One sentence read twice (two deadlines) gives two commitments with one quote: one pair of quotes is enough.
  const seenQuotes = new Set<string>();
  const add = (a: string, b: string, reason: string): void => {
    const key = [a, b].sort().join("|");
    const ca = commitments[a] as PairCommitment;
    const cb = commitments[b] as PairCommitment;
    const quotes = [ca.quote, cb.quote].sort().join("|");
    if (a === b || skip.has(key) || ca.quote === cb.quote || seenQuotes.has(quotes)) return;
    skip.add(key);
    seenQuotes.add(quotes);
    out.push({ a, b, label: "different", reason });
  };
  for (const [i, a] of ids.entries()) {
    const ca = commitments[a] as PairCommitment;
    for (const b of ids.slice(i + 1)) if (commitments[b]?.file === ca.file) add(a, b, "one article, two duties");
    const others = ids.filter((b) => commitments[b]?.file !== ca.file);
    const alike = others
      .map((b) => [b, overlap(stems.get(a) as Set<string>, stems.get(b) as Set<string>)] as const)
      .sort((x, y) => y[1] - x[1])[0];
    if (alike) add(a, alike[0], "other article, most alike in words, another duty");
    const topic = others.find((b) => commitments[b]?.topics.some((t) => ca.topics.includes(t)) && !skip.has([a, b].sort().join("|")));
    if (topic) add(a, topic, `same topic (${ca.topics.join(", ")}), other article and duty`);
    const window = others.find((b) => sameWindow(ca, commitments[b] as PairCommitment) && !skip.has([a, b].sort().join("|")));
    if (window) add(a, window, `same deadline window (${ca.due}), other article and duty`);
  }
  return out;
}
