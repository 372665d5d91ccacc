import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestDirectory, sourcePath } from "../../src/commitments/ingest-directory.ts";
import { ingestSource } from "../../src/commitments/ingest-source.ts";
import { MIGRATIONS_DIR } from "../../src/db/migrate.ts";
import { createTestDb, describeEachEngine, type TestDb } from "../support/db.ts";
import { DOC_V1, fakeExtract } from "./fake-extract.ts";

const NOW = new Date("2026-01-20T06:00:00Z");
const work = mkdtempSync(path.join(tmpdir(), "mindet-source-path-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let t: TestDb;

function writeDoc(relative: string, text: string): string {
  const file = path.join(work, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const sources = () => t.db.source.findMany({ orderBy: { id: "asc" }, select: { id: true, path: true, file: true } });

describeEachEngine("sources are keyed by path", (engine) => {
  beforeEach(async () => {
    t = await createTestDb(engine);
  });
  afterEach(async () => {
    await t.destroy();
  });


  it("makes a/x.txt and b/x.txt two sources, each with its own commitments", async () => {
    const a = writeDoc("two/a/x.txt", DOC_V1);
    const b = writeDoc("two/b/x.txt", DOC_V1.replace("2026-03-31", "2026-04-30"));
    // Without matching: this is about source identity (b's sentences restate a's, see test/commitments/mentions.test.ts).
    const first = await ingestDirectory(t.db, [a], { now: NOW, extract: fakeExtract, matching: false });
    const second = await ingestDirectory(t.db, [b], { now: NOW, extract: fakeExtract, matching: false });
    expect(first.results[0]).toMatchObject({ status: "created", file: "x.txt", path: sourcePath(a), added: 3 });
    expect(second.results[0]).toMatchObject({ status: "created", file: "x.txt", path: sourcePath(b), added: 3 });
    expect((await sources()).map((s) => [s.path, s.file])).toEqual([
      [sourcePath(a), "x.txt"],
      [sourcePath(b), "x.txt"],
    ]);
    expect(await t.db.commitment.count({ where: { withdrawnAt: null } })).toBe(6);
    // Each re-ingest finds its own source again: nothing changes, nothing is withdrawn.
    const again = await ingestDirectory(t.db, [path.dirname(a), path.dirname(b)], { now: NOW, extract: fakeExtract });
    expect(again.results.map((r) => r.status)).toEqual(["unchanged", "unchanged"]);
  });

  it("is the same source whatever the spelling of the path or the working directory", async () => {
    const file = writeDoc("spell/x.txt", DOC_V1);
    const relative = path.relative(process.cwd(), file);
    const report = await ingestDirectory(t.db, [file, relative, `${path.dirname(file)}/./x.txt`, path.dirname(file)], { now: NOW, extract: fakeExtract });
    expect(report.results.map((r) => r.status)).toEqual(["created"]);
    expect(await sources()).toHaveLength(1);
  });

  it("adopts a source stored under its bare name before paths were kept, keeping its ids and history", async () => {
    // What the path migration leaves for a document stored earlier: path = file = the base name.
    const legacy = await ingestSource(t.db, { file: "x.txt", text: DOC_V1, now: NOW, extract: fakeExtract });
    const ids = (await t.db.commitment.findMany({ orderBy: { id: "asc" } })).map((c) => c.id);
    const file = writeDoc("legacy/x.txt", DOC_V1);
    const report = await ingestDirectory(t.db, [file], { now: NOW, extract: fakeExtract });
    expect(report.results[0]).toMatchObject({ status: "unchanged", sourceId: legacy.sourceId, path: sourcePath(file) });
    expect(await sources()).toEqual([{ id: legacy.sourceId, path: sourcePath(file), file: "x.txt" }]);
    // Another folder's x.txt is a new document now: the legacy row has been claimed.
    const other = writeDoc("legacy2/x.txt", `${DOC_V1}\nThe Ministry of Water must fix pipes by 2026-05-05.`);
    const next = await ingestDirectory(t.db, [other], { now: NOW, extract: fakeExtract });
    expect(next.results[0]).toMatchObject({ status: "created" });
    expect((await t.db.commitment.findMany({ where: { sourceId: legacy.sourceId }, orderBy: { id: "asc" } })).map((c) => c.id)).toEqual(ids);
  });

  it("adopts a legacy source whose document changed, as an update of the same source", async () => {
    const legacy = await ingestSource(t.db, { file: "y.txt", text: DOC_V1, now: NOW, extract: fakeExtract });
    const file = writeDoc("changed/y.txt", DOC_V1.replace("2026-06-30", "2026-07-31"));
    const report = await ingestDirectory(t.db, [file], { now: NOW, extract: fakeExtract });
    expect(report.results[0]).toMatchObject({ status: "updated", sourceId: legacy.sourceId, path: sourcePath(file) });
    expect(await t.db.source.count()).toBe(1);
  });

  it("keeps /ingest names (telegram/<chat>/<message>.txt) as their own identity", async () => {
    const name = "telegram/42/7.txt";
    const created = await ingestSource(t.db, { file: name, text: DOC_V1, now: NOW, extract: fakeExtract });
    expect(created).toMatchObject({ status: "created", file: name, path: name });
    expect(await ingestSource(t.db, { file: name, text: DOC_V1, now: NOW, extract: fakeExtract })).toMatchObject({ status: "unchanged" });
  });
});

describe("the source path migration", () => {
  it("keeps every existing source and commitment, each source's name becoming its path", () => {
    const db = new Database(":memory:");
    const sql = (name: string) => readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
    db.exec(sql("20261122000000_init"));
    const at = "2026-01-01T00:00:00.000+00:00";
    db.prepare(`INSERT INTO "Source" (id, file, contentHash, content, createdAt, updatedAt) VALUES (7, 'x.txt', 'h', 'text', ?, ?)`).run(at, at);
    db.prepare(
      `INSERT INTO "Commitment" (id, sourceId, key, title, precision, quote, quoteStart, quoteEnd, createdAt, updatedAt) VALUES (3, 7, 'k', 't', 'day', 'q', 0, 1, ?, ?)`,
    ).run(at, at);
    db.exec(sql("20261125000100_source_path"));
    expect(db.prepare(`SELECT id, path, file, contentHash, content FROM "Source"`).all()).toEqual([
      { id: 7, path: "x.txt", file: "x.txt", contentHash: "h", content: "text" },
    ]);
    expect(db.prepare(`SELECT id, sourceId FROM "Commitment"`).all()).toEqual([{ id: 3, sourceId: 7 }]);
    expect(db.pragma("foreign_key_check")).toEqual([]);
    db.close();
  });
});
