// What ingest stores of one extracted commitment: the Commitment columns it fills and, from the
// same fields, the Mention that records the sentence.
import type { Commitment } from "../generated/prisma/client.ts";
import type { ExtractedCommitment } from "../extraction/types.ts";
import type { MentionFields } from "./add-mention.ts";
import { commitmentKey } from "./commitment-key.ts";
import { encodeTopics } from "./topics.ts";

/** The commitment fields that come from extraction (never status, dueOn after a postponement, history). */
export type ExtractedFields = Pick<
  Commitment,
  | "key"
  | "article"
  | "publishedOn"
  | "title"
  | "responsible"
  | "body"
  | "topics"
  | "extractedDueOn"
  | "precision"
  | "dueText"
  | "undatedReason"
  | "quote"
  | "quoteStart"
  | "quoteEnd"
>;

export function toFields(c: ExtractedCommitment): ExtractedFields {
  return {
    key: commitmentKey(c.quote, c.dueText),
    article: c.article,
    publishedOn: c.published,
    title: c.title,
    responsible: c.responsible,
    body: c.body,
    topics: encodeTopics(c.topics),
    extractedDueOn: c.due,
    precision: c.precision,
    dueText: c.dueText,
    undatedReason: c.undatedReason,
    quote: c.quote,
    quoteStart: c.quoteStart,
    quoteEnd: c.quoteEnd,
  };
}

/** The mention of `fields` in source `sourceId`. */
export function mentionFields(sourceId: number, f: ExtractedFields): MentionFields {
  return {
    sourceId,
    key: f.key,
    article: f.article,
    publishedOn: f.publishedOn,
    quote: f.quote,
    quoteStart: f.quoteStart,
    quoteEnd: f.quoteEnd,
    dueText: f.dueText,
    dueOn: f.extractedDueOn,
    precision: f.precision,
    responsible: f.responsible,
    body: f.body,
  };
}

// The same sentence and phrase twice in one document is one commitment (the unique key says so).
export function dedupeByKey(fields: ExtractedFields[]): ExtractedFields[] {
  const seen = new Set<string>();
  return fields.filter((f) => (seen.has(f.key) ? false : (seen.add(f.key), true)));
}
