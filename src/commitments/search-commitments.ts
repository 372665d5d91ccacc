import { engineOf, Prisma, type Db } from "../db/client.ts";
import type { Commitment } from "../generated/prisma/client.ts";
import { MAX_PAGE_SIZE } from "./list-commitments.ts";

/** Input beyond this many characters (graphemes) / words is ignored (a search box, not a document). */
export const MAX_SEARCH_CHARS = 200;
export const MAX_SEARCH_WORDS = 8;

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Force one of the two plans (tests and benchmarks); by default the number of matches decides. */
  plan?: "sort" | "scan";
}

export interface SearchResult {
  rows: Commitment[];
  total: number;
  /** The words of the input that were used (trimmed and bounded), to show back; empty for blank input. */
  words: string[];
}

/**
 * Commitments whose title, responsible, body or quote have, for EVERY word of the input, a word
 * starting with it ("port" finds "port" and "ports"; case and diacritics do not matter), soonest
 * due first. Withdrawn commitments (no longer in their source) are not searched. Uses the FTS5
 * index "CommitmentSearch" (kept by triggers, see the migration 20261125000200_list_and_search),
 * whose number of matches is the total. Punctuation and emoji are not searchable: input made only of
 * them matches nothing. Never throws on what a user types: the words reach FTS5 as quoted strings.
 */
export async function searchCommitments(db: Db, text: string, options: SearchOptions = {}): Promise<SearchResult> {
  const words = searchWords(text);
  const tokens = searchTokens(words);
  if (tokens.length === 0) return { rows: [], total: 0, words };
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_PAGE_SIZE);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  if (engineOf(db) === "postgresql") return { ...(await searchPostgres(db, tsQuery(tokens), limit, offset)), words };
  const match = ftsQuery(tokens);
  const [{ matches }] = await db.$queryRaw<[{ matches: number | bigint }]>`
    SELECT count(*) AS matches FROM "CommitmentSearch" WHERE "CommitmentSearch" MATCH ${match}`;
  const rows =
    (options.plan ?? (Number(matches) <= SORT_MATCHES_MAX ? "sort" : "scan")) === "sort"
      ? await sortMatches(db, match, limit, offset)
      : await scanForMatches(db, match, limit, offset);
  return { rows, total: Number(matches), words };
}

/**
 * Up to this many matches are sorted by due date (cost grows with the matches); beyond it, the
 * due-date index is walked and each row checked against the set of matches. Measured at 100,000
 * commitments: 1 match 1.3 ms sorted / 7.7 ms walked; 1,250 matches 7.5 / 3.2 ms; 10,000
 * matches 15 / 5 ms. A word in every row (100,000 matches) costs about 30 ms either way.
 */
const SORT_MATCHES_MAX = 500;

// Rows come straight from the page query: `SELECT c.*` through $queryRaw has the shape a
// findMany returns (numbers, Dates; checked by the tests), and a findMany by a list of ids costs
// about 10 ms in Prisma's query compiler against 0.3 ms for the same rows here.

// Few matches: sort them.
async function sortMatches(db: Db, match: string, limit: number, offset: number): Promise<Commitment[]> {
  return db.$queryRaw<Commitment[]>`
    SELECT c.* FROM "CommitmentSearch" JOIN "Commitment" c ON c.id = "CommitmentSearch".rowid
    WHERE "CommitmentSearch" MATCH ${match}
    ORDER BY c."dueOn" IS NULL, c."dueOn", c.id
    LIMIT ${limit} OFFSET ${offset}`;
}

