// The one composition root. `mindet start`, `mindet demo`, the database commands of the command
// line and the tests all build Mindet here, so there is one order of construction and one place
// where a part is wired to another: config -> logger -> clock -> database -> bot -> scheduler.
import { fileURLToPath } from "node:url";
import { Api, type Bot } from "grammy";
import type { BotContext } from "./bot/context.ts";
import { createBot, registerCommands, type BotDeps } from "./bot/index.ts";
import { runBot, type BotRunner, type RunBotOptions } from "./bot/runner.ts";
import { createOffsetClock, systemClock, type Clock } from "./clock.ts";
import { extractOffThread } from "./commitments/extractor.ts";
import { ingestDirectory } from "./commitments/ingest-directory.ts";
import { loadConfig, type Config } from "./config.ts";
import { engineOf, openDatabase, type Db } from "./db/client.ts";
import { createLogger, type Logger } from "./logger.ts";
import { startOpsServer, type OpsServer } from "./ops/http-server.ts";
import { createMetrics, type Metrics } from "./ops/metrics.ts";
import { failingSourceText } from "./bot/features/sources.ts";
import { languageOrDefault } from "./bot/i18n/languages.ts";
import { createSourceFetcher } from "./sources/fetcher.ts";
import type { FailingSourceNotice } from "./sources/poll-source.ts";
import { createSourcePoller } from "./sources/poller.ts";
import { loadSourcesConfig } from "./sources/sources-config.ts";
import { createOutboundLimiter } from "./telegram/outbound-limiter.ts";
import { createSharedPacing } from "./telegram/shared-pacing.ts";
import { createPlanningLock } from "./reminders/planning-lock.ts";
import { createReminderScheduler, type ReminderScheduler, type ReminderSchedulerDeps } from "./reminders/schedule.ts";
import { ALLOWED_UPDATES } from "./bot/index.ts";

export const SEEDS_DIR = fileURLToPath(new URL("../seeds", import.meta.url));

/** What every command that touches the database needs. */
export interface Store {
  config: Config;
  logger: Logger;
  clock: Clock;
  db: Db;
  /** Closes what this store opened (a database handed in from outside stays open). */
  close(): Promise<void>;
}

export interface StoreOptions {
  env: NodeJS.ProcessEnv;
  /** BOT_TOKEN must be set (start, demo); database commands do not need it. */
  requireToken?: boolean;
  /** Parts made elsewhere: tests pass a manual clock, a silent logger, a throwaway database. */
  clock?: Clock;
  logger?: Logger;
  db?: Db;
}

