import type { Db } from "../db/client.ts";
import { Prisma } from "../db/client.ts";
import { toDbTime } from "../db/time.ts";
import type { PlannedDelivery } from "./types.ts";

/** Rows per INSERT statement: 10 parameters each stays far below SQLite's variable limit. */
const ROWS_PER_STATEMENT = 500;

/**
 * Writes planned rows into the outbox in one transaction, `INSERT OR IGNORE` on the unique key:
 * a row that exists (pending, sent or skipped) is "already planned" and stays as it is. Returns
 * how many rows were new. (The bulk connection has its own prepared statement: bulk-sql.ts.)
 */
export async function insertDeliveries(db: Db, rows: readonly PlannedDelivery[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const stamp = toDbTime(now);
  return db.$transaction(async (tx) => {
    let inserted = 0;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const values = rows
        .slice(start, start + ROWS_PER_STATEMENT)
        .map((r) => Prisma.sql`(${r.key}, ${r.chatId}, ${r.commitmentId}, ${r.kind}, ${r.offsetDays}, ${r.dueOn}, ${r.statusChangeId}, ${toDbTime(r.notBefore)}, 'pending', 0, ${stamp}, ${stamp})`);
      inserted += await tx.$executeRaw`
        INSERT OR IGNORE INTO Delivery (key, chatId, commitmentId, kind, offsetDays, dueOn, statusChangeId, notBefore, state, attempts, createdAt, updatedAt)
        VALUES ${Prisma.join(values)}`;
    }
    return inserted;
  }, { timeout: 60_000 });
}
