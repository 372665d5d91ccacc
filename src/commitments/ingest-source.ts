import { engineOf, type Db } from "../db/client.ts";
import type { Commitment, Mention } from "../generated/prisma/client.ts";
import { applyStatedDue, type MentionFields, type Tx } from "./add-mention.ts";
import { contentHash, quoteSimilarity, SAME_COMMITMENT_SIMILARITY, normaliseForKey } from "./commitment-key.ts";
import { dedupeByKey, mentionFields, toFields, type ExtractedFields } from "./extracted-fields.ts";
import { defaultExtract, type ExtractFn } from "./extractor.ts";
import { placeNewCommitments, type PlaceContext } from "./place-new-commitments.ts";
import { storeIndexFor } from "./store-index.ts";

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
  /**
   * Match new sentences against the stored commitments (default true). False: every new sentence
   * is a commitment of its own, as before merging (the bench's baseline).
   */
  matching?: boolean;
  /** Telegram user ids of the admins (config.adminIds): who is asked "Same as #12?". */
  admins?: Iterable<string>;
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
  /** New sentences that restate a stored commitment (of another source): added to it as mentions. */
  matched: number;
  /** Match questions put to the admins ("Same as #12?"), one per commitment created in doubt. */
  questions: number;
  /** Due dates moved by this document (DueChanges recorded). */
  moved: number;
  /** Sentences (mentions) whose fields changed, or that reappeared after a withdrawal. */
  updated: number;
  /** Sentences no longer in the document (kept, with withdrawnAt set; their commitment goes when it has no other). */
  withdrawn: number;
  /** Sentences present and identical. */
  unchanged: number;
}

/**
 * Stores one document and its commitments, in ONE transaction: either all of it is written or
 * nothing. An unchanged document (same sha256) writes nothing at all. Each sentence of a document
 * is a Mention; an edited document keeps its mentions' identity (matched on the key, then on a
 * similar quote with the same due phrase), updates them, withdraws those gone and restores those
 * back. A commitment is withdrawn when all its mentions are. A sentence new to the source goes to
 * the matcher (place-new-commitments.ts): a restatement of a stored commitment becomes its
 * mention, anything else a commitment of its own.
 */
