import { Composer } from "grammy";
import { initChatLanguage } from "../../chats/chat-settings.ts";
import { markChatActive, markChatInactive } from "../../chats/mark-chat-active.ts";
import { migrateChat } from "../../chats/migrate-chat.ts";
import { upsertChat } from "../../chats/upsert-chat.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { languageFromTelegram, languageOrDefault } from "../i18n/languages.ts";
import { replyHtml } from "../reply.ts";
import { greeting } from "./start.ts";

/** The bot added, removed, blocked or unblocked (my_chat_member), and group -> supergroup migration. */
export function createMembershipFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("my_chat_member", async (ctx) => {
    const update = ctx.myChatMember;
    const before = update.old_chat_member.status;
    const after = update.new_chat_member.status;
    const present = (s: string) => s === "member" || s === "administrator" || s === "creator" || s === "restricted";
    const log = deps.logger.child({ chatId: update.chat.id, before, after });
    if (present(after)) {
      await upsertChat(deps.db, { ...update.chat, firstName: "first_name" in update.chat ? update.chat.first_name : null }, deps.config.defaultTimeZone);
      await markChatActive(deps.db, update.chat.id);
      // A group speaks the language of the admin who added the bot, until its admins choose
      // another; a private chat the user's. A chat that already has a language keeps it.
      const lang = languageOrDefault(await initChatLanguage(deps.db, update.chat.id, languageFromTelegram(update.from.language_code)));
      log.info({ lang }, "bot is in the chat");
      // Greet a group the bot just joined; a private chat that unblocked the bot greets itself with /start.
      if (!present(before) && update.chat.type !== "private" && update.chat.type !== "channel") {
        const { text, keyboard } = greeting(lang);
        await replyHtml(ctx, text, { keyboard });
      }
      return;
    }
    const reason = update.chat.type === "private" ? "blocked by the user" : after === "kicked" ? "bot removed (kicked)" : "bot removed";
    await markChatInactive(deps.db, update.chat.id, reason);
    log.info({ reason }, "chat inactive");
  });

  feature.on("message:migrate_to_chat_id", async (ctx) => {
    const result = await migrateChat(deps.db, ctx.chat.id, ctx.message.migrate_to_chat_id);
    deps.logger.info({ from: ctx.chat.id, to: ctx.message.migrate_to_chat_id, ...result }, "chat migrated");
  });

  feature.on("message:migrate_from_chat_id", async (ctx) => {
    const result = await migrateChat(deps.db, ctx.message.migrate_from_chat_id, ctx.chat.id);
    deps.logger.info({ from: ctx.message.migrate_from_chat_id, to: ctx.chat.id, ...result }, "chat migrated");
  });

  return feature;
}
