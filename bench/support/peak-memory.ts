/** Peak memory of this process while a benchmark runs: sampled on a timer and on demand. */
export interface PeakMemory {
  /** Takes a sample now (call it inside long synchronous loops, where the timer cannot fire). */
  sample(): void;
  /** Stops the timer, takes a last sample, and returns the peaks in bytes. */
  stop(): { rss: number; heap: number };
  /** The peaks so far, in bytes. */
  peaks(): { rss: number; heap: number };
}

export function trackPeakMemory(intervalMs: number): PeakMemory {
  let rss = 0;
  let heap = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return { rss, heap };
    },
    peaks: () => ({ rss, heap }),
  };
}
