// Telegram's flood limits, kept by design: every send first waits here for its turn in each
// limit that applies (all chats per second, the chat per second, the group per minute).
//
// Sends are PACED, not merely counted: each limit is an even spacing (1000 ms / 30 for the
// global 30/s), so a backlog leaves as a steady stream instead of bursts up to the window's
// limit. Bursts are what earned 429s: a burst of 300 leaves in a few ms, and the smallest
// arrival jitter at the other end makes one window look one message too full. A sliding window
// over the real acquisition times stays behind the spacing as a guard: after an event-loop
// pause the spaced slots come due together, and the window keeps that catch-up within limits.
import type { RateLimits } from "../config.ts";

export interface RateLimiterOptions {
  limits: RateLimits;
  /** Monotonic milliseconds (tests pass a fake). */
  now?: () => number;
  /** Waits `ms` (tests pass a fake that advances their fake time). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Extra room added to every spacing and window, as a share of it (default 0.06) plus
   * `marginMs` (default 0): requests reach Telegram a little later than they leave, and not
   * always in order, so a limit kept exactly would sometimes look exceeded at the other end.
   */
  marginShare?: number;
  marginMs?: number;
}

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

/** How far behind its schedule a limit may fall and still catch up (timer lateness), in ms. */
const DEFAULT_CATCH_UP_MS = 10;

/** One limit: an even spacing between sends (the next free slot) plus the sliding-window guard. */
class Limit {
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

  /** Ms until this limit allows a send (spacing and window). */
  waitMs(now: number): number {
    return Math.max(this.nextAt - now, this.window.waitMs(now));
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

  idle(now: number): boolean {
    return this.nextAt <= now && this.window.idle(now);
  }
}

export interface RateLimiter {
  /** Resolves when a message to `chatId` may be sent, and counts it as sent. */
  acquire(chatId: bigint | number, isGroup: boolean): Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A pacing limiter over global, per-chat and per-group limits (the same shape as Telegram's and
 * the test emulator's), so a deliverer that waits here gets no 429s and still keeps close to
 * the allowed rate (1 / (1 + marginShare) of it).
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? (() => performance.timeOrigin + performance.now());
  const sleep = options.sleep ?? defaultSleep;
  const share = options.marginShare ?? 0.06;
  const extra = options.marginMs ?? 0;
  const widen = (ms: number): number => ms * (1 + share) + extra;
  const { globalPerSecond, perChatPerSecond, perGroupPerMinute } = options.limits;
  // `limit` sends per `windowMs`; a limit below one (0.5 a second) is one per a longer window (2 s).
  const makeLimit = (limit: number, windowMs: number, catchUpMs = 0): Limit =>
    limit >= 1
      ? new Limit(widen(windowMs / limit), Math.floor(limit), widen(windowMs), catchUpMs)
      : new Limit(widen(windowMs / limit), 1, widen(windowMs / limit), catchUpMs);
  const global = makeLimit(globalPerSecond, 1000, DEFAULT_CATCH_UP_MS);
  const perChat = new Map<string, Limit>();
  const perGroup = new Map<string, Limit>();
  /** Each chat's acquires run one after the other: the second waits for the first's slot. */
  const chatTails = new Map<string, Promise<void>>();
  /** Acquirers whose chat is ready, in arrival order, waiting for a global slot. */
  const waiting: (() => void)[] = [];
  let dispatching = false;
  let acquisitions = 0;

  const limitFor = (map: Map<string, Limit>, key: string, limit: number, windowMs: number): Limit => {
    let l = map.get(key);
    if (!l) {
      l = makeLimit(limit, windowMs);
      map.set(key, l);
    }
    return l;
  };
  // Forget limits of chats not written to lately, so memory follows the active chats only.
  const prune = (t: number): void => {
    for (const map of [perChat, perGroup]) for (const [key, l] of map) if (l.idle(t)) map.delete(key);
  };

  // One loop hands out global slots first come, first served: no herd of sleepers racing for
  // each slot, and a timer that fires late releases the slots that came due, no more.
  const dispatch = async (): Promise<void> => {
    dispatching = true;
    try {
      while (waiting.length > 0) {
        const t = now();
        const wait = global.waitMs(t);
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        global.take(t);
        (waiting.shift() as () => void)();
      }
    } finally {
      dispatching = false;
    }
  };
  const globalTurn = (): Promise<void> =>
    new Promise((resolve) => {
      waiting.push(resolve);
      if (!dispatching) void dispatch();
    });

  return {
    async acquire(chatId, isGroup) {
      const key = String(chatId);
      const previous = chatTails.get(key);
      let done = (): void => {};
      const tail = new Promise<void>((resolve) => {
        done = resolve;
      });
      chatTails.set(key, tail);
      try {
        if (previous) await previous;
        const own = [limitFor(perChat, key, perChatPerSecond, 1000)];
        if (isGroup) own.push(limitFor(perGroup, key, perGroupPerMinute, 60_000));
        // The chat's own turn first: waiting for it must not hold a global slot other chats could use.
        for (let t = now(), wait = Math.max(...own.map((l) => l.waitMs(t))); wait > 0; t = now(), wait = Math.max(...own.map((l) => l.waitMs(t)))) {
          await sleep(wait);
        }
        await globalTurn();
        const t = now();
        for (const l of own) l.take(t);
        if (++acquisitions % 10_000 === 0) prune(t);
      } finally {
        done();
        if (chatTails.get(key) === tail) chatTails.delete(key);
      }
    },
  };
}
