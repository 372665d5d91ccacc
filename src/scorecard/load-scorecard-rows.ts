import { Prisma, type Db } from "../db/client.ts";
import type { ScorecardRow } from "./compute-scorecard.ts";

/** Raw values as the engines hand them back: SQLite's DateTime is text, integers may be bigint. */
interface RawRow {
  id: number | bigint;
  body: string | null;
  status: string;
  dueOn: string | null;
  firstDueOn: string | null;
  doneAt: Date | string | null;
  moved: number | bigint | boolean;
}

/**
 * Every counted commitment (not withdrawn, not merged away), or those of one body, with what the
 * scorecard needs, in one statement both engines run as written. Each per-commitment fact is an
 * indexed look-up (Mention by commitmentId, StatusChange and DueChange by (commitmentId, at)), and
 * the done date is looked up only for done commitments.
 */
export async function loadScorecardRows(db: Db, options: { body?: string } = {}): Promise<ScorecardRow[]> {
  const byBody = options.body === undefined ? Prisma.empty : Prisma.sql`AND c.body = ${options.body}`;
  const rows = await db.$queryRaw<RawRow[]>(Prisma.sql`
    SELECT c.id, c.body, c.status, c."dueOn",
      COALESCE((
        SELECT m."dueOn" FROM "Mention" m
        WHERE m."commitmentId" = c.id AND m."withdrawnAt" IS NULL AND m."dueOn" IS NOT NULL
        ORDER BY CASE WHEN m."publishedOn" IS NULL THEN 1 ELSE 0 END, m."publishedOn", m.id
        LIMIT 1
      ), c."extractedDueOn") AS "firstDueOn",
      CASE WHEN c.status = 'done' THEN (
        SELECT MAX(s.at) FROM "StatusChange" s WHERE s."commitmentId" = c.id AND s."toStatus" = 'done'
      ) END AS "doneAt",
      CASE WHEN EXISTS (
        SELECT 1 FROM "DueChange" d WHERE d."commitmentId" = c.id AND d.kind <> 'dated'
      ) OR EXISTS (
        SELECT 1 FROM "StatusChange" s WHERE s."commitmentId" = c.id AND s."toStatus" = 'postponed'
      ) THEN 1 ELSE 0 END AS moved
    FROM "Commitment" c
    WHERE c."withdrawnAt" IS NULL AND c."mergedIntoId" IS NULL ${byBody}`);
  return rows.map((r) => ({
    id: Number(r.id),
    body: r.body,
    status: r.status,
    dueOn: r.dueOn,
    firstDueOn: r.firstDueOn,
    doneAt: r.doneAt === null ? null : r.doneAt instanceof Date ? r.doneAt : new Date(r.doneAt),
    moved: r.moved === true || Number(r.moved) === 1,
  }));
}
