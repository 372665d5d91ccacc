import { randomUUID } from "node:crypto";
import pg from "pg";

/** The server the PostgreSQL suites use (CI and the project's machines: trust auth on 127.0.0.1). */
export const PG_ADMIN_URL = process.env.MINDET_TEST_POSTGRES_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/test";

/** The URL of database `name` on the test server. */
export function pgDatabaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database name, safe to interpolate (letters, digits, underscores). */
export function freshDatabaseName(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll("-", "")}`;
}

/** Runs SQL on the admin database (CREATE / DROP DATABASE cannot be parameters, hence names from freshDatabaseName). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Databases on the test server whose name starts with `prefix` (letters, digits, underscores). */
export async function databasesNamed(prefix: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    return rows.map((row) => row.datname).filter((name) => /^\w+$/.test(name));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Null when the test server answers; else why the PostgreSQL suites are skipped. */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    await adminQuery("SELECT 1");
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return `no PostgreSQL at ${new URL(PG_ADMIN_URL).host} (${code ?? (error as Error).message}); set MINDET_TEST_POSTGRES_URL`;
  }
}

/** Why the PostgreSQL suites are skipped in this run (global setup decides), or null when they run. */
export function pgSkipReason(): string | null {
  if (process.env.MINDET_TEST_PG_TEMPLATE) return null;
  return process.env.MINDET_TEST_PG_SKIP ?? "global setup did not prepare a PostgreSQL template";
}
