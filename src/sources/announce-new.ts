// New commitments from a live source go to the chats that follow them through the reminders'
// outbox: one row per chat and commitment ("n:<chat>:<commitment>", so announcing twice is
// harmless), delivered grouped with the chat's other messages, within the rate limits and out
// of its quiet hours. Chats that turned "new commitments" off in /settings get nothing.
import { followersOf } from "../chats/followers-of.ts";
import type { Db } from "../db/client.ts";
import { insertDeliveries } from "../reminders/insert-deliveries.ts";
import { outOfQuietHours } from "../reminders/local-time.ts";
import type { PlannedDelivery } from "../reminders/types.ts";

/** Plans the announcements of these commitments; returns how many rows were new. */
export async function announceNewCommitments(db: Db, commitmentIds: readonly number[], now: Date): Promise<number> {
  if (commitmentIds.length === 0) return 0;
  const commitments = await db.commitment.findMany({
    where: { id: { in: [...commitmentIds] }, withdrawnAt: null },
    select: { id: true, topics: true, body: true, dueOn: true },
  });
  const rows: PlannedDelivery[] = [];
  const chatCache = new Map<bigint, { timeZone: string; quietStart: number | null; quietEnd: number | null; announceNew: boolean } | null>();
  for (const c of commitments) {
    for (const chatId of await followersOf(db, c)) {
      if (!chatCache.has(chatId)) {
        chatCache.set(chatId, await db.chat.findUnique({ where: { id: chatId }, select: { timeZone: true, quietStart: true, quietEnd: true, announceNew: true } }));
      }
      const chat = chatCache.get(chatId);
      if (!chat?.announceNew) continue;
      rows.push({
        key: `n:${chatId}:${c.id}`,
        chatId,
        commitmentId: c.id,
        kind: "new",
        offsetDays: 0,
        dueOn: c.dueOn,
        statusChangeId: null,
        notBefore: outOfQuietHours(now, chat.timeZone, { start: chat.quietStart, end: chat.quietEnd }),
      });
    }
  }
  return insertDeliveries(db, rows, now);
}
