// PURE: when a source is polled next. A good poll waits the source's interval, or longer when
// the feed asks (RSS <ttl>, Cache-Control max-age); a failed one backs off exponentially, at
// least as long as Retry-After, never more than a day — and never stops.

export const DEFAULT_EVERY_MINUTES = 30;
export const MIN_EVERY_MINUTES = 5;
export const MAX_DELAY_MS = 24 * 3_600_000;
const MINUTE_MS = 60_000;

export interface NextPollInput {
  now: Date;
  everyMinutes: number;
  /** Consecutive failures including this poll's; 0 after a good poll. */
  failures: number;
  ttlMinutes?: number | null;
  cacheControl?: string | null;
  retryAfterMs?: number | null;
}

/** Cache-Control max-age in ms, or null (no-cache and no-store ask for nothing longer). */
export function maxAgeMs(cacheControl: string | null | undefined): number | null {
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl ?? "");
  return match?.[1] ? Number(match[1]) * 1000 : null;
}

export function nextPollAt(input: NextPollInput): Date {
  const base = Math.max(input.everyMinutes, MIN_EVERY_MINUTES) * MINUTE_MS;
  let delay: number;
  if (input.failures > 0) {
    // 2x, 4x, 8x ... the interval: a site that is down is asked less and less, up to once a day.
    delay = Math.max(base * 2 ** Math.min(input.failures, 20), input.retryAfterMs ?? 0);
  } else {
    delay = Math.max(base, (input.ttlMinutes ?? 0) * MINUTE_MS, maxAgeMs(input.cacheControl) ?? 0, input.retryAfterMs ?? 0);
  }
  return new Date(input.now.getTime() + Math.min(delay, MAX_DELAY_MS));
}
