import { fileURLToPath } from "node:url";
import { createOffsetClock, systemClock, type Clock } from "./clock.ts";
import { ingestDirectory } from "./commitments/ingest-directory.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { openDatabase, type Db } from "./db/client.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createBot, registerCommands } from "./bot/index.ts";
import { runBot } from "./bot/runner.ts";
import { Api } from "grammy";
import { createSourceFetcher } from "./sources/fetcher.ts";
import { createSourcePoller } from "./sources/poller.ts";
import { loadSourcesConfig, type SourcesConfig } from "./sources/sources-config.ts";

export const SEEDS_DIR = fileURLToPath(new URL("../seeds", import.meta.url));

/** What main needs of the reminders scheduler (src/reminders/schedule.ts). */
export interface Scheduler {
  start(): void;
  stop(): Promise<void>;
  tick(): Promise<unknown>;
}

export interface RunStartOptions {
  /** Where the one-line configuration error goes (default process.stderr). */
  stderr?: { write(text: string): unknown };
  /** Resolves to stop (tests); SIGINT and SIGTERM always stop. */
  stopSignal?: Promise<void>;
}

/**
 * `mindet start`: config -> logger -> clock -> database (migrated) -> seeds when empty -> bot ->
 * command menu -> scheduler -> long polling, until SIGINT/SIGTERM. Returns the exit code: 0 after
 * a clean shutdown, 2 for bad configuration (one line naming the variable), 1 when the bot
 * cannot start (for instance Telegram rejects the token).
 */
export async function runStart(env: NodeJS.ProcessEnv, options: RunStartOptions = {}): Promise<number> {
  const stderr = options.stderr ?? process.stderr;
  let config: Config;
  try {
    config = loadConfig(env, { requireToken: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      stderr.write(`mindet: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const token = config.botToken as string;
  const logger = createLogger(config.logLevel, token);
  let clock: Clock = systemClock;
  if (config.now) {
    clock = createOffsetClock(config.now);
    logger.warn({ now: config.now.toISOString() }, "MINDET_NOW is set: the clock starts at that instant");
  }
  let sourcesConfig: SourcesConfig;
  try {
    sourcesConfig = loadSourcesConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      stderr.write(`mindet: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const db = await openDatabase(config.databaseUrl);
  try {
    await ingestSeedsIfEmpty(db, clock, logger);
    let scheduler: Scheduler | null = null;
    // Live sources poll in this process on their own timer; their announcements go through the outbox.
    const sourcesLogger = logger.child({ component: "sources" });
    const poller = createSourcePoller({
      db, clock, logger: sourcesLogger, timeZone: config.defaultTimeZone, concurrency: sourcesConfig.concurrency,
      notifyAfterFailures: sourcesConfig.notifyAfterFailures, fetcher: createSourceFetcher({ config: sourcesConfig, clock }),
      notifyAdmins: (text) => notifyAdmins(bot.api, config.adminIds, text, sourcesLogger),
      onRound: (report) => {
        if (report.announced > 0) scheduler?.tick().catch((error: unknown) => sourcesLogger.error({ err: error }, "announcement tick failed"));
      },
    });
    const bot = createBot({
      sources: { poller, allowPrivate: sourcesConfig.allowPrivate },
      token,
      config,
      db,
      clock,
      logger,
      apiRoot: config.telegramApiRoot,
      onStatusChanged: (id) => {
        // Announce at once rather than at the next minute's tick.
        scheduler?.tick().catch((error: unknown) => logger.error({ err: error, commitmentId: id }, "announcement tick failed"));
      },
    });
    try {
      await bot.init();
    } catch (error) {
      logger.fatal({ err: error }, "cannot reach Telegram or the token was refused");
      stderr.write(`mindet: cannot start the bot: ${describe(error)}\n`);
      return 1;
    }
    logger.info({ username: bot.botInfo.username, apiRoot: config.telegramApiRoot }, "bot identified");
    await registerCommands(bot.api, config.adminIds).then(
      (failed) => failed.length > 0 && logger.warn({ adminIds: failed }, "admin command menu not set (has each admin started the bot?)"),
      (error: unknown) => logger.warn({ err: error }, "setMyCommands failed"),
    );
    scheduler = await loadScheduler({ db, api: schedulerApi(token, config.telegramApiRoot), clock, logger, config });
    scheduler?.start();
    poller.start();
    const handle = runBot(bot);
    logger.info("polling for updates");
    const reason = await waitForStop(options.stopSignal, handle.task());
    logger.info({ reason }, "shutting down");
    // Stop fetching first and let handlers in flight finish: no acknowledged update is lost.
    await handle.stop();
    await poller.stop();
    await scheduler?.stop();
    return reason === "crashed" ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

/** Tells each admin in a private message; one admin that cannot be reached does not stop the others. */
async function notifyAdmins(api: Api, adminIds: ReadonlySet<string>, text: string, logger: Logger): Promise<void> {
  for (const id of adminIds) {
    await api.sendMessage(Number(id), text, { link_preview_options: { is_disabled: true } }).catch((error: unknown) => logger.warn({ err: error, adminId: id }, "could not tell an admin about a failing source"));
  }
}

async function ingestSeedsIfEmpty(db: Db, clock: Clock, logger: Logger): Promise<void> {
  if ((await db.commitment.count()) > 0) return;
  try {
    const report = await ingestDirectory(db, SEEDS_DIR, { now: clock.now() });
    const added = report.results.reduce((sum, r) => sum + r.added, 0);
    logger.info({ documents: report.results.length, added, failures: report.failures.length }, "seeds ingested");
  } catch (error) {
    logger.warn({ err: error }, "could not ingest seeds; starting with an empty store");
  }
}

interface SchedulerDeps {
  db: Db;
  api: Api;
  clock: Clock;
  logger: Logger;
  config: Config;
}

/**
 * The scheduler gets its own Api without the bot's retry transformer: the outbox does its own
 * 429/5xx handling and rate limiting, and must see every refusal as it happens.
 */
export function schedulerApi(token: string, apiRoot: string): Api {
  return new Api(token, { apiRoot });
}

/** The reminders scheduler if its module is there (it is built in parallel); null otherwise. */
export async function loadScheduler(deps: SchedulerDeps): Promise<Scheduler | null> {
  const specifier = "./reminders/schedule.ts";
  let mod: { createReminderScheduler?: (deps: SchedulerDeps) => Scheduler };
  try {
    mod = (await import(specifier)) as typeof mod;
  } catch (error) {
    deps.logger.warn({ err: { message: (error as Error).message } }, "reminders scheduler not available; running without reminders");
    return null;
  }
  if (typeof mod.createReminderScheduler !== "function") return null;
  return mod.createReminderScheduler({ ...deps, logger: deps.logger.child({ component: "reminders" }) });
}

/** Resolves with why to stop: a signal, the stop promise, or the runner ending by itself. */
function waitForStop(stopSignal: Promise<void> | undefined, task: Promise<void> | undefined): Promise<string> {
  return new Promise((resolve) => {
    const finish = (reason: string) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolve(reason);
    };
    const onSignal = (signal: NodeJS.Signals) => finish(signal);
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    void stopSignal?.then(() => finish("stop requested"));
    void task?.then(
      () => finish("runner stopped"),
      () => finish("crashed"),
    );
  });
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? "unknown error";
}
