import type { Db } from "../db/client.ts";
import { Prisma } from "../db/client.ts";
import type { Commitment } from "../generated/prisma/client.ts";

/** Input beyond this many characters / words is ignored (a search box, not a document). */
export const MAX_SEARCH_CHARS = 200;
export const MAX_SEARCH_WORDS = 8;

export interface SearchOptions {
  limit?: number;
  offset?: number;
  includeWithdrawn?: boolean;
}

export interface SearchResult {
  rows: Commitment[];
  total: number;
  /** The words actually searched for (after trimming); empty means nothing was searched. */
  words: string[];
}

/**
 * Commitments whose title, responsible, body or quote contain EVERY word (case-insensitive for
 * ASCII, as SQLite's LIKE is), soonest due first. `%` and `_` in the input are literal characters.
 */
export async function searchCommitments(db: Db, text: string, options: SearchOptions = {}): Promise<SearchResult> {
  const words = searchWords(text);
  if (words.length === 0) return { rows: [], total: 0, words };
  const conditions = words.map((word) => {
    const pattern = `%${escapeLike(word.toLowerCase())}%`;
    return Prisma.sql`(lower(title) LIKE ${pattern} ESCAPE '\\' OR lower(coalesce(responsible, '')) LIKE ${pattern} ESCAPE '\\'
      OR lower(coalesce(body, '')) LIKE ${pattern} ESCAPE '\\' OR lower(quote) LIKE ${pattern} ESCAPE '\\')`;
  });
  if (!options.includeWithdrawn) conditions.push(Prisma.sql`"withdrawnAt" IS NULL`);
  const ids = await db.$queryRaw<Array<{ id: number | bigint }>>(
    Prisma.sql`SELECT id FROM "Commitment" WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY "dueOn" IS NULL, "dueOn", id`,
  );
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 500);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const page = ids.slice(offset, offset + limit).map((row) => Number(row.id));
  const found = await db.commitment.findMany({ where: { id: { in: page } } });
  const byId = new Map(found.map((c) => [c.id, c]));
  const rows = page.map((id) => byId.get(id)).filter((c): c is Commitment => c !== undefined);
  return { rows, total: ids.length, words };
}

/** The words of a search input: trimmed, at most MAX_SEARCH_CHARS characters and MAX_SEARCH_WORDS words. */
export function searchWords(text: string): string[] {
  return text
    .slice(0, MAX_SEARCH_CHARS)
    .split(/\s+/)
    .map((w) => w.trim())
    .filter((w) => w !== "")
    .slice(0, MAX_SEARCH_WORDS);
}

/** Escapes LIKE's wildcards (and the escape character itself) so they match literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
