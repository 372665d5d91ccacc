import type { Bot, Context, MiddlewareFn } from "grammy";

/** Counts the updates being handled, so a shutdown can wait for them and tests for one of them. */
export interface UpdateTracker {
  /** Installed first in the bot, before the rate limit and the per-chat queue. */
  middleware: MiddlewareFn<Context>;
  /** Updates being handled right now. */
  inFlight(): number;
  /** Resolves once nothing is being handled (work started meanwhile is waited for too). */
  idle(): Promise<void>;
  /** Resolves once the update with this id has been handled (or has failed). */
  handled(updateId: number): Promise<void>;
}

// Ids of handled updates remembered for `handled()`; older ones are forgotten.
const REMEMBERED_UPDATES = 10_000;

/**
 * A middleware that sees every update from the moment grammY hands it over until the whole
 * middleware chain, the error boundary included, is done with it.
 */
export function createUpdateTracker(): UpdateTracker {
  const handling = new Set<Promise<void>>();
  const done = new Set<number>();
  const waiters = new Map<number, Array<() => void>>();
  const finish = (updateId: number): void => {
    done.add(updateId);
    if (done.size > REMEMBERED_UPDATES) done.delete(done.values().next().value as number);
    for (const resolve of waiters.get(updateId) ?? []) resolve();
    waiters.delete(updateId);
  };
  return {
    middleware: async (ctx, next) => {
      const work = next();
      const tracked = work.then(
        () => undefined,
        () => undefined,
      );
      handling.add(tracked);
      try {
        await work;
      } finally {
        handling.delete(tracked);
        finish(ctx.update.update_id);
      }
    },
    inFlight: () => handling.size,
    async idle() {
      // Handlers may start more work (a handler's reply); loop until nothing is left.
      while (handling.size > 0) await Promise.all([...handling]);
    },
    handled: (updateId) =>
      done.has(updateId) ? Promise.resolve() : new Promise<void>((resolve) => waiters.set(updateId, [...(waiters.get(updateId) ?? []), resolve])),
  };
}

// createBot installs the tracker and runBot finds it here: the tracker must be the bot's first
// middleware, which only createBot can guarantee, and createBot's signature stays a plain Bot.
const trackers = new WeakMap<object, UpdateTracker>();

export function attachUpdateTracker<C extends Context>(bot: Bot<C>, tracker: UpdateTracker): void {
  trackers.set(bot, tracker);
}

/** The tracker createBot installed; throws for a bot built some other way. */
export function updateTrackerOf<C extends Context>(bot: Bot<C>): UpdateTracker {
  const tracker = trackers.get(bot);
  if (!tracker) throw new Error("this bot has no update tracker: build it with createBot()");
  return tracker;
}
