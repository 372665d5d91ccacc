/** The `extract --json` record (deadline-extraction.md, "Output"), shared by the CLI and the scorer script. */
import type { ExtractedCommitment } from "./types.js";

export type CommitmentJsonRecord = { file: string } & Pick<
  ExtractedCommitment,
  "article" | "published" | "quote" | "title" | "responsible" | "body" | "topics" | "dueText" | "due" | "precision" | "undatedReason"
> & { rule?: string };

/**
 * One JSON record for `commitment` read from `file` (pass the base name, as the scorer compares
 * base names). The record has exactly the fields of the spec's output; `withRule` adds `rule`.
 */
export function toJsonRecord(file: string, commitment: ExtractedCommitment, withRule = false): CommitmentJsonRecord {
  return {
    file,
    article: commitment.article,
    published: commitment.published,
    quote: commitment.quote,
    title: commitment.title,
    responsible: commitment.responsible,
    body: commitment.body,
    topics: commitment.topics,
    dueText: commitment.dueText,
    due: commitment.due,
    precision: commitment.precision,
    undatedReason: commitment.undatedReason,
    ...(withRule ? { rule: commitment.rule ?? "" } : {}),
  };
}
