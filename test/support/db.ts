import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe } from "vitest";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { openDatabase, type Db, type DbEngine } from "../../src/db/client.ts";
import { forgetStoreIndex } from "../../src/commitments/store-index.ts";
import { adminQuery, freshDatabaseName, pgDatabaseUrl, pgSkipReason } from "./postgres.ts";

const TMP = path.resolve(".tmp/test");

export interface TestDb {
  db: Db;
  url: string;
  /** The SQLite file, or the PostgreSQL database name. */
  file: string;
  engine: DbEngine;
  /** Disconnects and deletes the file (drops the database). */
  destroy(): Promise<void>;
}

/**
 * A real, throwaway database with every migration applied. SQLite: a copy of the template that
 * global setup migrated once (or a freshly migrated file when run outside vitest's setup).
 * PostgreSQL: a database created from the migrated template, dropped by destroy().
 */
export async function createTestDb(engine: DbEngine = "sqlite"): Promise<TestDb> {
  if (engine === "postgresql") return createPgTestDb();
  mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `${randomUUID()}.db`);
  const template = process.env.MINDET_TEST_TEMPLATE_DB;
  if (template && existsSync(template)) copyFileSync(template, file);
  else migrateDatabase(file);
  const url = `file:${file}`;
  const db = await openDatabase(url, { migrate: false });
  return {
    db,
    url,
    file,
    engine,
    async destroy() {
      await db.$disconnect();
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    },
  };
}

interface PgDatabase {
  name: string;
  url: string;
  db: Db;
}

// Creating a database costs about half a second, emptying one a few milliseconds: a test file
// reuses its database, emptied by destroy(); global teardown drops what the run created.
let spare: PgDatabase | null = null;

async function createPgTestDb(): Promise<TestDb> {
  const template = process.env.MINDET_TEST_PG_TEMPLATE;
  const run = process.env.MINDET_TEST_PG_RUN;
  if (!template || !run) throw new Error(`PostgreSQL tests cannot run: ${pgSkipReason()}`);
  let current = spare;
  spare = null;
  if (!current) {
    const name = freshDatabaseName(`mindet_test_${run}`);
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const url = pgDatabaseUrl(name);
    current = { name, url, db: await openDatabase(url, { migrate: false }) };
  }
  const { name, url, db } = current;
  return {
    db,
    url,
    file: name,
    engine: "postgresql",
    async destroy() {
      // Every table but the migration history, identities restarted: as new from the template.
      // One TRUNCATE of them all: about five times faster than one per table.
      await db.$executeRaw`DO $$ BEGIN EXECUTE (
        SELECT 'TRUNCATE ' || string_agg(format('%I', tablename), ', ') || ' RESTART IDENTITY CASCADE'
        FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'); END $$`;
      // The matcher's index of this client describes what was just deleted.
      forgetStoreIndex(db);
      spare = current;
    },
  };
}

/**
 * The suite `fn` once per engine: SQLite always; PostgreSQL when global setup found a server,
 * else reported as skipped with the reason in its name.
 */
export function describeEachEngine(name: string, fn: (engine: DbEngine) => void): void {
  describe(`${name} [sqlite]`, () => fn("sqlite"));
  const skip = pgSkipReason();
  describe.skipIf(skip !== null)(`${name} [postgresql]${skip ? ` (skipped: ${skip})` : ""}`, () => fn("postgresql"));
}
