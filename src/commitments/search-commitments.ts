import { engineOf, Prisma, type Db } from "../db/client.ts";
import type { Commitment } from "../generated/prisma/client.ts";
import { COMMITMENT_COLUMNS } from "./commitment-columns.ts";
import { MAX_PAGE_SIZE } from "./list-commitments.ts";

/** Input beyond this many characters (graphemes) / words is ignored (a search box, not a document). */
export const MAX_SEARCH_CHARS = 200;
export const MAX_SEARCH_WORDS = 8;
/**
 * Matches are counted up to this many: beyond it a search answers "more than 2,000". Counting
 * every match reads every matching row from the table, which PostgreSQL cannot avoid (its GIN
 * index gives row addresses only), and for a common word that was most of the search's time:
 * 8.4-9.5 ms of 10,000 matches at 100,000 commitments in psql, against 4-6 ms for the first 2,001.
 */
export const SEARCH_COUNT_MAX = 2000;

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /**
   * Force one of the two plans (tests and benchmarks); by default the number of matches decides.
   * On PostgreSQL only "scan" (a walk of the due-date index) can be forced: the page is sorted from
   * the counted matches only when they are all of them.
   */
  plan?: "sort" | "scan";
  /** Count matches up to this many (tests); SEARCH_COUNT_MAX by default. */
  countMax?: number;
}

export interface SearchResult {
  rows: Commitment[];
  /** The number of matches, or the bound (SEARCH_COUNT_MAX, or countMax) when there are more: then `more` is true. */
  total: number;
  /** There are more than `total` matches. */
  more: boolean;
  /** The words of the input that were used (trimmed and bounded), to show back; empty for blank input. */
  words: string[];
}

/**
 * Commitments whose title, responsible, body or quote have, for EVERY word of the input, a word
 * starting with it ("port" finds "port" and "ports"; case and diacritics do not matter), soonest
 * due first. Withdrawn commitments (no longer in their source) are not searched. Uses the FTS5
 * index "CommitmentSearch" on SQLite (kept by triggers, see the migration
 * 20261125000200_list_and_search), a GIN index on PostgreSQL. Matches are counted up to
 * SEARCH_COUNT_MAX. Punctuation and emoji are not searchable: input made only of them matches
 * nothing. Never throws on what a user types: the words reach FTS5 and tsquery as quoted strings.
 */
export async function searchCommitments(db: Db, text: string, options: SearchOptions = {}): Promise<SearchResult> {
  const words = searchWords(text);
  const tokens = searchTokens(words);
  if (tokens.length === 0) return { rows: [], total: 0, more: false, words };
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_PAGE_SIZE);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const countMax = Math.max(Math.trunc(options.countMax ?? SEARCH_COUNT_MAX), 1);
  const page = { limit, offset, countMax, plan: options.plan };
  const found = engineOf(db) === "postgresql" ? await searchPostgres(db, tsQuery(tokens), page) : await searchSqlite(db, ftsQuery(tokens), page);
  return { ...found, words };
}

interface Page {
  limit: number;
  offset: number;
  countMax: number;
  plan: SearchOptions["plan"];
}

async function searchSqlite(db: Db, match: string, { limit, offset, countMax, plan }: Page): Promise<Omit<SearchResult, "words">> {
  const [{ matches }] = await db.$queryRaw<[{ matches: number | bigint }]>`
    SELECT count(*) AS matches FROM (SELECT 1 FROM "CommitmentSearch" WHERE "CommitmentSearch" MATCH ${match} LIMIT ${countMax + 1})`;
  const found = Number(matches);
  // A count at the bound is not the number of matches: sort only a known few.
  const few = found <= Math.min(countMax, SORT_MATCHES_MAX);
  const rows =
    (plan ?? (few ? "sort" : "scan")) === "sort"
      ? await sortMatches(db, match, limit, offset)
      : await scanForMatches(db, match, limit, offset);
  return boundedResult(rows, found, countMax);
}

/** The result for `matches` counted up to countMax + 1. */
function boundedResult(rows: Commitment[], matches: number, countMax: number): Omit<SearchResult, "words"> {
  return matches > countMax ? { rows, total: countMax, more: true } : { rows, total: matches, more: false };
}

/**
 * Up to this many matches are sorted by due date (cost grows with the matches); beyond it, the
 * due-date index is walked and each row checked against the set of matches. Measured at 100,000
 * commitments: 1 match 1.3 ms sorted / 7.7 ms walked; 1,250 matches 7.5 / 3.2 ms; 10,000
 * matches 15 / 5 ms. A word in every row (100,000 matches) costs about 30 ms either way.
 */
const SORT_MATCHES_MAX = 500;

