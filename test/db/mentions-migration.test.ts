// Migration 20261125200000_mentions on a store made before it: every commitment keeps its row and
// gets exactly one mention, its own sentence (withdrawn ones withdrawn), on both engines.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, PROJECT_DIR } from "../../src/db/migrate.ts";
import { adminQuery, freshDatabaseName, pgDatabaseUrl, pgSkipReason } from "../support/postgres.ts";

const MENTIONS = "20261125200000_mentions";
const dir = mkdtempSync(path.join(tmpdir(), "mindet-mentions-migration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The migration scripts in order, split at the mentions one. */
function scripts(migrationsDir: string): { before: string[]; mentions: string } {
  const names = readdirSync(migrationsDir).filter((n) => /^\d{14}_/.test(n)).sort();
  const read = (name: string) => readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
  return { before: names.filter((n) => n < MENTIONS).map(read), mentions: read(MENTIONS) };
}

const SEED_SQL = `
INSERT INTO "Source" ("id", "path", "file", "contentHash", "publishedOn", "content", "updatedAt") VALUES (1, 'a.txt', 'a.txt', 'h', '2026-01-10', 'text', '2026-01-10T00:00:00.000+00:00');
INSERT INTO "Commitment" ("id", "sourceId", "key", "article", "publishedOn", "title", "responsible", "body", "extractedDueOn", "precision", "dueText", "dueOn", "quote", "quoteStart", "quoteEnd", "status", "withdrawnAt", "updatedAt")
VALUES (1, 1, 'k1', 'Hubs', '2026-01-10', 'Port report', 'Ministry of Transport', 'Ministry of Transport', '2026-06-30', 'day', 'by 30 June 2026', '2026-08-31', 'The port report is due by 30 June 2026.', 10, 49, 'postponed', NULL, '2026-01-10T00:00:00.000+00:00'),
       (2, 1, 'k2', 'Hubs', '2026-01-10', 'Tariff plan', NULL, NULL, NULL, 'vague', NULL, NULL, 'A tariff plan will follow.', 50, 76, 'open', '2026-01-12T00:00:00.000+00:00', '2026-01-12T00:00:00.000+00:00');`;

type Row = Record<string, unknown>;
const EXPECTED = [
  { commitmentId: 1, sourceId: 1, key: "k1", quote: "The port report is due by 30 June 2026.", dueOn: "2026-06-30", precision: "day", dueText: "by 30 June 2026", publishedOn: "2026-01-10", via: "first", withdrawn: false },
  { commitmentId: 2, sourceId: 1, key: "k2", quote: "A tariff plan will follow.", dueOn: null, precision: "vague", dueText: null, publishedOn: "2026-01-10", via: "first", withdrawn: true },
];
const pick = (r: Row) => ({
  commitmentId: Number(r.commitmentId), sourceId: Number(r.sourceId), key: r.key, quote: r.quote, dueOn: r.dueOn, precision: r.precision,
  dueText: r.dueText, publishedOn: r.publishedOn, via: r.via, withdrawn: r.withdrawnAt !== null,
});

describe(`migration ${MENTIONS}`, () => {
  it("[sqlite] gives each existing commitment one mention and keeps the commitments", () => {
    const db = new Database(path.join(dir, "old.db"));
    const { before, mentions } = scripts(MIGRATIONS_DIR);
    for (const sql of before) db.exec(sql);
    db.exec(SEED_SQL);
    const commitments = db.prepare(`SELECT * FROM "Commitment" ORDER BY id`).all();
    db.exec(mentions);
    expect((db.prepare(`SELECT * FROM "Mention" ORDER BY "commitmentId"`).all() as Row[]).map(pick)).toEqual(EXPECTED);
    const after = db.prepare(`SELECT * FROM "Commitment" ORDER BY id`).all() as Row[];
    expect(after.map(({ mergedIntoId, ...rest }) => (expect(mergedIntoId).toBeNull(), rest))).toEqual(commitments);
    db.close();
  });

  const skip = pgSkipReason();
  it.skipIf(skip !== null)(`[postgresql] gives each existing commitment one mention${skip ? ` (skipped: ${skip})` : ""}`, async () => {
    const name = freshDatabaseName("mindet_mentions_migration");
    await adminQuery(`CREATE DATABASE ${name}`);
    const client = new pg.Client({ connectionString: pgDatabaseUrl(name) });
    await client.connect();
    try {
      const { before, mentions } = scripts(path.join(PROJECT_DIR, "prisma", "postgresql", "migrations"));
      for (const sql of before) await client.query(sql);
      await client.query(SEED_SQL.replaceAll("+00:00'", "'"));
      const commitments = (await client.query(`SELECT count(*)::int AS n FROM "Commitment"`)).rows[0].n;
      await client.query(mentions);
      const rows = (await client.query(`SELECT * FROM "Mention" ORDER BY "commitmentId"`)).rows as Row[];
      expect(rows.map(pick)).toEqual(EXPECTED);
      expect((await client.query(`SELECT count(*)::int AS n FROM "Commitment"`)).rows[0].n).toBe(commitments);
    } finally {
      await client.end();
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
    }
  });
});
