import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../src/db/migrate.ts";

export const TEST_TMP_DIR = path.resolve(".tmp/test");
export const TEMPLATE_DB = path.join(TEST_TMP_DIR, "template.db");

/** Migrates one template database; each test file copies it (cheaper than migrating each). */
export default function setup(): () => void {
  rmSync(TEST_TMP_DIR, { recursive: true, force: true });
  mkdirSync(TEST_TMP_DIR, { recursive: true });
  migrateDatabase(TEMPLATE_DB);
  process.env.MINDET_TEST_TEMPLATE_DB = TEMPLATE_DB;
  return () => rmSync(TEST_TMP_DIR, { recursive: true, force: true });
}
