import type { Db } from "../db/client.ts";
import type { Chat } from "../generated/prisma/client.ts";

/** The fields of a Telegram chat the bot keeps. */
export interface ChatIdentity {
  id: number | bigint;
  type: string;
  title?: string | null;
  /** For private chats Telegram has no title: the user's name stands in. */
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
}

/**
 * Registers a chat on first contact, or refreshes its type/title/username (a group can be renamed).
 * New chats get `defaultTimeZone`; settings of known chats are never touched here. Writes only
 * when something changed: Chat.updatedAt tells the reminder planner to re-plan the chat, so it
 * must not move on every incoming message.
 */
export async function upsertChat(db: Db, chat: ChatIdentity, defaultTimeZone: string): Promise<Chat> {
  const id = BigInt(chat.id);
  const title = chat.title ?? ([chat.firstName, chat.lastName].filter(Boolean).join(" ") || null);
  const username = chat.username ?? null;
  const existing = await db.chat.findUnique({ where: { id } });
  if (existing && existing.type === chat.type && existing.title === title && existing.username === username) return existing;
  // upsert, not create: two first messages of a new chat may race here.
  return db.chat.upsert({
    where: { id },
    create: { id, type: chat.type, title, username, timeZone: defaultTimeZone },
    update: { type: chat.type, title, username },
  });
}

/** The stored chat, or null if the bot has never seen it. */
export async function getChat(db: Db, chatId: number | bigint): Promise<Chat | null> {
  return db.chat.findUnique({ where: { id: BigInt(chatId) } });
}
