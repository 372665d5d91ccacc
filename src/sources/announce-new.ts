// New commitments from a live source go to the chats that follow them through the reminders'
// outbox: one row per chat and commitment ("n:<chat>:<commitment>", so announcing twice is
// harmless), delivered grouped with the chat's other messages, within the rate limits and out
// of its quiet hours. Chats that turned "new commitments" off in /settings get nothing.
import type { Db } from "../db/client.ts";
import { insertDeliveries } from "../reminders/insert-deliveries.ts";
import { outOfQuietHours } from "../reminders/local-time.ts";
import { followersOf, indexFollows } from "../reminders/plan.ts";
import type { PlannedDelivery } from "../reminders/types.ts";

/**
 * Plans the announcements of these commitments; returns how many rows were new. Three queries
 * whatever the number of commitments: the commitments, the follows that reach them (with their
 * chat's zone and quiet hours), and one INSERT OR IGNORE.
 */
export async function announceNewCommitments(db: Db, commitmentIds: readonly number[], now: Date): Promise<number> {
  if (commitmentIds.length === 0) return 0;
  const commitments = await db.commitment.findMany({
    where: { id: { in: [...commitmentIds] }, withdrawnAt: null },
    select: { id: true, topics: true, body: true, dueOn: true },
  });
  if (commitments.length === 0) return 0;
  const topics = [...new Set(commitments.flatMap((c) => c.topics.split("|").filter((t) => t !== "")))];
  const bodies = [...new Set(commitments.flatMap((c) => (c.body ? [c.body] : [])))];
  const follows = await db.follow.findMany({
    where: {
      OR: [
        { kind: "all" },
        { kind: "commitment", commitmentId: { in: commitments.map((c) => c.id) } },
        { kind: "topic", value: { in: topics } },
        { kind: "body", value: { in: bodies } },
      ],
      chat: { active: true, migratedToId: null, announceNew: true },
    },
    select: { chatId: true, kind: true, value: true, commitmentId: true, chat: { select: { timeZone: true, quietStart: true, quietEnd: true } } },
  });
  const chats = new Map(follows.map((f) => [f.chatId, f.chat]));
  const index = indexFollows(follows, () => true);
  const rows: PlannedDelivery[] = [];
  for (const c of commitments) {
    for (const chatId of followersOf(index, c)) {
      const chat = chats.get(chatId);
      if (!chat) continue;
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
