import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { openDatabase } from "../../src/db/client.ts";
import { toDbTime } from "../../src/db/time.ts";

const dir = mkdtempSync(path.join(tmpdir(), "mindet-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("migrateDatabase", () => {
  it("applies every migration once, records it as Prisma does, and turns on WAL", () => {
    const file = path.join(dir, "a.db");
    const first = migrateDatabase(file);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = migrateDatabase(file);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(first.applied.length);
    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT migration_name, checksum, finished_at FROM _prisma_migrations").all() as {
      migration_name: string;
      checksum: string;
      finished_at: string;
    }[];
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.finished_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("stores DateTime in the same format as raw SQL helpers write it", async () => {
    const file = path.join(dir, "b.db");
    const db = await openDatabase(`file:${file}`);
    const at = new Date("2026-03-01T04:00:00.000Z");
    await db.chat.create({ data: { id: -1001234567890123n, type: "supergroup", createdAt: at } });
    const raw = (await db.$queryRawUnsafe(`SELECT CAST(createdAt AS TEXT) AS t, CAST(id AS TEXT) AS id FROM Chat`)) as {
      t: string;
      id: string;
    }[];
    expect(raw[0]?.t).toBe(toDbTime(at));
    expect(raw[0]?.id).toBe("-1001234567890123");
    await db.$disconnect();
  });

  it("refuses a database URL that is not a SQLite file", async () => {
    await expect(openDatabase("postgres://localhost/x")).rejects.toThrow(/DATABASE_URL/);
  });
});
