import type { Context, MiddlewareFn } from "grammy";
import { markChatActive } from "../chats/mark-chat-active.ts";
import { upsertChat } from "../chats/upsert-chat.ts";
import type { BotDeps } from "./deps.ts";

/**
 * Registers every chat that writes to the bot and marks it active again ("any message from a
 * chat marks it active"). The first update of a chat in this process upserts it (title and
 * username may have changed); later ones only flip `active` back if something turned it off,
 * which is a no-op write when it is on, so the hot path costs one indexed UPDATE.
 */
export function createChatRegistry(deps: BotDeps): MiddlewareFn<Context> {
  const seen = new Set<number>();
  return async (ctx, next) => {
    const chat = ctx.chat;
    if (chat && (ctx.message || ctx.callbackQuery || ctx.editedMessage) && chat.type !== "channel") {
      if (!seen.has(chat.id)) {
        await upsertChat(
          deps.db,
          {
            id: chat.id,
            type: chat.type,
            title: "title" in chat ? chat.title : null,
            firstName: "first_name" in chat ? chat.first_name : null,
            lastName: "last_name" in chat ? chat.last_name : null,
            username: "username" in chat ? chat.username : null,
          },
          deps.config.defaultTimeZone,
        );
        if (seen.size > 50_000) seen.clear();
        seen.add(chat.id);
      }
      await markChatActive(deps.db, chat.id);
    }
    return next();
  };
}