// Rows come straight from the page query: COMMITMENT_COLUMNS through $queryRaw has the shape a
// findMany returns (numbers, Dates; checked by the tests), and a findMany by a list of ids costs
// about 10 ms in Prisma's query compiler against 0.3 ms for the same rows here.

// Few matches: sort them.
async function sortMatches(db: Db, match: string, limit: number, offset: number): Promise<Commitment[]> {
  return db.$queryRaw<Commitment[]>`
    SELECT ${COMMITMENT_COLUMNS} FROM "CommitmentSearch" JOIN "Commitment" c ON c.id = "CommitmentSearch".rowid
    WHERE "CommitmentSearch" MATCH ${match}
    ORDER BY c."dueOn" IS NULL, c."dueOn", c.id
    LIMIT ${limit} OFFSET ${offset}`;
}

// Many matches: walk (withdrawnAt, dueOn, id) in order, dated rows then undated ones, keeping
// those in the set of matches.
async function scanForMatches(db: Db, match: string, limit: number, offset: number): Promise<Commitment[]> {
  const matching = Prisma.sql`c."withdrawnAt" IS NULL AND c.id IN (SELECT rowid FROM "CommitmentSearch" WHERE "CommitmentSearch" MATCH ${match})`;
  const dated = await db.$queryRaw<Commitment[]>`
    SELECT ${COMMITMENT_COLUMNS} FROM "Commitment" c WHERE c."dueOn" IS NOT NULL AND ${matching}
    ORDER BY c."dueOn", c.id LIMIT ${limit} OFFSET ${offset}`;
  if (dated.length === limit) return dated;
  // Where the undated rows start: after offset + dated.length dated ones, unless the page is past them all.
  let datedCount = offset + dated.length;
  if (dated.length === 0 && offset > 0) {
    const [counted] = await db.$queryRaw<[{ n: number | bigint }]>`SELECT count(*) AS n FROM "Commitment" c WHERE c."dueOn" IS NOT NULL AND ${matching}`;
    datedCount = Number(counted.n);
  }
  const undated = await db.$queryRaw<Commitment[]>`
    SELECT ${COMMITMENT_COLUMNS} FROM "Commitment" c WHERE c."dueOn" IS NULL AND ${matching}
    ORDER BY c.id LIMIT ${limit - dated.length} OFFSET ${Math.max(0, offset - datedCount)}`;
  return [...dated, ...undated];
}

/**
 * PostgreSQL: the stored vector "search" of migration 20261126000000_stored_search_vector
 * (prisma/postgresql) and its GIN index over live rows, the same words and prefixes as on SQLite.
 *
 * The planner's own choice cannot be trusted with a rare word: it estimates at least 500
 * matches for any word it has no statistics of, walks the due-date index and tests every row it
 * passes (the whole table when nothing matches: 50 ms at 100,000 commitments). So, as on SQLite,
 * the number of matches decides: one query takes the first countMax + 1 matches from the index,
 * counts them, and when that is all of them sorts the page from them; only when there are more is
 * the page a query of its own, where the planner weighs a walk of the due-date index (a common
 * word: few rows to pass) against sorting every match, knowing how common the words are.
 */
async function searchPostgres(db: Db, query: string, { limit, offset, countMax, plan }: Page): Promise<Omit<SearchResult, "words">> {
  const matching = Prisma.sql`c."withdrawnAt" IS NULL AND c."search" @@ to_tsquery('mindet_search'::regconfig, ${query})`;
  const firstMatches = await db.$queryRaw<(Commitment & { matches: number | bigint })[]>`
    WITH m AS MATERIALIZED (SELECT c.id, c."dueOn" FROM "Commitment" c WHERE ${matching} LIMIT ${countMax + 1})
    SELECT n.matches, ${COMMITMENT_COLUMNS} FROM (SELECT count(*) AS matches FROM m) n
    LEFT JOIN LATERAL (SELECT id, "dueOn" FROM m ORDER BY "dueOn" ASC NULLS LAST, id LIMIT ${limit} OFFSET ${offset}) p ON true
    LEFT JOIN "Commitment" c ON c.id = p.id
    ORDER BY p."dueOn" ASC NULLS LAST, p.id`;
  const matches = Number(firstMatches[0]?.matches ?? 0);
  if (matches <= countMax && plan !== "scan") {
    const rows = firstMatches.filter((row) => row.id !== null).map(({ matches: _, ...row }) => row);
    return boundedResult(rows, matches, countMax);
  }
  const rows = await db.$queryRaw<Commitment[]>`
    SELECT ${COMMITMENT_COLUMNS} FROM "Commitment" c WHERE ${matching} ORDER BY c."dueOn" ASC NULLS LAST, c.id LIMIT ${limit} OFFSET ${offset}`;
  return boundedResult(rows, matches, countMax);
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
