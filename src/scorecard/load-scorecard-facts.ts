import type { IsoDate } from "../calendar.ts";
import { engineOf, Prisma, type Db } from "../db/client.ts";
import { daysFromTo, jitOffForTransaction, plusDays, utcDayOf } from "../reminders/dialect.ts";

/** Per body: how many commitments are in each state (counted ones only: see compute-scorecard.ts). */
export interface BodyCounts {
  body: string | null;
  tracked: number;
  undated: number;
  done: number;
  missed: number;
  cancelled: number;
  overdue: number;
  open: number;
}

/** Done commitments judged in SQL, per body: on time or late by a clear margin. */
export interface BodyVerdicts {
  body: string | null;
  onTime: number;
  late: number;
}

/**
 * A done commitment whose UTC done day is its first stated day or the day after: whether it was
 * done on time depends on the government's time zone, which JavaScript judges (Intl).
 */
export interface EdgeDone {
  body: string | null;
  firstDueOn: IsoDate;
  doneAt: Date;
}

/** Moved commitments per body and slip in days (null when either date is missing): a histogram. */
export interface SlipCount {
  body: string | null;
  slipDays: number | null;
  count: number;
}

export interface ScorecardFacts {
  counts: BodyCounts[];
  verdicts: BodyVerdicts[];
  edges: EdgeDone[];
  slips: SlipCount[];
}

type Int = number | bigint;

/**
 * Everything the scorecard needs in three aggregate statements, so the rows that come back number
 * about the bodies, not the commitments: state counts (one scan of Commitment), the done ones
 * judged on time or late (first stated date and latest change to done looked up for done ones
 * only), and the slips of moved ones (found from DueChange and StatusChange, not by testing every
 * commitment). `today` decides "overdue".
 */
