import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";

interface CommandInfo extends BotCommand {
  /** How /help shows it, with its arguments. */
  usage?: string;
}

/** The menu everyone sees (setMyCommands, default scope) and /help. */
export const PUBLIC_COMMANDS: readonly CommandInfo[] = [
  { command: "start", description: "What this bot does" },
  { command: "help", description: "Every command" },
  { command: "list", description: "All tracked commitments, soonest first" },
  { command: "upcoming", description: "Due in the next N days (default 30)", usage: "upcoming [days]" },
  { command: "overdue", description: "Past their due date" },
  { command: "status", description: "One commitment's card", usage: "status ID" },
  { command: "search", description: "Find commitments by words", usage: "search WORDS" },
  { command: "follow", description: "Follow all, an id, a topic or a body", usage: "follow [all|ID|topic|body]" },
  { command: "unfollow", description: "Stop following", usage: "unfollow [all|ID|topic|body]" },
  { command: "mine", description: "What this chat follows, and its settings" },
  { command: "settings", description: "Time zone, reminder days, digest, quiet hours" },
  { command: "calendar", description: "Followed deadlines as an .ics file" },
];

/** Shown only in each admin's private chat. */
export const ADMIN_COMMANDS: readonly CommandInfo[] = [
  { command: "done", description: "Mark done", usage: "done ID [URL] [note]" },
  { command: "missed", description: "Mark missed", usage: "missed ID [note]" },
  { command: "postpone", description: "Move the due date", usage: "postpone ID DATE [note]" },
  { command: "reopen", description: "Reopen a closed commitment", usage: "reopen ID" },
  { command: "ingest", description: "Reply to a text or .txt: add its commitments" },
  { command: "stats", description: "Numbers about the store and the chats" },
  { command: "sources", description: "Live sources and their health" },
  { command: "addsource", description: "Add a feed or a news page", usage: "addsource URL [--links PATTERN] [--every MINUTES]" },
  { command: "removesource", description: "Stop reading a source", usage: "removesource ID" },
  { command: "poll", description: "Read every source now" },
];

const strip = (c: CommandInfo): BotCommand => ({ command: c.command, description: c.description });

/**
 * Registers the command menu: public commands for everyone, public + admin commands in each
 * admin's private chat (a private chat's id is the user's id). Returns the admin ids whose menu
 * could not be set (Telegram answers "chat not found" until that admin has started the bot);
 * throws only when the public menu fails.
 */
export async function registerCommands(api: Api, adminIds: Iterable<string>): Promise<string[]> {
  await api.setMyCommands(PUBLIC_COMMANDS.map(strip));
  const failed: string[] = [];
  for (const id of adminIds) {
    try {
      await api.setMyCommands([...PUBLIC_COMMANDS, ...ADMIN_COMMANDS].map(strip), {
        scope: { type: "chat", chat_id: Number(id) },
      });
    } catch {
      failed.push(id);
    }
  }
  return failed;
}
