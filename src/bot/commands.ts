import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from "./i18n/languages.ts";
import { t } from "./i18n/translate.ts";

/** The menu everyone sees and /help, in this order; descriptions and usages are message keys (cmd-NAME). */
export const PUBLIC_COMMANDS = ["start", "help", "list", "upcoming", "overdue", "status", "search", "scorecard", "follow", "unfollow", "mine", "settings", "calendar", "language"] as const;

/** Shown only in each admin's private chat. */
export const ADMIN_COMMANDS = ["done", "missed", "postpone", "reopen", "ingest", "stats", "sources", "addsource", "removesource", "poll", "merge", "split", "questions"] as const;

// Commands whose /help line shows arguments (the cmd-NAME.usage attribute).
const WITH_USAGE = new Set(["upcoming", "status", "search", "scorecard", "follow", "unfollow", "language", "done", "missed", "postpone", "reopen", "addsource", "removesource", "merge", "split"]);

/** The menu entries of `commands` in `lang`. */
export function commandMenu(lang: Language, commands: readonly string[]): BotCommand[] {
  return commands.map((command) => ({ command, description: t(lang, `cmd-${command}`) }));
}

/** "/status ID — One commitment's card", as /help lists it. */
export function helpLine(lang: Language, command: string): string {
  const usage = WITH_USAGE.has(command) ? t(lang, `cmd-${command}.usage`) : command;
  return `/${usage} — ${t(lang, `cmd-${command}`)}`;
}

/**
 * Registers the command menu in every language (Telegram picks it by the user's app language;
 * English is also the default for every other language): public commands for everyone, public +
 * admin commands in each admin's private chat (a private chat's id is the user's id). Returns
 * the admin ids whose menu could not be set (Telegram answers "chat not found" until that admin
 * has started the bot); throws only when a public menu fails.
 */
export async function registerCommands(api: Api, adminIds: Iterable<string>): Promise<string[]> {
  const admins = [...adminIds];
  for (const lang of LANGUAGES) {
    const languageCode = lang === DEFAULT_LANGUAGE ? {} : { language_code: lang };
    await api.setMyCommands(commandMenu(lang, PUBLIC_COMMANDS), languageCode);
  }
  const failed: string[] = [];
  for (const id of admins) {
    try {
      for (const lang of LANGUAGES) {
        const languageCode = lang === DEFAULT_LANGUAGE ? {} : { language_code: lang };
        await api.setMyCommands(commandMenu(lang, [...PUBLIC_COMMANDS, ...ADMIN_COMMANDS]), {
          scope: { type: "chat", chat_id: Number(id) },
          ...languageCode,
        });
      }
    } catch {
      failed.push(id);
    }
  }
  return failed;
}
