import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Bot, Context } from "grammy";
import { ALLOWED_UPDATES } from "./index.ts";
import { updateTrackerOf } from "./update-tracker.ts";

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

/**
 * Starts long polling with @grammyjs/runner: updates of different chats run concurrently, one
 * chat's in order (createBot installs `sequentialize` by chat id).
 *
 * Why the tracker: the runner asks for the next batch (which acknowledges the previous one to
 * Telegram) while the previous batch is still being handled, and its own stop() resolves when
 * fetching ends, not when handlers end. createBot's first middleware tracks every update, and
 * stop() waits for all of them: an acknowledged update is never lost to a shutdown.
 */
export function runBot<C extends Context>(bot: Bot<C>, options: RunBotOptions = {}): BotRunner {
  const tracker = updateTrackerOf(bot);
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
      await tracker.idle();
    },
    isRunning: () => handle.isRunning(),
    task: () => handle.task(),
    inFlight: () => tracker.inFlight(),
    handled: (updateId) => tracker.handled(updateId),
  };
}
