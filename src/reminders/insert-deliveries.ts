import { engineOf, isTransaction, Prisma, type Db } from "../db/client.ts";
import { instant, integer, text } from "./dialect.ts";
import type { PlannedDelivery } from "./types.ts";

/** Rows per INSERT statement: 10 parameters each stays far below SQLite's variable limit. */
const ROWS_PER_STATEMENT = 500;

/**
 * Writes planned rows into the outbox in one transaction, `ON CONFLICT DO NOTHING` on the unique key:
 * a row that exists (pending, sent or skipped) is "already planned" and stays as it is. Returns
 * how many rows were new. (The bulk connection has its own prepared statement: bulk-sql.ts.)
 */
export async function insertDeliveries(db: Db, rows: readonly PlannedDelivery[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const engine = engineOf(db);
  const stamp = instant(engine, now);
  const write = async (tx: Pick<Db, "$executeRaw">): Promise<number> => {
    let inserted = 0;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const values = rows
        .slice(start, start + ROWS_PER_STATEMENT)
        .map((r) => Prisma.sql`(${r.key}, ${r.chatId}, ${integer(r.commitmentId)}, ${r.kind}, ${integer(r.offsetDays)}, ${text(r.dueOn)}, ${integer(r.statusChangeId)}, ${instant(engine, r.notBefore)}, 'pending', 0, ${stamp}, ${stamp})`);
      inserted += await tx.$executeRaw`
        INSERT INTO "Delivery" (key, "chatId", "commitmentId", kind, "offsetDays", "dueOn", "statusChangeId", "notBefore", state, attempts, "createdAt", "updatedAt")
        VALUES ${Prisma.join(values)}
        ON CONFLICT DO NOTHING`;
    }
    return inserted;
  };
  // Already inside a transaction (the dry run on PostgreSQL): its statements join it.
  return isTransaction(db) ? write(db) : db.$transaction((tx) => write(tx), { timeout: 60_000 });
}
