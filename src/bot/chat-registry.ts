import type { MiddlewareFn } from "grammy";
import { initChatLanguage } from "../chats/chat-settings.ts";
import { markChatActive } from "../chats/mark-chat-active.ts";
import { upsertChat } from "../chats/upsert-chat.ts";
import type { BotContext } from "./context.ts";
import type { BotDeps } from "./deps.ts";
import { languageFromTelegram, languageOrDefault } from "./i18n/languages.ts";

/**
 * Registers every chat that writes to the bot, marks it active again ("any message from a chat
 * marks it active") and sets `ctx.lang` to the chat's language. The first update of a chat in
 * this process upserts it (title and username may have changed); later ones only flip `active`
 * back if something turned it off (read first: no write when it is on).
 *
 * Language: a private chat without one starts in the user's Telegram language (ru, kk, else
 * English) and keeps it until /language; a group's is set when an admin adds the bot (see the
 * membership feature), else English until its admins choose. Every update reads it (one primary
 * key look-up) so a change made by another update or process shows at once.
 */
export function createChatRegistry(deps: BotDeps): MiddlewareFn<BotContext> {
  const seen = new Set<number>();
  return async (ctx, next) => {
    const chat = ctx.chat;
    ctx.lang = languageFromTelegram(ctx.from?.language_code);
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
      // One primary-key read per update; the write happens only for a chat something turned off
      // (rare). An update that wrote unconditionally cost a transaction (three round trips to
      // PostgreSQL) on every command.
      const row = await deps.db.chat.findUnique({ where: { id: BigInt(chat.id) }, select: { language: true, active: true, migratedToId: true } });
      if (row && !row.active && row.migratedToId === null) await markChatActive(deps.db, chat.id);
      // Written once, on a private chat's first contact; a group without one speaks English.
      const stored = row?.language ?? (chat.type === "private" ? await initChatLanguage(deps.db, chat.id, ctx.lang) : null);
      ctx.lang = languageOrDefault(stored);
    }
    return next();
  };
}
