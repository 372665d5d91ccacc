import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { sqlitePathFromUrl } from "./url.ts";

export const PROJECT_DIR = fileURLToPath(new URL("../..", import.meta.url));
export const MIGRATIONS_DIR = path.join(PROJECT_DIR, "prisma", "migrations");

/** Milliseconds a connection waits for another writer before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/** A migration run that takes longer than this is stuck (a lock held elsewhere), not slow. */
const MIGRATE_TIMEOUT_MS = 120_000;

export interface MigrationResult {
  /** Migrations this call applied, in order. */
  applied: string[];
  /** Migrations the database already had. */
  alreadyApplied: number;
}

/** `prisma migrate deploy` refused or failed; `message` is Prisma's own one-line reason. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

/**
 * Applies the committed migrations (prisma/migrations) that the SQLite database behind `target`
 * (a `file:` URL or a file path) has not seen, with `prisma migrate deploy` (Prisma's own
 * locking, checksums and `_prisma_migrations` rows), and switches the file to WAL mode so
 * readers (bot handlers) never wait for the scheduler's writes.
 *
 * Prisma's CLI costs about a second to start, so it runs only when a migration is pending: an
 * up-to-date database costs one read of `_prisma_migrations` (about a millisecond). Synchronous
 * on purpose: it runs once, before anything else uses the database.
 */
export function migrateDatabase(target: string): MigrationResult {
  const file = target.startsWith("file:") ? sqlitePathFromUrl(target) : path.resolve(target);
  if (file === ":memory:") throw new MigrationError("an in-memory database cannot be migrated by another process");
  mkdirSync(path.dirname(file), { recursive: true });
  // WAL first, so the migration itself already runs in the mode the application uses.
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  let done: Set<string>;
  try {
    db.pragma("journal_mode = WAL");
    done = appliedMigrations(db);
  } finally {
    db.close();
  }
  const pending = committedMigrations().filter((name) => !done.has(name));
  if (pending.length === 0) return { applied: [], alreadyApplied: done.size };
  runPrismaMigrateDeploy(`file:${file}`);
  return { applied: pending, alreadyApplied: done.size };
}

/** Names of the committed migrations, in the order Prisma applies them. */
export function committedMigrations(migrationsDir = MIGRATIONS_DIR): string[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(migrationsDir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

// Finished and not rolled back. A failed migration is left out, so deploy runs and reports it.
function appliedMigrations(db: Database.Database): Set<string> {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
  if (!table) return new Set();
  const rows = db
    .prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
    .all() as { migration_name: string }[];
  return new Set(rows.map((row) => row.migration_name));
}

/**
 * Runs `prisma migrate deploy` for `url` in a child process (the CLI has no programmatic API).
 * The js engine and the driver adapter from prisma.config.ts mean no engine binary and no network.
 */
export function runPrismaMigrateDeploy(url: string): void {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const child = spawnSync(process.execPath, [cli, "migrate", "deploy", "--config", path.join(PROJECT_DIR, "prisma.config.ts")], {
    cwd: PROJECT_DIR,
    encoding: "utf8",
    timeout: MIGRATE_TIMEOUT_MS,
    env: {
      ...process.env,
      DATABASE_URL: url,
      // No update check or telemetry: start-up must not touch the network.
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      NO_COLOR: "1",
    },
  });
  if (child.error) throw new MigrationError(`prisma migrate deploy could not run: ${child.error.message}`);
  if (child.status !== 0) throw new MigrationError(`prisma migrate deploy failed: ${prismaReason(`${child.stderr}\n${child.stdout}`)}`);
}

// Prisma prints a banner, then "Error: P3009 ..." and details: keep the error line and the next one.
function prismaReason(output: string): string {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  const at = lines.findIndex((l) => /^Error\b|^P\d{4}\b/.test(l));
  if (at === -1) return lines.at(-1) ?? "no output";
  return lines.slice(at, at + 2).join(" ").slice(0, 500);
}
