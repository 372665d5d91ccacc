import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/reminders/rate-limiter.ts";

/** Fake time: sleeping advances it, so the test measures the schedule without waiting. */
function fakeTime() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => { t += ms; }, get t() { return t; } };
}

const noMargin = { marginShare: 0, marginMs: 0, perChatMarginMs: 0 };

describe("createRateLimiter", () => {
  it("paces sends evenly at the global limit: no burst, no window over the limit", async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ limits: { globalPerSecond: 30, perChatPerSecond: 100, perGroupPerMinute: 1000 }, ...time, ...noMargin });
    const stamps: number[] = [];
    for (let i = 0; i < 90; i++) {
      await limiter.acquire(i, false);
      stamps.push(time.t);
    }
    // One every 1000/30 ms from the first: 30 a second, spread over the second.
    stamps.forEach((s, i) => expect(s).toBeCloseTo((i * 1000) / 30, 6));
    for (let i = 30; i < stamps.length; i++) expect((stamps[i] as number) - (stamps[i - 30] as number)).toBeGreaterThanOrEqual(1000 - 1e-6);
  });

  it("a pause earns no burst: sends after it are still spaced", async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ limits: { globalPerSecond: 10, perChatPerSecond: 100, perGroupPerMinute: 1000 }, ...time, ...noMargin });
    await limiter.acquire(1, false);
    await time.sleep(5_000);
    await limiter.acquire(2, false);
    const resumed = time.t;
    await limiter.acquire(3, false);
    expect(resumed).toBe(5_000);
    expect(time.t).toBe(5_100);
  });

  it("the default margin paces at 1 / 1.06 of the limit", async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ limits: { globalPerSecond: 300, perChatPerSecond: 1, perGroupPerMinute: 20 }, ...time });
    for (let i = 0; i < 301; i++) await limiter.acquire(i, false);
    expect(time.t).toBeCloseTo(1060, 6);
  });

  it("keeps to one message a second per chat without holding back other chats", async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ limits: { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 }, ...time, ...noMargin });
    await limiter.acquire(1, false);
    await limiter.acquire(2, false);
    // Chat 2 waits only for the global spacing (1000/30 ms), not for chat 1's second.
    expect(time.t).toBeCloseTo(1000 / 30, 6);
    await limiter.acquire(1, false);
    expect(time.t).toBe(1000);
  });

  it("keeps to 20 a minute per group", async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ limits: { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 }, ...time, ...noMargin });
    for (let i = 0; i < 21; i++) await limiter.acquire(-100, true);
    // 20 sends one second apart (0..19 s), the 21st waits for the first to leave the minute.
    expect(time.t).toBe(60_000);
  });

  it("adds its safety margin to every window", async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ limits: { globalPerSecond: 1, perChatPerSecond: 1, perGroupPerMinute: 20 }, ...time, marginShare: 0.05, marginMs: 10 });
    await limiter.acquire(1, false);
    await limiter.acquire(2, false);
    expect(time.t).toBe(1060);
  });

  it("lets concurrent acquirers through one at a time", async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ limits: { globalPerSecond: 2, perChatPerSecond: 10, perGroupPerMinute: 20 }, ...time, ...noMargin });
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map(async (id) => { await limiter.acquire(id, false); order.push(id); }));
    expect(order).toHaveLength(4);
    expect(time.t).toBeGreaterThanOrEqual(1000);
  });

  it("a scheduler's own limiter has no pauseAll: with nobody else to hold, the sender waits out a 429 itself", () => {
    const limiter = createRateLimiter({ limits: { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 }, ...fakeTime() });
    expect(limiter.pauseAll).toBeUndefined();
  });
});
