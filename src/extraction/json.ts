/** The `extract --json` record (deadline-extraction.md, "Output"), shared by the CLI and the scorer script. */
import type { ExtractedCommitment, IsoDate, Precision, Topic } from "./types.js";

export interface CommitmentJsonRecord {
  file: string;
  article: string | null;
  published: IsoDate | null;
  quote: string;
  title: string;
  responsible: string | null;
  body: string | null;
  topics: Topic[];
  dueText: string | null;
  due: IsoDate | null;
  precision: Precision;
  undatedReason: string | null;
}

/** One JSON record for `commitment` read from `file` (pass the base name, as the scorer compares base names). */
export function toJsonRecord(file: string, commitment: ExtractedCommitment): CommitmentJsonRecord {
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
  };
}
