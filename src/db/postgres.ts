import pg from "pg";
import { ConfigError } from "../config.ts";
import { committedMigrations, PROJECT_DIR, runPrismaMigrateDeploy, type MigrationResult } from "./migrate.ts";
import path from "node:path";

export const PG_MIGRATIONS_DIR = path.join(PROJECT_DIR, "prisma", "postgresql", "migrations");

/** How long to wait for a PostgreSQL server before saying it cannot be reached. */
export const PG_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connects once to check the server and the credentials (so a wrong URL fails with one line
 * naming DATABASE_URL, not a Prisma stack), then applies pending migrations with `prisma migrate
 * deploy` when `_prisma_migrations` lacks one of prisma/postgresql/migrations.
 */
export async function migratePostgres(url: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
  let done: Set<string>;
  try {
    await client.connect();
    const table = await client.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`);
    const rows =
      table.rows[0]?.t === null
        ? []
        : (await client.query<{ migration_name: string }>(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)).rows;
    done = new Set(rows.map((row) => row.migration_name));
  } catch (error) {
    throw describeConnectError(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
  const pending = committedMigrations(PG_MIGRATIONS_DIR).filter((name) => !done.has(name));
  if (pending.length > 0) runPrismaMigrateDeploy(url);
  return { applied: pending, alreadyApplied: done.size };
}

/** One line naming DATABASE_URL for the ways connecting goes wrong; other errors as they are. */
export function describeConnectError(url: string, error: unknown): Error {
  const { hostname, port, pathname, username } = new URL(url);
  const where = `${hostname}:${port || "5432"}`;
  const database = decodeURIComponent(pathname.slice(1));
  const code = (error as { code?: string }).code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ETIMEDOUT", "ECONNRESET"].includes(code) || /timeout/i.test(message)) {
    return new ConfigError("DATABASE_URL", `cannot reach the PostgreSQL server at ${where} (${code || "timed out"})`);
  }
  if (code === "28P01" || code === "28000") {
    return new ConfigError("DATABASE_URL", `PostgreSQL at ${where} refused user "${decodeURIComponent(username) || "(none)"}": ${message}`);
  }
  if (code === "3D000") {
    return new ConfigError("DATABASE_URL", `database "${database}" does not exist on ${where} (create it: createdb ${database})`);
  }
  return error instanceof Error ? error : new Error(message);
}
