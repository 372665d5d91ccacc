import type { Db } from "../db/client.ts";
import type { Commitment } from "../generated/prisma/client.ts";
import type { ExtractedCommitment } from "../extraction/types.ts";
import { commitmentKey, contentHash, quoteSimilarity, SAME_COMMITMENT_SIMILARITY, normaliseForKey } from "./commitment-key.ts";
import { defaultExtract, type ExtractFn } from "./extractor.ts";
import { encodeTopics } from "./topics.ts";

export interface IngestSourceInput {
  /** Name to show: a file's base name, or "telegram/<chat>/<message>.txt". */
  file: string;
  /**
   * Identity of the source: the file's absolute path, so a/x.txt and b/x.txt are two sources.
   * Defaults to `file` (right for names that are already unique, such as the /ingest ones).
   */
  path?: string;
  /** The document text (already decoded and normalised by the document reader). */
  text: string;
  /** When this ingest happens: stamps withdrawals. */
  now: Date;
  /** The extractor; the real one from src/extraction by default. */
  extract?: ExtractFn;
}

export interface IngestResult {
  file: string;
  /** The source's identity (see IngestSourceInput.path). */
  path: string;
  /** created: a new source; updated: its text changed; unchanged: same hash, nothing written. */
  status: "created" | "updated" | "unchanged";
  sourceId: number;
  /** Commitments created. */
  added: number;
  /** Commitments whose fields changed (or that reappeared after a withdrawal). */
  updated: number;
  /** Commitments no longer in the document (kept, with withdrawnAt set). */
  withdrawn: number;
  /** Commitments present and identical. */
  unchanged: number;
}

/** The commitment fields that come from extraction (never status, dueOn after a postponement, history). */
type ExtractedFields = Pick<
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

/**
 * Stores one document and its commitments, in ONE transaction: either all of it is written or
 * nothing. An unchanged document (same sha256) writes nothing at all. An edited one keeps its
 * commitments' identity (matched on the key, then on a similar quote with the same due phrase),
 * updates their extracted fields only, withdraws those gone and restores those back.
 */
export async function ingestSource(db: Db, input: IngestSourceInput): Promise<IngestResult> {
  const path = input.path ?? input.file;
  const names = { file: input.file, path };
  const hash = contentHash(input.text);
  const existing = await findSource(db, path, input.file);
  if (existing && existing.contentHash === hash) {
    if (existing.path !== path) await db.source.update({ where: { id: existing.id }, data: names });
    const unchanged = await db.commitment.count({ where: { sourceId: existing.id, withdrawnAt: null } });
    return { ...names, status: "unchanged", sourceId: existing.id, added: 0, updated: 0, withdrawn: 0, unchanged };
  }
  // Extraction is pure CPU: done before the transaction so the write lock is held briefly.
  const extraction = await (input.extract ?? defaultExtract)(input.text);
  const first = extraction.articles[0];
  const sourceFields = {
    contentHash: hash,
    title: first?.title ?? null,
    publishedOn: first?.published ?? extraction.commitments[0]?.published ?? null,
    content: input.text,
  };
  const wanted = dedupeByKey(extraction.commitments.map(toFields));

  return db.$transaction(async (tx) => {
    // Re-read inside the transaction: another ingest of the same file may have won the race.
    const current = await findSource(tx, path, input.file);
    if (!current) {
      const source = await tx.source.create({ data: { ...names, ...sourceFields }, select: { id: true } });
      if (wanted.length > 0) {
        await tx.commitment.createMany({ data: wanted.map((f) => ({ ...f, sourceId: source.id, status: "open", dueOn: f.extractedDueOn })) });
      }
      return { ...names, status: "created", sourceId: source.id, added: wanted.length, updated: 0, withdrawn: 0, unchanged: 0 };
    }
    await tx.source.update({ where: { id: current.id }, data: { ...names, ...sourceFields } });
    const stored = await tx.commitment.findMany({ where: { sourceId: current.id }, orderBy: { id: "asc" } });
    const { pairs, fresh, gone } = matchCommitments(stored, wanted);
    const result: IngestResult = { ...names, status: "updated", sourceId: current.id, added: 0, updated: 0, withdrawn: 0, unchanged: 0 };
    for (const [row, fields] of pairs) {
      const data = changedFields(row, fields);
      if (row.withdrawnAt !== null) data.withdrawnAt = null;
      if (Object.keys(data).length === 0) {
        result.unchanged++;
        continue;
      }
      await tx.commitment.update({ where: { id: row.id }, data });
      result.updated++;
    }
    const toWithdraw = gone.filter((row) => row.withdrawnAt === null).map((row) => row.id);
    if (toWithdraw.length > 0) {
      await tx.commitment.updateMany({ where: { id: { in: toWithdraw } }, data: { withdrawnAt: input.now } });
    }
    result.withdrawn = toWithdraw.length;
    if (fresh.length > 0) {
      await tx.commitment.createMany({ data: fresh.map((f) => ({ ...f, sourceId: current.id, status: "open", dueOn: f.extractedDueOn })) });
    }
    result.added = fresh.length;
    return result;
  });
}

