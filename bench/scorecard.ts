/**
 * The scorecard (issue 9) over 100,000 commitments, on SQLite and (when it answers at
 * MINDET_TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/test) on PostgreSQL:
 * getScorecard (three aggregate statements), the same for one body, and the bar chart's
 * SVG + PNG. The store: 120 bodies (and 5% naming none), one mention per commitment and a second
 * one, earlier or later, for 20%; 15% slipped (DueChange), 5% postponed, 30% done, 6% missed, 4%
 * cancelled, 2% withdrawn, 1% merged away.
 * usage: node --import tsx bench/scorecard.ts [COMMITMENTS]   (KEEP=1 keeps the databases and prints where)
 * Last line: one JSON object. Exit 1 when the full scorecard's median exceeds TARGET_MS on an engine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { addDays } from "../src/calendar.ts";
import { openDatabase, type Db } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { toDbTime } from "../src/db/time.ts";
import { scorecardBarChart } from "../src/scorecard/charts/bar-chart.ts";
import { renderPng } from "../src/scorecard/charts/render-png.ts";
import { getScorecard } from "../src/scorecard/get-scorecard.ts";

const COMMITMENTS = Number(process.argv[2] ?? 100_000);
const RUNS = 7;
const NOW = new Date("2026-06-15T06:00:00Z");
const ZONE = "Asia/Almaty";
/** The full scorecard at 100,000 commitments, median of the runs. */
const TARGET_MS = 1_000;
const PG_ADMIN_URL = process.env.MINDET_TEST_POSTGRES_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/test";
const BODIES = Array.from({ length: 120 }, (_, i) => `Ministry of Affairs ${i + 1}`);

interface Rows {
  commitments: { id: number; key: string; body: string | null; extracted: string; dueOn: string; status: string; withdrawn: boolean; mergedInto: number | null }[];
  mentions: { commitmentId: number; sourceId: number; key: string; publishedOn: string; dueOn: string }[];
  statusChanges: { commitmentId: number; at: Date; from: string; to: string; fromDueOn: string | null; toDueOn: string | null }[];
  dueChanges: { commitmentId: number; fromDueOn: string; toDueOn: string; kind: string; statedOn: string; at: Date }[];
}

/** Deterministic: the i-th commitment's facts come from i alone. */
function makeRows(n: number): Rows {
  const rows: Rows = { commitments: [], mentions: [], statusChanges: [], dueChanges: [] };
  for (let i = 0; i < n; i++) {
    const id = i + 1;
    const body = i % 20 === 7 ? null : BODIES[(i * 7) % BODIES.length]!;
    const extracted = addDays("2025-01-31", (i * 13) % 700);
    const published = addDays(extracted, -90 - (i % 60));
    let dueOn = extracted;
    let status = "open";
    rows.mentions.push({ commitmentId: id, sourceId: 1, key: `k${i}`, publishedOn: published, dueOn: extracted });
    if (i % 5 === 0) {
      // A restatement: earlier ones restate the same date, later ones give a new one (a slip for 3 in 4).
      const later = i % 20 !== 0;
      const stated = addDays(published, later ? 30 : -10);
      const restated = later ? addDays(extracted, 30 + (i % 200)) : extracted;
      rows.mentions.push({ commitmentId: id, sourceId: 2, key: `k${i}`, publishedOn: stated, dueOn: restated });
      if (later) {
        rows.dueChanges.push({ commitmentId: id, fromDueOn: extracted, toDueOn: restated, kind: "slip", statedOn: stated, at: new Date(`${stated}T06:00:00Z`) });
        dueOn = restated;
      }
    }
    if (i % 20 === 3) {
      const to = addDays(dueOn, 60);
      rows.statusChanges.push({ commitmentId: id, at: new Date(`${addDays(dueOn, -5)}T06:00:00Z`), from: "open", to: "postponed", fromDueOn: dueOn, toDueOn: to });
      dueOn = to;
      status = "postponed";
    }
    const roll = i % 50;
    if (roll < 15) {
      status = "done";
      rows.statusChanges.push({ commitmentId: id, at: new Date(`${addDays(dueOn, (i % 41) - 20)}T${String(i % 24).padStart(2, "0")}:15:00Z`), from: "open", to: "done", fromDueOn: null, toDueOn: null });
    } else if (roll < 18) {
      status = "missed";
      rows.statusChanges.push({ commitmentId: id, at: new Date(`${addDays(dueOn, 3)}T06:00:00Z`), from: "open", to: "missed", fromDueOn: null, toDueOn: null });
    } else if (roll < 20) {
      status = "cancelled";
    }
    rows.commitments.push({
      id, key: `k${i}`, body, extracted, dueOn, status,
      withdrawn: i % 50 === 49,
      mergedInto: i % 100 === 98 ? 1 : null,
    });
  }
  return rows;
}

