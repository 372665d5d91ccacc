import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { migratePostgres } from "../../src/db/postgres.ts";
import { adminQuery, freshDatabaseName, pgDatabaseUrl, postgresUnavailable } from "./postgres.ts";

export const TEST_TMP_DIR = path.resolve(".tmp/test");
export const TEMPLATE_DB = path.join(TEST_TMP_DIR, "template.db");

/**
 * Migrates one template database per engine; each test copies it (cheaper than migrating each):
 * a SQLite file, and, when a PostgreSQL server answers, a database used as CREATE DATABASE's
 * TEMPLATE. Without a server the PostgreSQL suites are skipped and say why.
 */
export default async function setup(): Promise<() => Promise<void>> {
  rmSync(TEST_TMP_DIR, { recursive: true, force: true });
  mkdirSync(TEST_TMP_DIR, { recursive: true });
  migrateDatabase(TEMPLATE_DB);
  process.env.MINDET_TEST_TEMPLATE_DB = TEMPLATE_DB;
  const unavailable = await postgresUnavailable();
  let pgTemplate: string | null = null;
  if (unavailable === null) {
    pgTemplate = freshDatabaseName("mindet_template");
    await adminQuery(`CREATE DATABASE ${pgTemplate}`);
    await migratePostgres(pgDatabaseUrl(pgTemplate));
    process.env.MINDET_TEST_PG_TEMPLATE = pgTemplate;
  } else {
    process.env.MINDET_TEST_PG_SKIP = unavailable;
  }
  return async () => {
    rmSync(TEST_TMP_DIR, { recursive: true, force: true });
    if (pgTemplate) await adminQuery(`DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
  };
}
