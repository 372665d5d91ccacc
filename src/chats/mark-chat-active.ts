import type { Db } from "../db/client.ts";

/**
 * Stops reminders to a chat (403 blocked, chat not found, bot removed). `reason` is kept for
 * the logs and `mindet remind --dry-run`. A chat the bot never saw is left alone (returns false).
 */
export async function markChatInactive(db: Db, chatId: number | bigint, reason: string): Promise<boolean> {
  const { count } = await db.chat.updateMany({
    where: { id: BigInt(chatId) },
    data: { active: false, inactiveReason: reason },
  });
  return count > 0;
}

/**
 * Resumes reminders to a chat that wrote to the bot again. Cheap when already active: the
 * `active: false` filter makes it a no-op write, so every incoming update can call it. A chat
 * that migrated to a supergroup stays inactive (its successor is the active one).
 */
export async function markChatActive(db: Db, chatId: number | bigint): Promise<boolean> {
  const { count } = await db.chat.updateMany({
    where: { id: BigInt(chatId), active: false, migratedToId: null },
    data: { active: true, inactiveReason: null },
  });
  return count > 0;
}
