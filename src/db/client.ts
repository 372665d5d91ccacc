import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.ts";
import { BUSY_TIMEOUT_MS, migrateDatabase } from "./migrate.ts";
import { sqlitePathFromUrl } from "./url.ts";

export type Db = PrismaClient;
export { Prisma } from "../generated/prisma/client.ts";

export interface OpenDatabaseOptions {
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
}

/**
 * Opens the SQLite database behind a `file:` URL with Prisma's js engine and the better-sqlite3
 * driver adapter, after applying pending migrations (`prisma migrate deploy`, see migrate.ts).
 * The one place a PrismaClient is created.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<Db> {
  const file = sqlitePathFromUrl(url);
  if (options.migrate !== false) migrateDatabase(file);
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS });
  const db = new PrismaClient({ adapter });
  await db.$connect();
  // WAL is persistent in the file, but busy_timeout and synchronous are per connection.
  await db.$queryRaw`PRAGMA synchronous = NORMAL`;
  await db.$queryRaw`PRAGMA foreign_keys = ON`;
  return db;
}
