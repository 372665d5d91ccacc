// `mindet remind --dry-run [--json]`: what would go out now and to whom, without writing or sending.
import { withStore } from "../cli/open-store.ts";
import { UsageError, type CliIo } from "../cli/io.ts";
import { parseArgs } from "../cli/parse-args.ts";
import { ConfigError } from "../config.ts";
import { engineOf, Prisma, transactionAsDb, type Db } from "../db/client.ts";
import { openBulkSql, sqlRunner, type BulkSql, type SqlRunner } from "./bulk-sql.ts";
import { DEFAULT_DELIVER_OPTIONS } from "./deliver.ts";
import { createPlannerState } from "./load-plan-input.ts";
import { claimable, sweepStale } from "./outbox.ts";
import { runPlanning } from "./planning.ts";

const USAGE = "usage: mindet remind --dry-run [--json]   (sending happens in `mindet start`)";

/** One message line as the dry run lists it. */
export interface DryRunItem {
  chatId: string;
  chatTitle: string | null;
  chatType: string;
  kind: string;
  /** "before-7", "due", "overdue-1", "status", "digest". */
  stage: string;
  commitmentId: number | null;
  title: string | null;
  dueOn: string | null;
  notBefore: string;
  /** "planned": the next tick would create it; "pending"/"failed": already in the outbox, due. */
  state: string;
}

/** Runs the remind command; returns the exit code (2 for usage errors). */
export async function runRemindCommand(args: string[], io: CliIo): Promise<number> {
  let flags: Map<string, string | true>;
  try {
    const parsed = parseArgs("remind", args, { booleans: ["--dry-run", "--json", "--help"], aliases: { "-h": "--help" } });
    if (parsed.positionals.length > 0) return usageError(io, `remind: unknown argument "${parsed.positionals[0]!.slice(0, 40)}"`);
    flags = parsed.flags;
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message);
    throw error;
  }
  if (flags.has("--help")) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!flags.has("--dry-run")) {
    return usageError(io, "remind: only --dry-run is supported here; reminders are sent by the running bot (`mindet start`)");
  }
  try {
    return await withStore(io, async ({ db, clock, config }) => {
      const now = clock.now();
      // The dry run plans inside a transaction it rolls back: SQLite's on its second connection,
      // PostgreSQL's an interactive transaction of Prisma's.
      let items: DryRunItem[];
      if (engineOf(db) === "postgresql") items = await dryRunPostgres(db, now);
      else {
        const bulk = openBulkSql(config.databaseUrl);
        if (!bulk) return usageError(io, "remind: --dry-run needs a database file (DATABASE_URL=file:...), not an in-memory database");
        try {
          items = await dryRun(db, bulk, now);
        } finally {
          bulk.close();
        }
      }
      if (flags.has("--json")) io.stdout.write(`${JSON.stringify({ now: now.toISOString(), items }, null, 2)}\n`);
      else printItems(io, items, now);
      return 0;
    });
  } catch (error) {
    if (error instanceof ConfigError) return usageError(io, error.message);
    throw error;
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`${message}\n${USAGE}\n`);
  return 2;
}

/** Rows listed at most (the count line still tells the whole number). */
const MAX_LISTED = 10_000;

/**
 * What a tick at `now` would send: the scheduler's own planning pass and stale-row sweep, run
 * from a fresh start (as after a restart, so every chat's current reminder is considered) inside
 * a transaction that is rolled back, then the rows the deliverer would claim. Nothing is kept.
 * SQLite: on the bulk connection's transaction.
 */
export async function dryRun(db: Db, bulk: BulkSql, now: Date): Promise<DryRunItem[]> {
  return bulk.rolledBack(() => plannedNow(db, sqlRunner(db, bulk), bulk, now));
}

/** The thrown value that rolls the dry run's PostgreSQL transaction back, carrying its result. */
class RolledBack {
  constructor(readonly items: DryRunItem[]) {}
}

