import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { ConfigError } from "../config.ts";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { PrismaClient as PgPrismaClient } from "../generated/prisma-pg/client.ts";
import { BUSY_TIMEOUT_MS, migrateDatabase } from "./migrate.ts";
import { migratePostgres, PG_CONNECT_TIMEOUT_MS } from "./postgres.ts";
import { databaseUrlProblem, isPostgresUrl, sqlitePathFromUrl } from "./url.ts";

export type Db = PrismaClient;
export { Prisma } from "../generated/prisma/client.ts";

/** Which database engine a Db talks to (raw SQL that differs between them asks this). */
export type DbEngine = "sqlite" | "postgresql";

const engines = new WeakMap<object, DbEngine>();

/** The engine behind `db`; "sqlite" for a client this module did not open. */
export function engineOf(db: Db): DbEngine {
  return engines.get(db) ?? "sqlite";
}

/**
 * An interactive transaction's client as a Db (the dry run plans inside one and rolls it back):
 * it answers engineOf like `db`. It has no $transaction of its own; code that opens one checks
 * isTransaction first.
 */
export function transactionAsDb(tx: object, db: Db): Db {
  engines.set(tx, engineOf(db));
  return tx as Db;
}

/** True for a client made by transactionAsDb (already inside a transaction). */
export function isTransaction(db: Db): boolean {
  return typeof (db as { $transaction?: unknown }).$transaction !== "function";
}

export interface OpenDatabaseOptions {
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
}

/**
 * Opens the database behind DATABASE_URL with Prisma's js engine and a driver adapter, after
 * applying pending migrations (`prisma migrate deploy`, see migrate.ts): a SQLite `file:` URL
 * (better-sqlite3) or a `postgresql://` one (pg). The one place a PrismaClient is created.
 * A PostgreSQL server that cannot be reached or refuses the credentials is a ConfigError naming
 * DATABASE_URL.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<Db> {
  const problem = databaseUrlProblem(url);
  if (problem) throw new ConfigError("DATABASE_URL", problem);
  if (isPostgresUrl(url)) return openPostgres(url, options);
  const file = sqlitePathFromUrl(url);
  if (options.migrate !== false) migrateDatabase(file);
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS });
  const db = new PrismaClient({ adapter });
  await db.$connect();
  // WAL is persistent in the file, but busy_timeout and synchronous are per connection.
  await db.$queryRaw`PRAGMA synchronous = NORMAL`;
  await db.$queryRaw`PRAGMA foreign_keys = ON`;
  engines.set(db, "sqlite");
  return db;
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Db> {
  if (options.migrate !== false) await migratePostgres(url);
  const adapter = new PrismaPg({ connectionString: url, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
  // The PostgreSQL client is generated from a schema with the same models (test/db/schema-sync
  // checks it), so it has the same API; only its provider differs.
  const db = new PgPrismaClient({ adapter }) as unknown as Db;
  await db.$connect();
  engines.set(db, "postgresql");
  return db;
}
