import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDatabaseUrl, sqlitePathFromUrl } from "./src/db/url.ts";

// The schema's datasource reads DATABASE_URL; without it Prisma falls back to its classic engine
// and tries to download binaries (which fails offline), so the embedded default is set here.
process.env.DATABASE_URL = resolveDatabaseUrl(process.env);

// The js engine with a driver adapter: no Prisma engine binaries are downloaded (none can be here).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: sqlitePathFromUrl(resolveDatabaseUrl(process.env)) });
  },
});