function seedSqlite(file: string, rows: Rows): void {
  migrateDatabase(file);
  const db = new Database(file);
  const now = toDbTime(NOW);
  db.transaction(() => {
    const source = db.prepare(`INSERT INTO "Source" (id, path, file, contentHash, content, createdAt, updatedAt) VALUES (?, ?, ?, 'x', 'text', ?, ?)`);
    source.run(1, "/bench/a.txt", "a.txt", now, now);
    source.run(2, "/bench/b.txt", "b.txt", now, now);
    const commitment = db.prepare(`INSERT INTO "Commitment" (id, sourceId, key, title, responsible, body, extractedDueOn, precision, dueOn, quote, quoteStart, quoteEnd, status, withdrawnAt, mergedIntoId, createdAt, updatedAt)
      VALUES (?, 1, ?, 'Bench commitment', ?, ?, ?, 'day', ?, 'quote', 0, 5, ?, ?, ?, ?, ?)`);
    for (const c of rows.commitments) commitment.run(c.id, c.key, c.body, c.body, c.extracted, c.dueOn, c.status, c.withdrawn ? now : null, c.mergedInto, now, now);
    const mention = db.prepare(`INSERT INTO "Mention" (commitmentId, sourceId, key, publishedOn, quote, quoteStart, quoteEnd, dueOn, precision, createdAt) VALUES (?, ?, ?, ?, 'quote', 0, 5, ?, 'day', ?)`);
    for (const m of rows.mentions) mention.run(m.commitmentId, m.sourceId, m.key, m.publishedOn, m.dueOn, now);
    const change = db.prepare(`INSERT INTO "StatusChange" (commitmentId, at, fromStatus, toStatus, fromDueOn, toDueOn) VALUES (?, ?, ?, ?, ?, ?)`);
    for (const s of rows.statusChanges) change.run(s.commitmentId, toDbTime(s.at), s.from, s.to, s.fromDueOn, s.toDueOn);
    const due = db.prepare(`INSERT INTO "DueChange" (commitmentId, fromDueOn, fromPrecision, toDueOn, toPrecision, kind, statedOn, at) VALUES (?, ?, 'day', ?, 'day', ?, ?, ?)`);
    for (const d of rows.dueChanges) due.run(d.commitmentId, d.fromDueOn, d.toDueOn, d.kind, d.statedOn, toDbTime(d.at));
  })();
  db.close();
}

/** Column arrays inserted with unnest: one statement per 5,000 rows. */
async function insertColumns(client: pg.Client, sql: string, columns: unknown[][]): Promise<void> {
  const n = columns[0]?.length ?? 0;
  for (let start = 0; start < n; start += 5_000) await client.query(sql, columns.map((c) => c.slice(start, start + 5_000)));
}

