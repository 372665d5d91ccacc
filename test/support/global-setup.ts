import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { migratePostgres } from "../../src/db/postgres.ts";
import { adminQuery, databasesNamed, freshDatabaseName, pgDatabaseUrl, postgresUnavailable } from "./postgres.ts";

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
    // Test databases are named mindet_test_<run>_..., so teardown finds every one of this run.
    process.env.MINDET_TEST_PG_RUN = pgTemplate.slice(-8);
    await adminQuery(`CREATE DATABASE ${pgTemplate}`);
    await migratePostgres(pgDatabaseUrl(pgTemplate));
    process.env.MINDET_TEST_PG_TEMPLATE = pgTemplate;
  } else {
    process.env.MINDET_TEST_PG_SKIP = unavailable;
  }
  return async () => {
    rmSync(TEST_TMP_DIR, { recursive: true, force: true });
    if (!pgTemplate) return;
    for (const name of await databasesNamed(`mindet_test_${process.env.MINDET_TEST_PG_RUN}_`)) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(`DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
  };
}