/**
 * Config (parsed once; a ConfigError names the variable), logger, clock (MINDET_NOW aware) and
 * the migrated database. Throws ConfigError for bad configuration.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const config = loadConfig(options.env, { requireToken: options.requireToken ?? false });
  const logger = options.logger ?? createLogger(config.logLevel, config.botToken ?? undefined);
  const clock = options.clock ?? (config.now ? createOffsetClock(config.now) : systemClock);
  const ownDb = !options.db;
  const db = options.db ?? (await openDatabase(config.databaseUrl));
  return {
    config,
    logger,
    clock,
    db,
    close: async () => {
      if (ownDb) await db.$disconnect();
    },
  };
}

/** Runs `fn` with a store and closes it afterwards, whatever happens (the CLI's database commands). */
export async function withStore<T>(options: StoreOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export interface AppOptions extends StoreOptions {
  /** Bot API server root (the emulator in the demo and tests); default TELEGRAM_API_ROOT. */
  apiRoot?: string;
  /** Ingests seeds/ when the store holds no commitment yet (start, demo). */
  seedWhenEmpty?: boolean;
  /** Overrides of the bot's dependencies (tests: sleep, timeouts, rate limit, botInfo). */
  bot?: Partial<Omit<BotDeps, "config" | "db" | "clock" | "logger" | "token" | "apiRoot">>;
  /** Webhook mode: how long an update may take before it is answered and handled on (default 8 s). */
  webhookAnswerWithinMs?: number;
  /** Overrides of the scheduler's dependencies (tests: sleep, limiter, delivery options). */
  scheduler?: Partial<Pick<ReminderSchedulerDeps, "sleep" | "limiter" | "options">>;
}

/** A started app: long polling (runner) or a webhook, and the HTTP server when there is one. */
export interface Started {
  /** The long-polling runner; null in webhook mode. */
  runner: BotRunner | null;
  /** The port of the webhook, /healthz and /metrics server; null when none runs. */
  httpPort: number | null;
  /** Resolves when long polling ends by itself (rejects on a crash); undefined for a webhook. */
  task(): Promise<void> | undefined;
}

export interface App extends Store {
  bot: Bot<BotContext>;
  scheduler: ReminderScheduler;
  metrics: Metrics;
  /**
   * Asks Telegram who the bot is (unless botInfo was given), sets the command menus, starts the
   * scheduler, the HTTP server (PORT, or a webhook) and either long polling or the webhook
   * (setWebhook). Rejects when Telegram cannot be reached or refuses the token.
   */
  start(options?: RunBotOptions): Promise<Started>;
  /** Resolves once announcement ticks started by status changes have finished (demo, tests). */
  settled(): Promise<void>;
  /** Stops fetching updates, lets handlers and the running tick finish, then closes the store. */
  stop(): Promise<void>;
}

/** The whole of Mindet: store, bot and reminder scheduler, wired to each other. */
export async function createApp(options: AppOptions): Promise<App> {
  const store = await openStore({ ...options, requireToken: options.requireToken ?? true });
  const { config, logger, clock, db } = store;
  try {
    const sourcesConfig = loadSourcesConfig(options.env);
    if (config.now && !options.clock) logger.warn({ now: config.now.toISOString() }, "MINDET_NOW is set: the clock starts at that instant");
    if (options.seedWhenEmpty) await ingestSeedsIfEmpty(store);
    const token = config.botToken;
    if (!token) throw new Error("createApp needs BOT_TOKEN");
    const apiRoot = options.apiRoot ?? config.telegramApiRoot;
    const metrics = createMetrics(db);
    // One limiter for every message the process sends: replies and reminders share Telegram's
    // limits (replies first), and a 429 on either pauses both. On PostgreSQL, where several
    // instances may run, its slots come from the database so the limits hold over all of them;
    // SQLite is one process and paces in memory only.
    const postgres = engineOf(db) === "postgresql";
    const outbound = createOutboundLimiter({
      limits: config.rateLimits,
      ...(postgres
        ? {
            shared: createSharedPacing(db),
            onSharedError: (error: unknown) => logger.warn({ err: error }, "shared send pacing unavailable; pacing this instance alone for a few seconds"),
          }
        : {}),
    });
    // Announcement ticks in flight, so the demo and tests can wait for an announcement to go out.
    const ticks = new Set<Promise<unknown>>();
    const announce = (): void => {
      const tick = scheduler.tick().catch((error: unknown) => logger.error({ err: error }, "announcement tick failed"));
      ticks.add(tick);
      void tick.finally(() => ticks.delete(tick));
    };
    // The scheduler has its own Api without the bot's transformer: the outbox does its own 429/5xx
    // handling (pacing is the shared limiter's), and must see every refusal as it happens.
    const schedulerApi = new Api(token, { apiRoot });
    schedulerApi.config.use(metrics.countCalls("reminders"));
    const scheduler = createReminderScheduler({
      db,
      api: schedulerApi,
      clock,
      logger: logger.child({ component: "reminders" }),
      config,
      limiter: outbound,
      onTick: (report) => metrics.recordTick(report),
      // Several instances on one PostgreSQL database: one plans at a time (planning-lock.ts).
      ...(postgres ? { planningLock: createPlanningLock(config.databaseUrl, logger.child({ component: "planning-lock" })) } : {}),
      ...options.scheduler,
    });
    // Live sources poll in this process on their own timer; their announcements go through the outbox.
    const sourcesLogger = logger.child({ component: "sources" });
    const poller = createSourcePoller({
      db,
      clock,
      logger: sourcesLogger,
      timeZone: config.defaultTimeZone,
      concurrency: sourcesConfig.concurrency,
      notifyAfterFailures: sourcesConfig.notifyAfterFailures,
      fetcher: createSourceFetcher({ config: sourcesConfig, clock }),
      // Off the event loop: an article is extracted in a worker thread, so replies and reminder
      // ticks never wait behind a long page.
      extract: extractOffThread,
      notifyAdmins: (notice) => notifyAdmins(bot, db, config.adminIds, notice, sourcesLogger),
      admins: config.adminIds,
      onRound: (report) => {
        if (report.announced > 0) announce();
      },
    });
    const bot = createBot({
      sources: { poller, allowPrivate: sourcesConfig.allowPrivate },
      token,
      config,
      db,
      clock,
      logger,
      apiRoot,
      outbound,
      countUpdates: metrics.countUpdates,
      // Announce at once rather than at the next minute's tick.
      onStatusChanged: () => announce(),
      ...options.bot,
    });
    bot.api.config.use(metrics.countCalls("bot"));
    let runner: BotRunner | null = null;
    let server: OpsServer | null = null;
    let started = false;
    return {
      ...store,
      bot,
      scheduler,
      metrics,
      async start(runOptions = {}) {
        await bot.init();
        logger.info({ username: bot.botInfo.username, apiRoot }, "bot identified");
        await registerCommands(bot.api, config.adminIds).then(
          (failed) => failed.length > 0 && logger.warn({ adminIds: failed }, "admin command menu not set (has each admin started the bot?)"),
          (error: unknown) => logger.warn({ err: error }, "setMyCommands failed"),
        );
        const webhook = config.webhook;
        if (config.port !== null) {
          server = await startOpsServer({
            port: config.port,
            db,
            clock,
            logger,
            metrics,
            ...(webhook ? { webhook: { bot, path: webhook.path, secret: webhook.secret, answerWithinMs: options.webhookAnswerWithinMs } } : {}),
          });
        }
        scheduler.start();
        poller.start();
        started = true;
        if (webhook) {
          // Only the update types the bot handles; pending updates are kept (none is lost by a restart).
          await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
          logger.info({ url: webhook.url }, "webhook set");
        } else {
          // A webhook left from an earlier webhook deployment would make every getUpdates fail with 409.
          await bot.api.deleteWebhook();
          runner = runBot(bot, runOptions);
          logger.info("polling for updates");
        }
        const polling = runner;
        return { runner: polling, httpPort: server?.port ?? null, task: () => polling?.task() };
      },
      async settled() {
        while (ticks.size > 0) await Promise.all([...ticks]);
      },
      async stop() {
        try {
          // Stop taking updates first and let handlers in flight finish: no acknowledged update is lost.
          if (runner) await runner.stop();
          if (server) await server.close();
          if (started) await poller.stop();
          // Also when only tick() was used (demo, tests): it lets the planning lock go.
          await scheduler.stop();
          while (ticks.size > 0) await Promise.all([...ticks]);
        } finally {
          await store.close();
        }
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function ingestSeedsIfEmpty({ db, clock, logger, config }: Store): Promise<void> {
  if ((await db.commitment.count()) > 0) return;
  try {
    const report = await ingestDirectory(db, SEEDS_DIR, { now: clock.now(), admins: config.adminIds });
    const added = report.results.reduce((sum, r) => sum + r.added, 0);
    logger.info({ documents: report.results.length, added, failures: report.failures.length }, "seeds ingested");
  } catch (error) {
    logger.warn({ err: error }, "could not ingest seeds; starting with an empty store");
  }
}

/**
 * Tells each admin, in their private chat's language, that a source keeps failing; one admin
 * who cannot be reached does not stop the others.
 */
async function notifyAdmins(bot: Bot<BotContext>, db: Db, adminIds: ReadonlySet<string>, notice: FailingSourceNotice, logger: Logger): Promise<void> {
  for (const id of adminIds) {
    try {
      const chat = await db.chat.findUnique({ where: { id: BigInt(id) }, select: { language: true } });
      await bot.api.sendMessage(Number(id), failingSourceText(languageOrDefault(chat?.language ?? null), notice), {
        link_preview_options: { is_disabled: true },
      });
    } catch (error) {
      logger.warn({ err: error, adminId: id }, "could not tell an admin about a failing source");
    }
  }
}