// Many matches: walk (withdrawnAt, dueOn, id) in order, dated rows then undated ones, keeping
// those in the set of matches.
async function scanForMatches(db: Db, match: string, limit: number, offset: number): Promise<Commitment[]> {
  const matching = Prisma.sql`c."withdrawnAt" IS NULL AND c.id IN (SELECT rowid FROM "CommitmentSearch" WHERE "CommitmentSearch" MATCH ${match})`;
  const dated = await db.$queryRaw<Commitment[]>`
    SELECT c.* FROM "Commitment" c WHERE c."dueOn" IS NOT NULL AND ${matching}
    ORDER BY c."dueOn", c.id LIMIT ${limit} OFFSET ${offset}`;
  if (dated.length === limit) return dated;
  // Where the undated rows start: after offset + dated.length dated ones, unless the page is past them all.
  let datedCount = offset + dated.length;
  if (dated.length === 0 && offset > 0) {
    const [counted] = await db.$queryRaw<[{ n: number | bigint }]>`SELECT count(*) AS n FROM "Commitment" c WHERE c."dueOn" IS NOT NULL AND ${matching}`;
    datedCount = Number(counted.n);
  }
  const undated = await db.$queryRaw<Commitment[]>`
    SELECT c.* FROM "Commitment" c WHERE c."dueOn" IS NULL AND ${matching}
    ORDER BY c.id LIMIT ${limit - dated.length} OFFSET ${Math.max(0, offset - datedCount)}`;
  return [...dated, ...undated];
}

// PostgreSQL: the GIN index of migration 20261125000000_init (prisma/postgresql) over this exact
// expression, the same words and prefixes, sorted by due date.
const PG_DOCUMENT = Prisma.sql`to_tsvector('mindet_search'::regconfig, coalesce(c."title", '') || ' ' || coalesce(c."responsible", '') || ' ' || coalesce(c."body", '') || ' ' || c."quote")`;

async function searchPostgres(db: Db, query: string, limit: number, offset: number): Promise<{ rows: Commitment[]; total: number }> {
  const matching = Prisma.sql`c."withdrawnAt" IS NULL AND ${PG_DOCUMENT} @@ to_tsquery('mindet_search'::regconfig, ${query})`;
  const [[counted], rows] = await Promise.all([
    db.$queryRaw<[{ n: number | bigint }]>`SELECT count(*) AS n FROM "Commitment" c WHERE ${matching}`,
    db.$queryRaw<Commitment[]>`SELECT c.* FROM "Commitment" c WHERE ${matching} ORDER BY c."dueOn" ASC NULLS LAST, c.id LIMIT ${limit} OFFSET ${offset}`,
  ]);
  return { rows, total: Number(counted.n) };
}

/** The tsquery for `tokens` (see searchTokens): 'port':* & 'aktau':*, every token a quoted prefix. */
export function tsQuery(tokens: readonly string[]): string {
  return tokens.map((token) => `'${token.replaceAll("'", "''")}':*`).join(" & ");
}

/**
 * The words of a search input: at most MAX_SEARCH_CHARS characters (cut between graphemes, so
 * an emoji is never split into half a surrogate pair) and MAX_SEARCH_WORDS words.
 */
export function searchWords(text: string): string[] {
  return cutGraphemes(text, MAX_SEARCH_CHARS)
    .split(/\s+/)
    .filter((w) => w !== "")
    .slice(0, MAX_SEARCH_WORDS);
}

/** Runs of letters, digits and marks: what the unicode61 tokenizer indexes as one token. */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/**
 * The searchable tokens of `words`: runs of letters, digits and marks, as the index splits text.
 * Empty when the words hold only punctuation or emoji.
 */
export function searchTokens(words: readonly string[]): string[] {
  return [...new Set(words.flatMap((word) => word.match(TOKEN) ?? []))].slice(0, MAX_SEARCH_WORDS * 2);
}

/**
 * The FTS5 query for `tokens`: each a quoted prefix string, ANDed ("ministry"* AND "energy"*),
 * so quotes, operators (AND, NOT, NEAR, *, ^, :) and brackets in the input are plain text.
 */
export function ftsQuery(tokens: readonly string[]): string {
  return tokens.map((token) => `"${token.replaceAll('"', '""')}"*`).join(" AND ");
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

function cutGraphemes(text: string, max: number): string {
  // Every grapheme is at least one UTF-16 unit: a short string cannot be over the limit.
  if (text.length <= max) return text;
  let end = 0;
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (count === max) break;
    end += segment.length;
    count++;
  }
  return text.slice(0, end);
}
