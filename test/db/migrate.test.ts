import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { committedMigrations, migrateDatabase, MigrationError, MIGRATIONS_DIR } from "../../src/db/migrate.ts";
import { openDatabase } from "../../src/db/client.ts";
import { toDbTime } from "../../src/db/time.ts";

const dir = mkdtempSync(path.join(tmpdir(), "mindet-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("migrateDatabase", () => {
  it("applies every migration once through prisma migrate deploy, and turns on WAL", () => {
    const file = path.join(dir, "a.db");
    const first = migrateDatabase(`file:${file}`);
    expect(first).toEqual({ applied: committedMigrations(), alreadyApplied: 0 });
    const second = migrateDatabase(file);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT migration_name, checksum, finished_at, logs FROM _prisma_migrations ORDER BY migration_name").all() as {
      migration_name: string;
      checksum: string;
      finished_at: string | null;
      logs: string | null;
    }[];
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    for (const row of rows) {
      // Prisma's checksum is the sha256 of the file: proof that Prisma, not a copy of it, wrote the row.
      const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("refuses, in one line, a database that has tables but no migration history", () => {
    const file = path.join(dir, "clash.db");
    // Not Mindet's database (or one made by hand): Prisma will not guess, and says why.
    const db = new Database(file);
    db.exec(`CREATE TABLE "Source" (id INTEGER PRIMARY KEY)`);
    db.close();
    let error: unknown;
    try {
      migrateDatabase(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/^prisma migrate deploy failed: Error: P3005 The database schema is not empty/);
    expect((error as Error).message).not.toContain("\n");
  });

  it("stores DateTime in the same format as raw SQL helpers write it", async () => {
    const file = path.join(dir, "b.db");
    const db = await openDatabase(`file:${file}`);
    const at = new Date("2026-03-01T04:00:00.000Z");
    await db.chat.create({ data: { id: -1001234567890123n, type: "supergroup", createdAt: at } });
    const raw = await db.$queryRaw<{ t: string; id: string }[]>`SELECT CAST(createdAt AS TEXT) AS t, CAST(id AS TEXT) AS id FROM Chat`;
    expect(raw[0]?.t).toBe(toDbTime(at));
    expect(raw[0]?.id).toBe("-1001234567890123");
    expect(await db.$queryRaw`PRAGMA foreign_keys`).toEqual([{ foreign_keys: 1n }]);
    await db.$disconnect();
  });

  it("refuses a database URL of another kind, naming DATABASE_URL", async () => {
    await expect(openDatabase("mysql://localhost/x")).rejects.toThrow(/^DATABASE_URL: must be a SQLite .* \(got "mysql:"\)$/);
  });
});
