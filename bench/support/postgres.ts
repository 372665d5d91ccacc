// A throwaway PostgreSQL database for a benchmark: created on the server of
// MINDET_BENCH_POSTGRES_URL (default the test server), migrated by openDatabase, dropped after.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { openDatabase, type Db } from "../../src/db/client.ts";

export const BENCH_PG_ADMIN_URL = process.env.MINDET_BENCH_POSTGRES_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/test";

export interface BenchPgDatabase {
  name: string;
  url: string;
  db: Db;
  /** Runs SQL on this database over a plain pg connection (seeding with generate_series, COPY). */
  sql(text: string): Promise<pg.QueryResult>;
  drop(): Promise<void>;
}

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Null when the bench server answers, else why the PostgreSQL benches are skipped. */
export async function benchPgUnavailable(): Promise<string | null> {
  try {
    await admin("SELECT 1");
    return null;
  } catch (error) {
    return `no PostgreSQL at ${new URL(BENCH_PG_ADMIN_URL).host} (${(error as { code?: string }).code ?? (error as Error).message}); set MINDET_BENCH_POSTGRES_URL`;
  }
}

export async function createBenchPgDatabase(prefix: string): Promise<BenchPgDatabase> {
  const name = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString());
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    name,
    url: url.toString(),
    db,
    sql: (text) => client.query(text),
    async drop() {
      await client.end().catch(() => undefined);
      await db.$disconnect();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
