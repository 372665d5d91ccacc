// A second, plain better-sqlite3 connection to the same file for the planner's bulk work:
// reading 100,000 chats or writing 200,000 outbox rows through Prisma's query engine costs
// tens of microseconds a row; a prepared statement costs one or two. WAL mode lets it sit beside
// Prisma's connection; writes still take turns (busy timeout).
import Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS } from "../db/migrate.ts";
import { sqlitePathFromUrl } from "../db/url.ts";
import { toDbTime } from "../db/time.ts";
import type { PlanChat, PlanFollow, PlannedDelivery } from "./types.ts";

export interface BulkSql {
  insertDeliveries(rows: readonly PlannedDelivery[], now: Date): number;
  /** Active, non-migrated chats (all of them, or those with the given ids). */
  activeChats(): PlanChat[];
  follows(where: { ids: number[]; topics: string[]; bodies: string[] } | null): PlanFollow[];
  /** Runs a write statement (prepared once per text); returns the rows changed. */
  run(sql: string, params: readonly unknown[]): number;
  /** Runs `fn` in one transaction (one WAL sync for all its writes), synchronously. */
  transaction<T>(fn: () => T): T;
  /** Runs a query (64-bit integers as bigint). */
  all<T>(sql: string, params: readonly unknown[]): T[];
  close(): void;
}

const BULK_CACHE_KIB = 64 * 1024;

/** Opens the bulk connection for a `file:` database URL; null for ":memory:" (no second connection possible). */
export function openBulkSql(databaseUrl: string): BulkSql | null {
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
  const chats = db
    .prepare(`SELECT id, type, timeZone, offsets, reminderHour, digestDay, digestHour, quietStart, quietEnd FROM Chat WHERE active = 1 AND migratedToId IS NULL`)
    .safeIntegers(true);
  const toNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let s = prepared.get(sql);
    if (!s) {
      s = db.prepare(sql);
      prepared.set(sql, s);
    }
    return s;
  };
  return {
    run: (sql, params) => statement(sql).run(...params).changes,
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    all: <T>(sql: string, params: readonly unknown[]) => statement(sql).safeIntegers(true).all(...params) as T[],
    insertDeliveries: (rows, now) => (rows.length === 0 ? 0 : insertAll(rows, toDbTime(now))),
    activeChats: () =>
      (chats.all() as Record<string, unknown>[]).map((r) => ({
        id: r.id as bigint,
        type: r.type as string,
        timeZone: r.timeZone as string,
        offsets: r.offsets as string,
        reminderHour: Number(r.reminderHour),
        digestDay: toNumber(r.digestDay),
        digestHour: Number(r.digestHour),
        quietStart: toNumber(r.quietStart),
        quietEnd: toNumber(r.quietEnd),
      })),
    follows: (where) => {
      let sql = `SELECT chatId, kind, value, commitmentId FROM Follow`;
      const params: unknown[] = [];
      if (where) {
        const list = (n: number): string => Array.from({ length: n }, () => "?").join(",");
        sql += ` WHERE kind = 'all' OR (kind = 'commitment' AND commitmentId IN (${list(where.ids.length)}))
          OR (kind = 'topic' AND value IN (${list(where.topics.length)})) OR (kind = 'body' AND value IN (${list(where.bodies.length)}))`;
        params.push(...where.ids, ...where.topics, ...where.bodies);
      }
      return (db.prepare(sql).safeIntegers(true).all(...params) as Record<string, unknown>[]).map((r) => ({
        chatId: r.chatId as bigint,
        kind: r.kind as string,
        value: r.value as string,
        commitmentId: toNumber(r.commitmentId),
      }));
    },
    close: () => db.close(),
  };
}
