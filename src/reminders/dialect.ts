// Where the reminders' SQL differs between SQLite and PostgreSQL, and nowhere else. Everything
// else is written once in the SQL both accept: identifiers double-quoted (PostgreSQL folds
// unquoted ones to lower case; Prisma created them mixed-case), booleans compared with TRUE and
// FALSE, `INSERT ... ON CONFLICT DO NOTHING`, `UPDATE ... FROM` (SQLite 3.33+).
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

/** Pairs of integers from a JSON array of [a, b] arrays, as a table with integer columns `a` and `b`. */
export function intPairsOf(engine: DbEngine, json: string): Prisma.Sql {
  return engine === "postgresql"
    ? Prisma.sql`(SELECT CAST(t.value->>0 AS integer) AS a, CAST(t.value->>1 AS integer) AS b FROM json_array_elements(CAST(${json} AS json)) AS t(value))`
    : Prisma.sql`(SELECT CAST(json_extract(value, '$[0]') AS INTEGER) AS a, CAST(json_extract(value, '$[1]') AS INTEGER) AS b FROM json_each(${json}))`;
}

/**
 * An inner join whose left side drives: SQLite's CROSS JOIN ... ON keeps the written order (its
 * planner otherwise scans the chats once per unit); PostgreSQL has no CROSS JOIN with ON, and its
 * planner picks the order from statistics.
 */
export function drivingJoin(engine: DbEngine): Prisma.Sql {
  return engine === "postgresql" ? Prisma.sql`JOIN` : Prisma.sql`CROSS JOIN`;
}

/** The UTC calendar day ("YYYY-MM-DD" text) of a DateTime column or expression. */
export function utcDayOf(engine: DbEngine, at: Prisma.Sql): Prisma.Sql {
  // SQLite keeps instants as ISO text in UTC (toDbTime): the day is its first ten characters.
  return engine === "postgresql" ? Prisma.sql`to_char(${at}, 'YYYY-MM-DD')` : Prisma.sql`substr(${at}, 1, 10)`;
}

/** A "YYYY-MM-DD" text expression moved by a whole number of days, as "YYYY-MM-DD" text. */
export function plusDays(engine: DbEngine, day: Prisma.Sql, days: number): Prisma.Sql {
  return engine === "postgresql"
    ? Prisma.sql`to_char(CAST(${day} AS date) + ${integer(days)}, 'YYYY-MM-DD')`
    : Prisma.sql`date(${day}, ${`${days >= 0 ? "+" : ""}${days} days`})`;
}

/** Whole days from one "YYYY-MM-DD" text expression to another (negative when `to` is earlier), as an integer. */
export function daysFromTo(engine: DbEngine, from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return engine === "postgresql"
    ? Prisma.sql`(CAST(${to} AS date) - CAST(${from} AS date))`
    : Prisma.sql`CAST(round(julianday(${to}) - julianday(${from})) AS INTEGER)`;
}

/**
 * For a read-only report inside a transaction: PostgreSQL's JIT compiles any query its planner
 * thinks expensive (over jit_above_cost), which for an aggregate over 100,000 commitments cost
 * about 300 ms of a 420 ms query and saved nothing. Null for SQLite, which has no JIT.
 */
export function jitOffForTransaction(engine: DbEngine): Prisma.Sql | null {
  return engine === "postgresql" ? Prisma.sql`SET LOCAL jit = off` : null;
}