type SourceReader = Pick<Db, "source">;

/**
 * The source stored under `path`; else, when `path` is a real path, a source stored before paths
 * were kept, under the bare file name (its path column holds that name, which has no "/"): the
 * caller then moves it to `path`, so the upgrade neither duplicates a document nor loses history.
 * Null for a new document.
 */
async function findSource(db: SourceReader, path: string, file: string): Promise<{ id: number; path: string; contentHash: string } | null> {
  const select = { id: true, path: true, contentHash: true } as const;
  const found = await db.source.findUnique({ where: { path }, select });
  if (found || path === file || file.includes("/")) return found;
  return db.source.findUnique({ where: { path: file }, select });
}

function toFields(c: ExtractedCommitment): ExtractedFields {
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

// The same sentence and phrase twice in one document is one commitment (the unique key says so).
function dedupeByKey(fields: ExtractedFields[]): ExtractedFields[] {
  const seen = new Set<string>();
  return fields.filter((f) => (seen.has(f.key) ? false : (seen.add(f.key), true)));
}

interface Matching {
  pairs: Array<[Commitment, ExtractedFields]>;
  fresh: ExtractedFields[];
  gone: Commitment[];
}

/** Exact key first; then, among the rest, the most similar quote with the same due phrase. */
function matchCommitments(stored: Commitment[], wanted: ExtractedFields[]): Matching {
  const byKey = new Map(stored.map((row) => [row.key, row]));
  const used = new Set<number>();
  const pairs: Array<[Commitment, ExtractedFields]> = [];
  const unmatched: ExtractedFields[] = [];
  for (const fields of wanted) {
    const row = byKey.get(fields.key);
    if (row) {
      pairs.push([row, fields]);
      used.add(row.id);
    } else unmatched.push(fields);
  }
  const fresh: ExtractedFields[] = [];
  for (const fields of unmatched) {
    let best: Commitment | null = null;
    let bestScore = SAME_COMMITMENT_SIMILARITY;
    for (const row of stored) {
      if (used.has(row.id) || normaliseForKey(row.dueText) !== normaliseForKey(fields.dueText)) continue;
      const score = quoteSimilarity(row.quote, fields.quote);
      if (score >= bestScore) {
        best = row;
        bestScore = score;
      }
    }
    if (best) {
      pairs.push([best, fields]);
      used.add(best.id);
    } else fresh.push(fields);
  }
  return { pairs, fresh, gone: stored.filter((row) => !used.has(row.id)) };
}

/**
 * The extracted fields that differ from the stored row. dueOn follows a new extracted date only
 * when no postponement set it (it still equals the old extracted date and the status is not
 * "postponed"): an admin's decision outranks a re-read of the text.
 */
function changedFields(row: Commitment, fields: ExtractedFields): Partial<Commitment> {
  const data: Partial<Commitment> = {};
  for (const name of Object.keys(fields) as Array<keyof ExtractedFields>) {
    if (row[name] !== fields[name]) (data as Record<string, unknown>)[name] = fields[name];
  }
  if ("extractedDueOn" in data && row.status !== "postponed" && row.dueOn === row.extractedDueOn) {
    data.dueOn = fields.extractedDueOn;
  }
  return data;
}
