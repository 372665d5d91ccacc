import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import type { BotContext } from "./context.ts";
import { createLanguageFeature } from "./features/language.ts";
import { i18n } from "./i18n/translate.ts";
import { createOutboundTransformer } from "../telegram/outbound-transformer.ts";
import { createManageCheck } from "./chat-admins.ts";
import { createChatRegistry } from "./chat-registry.ts";
import type { BotDeps } from "./deps.ts";
import { createErrorBoundary } from "./error-boundary.ts";
import { AdminComposer } from "./admin.ts";
import { registerAdminStatusCommands } from "./features/admin-status.ts";
import { createCalendarFeature } from "./features/calendar.ts";
import { createFallbackFeature } from "./features/fallback.ts";
import { createFollowFeature } from "./features/follow.ts";
import { registerIngestCommands } from "./features/ingest.ts";
import { registerMergeCommands } from "./features/merge.ts";
import { createListFeature } from "./features/list.ts";
import { createMembershipFeature } from "./features/membership.ts";
import { createMineFeature } from "./features/mine.ts";
import { createScorecardFeature } from "./features/scorecard.ts";
import { createSearchFeature } from "./features/search.ts";
import { createSettingsFeature } from "./features/settings.ts";
import { registerSourcesCommands } from "./features/sources.ts";
import { createStartFeature } from "./features/start.ts";
import { registerStatsCommand } from "./features/stats.ts";
import { createStatusFeature } from "./features/status.ts";
import { createUserRateLimit } from "./rate-limit.ts";
import { createUpdateGate } from "./update-gate.ts";
import { attachUpdateTracker, createUpdateTracker } from "./update-tracker.ts";

export type { BotDeps } from "./deps.ts";
export type { BotContext } from "./context.ts";
export { registerCommands } from "./commands.ts";

/** The update types the bot handles (runner's allowed_updates). */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/** Updates of one chat are handled in order; different chats run concurrently. */
export function updateChatKey(ctx: Context): string | undefined {
  return ctx.chat?.id.toString();
}

/**
 * Builds the bot with every feature; does not start it (main.ts runs it with @grammyjs/runner,
 * tests may use the runner or bot.start()). Order matters: the update tracker sees every update
 * first; the error boundary wraps everything after it, so "handled" includes the boundary's
 * own work; the gate drops what no feature serves; the rate limit comes before the database and
 * the per-chat queue so a flood is dropped before it queues behind the chat's other updates.
 */
export function createBot(deps: BotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.token, {
    botInfo: deps.botInfo,
    client: { apiRoot: deps.apiRoot, timeoutSeconds: deps.timeoutSeconds ?? 30 },
  });
  bot.api.config.use(createOutboundTransformer({ limiter: deps.outbound, logger: deps.logger, sleep: deps.sleep }));

  // One admin cache per bot: group-admin answers are reused for a minute.
  const canManage = createManageCheck(deps.clock);

  const tracker = createUpdateTracker();
  attachUpdateTracker(bot, tracker);
  bot.use(tracker.middleware);
  if (deps.countUpdates) bot.use(deps.countUpdates);
  const boundary = createErrorBoundary(deps);
  const app = bot.errorBoundary(boundary);

  app.use(createUpdateGate());
  app.use(createUserRateLimit(deps.clock, deps.rateLimit));
  app.use(sequentialize(updateChatKey));
  app.use(createChatRegistry(deps));
  // After the registry: the negotiator reads the chat's stored language from ctx.lang.
  app.use(i18n.middleware());

  app.use(createMembershipFeature(deps));
  app.use(createStartFeature(deps));
  app.use(createListFeature(deps));
  app.use(createStatusFeature(deps));
  app.use(createSearchFeature(deps));
  app.use(createScorecardFeature(deps));
  app.use(createFollowFeature(deps, canManage));
  app.use(createMineFeature(deps));
  app.use(createSettingsFeature(deps, canManage));
  app.use(createCalendarFeature(deps));
  app.use(createLanguageFeature(deps, canManage));

  // Every admin command and button, behind one ADMIN_IDS check.
  const admin = new AdminComposer(deps);
  registerAdminStatusCommands(deps, admin);
  registerIngestCommands(deps, admin);
  registerStatsCommand(deps, admin);
  registerSourcesCommands(deps, admin);
  registerMergeCommands(deps, admin);
  app.use(admin.composer);

  app.use(createFallbackFeature()); // catch-all: must stay last

  // Errors outside the boundary (the tracker itself) still reach the same handler.
  bot.catch(boundary);
  return bot;
}
