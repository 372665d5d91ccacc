/** The one source of "now". Read it once per job or update, never deep inside logic. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs at real speed from there (MINDET_NOW): demos and
 * end-to-end tests can put the bot on a chosen day without touching the machine's clock.
 */
export function createOffsetClock(start: Date, real: Clock = systemClock): Clock {
  const offsetMs = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offsetMs) };
}

/** A clock that only moves when told to: for tests. */
export interface ManualClock extends Clock {
  set(instant: Date | string): void;
  advance(ms: number): void;
}

export function createManualClock(start: Date | string): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
