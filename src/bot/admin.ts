import { Composer, type CallbackQueryContext, type CommandContext, type Context, type Filter, type FilterQuery, type Middleware, type MiddlewareFn } from "grammy";
import type { BotContext } from "./context.ts";
import { isAnonymousGroupAdmin } from "./chat-admins.ts";
import type { BotDeps } from "./deps.ts";

/** True when the sender's user id is in ADMIN_IDS. */
export function isAdmin(deps: BotDeps, ctx: Context): boolean {
  return ctx.from !== undefined && deps.config.adminIds.has(String(ctx.from.id));
}

/** Replies with a refusal for non-admins; true when the command may go on. */
export async function ensureAdmin(deps: BotDeps, ctx: BotContext): Promise<boolean> {
  if (isAdmin(deps, ctx)) return true;
  if (isAnonymousGroupAdmin(ctx)) {
    // Telegram hides who an anonymous admin is, so ADMIN_IDS cannot be checked.
    await ctx.reply(ctx.t("admin-anonymous"));
    return false;
  }
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("admin-only-alert"), show_alert: true });
  else await ctx.reply(ctx.t("admin-only"));
  return false;
}

/** The admin's display name for the status history. */
export function senderName(ctx: Context): string | null {
  const from = ctx.from;
  if (!from) return null;
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return from.username ? `${name} (@${from.username})` : name || null;
}

/**
 * The one place admin commands and buttons are registered. It has no way to add a handler
 * without the ADMIN_IDS check in front, so a new admin command cannot forget it.
 */
export class AdminComposer {
  readonly composer = new Composer<BotContext>();
  private readonly guard: MiddlewareFn<BotContext>;

  constructor(deps: BotDeps) {
    this.guard = async (ctx, next) => {
      if (await ensureAdmin(deps, ctx)) await next();
    };
  }

  command(names: string | string[], handler: Middleware<CommandContext<BotContext>>): void {
    this.composer.command(names, this.guard, handler);
  }

  callbackQuery(trigger: RegExp, handler: Middleware<CallbackQueryContext<BotContext>>): void {
    this.composer.callbackQuery(trigger, this.guard, handler);
  }

  /** Updates of one filter query that also pass `predicate` (e.g. a document captioned /ingest). */
  on<Q extends FilterQuery>(query: Q, predicate: (ctx: Filter<BotContext, Q>) => boolean, handler: Middleware<Filter<BotContext, Q>>): void {
    this.composer.on(query).filter(predicate, this.guard, handler);
  }
}
