// Where the reminders' SQL differs between SQLite and PostgreSQL, and nowhere else. Everything
// else is written once in the SQL both accept: identifiers double-quoted (PostgreSQL folds
// unquoted ones to lower case; Prisma created them mixed-case), booleans compared with TRUE and
// FALSE, `INSERT ... ON CONFLICT DO NOTHING`, `IS NOT DISTINCT FROM` (SQLite 3.39+).
import { engineOf, Prisma, type Db, type DbEngine } from "../db/client.ts";
import { toDbTime } from "../db/time.ts";

export type { DbEngine };

/** The engine behind a client, for the helpers below. */
export const dialectOf = (db: Db): DbEngine => engineOf(db);

/**
 * An instant as a bound value. SQLite stores DateTime as text in one format (toDbTime), compared
 * as text; PostgreSQL's columns are timestamp(3): a Date, cast so that it types a select list too.
 */
export function instant(engine: DbEngine, at: Date): Prisma.Sql {
  return engine === "postgresql" ? Prisma.sql`CAST(${at} AS timestamp(3))` : Prisma.sql`${toDbTime(at)}`;
}

/**
 * A bound integer in a select list. PostgreSQL sends values untyped and a DISTINCT select list
 * resolves them to text, which an INTEGER column then refuses; SQLite gets the same cast (a JS
 * number is bound as REAL there).
 */
export function integer(value: number | null): Prisma.Sql {
  return Prisma.sql`CAST(${value} AS INTEGER)`;
}

/** A bound text in a select list (typed for PostgreSQL, see integer). */
export function text(value: string | null): Prisma.Sql {
  return Prisma.sql`CAST(${value} AS TEXT)`;
}

/** The strings of a JSON array, as a one-column table (column `value`). */
export function textsOf(engine: DbEngine, json: string): Prisma.Sql {
  return engine === "postgresql"
    ? Prisma.sql`(SELECT t.value FROM json_array_elements_text(CAST(${json} AS json)) AS t(value))`
    : Prisma.sql`(SELECT value FROM json_each(${json}))`;
}

/** The integers of a JSON array (chat ids), as a one-column table (column `value`) of 64-bit integers. */
export function idsOf(engine: DbEngine, json: string): Prisma.Sql {
  return engine === "postgresql"
    ? Prisma.sql`(SELECT CAST(t.value AS bigint) AS value FROM json_array_elements_text(CAST(${json} AS json)) AS t(value))`
    : Prisma.sql`(SELECT value FROM json_each(${json}))`;
}

/**
 * An inner join whose left side drives: SQLite's CROSS JOIN ... ON keeps the written order (its
 * planner otherwise scans the chats once per unit); PostgreSQL has no CROSS JOIN with ON, and its
 * planner picks the order from statistics.
 */
export function drivingJoin(engine: DbEngine): Prisma.Sql {
  return engine === "postgresql" ? Prisma.sql`JOIN` : Prisma.sql`CROSS JOIN`;
}