export async function ingestSource(db: Db, input: IngestSourceInput): Promise<IngestResult> {
  const path = input.path ?? input.file;
  const names = { file: input.file, path };
  const hash = contentHash(input.text);
  const existing = await findSource(db, path, input.file);
  if (existing && existing.contentHash === hash) {
    if (existing.path !== path) await db.source.update({ where: { id: existing.id }, data: names });
    const unchanged = await db.mention.count({ where: { sourceId: existing.id, withdrawnAt: null } });
    return { ...names, status: "unchanged", sourceId: existing.id, ...NOTHING, unchanged };
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
  const engine = engineOf(db);
  // Caught up outside the transaction: reading the changed commitments needs no write lock.
  const index = input.matching === false ? null : await storeIndexFor(db);
  const context = { engine, now: input.now, index, admins: [...(input.admins ?? [])] };

  return db.$transaction(async (tx) => {
    // Re-read inside the transaction: another ingest of the same file may have won the race.
    const current = await findSource(tx, path, input.file);
    if (!current) {
      const source = await tx.source.create({ data: { ...names, ...sourceFields }, select: { id: true } });
      const placed = await placeNewCommitments(tx, source.id, wanted, new Set(), context);
      return { ...names, status: "created", sourceId: source.id, ...NOTHING, ...placed };
    }
    await tx.source.update({ where: { id: current.id }, data: { ...names, ...sourceFields } });
    const stored = await tx.mention.findMany({ where: { sourceId: current.id }, orderBy: { id: "asc" } });
    const { pairs, fresh, gone } = matchMentions(stored, wanted);
    const result: IngestResult = { ...names, status: "updated", sourceId: current.id, ...NOTHING };
    const owners = new Map((await tx.commitment.findMany({ where: { id: { in: [...new Set(stored.map((m) => m.commitmentId))] } } })).map((c) => [c.id, c]));
    for (const [mention, fields] of pairs) {
      const outcome = await updateMention(tx, mention, fields, owners.get(mention.commitmentId), context);
      result[outcome === "unchanged" ? "unchanged" : "updated"]++;
      if (outcome === "moved") result.moved++;
    }
    const toWithdraw = gone.filter((m) => m.withdrawnAt === null);
    if (toWithdraw.length > 0) {
      await tx.mention.updateMany({ where: { id: { in: toWithdraw.map((m) => m.id) } }, data: { withdrawnAt: input.now } });
      // A commitment goes only when none of its reports still says it.
      const affected = [...new Set(toWithdraw.map((m) => m.commitmentId))];
      const alive = new Set((await tx.mention.findMany({ where: { commitmentId: { in: affected }, withdrawnAt: null }, select: { commitmentId: true } })).map((m) => m.commitmentId));
      const dead = affected.filter((id) => !alive.has(id));
      if (dead.length > 0) await tx.commitment.updateMany({ where: { id: { in: dead }, withdrawnAt: null }, data: { withdrawnAt: input.now } });
    }
    result.withdrawn = toWithdraw.length;
    const placed = await placeNewCommitments(tx, current.id, fresh, new Set(stored.map((m) => m.commitmentId)), context);
    return { ...result, ...placed, moved: result.moved + placed.moved };
  });
}

const NOTHING = { added: 0, matched: 0, questions: 0, moved: 0, updated: 0, withdrawn: 0, unchanged: 0 } as const;

/**
 * Brings a stored mention up to date with its sentence as now read. The commitment's own text
 * follows its first mention (the sentence it was created from); a new date goes through
 * applyStatedDue like any restatement. Returns "unchanged", "updated", or "moved" (updated, and it moved the date in force).
 */
async function updateMention(tx: Tx, mention: Mention, fields: ExtractedFields, owner: Commitment | undefined, context: PlaceContext): Promise<"updated" | "unchanged" | "moved"> {
  const next = mentionFields(mention.sourceId, fields);
  const data: Partial<Mention> = {};
  for (const name of Object.keys(next) as Array<keyof MentionFields>) {
    if (mention[name] !== next[name]) (data as Record<string, unknown>)[name] = next[name];
  }
  if (mention.withdrawnAt !== null) data.withdrawnAt = null;
  if (Object.keys(data).length === 0) return "unchanged";
  // A report that now states another date states it today, as far as we know (statementDay).
  if ("dueOn" in data) data.createdAt = context.now;
  const updated = await tx.mention.update({ where: { id: mention.id }, data });
  if (owner) {
    const own: Partial<Commitment> = {};
    if (owner.withdrawnAt !== null) own.withdrawnAt = null;
    // The commitment's row was made from this sentence: its text (and key, which must stay free
    // for the sentence) follow it; its deadline is the date in force, moved below.
    if (owner.sourceId === mention.sourceId && owner.key === mention.key) {
      for (const name of COMMITMENT_TEXT) if (owner[name] !== fields[name]) (own as Record<string, unknown>)[name] = fields[name];
      if (owner.extractedDueOn === fields.extractedDueOn) {
        if (owner.precision !== fields.precision) own.precision = fields.precision;
        if (owner.dueText !== fields.dueText) own.dueText = fields.dueText;
      }
    }
    if (Object.keys(own).length > 0) await tx.commitment.update({ where: { id: owner.id }, data: own });
  }
  if (!("dueOn" in data)) return "updated";
  const { dueChange } = await applyStatedDue(tx, { commitmentId: mention.commitmentId, mention: updated, now: context.now, engine: context.engine });
  return dueChange ? "moved" : "updated";
}

/** The commitment fields that follow its first mention's sentence (never status, dueOn, history). */
const COMMITMENT_TEXT = ["key", "article", "publishedOn", "title", "responsible", "body", "topics", "undatedReason", "quote", "quoteStart", "quoteEnd"] as const;

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

interface Matching {
  pairs: Array<[Mention, ExtractedFields]>;
  fresh: ExtractedFields[];
  gone: Mention[];
}

/** Exact key first; then, among the rest, the most similar quote with the same due phrase. */
function matchMentions(stored: Mention[], wanted: ExtractedFields[]): Matching {
  const byKey = new Map(stored.map((row) => [row.key, row]));
  const used = new Set<number>();
  const pairs: Array<[Mention, ExtractedFields]> = [];
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
    let best: Mention | null = null;
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
