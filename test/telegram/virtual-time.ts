// Time for the limiter's tests: it moves only when every piece of work is waiting for it, so a
// test of seconds of pacing runs in milliseconds, and a request in flight over real HTTP is
// stamped by the emulator at the virtual instant it was let go.
export interface VirtualTime {
  now(): number;
  /** Resolves when virtual time reaches now + ms (never by itself). */
  sleep(ms: number): Promise<void>;
  /**
   * Runs `work` to its end: whenever nothing is in flight (`busy` false after the event loop
   * settles), time jumps to the earliest timer and fires it. Throws when work waits for
   * nothing that time could bring (a deadlock), or runs past `limitMs` of virtual time.
   */
  drive<T>(work: Promise<T>, options?: { busy?: () => boolean; limitMs?: number }): Promise<T>;
  /** Fires the timers due within the next `ms`, settling in between, and moves time by `ms`. */
  advance(ms: number, busy?: () => boolean): Promise<void>;
}

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function settle(busy: () => boolean): Promise<void> {
  for (let i = 0; i < 5; i++) await tick();
  while (busy()) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    for (let i = 0; i < 5; i++) await tick();
  }
}

export function createVirtualTime(start = 1_000_000): VirtualTime {
  let t = start;
  let seq = 0;
  const timers: Timer[] = [];
  const takeNext = (): Timer | undefined => {
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    return timers.shift();
  };
  return {
    now: () => t,
    sleep: (ms) => new Promise<void>((resolve) => timers.push({ at: t + Math.max(0, ms), seq: seq++, resolve })),
    async drive(work, options = {}) {
      const busy = options.busy ?? (() => false);
      const limit = t + (options.limitMs ?? 600_000);
      let finished = false;
      const watched = work.finally(() => {
        finished = true;
      });
      watched.catch(() => undefined);
      for (;;) {
        await settle(busy);
        if (finished) return watched;
        const next = takeNext();
        if (!next) throw new Error(`stuck at ${t - start} ms: the work waits for nothing time can bring`);
        if (next.at > limit) throw new Error(`still running after ${limit - start} ms of virtual time`);
        t = Math.max(t, next.at);
        next.resolve();
      }
    },
    async advance(ms, busy = () => false) {
      const end = t + ms;
      for (;;) {
        await settle(busy);
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        t = Math.max(t, next.at);
        next.resolve();
      }
      t = end;
      await settle(busy);
    },
  };
}
