import { createApp, type App } from "./app.ts";
import { ConfigError } from "./config.ts";

export interface RunStartOptions {
  /** Where the one-line configuration error goes (default process.stderr). */
  stderr?: { write(text: string): unknown };
  /** Resolves to stop (tests); SIGINT and SIGTERM always stop. */
  stopSignal?: Promise<void>;
}

/**
 * `mindet start`: builds the app (src/app.ts), ingests the seeds into an empty store, starts the
 * bot, its command menus and the scheduler, and runs until SIGINT/SIGTERM. Returns the exit code:
 * 0 after a clean shutdown, 2 for bad configuration (one line naming the variable), 1 when the bot
 * cannot start (for instance Telegram rejects the token).
 */
export async function runStart(env: NodeJS.ProcessEnv, options: RunStartOptions = {}): Promise<number> {
  const stderr = options.stderr ?? process.stderr;
  let app: App;
  try {
    app = await createApp({ env, requireToken: true, seedWhenEmpty: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      stderr.write(`mindet: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { logger } = app;
  let started;
  try {
    started = await app.start();
  } catch (error) {
    logger.fatal({ err: error }, "cannot reach Telegram or the token was refused");
    stderr.write(`mindet: cannot start the bot: ${firstLine(error)}\n`);
    await app.stop();
    return 1;
  }
  const reason = await waitForStop(options.stopSignal, started.task());
  logger.info({ reason }, "shutting down");
  await app.stop();
  return reason === "crashed" ? 1 : 0;
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

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? "unknown error";
}
