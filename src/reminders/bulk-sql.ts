// A second, plain better-sqlite3 connection to the same file for the planner's bulk work:
// reading 100,000 chats or writing 200,000 outbox rows through Prisma's query engine costs
// tens of microseconds a row; a prepared statement costs one or two. WAL mode lets it sit beside
// Prisma's connection; writes still take turns (busy timeout).
import Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS } from "../db/migrate.ts";
import { isPostgresUrl, sqlitePathFromUrl } from "../db/url.ts";
import { toDbTime } from "../db/time.ts";
import { engineOf, type Db, type DbEngine } from "../db/client.ts";
import type { Prisma } from "../db/client.ts";
import type { PlannedDelivery } from "./types.ts";

export interface BulkSql {
  insertDeliveries(rows: readonly PlannedDelivery[], now: Date): number;
  /** Runs a write statement (prepared once per text, values bound); returns the rows changed. */
  run(query: Prisma.Sql): number;
  /** Runs `fn` in one transaction (one WAL sync for all its writes), synchronously. */
  transaction<T>(fn: () => T): T;
  /** Runs a query (64-bit integers as bigint). */
  all<T>(query: Prisma.Sql): T[];
  /**
   * Runs `fn` inside a transaction that is rolled back whatever happens: what `fn` writes
   * through this connection is seen by its own reads and by nobody else (the dry run).
   */
  rolledBack<T>(fn: () => Promise<T>): Promise<T>;
  close(): void;
}

/**
 * Runs the same tagged-template SQL on the bulk connection when there is one, else through
 * Prisma: statements are written once (Prisma.sql, values always bound) for both.
 */
export interface SqlRunner {
  /** The engine the SQL goes to (the bulk connection is SQLite). */
  engine: DbEngine;
  run(query: Prisma.Sql): Promise<number>;
  /** Integers may come back as number or bigint: callers convert. */
  all<T>(query: Prisma.Sql): Promise<T[]>;
}

export function sqlRunner(db: Db, bulk: BulkSql | null): SqlRunner {
  if (bulk) return { engine: "sqlite", run: (q) => Promise.resolve(bulk.run(q)), all: <T>(q: Prisma.Sql) => Promise.resolve(bulk.all<T>(q)) };
  return { engine: engineOf(db), run: (q) => db.$executeRaw(q), all: <T>(q: Prisma.Sql) => db.$queryRaw<T[]>(q) };
}

const BULK_CACHE_KIB = 64 * 1024;

/**
 * Opens the bulk connection for a `file:` database URL; null for ":memory:" (no second connection
 * possible) and for PostgreSQL, where Prisma's pool serves the planner as well.
 */
export function openBulkSql(databaseUrl: string): BulkSql | null {
  if (isPostgresUrl(databaseUrl)) return null;
  const file = sqlitePathFromUrl(databaseUrl);
  if (file === ":memory:") return null;
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  // Fan-out writes touch four outbox indexes across a table of hundreds of thousands of rows:
  // SQLite's default 2 MB page cache makes that a page fault per row. 64 MB keeps the hot
  // index pages in memory (and in the RSS budget: 300 MB with 100,000 chats).
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  // WAL with synchronous=NORMAL syncs at checkpoints, not at every commit: a power cut can lose
  // the last planning transactions, which the next start-up plans again (unique keys); an
  // application crash loses nothing. The outbox's state changes go through Prisma's connection.
  db.pragma("synchronous = NORMAL");
  const insert = db.prepare(
    `INSERT OR IGNORE INTO Delivery (key, chatId, commitmentId, kind, offsetDays, dueOn, statusChangeId, notBefore, state, attempts, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
  );
  const insertAll = db.transaction((rows: readonly PlannedDelivery[], stamp: string): number => {
    let inserted = 0;
    for (const r of rows) {
      inserted += insert.run(r.key, r.chatId, r.commitmentId, r.kind, r.offsetDays, r.dueOn, r.statusChangeId, toDbTime(r.notBefore), stamp, stamp).changes;
    }
    return inserted;
  });
  const prepared = new Map<string, Database.Statement>();
  // Prisma.sql's `.sql` is the text with "?" placeholders, the same for every value: one
  // prepared statement per statement shape, values bound each run.
  const statement = (query: Prisma.Sql): Database.Statement => {
    let s = prepared.get(query.sql);
    if (!s) {
      s = db.prepare(query.sql);
      prepared.set(query.sql, s);
    }
    return s;
  };
  return {
    run: (query) => statement(query).run(...query.values).changes,
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    all: <T>(query: Prisma.Sql) => statement(query).safeIntegers(true).all(...query.values) as T[],
    insertDeliveries: (rows, now) => (rows.length === 0 ? 0 : insertAll(rows, toDbTime(now))),
    rolledBack: async <T>(fn: () => Promise<T>): Promise<T> => {
      db.exec("BEGIN");
      try {
        return await fn();
      } finally {
        db.exec("ROLLBACK");
      }
    },
    close: () => db.close(),
  };
}
