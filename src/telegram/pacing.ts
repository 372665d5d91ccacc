// One flood limit as an even spacing plus a sliding-window guard (used by outbound-limiter.ts).
//
// Sends are PACED, not merely counted: each limit is an even spacing (1000 ms / 30 for the
// global 30/s), so a backlog leaves as a steady stream instead of bursts up to the window's
// limit. Bursts are what earned 429s: a burst of 300 leaves in a few ms, and the smallest
// arrival jitter at the other end makes one window look one message too full. A sliding window
// over the real acquisition times stays behind the spacing as a guard: after an event-loop
// pause the spaced slots come due together, and the window keeps that catch-up within limits.

/** The last `limit` send times of one key, in a ring: O(1) per check whatever the chat count. */
class Window {
  private readonly stamps: number[] = [];
  private next = 0;
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  waitMs(now: number): number {
    if (this.stamps.length < this.limit) return 0;
    return Math.max(0, (this.stamps[this.next] as number) + this.windowMs - now);
  }

  record(now: number): void {
    if (this.stamps.length < this.limit) this.stamps.push(now);
    else {
      this.stamps[this.next] = now;
      this.next = (this.next + 1) % this.limit;
    }
  }

  /** True when every stamp has left the window (the entry can be forgotten). */
  idle(now: number): boolean {
    return this.stamps.every((s) => s + this.windowMs <= now);
  }
}

/** One limit: an even spacing between sends (the next free slot) plus the sliding-window guard. */
export class Limit {
  /** The earliest instant of the next send (a continuously refilling bucket of one token). */
  private nextAt = -Infinity;
  private readonly window: Window;
  constructor(
    private readonly spacingMs: number,
    limit: number,
    windowMs: number,
    private readonly catchUpMs: number,
  ) {
    this.window = new Window(limit, windowMs);
  }

  /** Ms until this limit allows a send (spacing and window); 0 when it allows one now. */
  waitMs(now: number): number {
    return Math.max(0, this.nextAt - now, this.window.waitMs(now));
  }

  /**
   * Counts a send at `now`. Slightly late (a timer fired a millisecond after its slot) keeps
   * the schedule, so lateness does not add up to a lower rate; further behind (an event-loop
   * pause, or idle) restarts it from now, so a pause never earns a burst.
   */
  take(now: number): void {
    this.nextAt = (now - this.nextAt <= this.catchUpMs ? this.nextAt : now) + this.spacingMs;
    this.window.record(now);
  }

  /** Counts a send at a slot granted elsewhere (shared pacing): the next one no sooner than a spacing after it. */
  takeAt(at: number): void {
    this.nextAt = Math.max(this.nextAt, at + this.spacingMs);
    this.window.record(at);
  }

  /** No send before `at` (another instance holds the chat until then). */
  holdUntil(at: number): void {
    this.nextAt = Math.max(this.nextAt, at);
  }

  /** The least time between two sends (shared pacing asks the database for the same). */
  get spacing(): number {
    return this.spacingMs;
  }

  idle(now: number): boolean {
    return this.nextAt <= now && this.window.idle(now);
  }
}

/**
 * `perWindow` sends per `windowMs`, each spacing and window widened by `widen` (the safety
 * margin). A limit below one (0.5 a second) becomes one send per a longer window (2 s).
 */
export function createLimit(perWindow: number, windowMs: number, widen: (ms: number) => number, catchUpMs = 0): Limit {
  return perWindow >= 1
    ? new Limit(widen(windowMs / perWindow), Math.floor(perWindow), widen(windowMs), catchUpMs)
    : new Limit(widen(windowMs / perWindow), 1, widen(windowMs / perWindow), catchUpMs);
}
