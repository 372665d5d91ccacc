import type { RateLimitOptions } from "./types.ts";

/**
 * The last `limit` accepted timestamps of one key. A send is allowed when the oldest of them
 * left the window; keeping only `limit` slots makes every check O(1) with bounded memory,
 * which matters with 100,000 chats.
 */
class SlidingWindow {
  private readonly stamps: number[] = [];
  private next = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Ms until a send is allowed; 0 when it is allowed now. */
  waitMs(now: number): number {
    if (this.stamps.length < this.limit) return 0;
    const oldest = this.stamps[this.next] as number;
    return Math.max(0, oldest + this.windowMs - now);
  }

  record(now: number): void {
    if (this.stamps.length < this.limit) {
      this.stamps.push(now);
      return;
    }
    this.stamps[this.next] = now;
    this.next = (this.next + 1) % this.limit;
  }
}

/** The decision for one send. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Telegram-like flood control over per-bot, per-chat and per-group windows. Time comes from
 * the caller, so tests advance a fake clock instead of sleeping.
 */
export class RateLimiter {
  private readonly windows = new Map<string, SlidingWindow>();

  constructor(private options: RateLimitOptions = {}) {}

  configure(options: RateLimitOptions): void {
    this.options = options;
    this.windows.clear();
  }

  get enabled(): boolean {
    const { globalPerSecond, perChatPerSecond, perGroupPerMinute } = this.options;
    return globalPerSecond !== undefined || perChatPerSecond !== undefined || perGroupPerMinute !== undefined;
  }

  /** Checks every applicable window and records the send only when all allow it. */
  check(botKey: string, chatId: number, isGroup: boolean, now: number): RateDecision {
    const applicable: SlidingWindow[] = [];
    const { globalPerSecond, perChatPerSecond, perGroupPerMinute } = this.options;
    if (globalPerSecond !== undefined) applicable.push(this.window(`g:${botKey}`, globalPerSecond, 1000));
    if (perChatPerSecond !== undefined) applicable.push(this.window(`c:${botKey}:${chatId}`, perChatPerSecond, 1000));
    if (isGroup && perGroupPerMinute !== undefined) {
      applicable.push(this.window(`m:${botKey}:${chatId}`, perGroupPerMinute, 60_000));
    }
    const waitMs = Math.max(0, ...applicable.map((w) => w.waitMs(now)));
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    for (const w of applicable) w.record(now);
    return { allowed: true };
  }

  private window(key: string, limit: number, windowMs: number): SlidingWindow {
    let w = this.windows.get(key);
    if (!w) {
      w = new SlidingWindow(Math.max(1, limit), windowMs);
      this.windows.set(key, w);
    }
    return w;
  }
}
