// The reminders' limiter is the process's one outbound limiter (src/telegram/outbound-limiter.ts):
// main.ts builds one and hands it to both the bot and the scheduler, so replies and reminders
// share Telegram's limits. These names stay for deliver.ts and schedule.ts.
import { createOutboundLimiter, type OutboundLimiterOptions, type RateLimiter } from "../telegram/outbound-limiter.ts";

export type { RateLimiter } from "../telegram/outbound-limiter.ts";
export type RateLimiterOptions = OutboundLimiterOptions;

/**
 * A limiter of the scheduler's own, for a scheduler built without the shared one (tests,
 * benches). It paces but offers no pauseAll: it has no other sender to hold, so a 429 is waited
 * out by the sender itself with the scheduler's (injectable) sleep.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const limiter = createOutboundLimiter(options);
  return { acquire: (chatId, isGroup) => limiter.acquire(chatId, isGroup, "background") };
}
