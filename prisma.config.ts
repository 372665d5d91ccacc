import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { createMigratePgAdapter } from "./src/db/pg-migrate-adapter.ts";
import { isPostgresUrl, resolveDatabaseUrl, sqlitePathFromUrl } from "./src/db/url.ts";

// The schema's datasource reads DATABASE_URL; without it Prisma falls back to its classic engine
// and tries to download binaries (which fails offline), so the embedded default is set here.
const url = resolveDatabaseUrl(process.env);
process.env.DATABASE_URL = url;

// One schema and one migrations folder per engine (prisma/ for SQLite, prisma/postgresql/ for
// PostgreSQL), chosen by DATABASE_URL, so `prisma migrate deploy` applies the right ones.
const dir = isPostgresUrl(url) ? path.join("prisma", "postgresql") : "prisma";

// The js engine with a driver adapter: no Prisma engine binaries are downloaded (none can be here).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  async adapter() {
    return isPostgresUrl(url) ? createMigratePgAdapter(url) : new PrismaBetterSQLite3({ url: sqlitePathFromUrl(url) });
  },
});
