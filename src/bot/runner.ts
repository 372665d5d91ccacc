import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Bot, Context } from "grammy";
import { ALLOWED_UPDATES } from "./index.ts";

export interface RunBotOptions {
  /** Long-poll timeout in seconds (default 30). */
  pollTimeoutSeconds?: number;
}

/** A running bot. `stop()` resolves once no update is being handled any more. */
export interface BotRunner {
  stop(): Promise<void>;
  isRunning(): boolean;
  /** Resolves when the runner ends (stopped or crashed; rejects on a crash). */
  task(): Promise<void> | undefined;
  /** Updates being handled right now. */
  inFlight(): number;
  /** Resolves once the update with this id has been handled (or has failed): demo and tests. */
  handled(updateId: number): Promise<void>;
}

// Ids of handled updates remembered for `handled()`; older ones are forgotten.
const REMEMBERED_UPDATES = 10_000;

/**
 * Starts long polling with @grammyjs/runner: updates of different chats run concurrently, one
 * chat's in order (createBot installs `sequentialize` by chat id).
 *
 * Why the wrapper: the runner asks for the next batch (which acknowledges the previous one to
 * Telegram) while the previous batch is still being handled, and its own stop() resolves when
 * fetching ends, not when handlers end. So every update is tracked here from the moment the
 * runner hands it over, and stop() waits for all of them: an acknowledged update is never lost
 * to a shutdown.
 */
export function runBot(bot: Bot<Context>, options: RunBotOptions = {}): BotRunner {
  const handling = new Set<Promise<void>>();
  const done = new Set<number>();
  const waiters = new Map<number, Array<() => void>>();
  const finish = (updateId: number) => {
    done.add(updateId);
    if (done.size > REMEMBERED_UPDATES) done.delete(done.values().next().value as number);
    for (const resolve of waiters.get(updateId) ?? []) resolve();
    waiters.delete(updateId);
  };
  const handleUpdate = bot.handleUpdate.bind(bot);
  // Errors go to the bot's error boundary here rather than in the runner's sink, so "handled"
  // includes the boundary's own work (marking a chat inactive, the apology).
  bot.handleUpdate = async (update, webhookReplyEnvelope) => {
    const work = handleUpdate(update, webhookReplyEnvelope).catch((error: unknown) =>
      bot.errorHandler(error as Parameters<typeof bot.errorHandler>[0]),
    );
    const tracked = work.then(
      () => undefined,
      () => undefined,
    );
    handling.add(tracked);
    try {
      await work;
    } finally {
      handling.delete(tracked);
      finish(update.update_id);
    }
  };
  const handle: RunnerHandle = run(bot, {
    runner: {
      fetch: { allowed_updates: ALLOWED_UPDATES, timeout: options.pollTimeoutSeconds ?? 30 },
      // getUpdates failures are retried by the runner; its console output would bypass pino.
      silent: true,
    },
  });
  return {
    async stop() {
      if (handle.isRunning()) await handle.stop();
      // Handlers may start more work (a handler's reply); loop until nothing is left.
      while (handling.size > 0) await Promise.all([...handling]);
    },
    isRunning: () => handle.isRunning(),
    task: () => handle.task(),
    inFlight: () => handling.size,
    handled: (updateId) =>
      done.has(updateId) ? Promise.resolve() : new Promise<void>((resolve) => waiters.set(updateId, [...(waiters.get(updateId) ?? []), resolve])),
  };
}
