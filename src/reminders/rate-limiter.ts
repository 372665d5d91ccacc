// Telegram's flood limits, kept by design: every send first waits here for a slot in each
// window that applies (all chats per second, the chat per second, the group per minute).

import type { RateLimits } from "../config.ts";

export interface RateLimiterOptions {
  limits: RateLimits;
  /** Monotonic milliseconds (tests pass a fake). */
  now?: () => number;
  /** Waits `ms` (tests pass a fake that advances their fake time). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Extra room added to every window, as a share of it (default 0.03) plus `marginMs` (default
   * 25): requests reach Telegram a little later than they leave, and not always in order, so a
   * window kept exactly would sometimes look one message too full at the other end.
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

export interface RateLimiter {
  /** Resolves when a message to `chatId` may be sent, and counts it as sent. */
  acquire(chatId: bigint | number, isGroup: boolean): Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A sliding-window limiter over global, per-chat and per-group windows (the same shape as
 * Telegram's and the test emulator's), so a deliverer that waits here gets no 429s.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? (() => performance.timeOrigin + performance.now());
  const sleep = options.sleep ?? defaultSleep;
  const share = options.marginShare ?? 0.03;
  const extra = options.marginMs ?? 25;
  const span = (ms: number): number => ms * (1 + share) + extra;
  const { globalPerSecond, perChatPerSecond, perGroupPerMinute } = options.limits;
  // A limit below one (0.5 a second) becomes one per a longer window (2 s).
  const makeWindow = (limit: number, windowMs: number): Window =>
    limit >= 1 ? new Window(Math.floor(limit), span(windowMs)) : new Window(1, span(windowMs / limit));
  const global = makeWindow(globalPerSecond, 1000);
  const perChat = new Map<string, Window>();
  const perGroup = new Map<string, Window>();
  let acquisitions = 0;

  const windowFor = (map: Map<string, Window>, key: string, limit: number, windowMs: number): Window => {
    let w = map.get(key);
    if (!w) {
      w = makeWindow(limit, windowMs);
      map.set(key, w);
    }
    return w;
  };
  // Forget windows of chats not written to lately, so memory follows the active chats only.
  const prune = (t: number): void => {
    for (const map of [perChat, perGroup]) for (const [key, w] of map) if (w.idle(t)) map.delete(key);
  };

  return {
    async acquire(chatId, isGroup) {
      const key = String(chatId);
      for (;;) {
        const t = now();
        const windows = [global, windowFor(perChat, key, perChatPerSecond, 1000)];
        if (isGroup) windows.push(windowFor(perGroup, key, perGroupPerMinute, 60_000));
        const wait = Math.max(...windows.map((w) => w.waitMs(t)));
        if (wait <= 0) {
          // Checking and recording happen in one synchronous step: no other acquire interleaves.
          for (const w of windows) w.record(t);
          if (++acquisitions % 10_000 === 0) prune(t);
          return;
        }
        await sleep(wait);
      }
    },
  };
}
