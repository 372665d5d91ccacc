import type { Context } from "grammy";

/** "/list@mindet_bot 12" -> { name: "list", bot: "mindet_bot" }; null when no leading command. */
export function leadingCommand(text: string): { name: string; bot: string | null } | null {
  const m = /^\/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?/.exec(text);
  return m ? { name: (m[1] ?? "").toLowerCase(), bot: m[2] ?? null } : null;
}

/** The message's text or caption, where a command may stand. */
export function commandText(ctx: Context): string {
  return ctx.message?.text ?? ctx.message?.caption ?? "";
}

/**
 * True when the message starts with a command addressed to another bot by name
 * ("/ingest@otherbot"): in a group every bot sees it, and only the one named should answer.
 */
export function isForOtherBot(ctx: Context): boolean {
  const command = leadingCommand(commandText(ctx));
  return command?.bot != null && command.bot.toLowerCase() !== ctx.me.username.toLowerCase();
}

/** True when the text or caption is `/name` or `/name@thisbot` (any case), with or without arguments. */
export function isCommandForMe(ctx: Context, name: string): boolean {
  const command = leadingCommand(commandText(ctx));
  return command !== null && command.name === name && !isForOtherBot(ctx);
}