async function seedPostgres(url: string, rows: Rows): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Source" (id, path, file, "contentHash", content, "updatedAt") VALUES (1, '/bench/a.txt', 'a.txt', 'x', 'text', now()), (2, '/bench/b.txt', 'b.txt', 'x', 'text', now())`);
    const c = rows.commitments;
    await insertColumns(client, `INSERT INTO "Commitment" (id, "sourceId", key, title, responsible, body, "extractedDueOn", precision, "dueOn", quote, "quoteStart", "quoteEnd", status, "withdrawnAt", "mergedIntoId", "updatedAt")
      SELECT id, 1, key, 'Bench commitment', body, body, ext, 'day', due, 'quote', 0, 5, status, CASE WHEN w THEN now() END, merged, now()
      FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::int[]) AS t(id, key, body, ext, due, status, w, merged)`,
    [c.map((r) => r.id), c.map((r) => r.key), c.map((r) => r.body), c.map((r) => r.extracted), c.map((r) => r.dueOn), c.map((r) => r.status), c.map((r) => r.withdrawn), c.map((r) => r.mergedInto)]);
    await client.query(`SELECT setval(pg_get_serial_sequence('"Commitment"', 'id'), ${c.length})`);
    const m = rows.mentions;
    await insertColumns(client, `INSERT INTO "Mention" ("commitmentId", "sourceId", key, "publishedOn", quote, "quoteStart", "quoteEnd", "dueOn", precision)
      SELECT cid, sid, key, pub, 'quote', 0, 5, due, 'day' FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[]) AS t(cid, sid, key, pub, due)`,
    [m.map((r) => r.commitmentId), m.map((r) => r.sourceId), m.map((r) => r.key), m.map((r) => r.publishedOn), m.map((r) => r.dueOn)]);
    const s = rows.statusChanges;
    await insertColumns(client, `INSERT INTO "StatusChange" ("commitmentId", at, "fromStatus", "toStatus", "fromDueOn", "toDueOn")
      SELECT * FROM unnest($1::int[], $2::timestamp(3)[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [s.map((r) => r.commitmentId), s.map((r) => r.at.toISOString().replace("Z", "")), s.map((r) => r.from), s.map((r) => r.to), s.map((r) => r.fromDueOn), s.map((r) => r.toDueOn)]);
    const d = rows.dueChanges;
    await insertColumns(client, `INSERT INTO "DueChange" ("commitmentId", "fromDueOn", "fromPrecision", "toDueOn", "toPrecision", kind, "statedOn", at)
      SELECT cid, f, 'day', t, 'day', k, s, a FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp(3)[]) AS x(cid, f, t, k, s, a)`,
    [d.map((r) => r.commitmentId), d.map((r) => r.fromDueOn), d.map((r) => r.toDueOn), d.map((r) => r.kind), d.map((r) => r.statedOn), d.map((r) => r.at.toISOString().replace("Z", ""))]);
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

async function measure(engine: string, db: Db): Promise<Record<string, number>> {
  const full: number[] = [];
  const one: number[] = [];
  let card = await getScorecard(db, { now: NOW, timeZone: ZONE }); // warm-up
  for (let r = 0; r < RUNS; r++) {
    let started = performance.now();
    card = await getScorecard(db, { now: NOW, timeZone: ZONE });
    full.push(performance.now() - started);
    started = performance.now();
    await getScorecard(db, { now: NOW, timeZone: ZONE, body: BODIES[r]! });
    one.push(performance.now() - started);
  }
  const med = (xs: number[]): number => Number([...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(1));
  const figures = { fullMs: med(full), oneBodyLoadMs: med(one) };
  const t = card.total;
  console.log(`${engine.padEnd(10)} full scorecard ${figures.fullMs} ms (median of ${RUNS}), one body ${figures.oneBodyLoadMs} ms; counted ${t.tracked}: on time ${t.onTime}, late ${t.late}, missed ${t.missed}, overdue ${t.overdue}, moved ${t.moved}, median slip ${t.medianSlipDays} d; ${card.bodies.length} bodies`);
  return figures;
}

const rows = makeRows(COMMITMENTS);
const result: Record<string, unknown> = { name: "scorecard", commitments: COMMITMENTS, targetMs: TARGET_MS };
let ok = true;

const work = mkdtempSync(path.join(tmpdir(), "mindet-bench-scorecard-"));
try {
  const file = path.join(work, "bench.db");
  let started = performance.now();
  seedSqlite(file, rows);
  console.log(`sqlite: seeded ${COMMITMENTS} commitments, ${rows.mentions.length} mentions, ${rows.statusChanges.length} status changes, ${rows.dueChanges.length} due changes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const db = await openDatabase(`file:${file}`, { migrate: false });
  const sqlite = await measure("sqlite", db);
  result.sqliteMs = sqlite.fullMs;
  result.sqliteOneBodyMs = sqlite.oneBodyLoadMs;
  ok &&= sqlite.fullMs! <= TARGET_MS;

  // The chart of the top 12 bodies, as /scorecard draws it.
  const card = await getScorecard(db, { now: NOW, timeZone: ZONE });
  const svg = scorecardBarChart(card.bodies.slice(0, 12), { title: "Scorecard", onTime: "on time", late: "late", missed: "missed", overdue: "overdue", noBody: "no body named", tracked: (n) => `${n} tracked`, empty: "none" });
  await renderPng(svg); // loads the module and the fonts
  const renders: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    started = performance.now();
    // Another SVG each run (a comment after the root): renderPng remembers the charts it drew.
    await renderPng(`${svg}<!-- run ${r} -->`);
    renders.push(performance.now() - started);
  }
  result.chartPngMs = Number(renders.sort((a, b) => a - b)[RUNS >> 1]!.toFixed(1));
  console.log(`chart      bar chart of 12 bodies to PNG: ${result.chartPngMs} ms (median of ${RUNS})`);
  await db.$disconnect();

  const name = `mindet_bench_scorecard_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  let pgReady = false;
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    pgReady = true;
  } catch (error) {
    console.log(`postgresql skipped: ${(error as Error).message}`);
    result.postgresqlMs = null;
  }
  if (pgReady) {
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      const pgDb = await openDatabase(url.toString()); // applies the migrations
      started = performance.now();
      await seedPostgres(url.toString(), rows);
      console.log(`postgresql: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const figures = await measure("postgresql", pgDb);
      result.postgresqlMs = figures.fullMs;
      result.postgresqlOneBodyMs = figures.oneBodyLoadMs;
      ok &&= figures.fullMs! <= TARGET_MS;
      await pgDb.$disconnect();
    } finally {
      if (process.env.KEEP) console.log(name);
      else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
  await admin.end().catch(() => undefined);
} finally {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true }); else console.log(work);
}
result.ok = ok;
console.log(JSON.stringify(result));
process.exitCode = ok ? 0 : 1;
