import { GrammyError, HttpError, type BotError, type Context } from "grammy";
import { markChatInactive } from "../chats/mark-chat-active.ts";
import { migrateChat } from "../chats/migrate-chat.ts";
import type { BotDeps } from "./deps.ts";

import type { BotContext } from "./context.ts";
import { languageFromTelegram } from "./i18n/languages.ts";
import { t } from "./i18n/translate.ts";

/**
 * The one error boundary (bot.catch). Telegram refusals get their meaning: 403 (blocked, kicked)
 * and "chat not found" mark the chat inactive; a migration moves it; anything else is logged
 * with the update id and the user gets a one-line apology where one can still be sent: never a
 * stack trace.
 */
export function createErrorBoundary(deps: BotDeps): (error: BotError<Context>) => Promise<void> {
  return async (botError) => {
    const ctx = botError.ctx;
    const error = botError.error;
    const chatId = ctx.chat?.id;
    const log = deps.logger.child({ updateId: ctx.update.update_id, chatId });
    try {
      if (error instanceof GrammyError) {
        if (chatId !== undefined && (error.error_code === 403 || /chat not found/i.test(error.description))) {
          await markChatInactive(deps.db, chatId, error.description.slice(0, 200));
          log.info({ method: error.method, code: error.error_code }, "chat unreachable; marked inactive");
          return;
        }
        const migrateTo = error.parameters.migrate_to_chat_id;
        if (chatId !== undefined && migrateTo !== undefined) {
          await migrateChat(deps.db, chatId, migrateTo);
          log.info({ to: migrateTo }, "chat migrated (from an error)");
          return;
        }
        log.error({ method: error.method, code: error.error_code, description: error.description }, "telegram refused a call");
      } else if (error instanceof HttpError) {
        // Network failures and client timeouts (timeoutSeconds): the reply may or may not arrive.
        log.error({ err: { message: error.message, cause: String(error.error) } }, "telegram unreachable or timed out");
        return;
      } else {
        log.error({ err: error }, "handler failed");
      }
      await apologise(ctx);
    } catch (secondary) {
      log.error({ err: secondary }, "error boundary failed");
    }
  };
}

async function apologise(ctx: Context): Promise<void> {
  // The chat's language when the chat registry got that far, else the sender's.
  const lang = (ctx as Partial<BotContext>).lang ?? languageFromTelegram(ctx.from?.language_code);
  const text = t(lang, "error-generic");
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else if (ctx.chat && (ctx.message || ctx.editedMessage)) await ctx.reply(text);
  } catch {
    // The apology is best effort: the same outage that caused the error may stop it.
  }
}
