import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import { createRetryTransformer } from "./api-retry.ts";
import { createManageCheck } from "./chat-admins.ts";
import { createChatRegistry } from "./chat-registry.ts";
import type { BotDeps } from "./deps.ts";
import { createErrorBoundary } from "./error-boundary.ts";
import { createAdminStatusFeature } from "./features/admin-status.ts";
import { createCalendarFeature } from "./features/calendar.ts";
import { createFallbackFeature } from "./features/fallback.ts";
import { createFollowFeature } from "./features/follow.ts";
import { createIngestFeature } from "./features/ingest.ts";
import { createListFeature } from "./features/list.ts";
import { createMembershipFeature } from "./features/membership.ts";
import { createMineFeature } from "./features/mine.ts";
import { createSearchFeature } from "./features/search.ts";
import { createSettingsFeature } from "./features/settings.ts";
import { createSourcesFeature } from "./features/sources.ts";
import { createStartFeature } from "./features/start.ts";
import { createStatsFeature } from "./features/stats.ts";
import { createStatusFeature } from "./features/status.ts";
import { createUserRateLimit } from "./rate-limit.ts";

export type { BotDeps } from "./deps.ts";
export { registerCommands } from "./commands.ts";

/** The update types the bot handles (runner's allowed_updates). */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/** Updates of one chat are handled in order; different chats run concurrently. */
export function updateChatKey(ctx: Context): string | undefined {
  return ctx.chat?.id.toString();
}

/**
 * Builds the bot with every feature; does not start it (main.ts runs it with @grammyjs/runner,
 * tests may use the runner or bot.start()). Order matters: the rate limit comes first so a
 * flood is dropped before it touches the database or queues behind the chat's other updates.
 */
export function createBot(deps: BotDeps): Bot<Context> {
  const bot = new Bot<Context>(deps.token, {
    botInfo: deps.botInfo,
    client: { apiRoot: deps.apiRoot, timeoutSeconds: deps.timeoutSeconds ?? 30 },
  });
  bot.api.config.use(createRetryTransformer({ logger: deps.logger, sleep: deps.sleep }));

  // One admin cache per bot: group-admin answers are reused for a minute.
  const canManage = createManageCheck(deps.clock);

  bot.use(createUserRateLimit(deps.clock, deps.rateLimit));
  bot.use(sequentialize(updateChatKey));
  bot.use(createChatRegistry(deps));

  bot.use(createMembershipFeature(deps));
  bot.use(createStartFeature(deps));
  bot.use(createListFeature(deps));
  bot.use(createStatusFeature(deps));
  bot.use(createSearchFeature(deps));
  bot.use(createFollowFeature(deps, canManage));
  bot.use(createMineFeature(deps));
  bot.use(createSettingsFeature(deps, canManage));
  bot.use(createCalendarFeature(deps));
  bot.use(createAdminStatusFeature(deps));
  bot.use(createIngestFeature(deps));
  bot.use(createStatsFeature(deps));
  bot.use(createSourcesFeature(deps));
  bot.use(createFallbackFeature()); // catch-all: must stay last

  bot.catch(createErrorBoundary(deps));
  return bot;
}
