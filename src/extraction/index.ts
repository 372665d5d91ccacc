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
import { parseIsoDate } from "../calendar.ts";
import { findCommitments } from "./commitments.js";
import { splitArticles, type ArticleSpan } from "./articles.js";
import { normaliseText, toOriginalSpan, type NormalisedText } from "./normalise.js";
import type { ArticleActors } from "./actors.js";
import { buildArticleActors, findResponsible } from "./responsible.js";
import { splitUnits, type TextUnit } from "./sentences.js";
import { resolveReferences } from "./title-references.js";
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

/**
 * Headlines state commitments too ("More Than 11,000 km of Roads to Be Built in Kazakhstan in
 * 2026"), so the article's title is read as the first unit. Bullets' lead-in indices shift by one.
 */
function withTitle(text: string, span: ArticleSpan, body: TextUnit[]): TextUnit[] {
  if (span.title === null) return body;
  const start = text.indexOf(span.title, span.start);
  if (start < 0 || start >= span.bodyStart) return body;
  const title: TextUnit = { start, end: start + span.title.length, text: span.title, kind: "sentence", paragraph: -1, leadIn: null, contentOffset: 0 };
  return [title, ...body.map((u) => (u.leadIn === null ? u : { ...u, leadIn: u.leadIn + 1 }))];
}

function extractArticle(norm: NormalisedText, original: string, span: ArticleSpan, home: string): ExtractedCommitment[] {
  const units = withTitle(norm.text, span, splitUnits(norm.text, span.bodyStart, span.end));
  // The article's actors are read only once a sentence of it holds a commitment.
  let actors: ArticleActors | null = null;
  const ctx = (): ArticleActors => (actors ??= buildArticleActors(norm.text, span.start, span.end));
  const out: ExtractedCommitment[] = [];
  units.forEach((unit, index) => {
    const found = findCommitments(units, index, span.published, home);
    if (found.length === 0) return;
    const [quoteStart, quoteEnd] = toOriginalSpan(norm, unit.start, unit.end);
    const quote = original.slice(quoteStart, quoteEnd);
    const leadIn = unit.kind === "bullet" && unit.leadIn !== null ? units[unit.leadIn] : undefined;
    const phrases = found.map((c) => ({ start: c.phrase.start, end: c.phrase.end }));
    for (const c of found) {
      const { responsible, body } = findResponsible(unit, c.marker, leadIn, ctx());
      const draft = buildTitle({ text: unit.text, contentOffset: unit.contentOffset, clauseStart: c.clauseStart, clauseEnd: c.clauseEnd, marker: c.marker, phrases });
      const title = resolveReferences(draft, { before: [...units.slice(Math.max(0, index - 3), index).map((u) => u.text), unit.text], articleTitle: span.title });
      out.push({
        quote, quoteStart, quoteEnd, title, responsible, body,
        topics: classifyTopics(unit.text, span.title, body),
        dueText: c.phrase.text,
        due: c.resolved.due,
        precision: c.resolved.precision,
        undatedReason: c.resolved.undatedReason,
        article: span.title,
        published: span.published,
        rule: c.rule,
      });
    }
  });
  return span.title === null ? out : dropRestatedHeadline(out, span.title);
}

const CONTENT_WORD = /[a-z]{5,}/g;
const contentWords = (s: string): Set<string> => new Set(s.toLowerCase().match(CONTENT_WORD) ?? []);

/**
 * A headline usually announces what the body states again ("Gasification of Kokshetau to be
 * completed this autumn" over "... will be completed in autumn"): one reminder is enough, and the
 * body's sentence is the better quote. The headline's item goes when a body item has the same due
 * date and shares two content words with it.
 */
function dropRestatedHeadline(items: ExtractedCommitment[], headline: string): ExtractedCommitment[] {
  const words = contentWords(headline);
  const restated = (h: ExtractedCommitment): boolean =>
    items.some((b) => b.quote !== h.quote && b.due === h.due && [...contentWords(b.quote)].filter((w) => words.has(w)).length >= 2);
  return items.filter((c) => c.quote.trim() !== headline || !restated(c));
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
