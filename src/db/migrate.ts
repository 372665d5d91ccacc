import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { toDbTime } from "./time.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** Milliseconds a connection waits for another writer before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies the committed Prisma migrations (prisma/migrations/<name>/migration.sql) that the
 * database has not seen, in name order, each in its own transaction, and records them in
 * Prisma's own `_prisma_migrations` table with Prisma's checksum, so `prisma migrate status`
 * and `prisma migrate deploy` agree with what this did. Doing it in-process keeps `npm start`
 * free of a child process and of Prisma's CLI start-up time (and makes per-test databases cheap).
 * Also switches the file to WAL mode: readers (bot handlers) never wait for the scheduler's writes.
 */
export function migrateDatabase(filePath: string, migrationsDir = MIGRATIONS_DIR): MigrationResult {
  if (filePath !== ":memory:") mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Database(filePath, { timeout: BUSY_TIMEOUT_MS });
  try {
    if (filePath !== ":memory:") db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
    const done = new Set(
      db
        .prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    const names = existsSync(migrationsDir)
      ? readdirSync(migrationsDir, { withFileTypes: true })
          .filter((e) => e.isDirectory() && existsSync(path.join(migrationsDir, e.name, "migration.sql")))
          .map((e) => e.name)
          .sort()
      : [];
    const applied: string[] = [];
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const startedAt = toDbTime(new Date());
      db.transaction(() => {
        db.exec(sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), checksum, toDbTime(new Date()), name, startedAt);
      })();
      applied.push(name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    db.close();
  }
}
