// The matcher's index (src/merging) over the stored commitments, one per database client, built
// on the first ingest of the process and then brought up to date before each document by reading
// the commitments changed since (Commitment.updatedAt). That catch-up, not calls from each
// writer, is what keeps it current: ingest, the admins' /merge and /split, a second process
// ingesting into the same PostgreSQL database all change rows, and every change bumps updatedAt.
// Withdrawn and merged-away commitments are not candidates.
import type { Db } from "../db/client.ts";
import { createCommitmentIndex, type CommitmentIndex, type MatchInput, type MatchResult } from "../merging/index.ts";
import type { Topic } from "../extraction/types.ts";
import { decodeTopics } from "./topics.ts";

/**
 * Rows written this long before the newest one seen are read again at the next catch-up: a
 * transaction stamps updatedAt when it writes, and may commit after a catch-up has read past it.
 */
const CATCH_UP_SLACK_MS = 5_000;
/**
 * The slack window is read again at most this often: between two such sweeps only rows newer than
 * the newest seen are read (this process's own writes are committed by then), so ingesting many
 * documents in a row does not re-read the last five seconds' rows for each of them.
 */
const SLACK_SWEEP_EVERY_MS = 1_000;

const INDEX_SELECT = {
  id: true,
  title: true,
  quote: true,
  body: true,
  responsible: true,
  extractedDueOn: true,
  precision: true,
  dueText: true,
  topics: true,
  publishedOn: true,
  withdrawnAt: true,
  mergedIntoId: true,
  updatedAt: true,
} as const;

type IndexRow = {
  id: number;
  title: string;
  quote: string;
  body: string | null;
  responsible: string | null;
  extractedDueOn: string | null;
  precision: string;
  dueText: string | null;
  topics: string;
  publishedOn: string | null;
  withdrawnAt: Date | null;
  mergedIntoId: number | null;
  updatedAt: Date;
};

export interface StoreMatch {
  commitmentId: number;
  result: MatchResult;
}

export interface StoreIndex {
  readonly size: number;
  /** Reads what changed since the last call (everything the first time). */
  catchUp(db: Db): Promise<void>;
  /** catchUp without the check for deleted rows. */
  catchUpChanged(db: Db): Promise<void>;
  /** `same` and `ask` matches, best first, leaving out the commitments in `exclude`. */
  findMatches(commitment: MatchInput, exclude: ReadonlySet<number>): StoreMatch[];
}

/** What the matcher reads of a stored commitment: its text and its stated deadline. */
export function matchInputOf(row: Omit<IndexRow, "id" | "withdrawnAt" | "mergedIntoId" | "updatedAt">): MatchInput {
  return {
    title: row.title,
    quote: row.quote,
    body: row.body,
    responsible: row.responsible,
    due: row.extractedDueOn,
    precision: row.precision as MatchInput["precision"],
    dueText: row.dueText,
    topics: decodeTopics(row.topics) as Topic[],
    published: row.publishedOn,
  };
}

export function createStoreIndex(): StoreIndex {
  let index: CommitmentIndex = createCommitmentIndex();
  /** updatedAt (ms) of each row as last read, so a re-read row that did not change costs nothing. */
  const seen = new Map<number, number>();
  let newest: Date | null = null;
  let lastSweep = 0;
  return {
    get size() {
      return index.size;
    },
    async catchUp(db) {
      // Rows deleted (not withdrawn) leave no updatedAt behind: when the count of candidates
      // disagrees after catching up, start again from the whole store (checked with the slack sweep).
      const sweep = Date.now() - lastSweep >= SLACK_SWEEP_EVERY_MS;
      await this.catchUpChanged(db);
      if (!sweep) return;
      const live = await db.commitment.count({ where: { withdrawnAt: null, mergedIntoId: null } });
      if (live === index.size) return;
      index = createCommitmentIndex();
      seen.clear();
      newest = null;
      await this.catchUpChanged(db);
    },
    async catchUpChanged(db: Db) {
      const sweep = Date.now() - lastSweep >= SLACK_SWEEP_EVERY_MS;
      if (sweep) lastSweep = Date.now();
      const since = newest === null ? undefined : new Date(newest.getTime() - (sweep ? CATCH_UP_SLACK_MS : 0));
      // Ids first: in the slack window most rows were read already.
      const changed = await db.commitment.findMany({ where: since ? { updatedAt: { gte: since } } : {}, select: { id: true, updatedAt: true } });
      const stale = changed.filter((r) => seen.get(r.id) !== r.updatedAt.getTime());
      for (let start = 0; start < stale.length; start += 900) {
        const ids = stale.slice(start, start + 900).map((r) => r.id);
        const rows: IndexRow[] = await db.commitment.findMany({ where: { id: { in: ids } }, select: INDEX_SELECT });
        for (const row of rows) {
          seen.set(row.id, row.updatedAt.getTime());
          if (newest === null || row.updatedAt > newest) newest = row.updatedAt;
          if (row.withdrawnAt !== null || row.mergedIntoId !== null) index.remove(String(row.id));
          else index.add(String(row.id), matchInputOf(row));
        }
      }
    },
    findMatches(commitment, exclude) {
      return index
        .findMatches(commitment)
        .map((m) => ({ commitmentId: Number(m.id), result: m.result }))
        .filter((m) => !exclude.has(m.commitmentId));
    },
  };
}

const indexes = new WeakMap<Db, StoreIndex>();

/** The process's index for this database client, caught up with the store. */
export async function storeIndexFor(db: Db): Promise<StoreIndex> {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = createStoreIndex()));
  await index.catchUp(db);
  return index;
}

/**
 * Drops the index of this client: the next ingest builds it from the store again. For a database
 * emptied under a live client (the PostgreSQL tests reuse one database, truncated between tests).
 */
export function forgetStoreIndex(db: Db): void {
  indexes.delete(db);
}