export async function loadScorecardFacts(db: Db, today: IsoDate, options: { body?: string } = {}): Promise<ScorecardFacts> {
  const engine = engineOf(db);
  const counted = Prisma.sql`c."withdrawnAt" IS NULL AND c."mergedIntoId" IS NULL${options.body === undefined ? Prisma.empty : Prisma.sql` AND c.body = ${options.body}`}`;
  // Over every body, SQLite would read the rows through the withdrawnAt index (nearly every row
  // matches it, and a plain scan is twice as fast): "IS TRUE" keeps the filter off the index.
  const countedScan = options.body === undefined ? Prisma.sql`(${counted}) IS TRUE` : counted;
  // One transaction: the three statements see the same data, and PostgreSQL can be told not to JIT.
  const [counts, verdicts, slips] = await db.$transaction(async (tx) => {
    const jitOff = jitOffForTransaction(engine);
    if (jitOff) await tx.$executeRaw(jitOff);
    const countsRows = await tx.$queryRaw<Record<keyof BodyCounts, Int | string | null>[]>(Prisma.sql`
      SELECT c.body,
        COUNT(*) AS tracked,
        SUM(CASE WHEN c."dueOn" IS NULL THEN 1 ELSE 0 END) AS undated,
        SUM(CASE WHEN c.status = 'done' THEN 1 ELSE 0 END) AS done,
        SUM(CASE WHEN c.status = 'missed' THEN 1 ELSE 0 END) AS missed,
        SUM(CASE WHEN c.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
        SUM(CASE WHEN c.status IN ('open', 'postponed') AND c."dueOn" < ${today} THEN 1 ELSE 0 END) AS overdue,
        SUM(CASE WHEN c.status IN ('open', 'postponed') AND (c."dueOn" IS NULL OR c."dueOn" >= ${today}) THEN 1 ELSE 0 END) AS open
      FROM "Commitment" c WHERE ${countedScan}
      GROUP BY c.body`);
    // The per-commitment look-ups are materialised first: both engines would otherwise inline
    // the derived columns into every expression that names them, repeating the look-ups.
    const verdictRows = await tx.$queryRaw<{ body: string | null; verdict: string; firstDueOn: string | null; doneAt: Date | string | null; n: Int }[]>(Prisma.sql`
      WITH done AS MATERIALIZED (
        SELECT c.body, ${firstStated(Prisma.sql`c`)} AS "firstDueOn",
          (SELECT MAX(s.at) FROM "StatusChange" s WHERE s."commitmentId" = c.id AND s."toStatus" = 'done') AS "doneAt"
        FROM "Commitment" c WHERE ${counted} AND c.status = 'done'
      ), judged AS MATERIALIZED (
        SELECT body, "firstDueOn", "doneAt",
          CASE WHEN ${utcDayOf(engine, Prisma.sql`"doneAt"`)} < "firstDueOn" THEN 'on-time'
               WHEN ${utcDayOf(engine, Prisma.sql`"doneAt"`)} > ${plusDays(engine, Prisma.sql`"firstDueOn"`, 1)} THEN 'late'
               ELSE 'edge' END AS verdict
        FROM done WHERE "firstDueOn" IS NOT NULL AND "doneAt" IS NOT NULL
      )
      SELECT body, verdict,
        CASE WHEN verdict = 'edge' THEN "firstDueOn" END AS "firstDueOn",
        CASE WHEN verdict = 'edge' THEN "doneAt" END AS "doneAt",
        COUNT(*) AS n
      FROM judged
      GROUP BY body, verdict, CASE WHEN verdict = 'edge' THEN "firstDueOn" END, CASE WHEN verdict = 'edge' THEN "doneAt" END`);
    const slipRows = await tx.$queryRaw<{ body: string | null; slipDays: Int | null; n: Int }[]>(Prisma.sql`
      WITH moved AS MATERIALIZED (
        SELECT c.body, ${daysFromTo(engine, firstStated(Prisma.sql`c`), Prisma.sql`c."dueOn"`)} AS "slipDays"
        FROM "Commitment" c
        WHERE ${counted} AND (
          c.id IN (SELECT d."commitmentId" FROM "DueChange" d WHERE d.kind <> 'dated')
          OR c.id IN (SELECT s."commitmentId" FROM "StatusChange" s WHERE s."toStatus" = 'postponed'))
      )
      SELECT body, "slipDays", COUNT(*) AS n FROM moved GROUP BY body, "slipDays"`);
    return [countsRows, verdictRows, slipRows] as const;
  });
  const byBody = new Map<string | null, BodyVerdicts>();
  const edges: EdgeDone[] = [];
  for (const v of verdicts) {
    if (v.verdict === "edge") {
      for (let i = 0; i < Number(v.n); i++) edges.push({ body: v.body, firstDueOn: v.firstDueOn as string, doneAt: toDate(v.doneAt as Date | string) });
      continue;
    }
    let row = byBody.get(v.body);
    if (!row) byBody.set(v.body, (row = { body: v.body, onTime: 0, late: 0 }));
    if (v.verdict === "on-time") row.onTime += Number(v.n);
    else row.late += Number(v.n);
  }
  return {
    counts: counts.map((r) => ({
      body: r.body as string | null,
      tracked: Number(r.tracked),
      undated: Number(r.undated),
      done: Number(r.done),
      missed: Number(r.missed),
      cancelled: Number(r.cancelled),
      overdue: Number(r.overdue),
      open: Number(r.open),
    })),
    verdicts: [...byBody.values()],
    edges,
    slips: slips.map((s) => ({ body: s.body, slipDays: s.slipDays === null ? null : Number(s.slipDays), count: Number(s.n) })),
  };
}

/**
 * The first stated date of commitment `c` (compute-scorecard.ts): the due date of its earliest
 * dated mention by publication (undated publications last, then id), else its extractedDueOn.
 */
function firstStated(c: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`COALESCE((
    SELECT m."dueOn" FROM "Mention" m
    WHERE m."commitmentId" = ${c}.id AND m."withdrawnAt" IS NULL AND m."dueOn" IS NOT NULL
    ORDER BY CASE WHEN m."publishedOn" IS NULL THEN 1 ELSE 0 END, m."publishedOn", m.id
    LIMIT 1
  ), ${c}."extractedDueOn")`;
}

/** SQLite hands DateTime back as ISO text from raw SQL, PostgreSQL as a Date. */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}
