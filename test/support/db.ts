import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { openDatabase, type Db } from "../../src/db/client.ts";

const TMP = path.resolve(".tmp/test");

export interface TestDb {
  db: Db;
  url: string;
  file: string;
  /** Disconnects and deletes the file. */
  destroy(): Promise<void>;
}

/**
 * A real, throwaway SQLite database with every migration applied: a copy of the template that
 * global setup migrated once (or a freshly migrated file when run outside vitest's setup).
 */
export async function createTestDb(): Promise<TestDb> {
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
    async destroy() {
      await db.$disconnect();
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    },
  };
}
