// New commitments from a live source go to the chats that follow them through the reminders'
// outbox: one row per chat and commitment ("n:<chat>:<commitment>", so announcing twice is
// harmless), delivered grouped with the chat's other messages, within the rate limits and out
// of its quiet hours. Chats that turned "new commitments" off in /settings get nothing.
import { followsReaching } from "../chats/followers-of.ts";
import { engineOf, Prisma, type Db } from "../db/client.ts";
import { instant, integer, text } from "../reminders/dialect.ts";
import { insertDeliveries } from "../reminders/insert-deliveries.ts";
import { outOfQuietHours } from "../reminders/local-time.ts";
import type { PlannedDelivery } from "../reminders/types.ts";

/** Chats that take announcements of new commitments, with or without quiet hours. */
function announcingChats(quiet: boolean): Prisma.Sql {
  const hasQuiet = Prisma.sql`ch."quietStart" IS NOT NULL AND ch."quietEnd" IS NOT NULL AND ch."quietStart" != ch."quietEnd"`;
  return Prisma.sql`ch.active = TRUE AND ch."migratedToId" IS NULL AND ch."announceNew" = TRUE AND ${quiet ? hasQuiet : Prisma.sql`NOT (${hasQuiet})`}`;
}

/**
 * Plans the announcements of these commitments; returns how many rows were new. Who follows a
 * commitment is src/chats/followers-of.ts's rule; per commitment, chats without quiet hours get
 * their rows from one INSERT ... SELECT (no row passes through JavaScript), and chats with quiet
 * hours are read and each row's time moved out of them.
 */
export async function announceNewCommitments(db: Db, commitmentIds: readonly number[], now: Date): Promise<number> {
  if (commitmentIds.length === 0) return 0;
  const engine = engineOf(db);
  const stamp = instant(engine, now);
  const commitments = await db.commitment.findMany({
    where: { id: { in: [...commitmentIds] }, withdrawnAt: null },
    select: { id: true, topics: true, body: true, dueOn: true },
  });
  let inserted = 0;
  for (const c of commitments) {
    // DISTINCT: a chat that follows a commitment twice (by topic and by body) gets one row. The id
    // goes into the key as text: Prisma binds JS numbers as REAL, which would print as "3.0".
    inserted += await db.$executeRaw`
      INSERT INTO "Delivery" (key, "chatId", "commitmentId", kind, "offsetDays", "dueOn", "statusChangeId", "notBefore", state, attempts, "createdAt", "updatedAt")
      SELECT DISTINCT 'n:' || ch.id || ':' || ${text(String(c.id))}, ch.id, ${integer(c.id)}, 'new', 0, ${text(c.dueOn)}, ${integer(null)}, ${stamp}, 'pending', 0, ${stamp}, ${stamp}
      FROM (${followsReaching(c, engine)}) AS f JOIN "Chat" ch ON ch.id = f."chatId"
      WHERE ${announcingChats(false)}
      ON CONFLICT DO NOTHING`;
    const quiet = await db.$queryRaw<{ chatId: bigint | number; timeZone: string; quietStart: bigint | number; quietEnd: bigint | number }[]>`
      SELECT DISTINCT ch.id AS "chatId", ch."timeZone", ch."quietStart", ch."quietEnd"
      FROM (${followsReaching(c, engine)}) AS f JOIN "Chat" ch ON ch.id = f."chatId"
      WHERE ${announcingChats(true)}`;
    const rows: PlannedDelivery[] = quiet.map((r) => ({
      key: `n:${r.chatId}:${c.id}`,
      chatId: BigInt(r.chatId),
      commitmentId: c.id,
      kind: "new",
      offsetDays: 0,
      dueOn: c.dueOn,
      statusChangeId: null,
      notBefore: outOfQuietHours(now, r.timeZone, { start: Number(r.quietStart), end: Number(r.quietEnd) }),
    }));
    inserted += await insertDeliveries(db, rows, now);
  }
  return inserted;
}
