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
  close(): void;
}

/** Opens the bulk connection for a `file:` database URL; null for ":memory:" (no second connection possible). */
export function openBulkSql(databaseUrl: string): BulkSql | null {
  const file = sqlitePathFromUrl(databaseUrl);
  if (file === ":memory:") return null;
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
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
  return {
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
