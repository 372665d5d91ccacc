import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { committedMigrations, MIGRATIONS_DIR, PROJECT_DIR } from "../../src/db/migrate.ts";
import { migratePostgres, PG_MIGRATIONS_DIR } from "../../src/db/postgres.ts";
import { databaseUrlProblem } from "../../src/db/url.ts";
import { ConfigError } from "../../src/config.ts";
import { adminQuery, freshDatabaseName, pgDatabaseUrl, pgSkipReason, PG_ADMIN_URL } from "../support/postgres.ts";

describe("the two schemas", () => {
  it("describe the same models: everything after the datasource block is identical", () => {
    const models = (file: string) => {
      const text = readFileSync(path.join(PROJECT_DIR, file), "utf8");
      return text.slice(text.indexOf("/// One ingested document"));
    };
    expect(models("prisma/postgresql/schema.prisma")).toBe(models("prisma/schema.prisma"));
  });

  it("each have migrations for their engine", () => {
    expect(committedMigrations(MIGRATIONS_DIR).length).toBeGreaterThan(0);
    expect(committedMigrations(PG_MIGRATIONS_DIR).length).toBeGreaterThan(0);
    expect(readFileSync(path.join(PG_MIGRATIONS_DIR, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });
});

describe("DATABASE_URL forms", () => {
  it("accepts SQLite files and PostgreSQL URLs, and says what is wrong with anything else", () => {
    expect(databaseUrlProblem("file:./data/mindet.db")).toBeNull();
    expect(databaseUrlProblem("postgresql://mindet:secret@db.example:5432/mindet")).toBeNull();
    expect(databaseUrlProblem("postgres://db/mindet")).toBeNull();
    expect(databaseUrlProblem("mysql://db/mindet")).toMatch(/got "mysql:"/);
    expect(databaseUrlProblem("./data/mindet.db")).toMatch(/got no scheme/);
    expect(databaseUrlProblem("file:")).toMatch(/no file path/);
    expect(databaseUrlProblem("postgresql://db.example:5432")).toMatch(/no database name/);
  });
});

async function openError(url: string): Promise<Error> {
  try {
    const db = await openDatabase(url);
    await db.$disconnect();
  } catch (error) {
    return error as Error;
  }
  throw new Error("opened");
}

describe("opening PostgreSQL", () => {
  it("names DATABASE_URL in one line when the server cannot be reached", async () => {
    // Port 1 on loopback: nothing listens there, the refusal is immediate.
    const error = await openError("postgresql://postgres@127.0.0.1:1/mindet");
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe("DATABASE_URL: cannot reach the PostgreSQL server at 127.0.0.1:1 (ECONNREFUSED)");
  });

  const skip = pgSkipReason();
  describe.skipIf(skip !== null)(`against the test server${skip ? ` (skipped: ${skip})` : ""}`, () => {
    it("names DATABASE_URL in one line for a missing database and for a user the server refuses", async () => {
      const missing = await openError(pgDatabaseUrl("mindet_no_such_database"));
      expect(missing).toBeInstanceOf(ConfigError);
      expect(missing.message).toMatch(/^DATABASE_URL: database "mindet_no_such_database" does not exist on 127\.0\.0\.1:5432/);
      const nobody = new URL(PG_ADMIN_URL);
      nobody.username = "mindet_no_such_role";
      const unknown = await openError(nobody.toString());
      expect(unknown).toBeInstanceOf(ConfigError);
      expect(unknown.message).toMatch(/^DATABASE_URL: PostgreSQL at 127\.0\.0\.1:5432 refused user "mindet_no_such_role": .*mindet_no_such_role/);
      expect(unknown.message).not.toContain("\n");
    });

    it("applies the migrations to a new database through prisma migrate deploy, then nothing more", { timeout: 120_000 }, async () => {
      const name = freshDatabaseName("mindet_migrate");
      await adminQuery(`CREATE DATABASE ${name}`);
      try {
        const url = pgDatabaseUrl(name);
        expect(await migratePostgres(url)).toEqual({ applied: committedMigrations(PG_MIGRATIONS_DIR), alreadyApplied: 0 });
        expect(await migratePostgres(url)).toEqual({ applied: [], alreadyApplied: committedMigrations(PG_MIGRATIONS_DIR).length });
        const db = await openDatabase(url);
        const source = await db.source.create({ data: { path: "/a/x.txt", file: "x.txt", contentHash: "h", content: "t" } });
        await db.commitment.create({
          data: { sourceId: source.id, key: "k", title: "Build the port", quote: "The ministry will build the port.", precision: "day", quoteStart: 0, quoteEnd: 1 },
        });
        expect(await db.commitmentTally.findMany({ select: { status: true, withdrawn: true, count: true } })).toEqual([
          { status: "open", withdrawn: false, count: 1 },
        ]);
        await db.$disconnect();
      } finally {
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    });
  });
});
