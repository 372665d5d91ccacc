// Politeness: at most one request at a time per host, and a gap between two of them. Requests
// to different hosts do not wait for each other.

export interface HostGate {
  /** Runs `fn` when `host` is free and its gap has passed; the next request to it waits for this one. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T>;
}

export function createHostGate(gapMs: number, sleep: (ms: number) => Promise<void>, nowMs: () => number = () => performance.now()): HostGate {
  const tails = new Map<string, Promise<void>>();
  const lastEnd = new Map<string, number>();
  return {
    run<T>(host: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(host) ?? Promise.resolve();
      const result = previous.then(async () => {
        const wait = (lastEnd.get(host) ?? -Infinity) + gapMs - nowMs();
        if (wait > 0) await sleep(wait);
        try {
          return await fn();
        } finally {
          lastEnd.set(host, nowMs());
        }
      });
      const tail = result.then(() => undefined, () => undefined);
      tails.set(host, tail);
      // Forget idle hosts so a long-running process does not keep one entry per site ever seen.
      void tail.then(() => {
        if (tails.get(host) === tail) tails.delete(host);
      });
      return result;
    },
  };
}