/**
 * The dry run on PostgreSQL: the same pass inside one of Prisma's interactive transactions,
 * which is rolled back by throwing out of it. Its writes hold row locks until then, so a running
 * instance's claims pass over the rows it touched (SKIP LOCKED) for that moment.
 */
export async function dryRunPostgres(db: Db, now: Date): Promise<DryRunItem[]> {
  try {
    await db.$transaction(
      async (tx) => {
        const inside = transactionAsDb(tx, db);
        throw new RolledBack(await plannedNow(inside, sqlRunner(inside, null), null, now));
      },
      { timeout: 10 * 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof RolledBack) return error.items;
    throw error;
  }
  throw new Error("the dry run's transaction was not rolled back");
}

async function plannedNow(db: Db, sql: SqlRunner, bulk: BulkSql | null, now: Date): Promise<DryRunItem[]> {
  const options = { leaseMs: DEFAULT_DELIVER_OPTIONS.leaseMs, maxAttempts: DEFAULT_DELIVER_OPTIONS.maxAttempts, limit: MAX_LISTED };
  const [before] = await sql.all<{ maxId: bigint | number | null }>(Prisma.sql`SELECT max(id) AS "maxId" FROM "Delivery"`);
  const planned = Number(before?.maxId ?? 0);
  // Nothing ahead of now (horizon 0) and no budget: the whole catch-up in one pass.
  await runPlanning(db, createPlannerState(), now, bulk, { horizonMs: 0, rowBudget: Infinity, timeBudgetMs: Infinity });
  await sweepStale(sql, now);
  const rows = await sql.all<{ id: bigint | number; key: string; chatId: bigint | number; commitmentId: bigint | number | null; kind: string; dueOn: string | null; notBefore: string | Date; state: string; chatTitle: string | null; chatType: string | null; title: string | null }>(Prisma.sql`
    SELECT d.id, d.key, d."chatId", d."commitmentId", d.kind, d."dueOn", d."notBefore", d.state, ch.title AS "chatTitle", ch.type AS "chatType", c.title AS title
    FROM "Delivery" d LEFT JOIN "Chat" ch ON ch.id = d."chatId" LEFT JOIN "Commitment" c ON c.id = d."commitmentId"
    WHERE ${claimable(now, options, sql.engine)} ORDER BY d."notBefore", d.id LIMIT ${options.limit}`);
  return rows
    .map((r) => ({
      chatId: String(r.chatId),
      chatTitle: r.chatTitle,
      chatType: r.chatType ?? "unknown",
      kind: r.kind,
      stage: r.key.startsWith("r:") ? (r.key.split(":")[3] ?? r.kind) : r.kind,
      commitmentId: r.commitmentId === null ? null : Number(r.commitmentId),
      title: r.title,
      dueOn: r.dueOn,
      notBefore: new Date(r.notBefore).toISOString(),
      state: Number(r.id) > planned ? "planned" : r.state,
    }))
    .sort((a, b) => a.chatId.localeCompare(b.chatId) || a.notBefore.localeCompare(b.notBefore));
}

function printItems(io: CliIo, items: readonly DryRunItem[], now: Date): void {
  const chats = [...new Set(items.map((i) => i.chatId))];
  io.stdout.write(`Dry run at ${now.toISOString()}: ${items.length} reminder(s) to ${chats.length} chat(s) would go out now (nothing is sent or written).\n`);
  let current = "";
  for (const item of items) {
    if (item.chatId !== current) {
      current = item.chatId;
      io.stdout.write(`\nchat ${item.chatId}${item.chatTitle ? ` "${item.chatTitle}"` : ""} (${item.chatType})\n`);
    }
    const what = item.commitmentId === null ? "weekly digest" : `#${item.commitmentId} ${(item.title ?? "").slice(0, 70)}`;
    io.stdout.write(`  ${item.stage.padEnd(10)} ${what}${item.dueOn ? ` (due ${item.dueOn})` : ""}  since ${item.notBefore} [${item.state}]\n`);
  }
}
