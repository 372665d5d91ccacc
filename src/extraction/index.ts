/**
 * Mindet's deadline extraction: text in, dated commitments out. PURE: no I/O, no clock; the
 * reference date comes from the document (header, digest stamp, prose) or from `options.reference`.
 *
 * The pipeline, in order (each step is one file):
 *   normalise.ts    look-alike letters, odd spaces, quotes, dashes, bullets; an offset map back
 *   articles.ts     document shapes -> articles with a title and a reference date
 *   sentences.ts    sentences, bullets (linked to their lead-in), headings
 *   deadline/       one parser per phrasing family, overlap resolution, resolution to a date
 *   commitments.ts  which phrases are commitments (markers, tense, forecasts, past dates)
 *   responsible.ts  the actor and the canonical body (actors.ts)
 *   titles.ts       a short imperative title
 *   topics.ts       topics by keyword rules
 */
import { parseIsoDate } from "./calendar.js";
import { findCommitments } from "./commitments.js";
import { splitArticles, type ArticleSpan } from "./articles.js";
import { normaliseText, toOriginalSpan, type NormalisedText } from "./normalise.js";
import { buildArticleActors, findResponsible } from "./responsible.js";
import { splitUnits } from "./sentences.js";
import { buildTitle } from "./titles.js";
import { homeCountry } from "./third-party.js";
import { classifyTopics } from "./topics.js";
import type { Article, ExtractedCommitment, ExtractionResult, ExtractOptions } from "./types.js";

export * from "./types.js";
export { normaliseText, toOriginalSpan, type NormalisedText } from "./normalise.js";
export { resolveDeadline, findDeadlines, resolveMatch, DEADLINE_PARSERS } from "./deadline/index.js";
export type { DeadlineMatch, DeadlineParser, DeadlineSpec, ResolvedDeadline } from "./deadline/index.js";
export { splitArticles, type ArticleSpan } from "./articles.js";
export { splitSentences, splitUnits, type TextUnit } from "./sentences.js";
export { canonicalBody, findActors } from "./actors.js";
export { classifyTopics, TOPIC_RULES } from "./topics.js";
export { buildTitle, MAX_TITLE_CHARS } from "./titles.js";
export { findMarkers } from "./markers.js";
export { toJsonRecord, type CommitmentJsonRecord } from "./json.js";

function extractArticle(norm: NormalisedText, original: string, span: ArticleSpan, home: string): ExtractedCommitment[] {
  const units = splitUnits(norm.text, span.bodyStart, span.end);
  const ctx = buildArticleActors(norm.text, span.start, span.end);
  const out: ExtractedCommitment[] = [];
  units.forEach((unit, index) => {
    const found = findCommitments(units, index, span.published, home);
    if (found.length === 0) return;
    const [quoteStart, quoteEnd] = toOriginalSpan(norm, unit.start, unit.end);
    const quote = original.slice(quoteStart, quoteEnd);
    const leadIn = unit.kind === "bullet" && unit.leadIn !== null ? units[unit.leadIn] : undefined;
    const phrases = found.map((c) => ({ start: c.phrase.start, end: c.phrase.end }));
    for (const c of found) {
      const { responsible, body } = findResponsible(unit, c.marker, leadIn, ctx);
      const title = buildTitle({ text: unit.text, contentOffset: unit.contentOffset, clauseStart: c.clauseStart, clauseEnd: c.clauseEnd, marker: c.marker, phrases });
      out.push({
        quote, quoteStart, quoteEnd, title, responsible, body,
        topics: classifyTopics(unit.text, span.title, body),
        dueText: c.phrase.text,
        due: c.resolved.due,
        precision: c.resolved.precision,
        undatedReason: c.resolved.undatedReason,
        article: span.title,
        published: span.published,
      });
    }
  });
  return out;
}

/**
 * Extracts every dated (or explicitly vague) commitment from a document, in document order.
 * `options.reference` is used only when the document states no publication date; with neither,
 * relative deadlines ("next year") come back with `due: null` and an `undatedReason`.
 * Never throws on any string input; empty or blank text gives no articles and no commitments.
 */
export function extractDocument(text: string, options: ExtractOptions = {}): ExtractionResult {
  const norm = normaliseText(text);
  const fallback = parseIsoDate(options.reference ?? null) ? (options.reference ?? null) : null;
  const spans = splitArticles(norm.text, fallback);
  const articles: Article[] = spans.map((a) => {
    const [start, end] = toOriginalSpan(norm, a.start, a.end);
    return { title: a.title, published: a.published, start, end };
  });
  // One publisher per document: the home country is counted over all of it (see third-party.ts).
  const home = homeCountry(norm.text);
  const commitments = spans.flatMap((span) => extractArticle(norm, text, span, home));
  return { articles, commitments };
}
