import type { Transformer } from "grammy";
import type { Logger } from "../logger.ts";

export interface RetryOptions {
  /** Longest retry_after honoured, in seconds; longer ones fail at once (default 30). */
  maxRetryAfterSeconds?: number;
  /** Retries per call after a 429 or 5xx (default 2). */
  maxRetries?: number;
  /** Injected so tests need not wait real seconds. */
  sleep?: (ms: number) => Promise<void>;
  logger: Logger;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * An API transformer (grammY's auto-retry plugin is not installed): a 429 waits Telegram's
 * retry_after (bounded) and retries; a 5xx retries after a short backoff; an edit that changes
 * nothing ("message is not modified") counts as success, since pressing ◀ twice is not an error.
 * Everything else, including network errors and timeouts, goes back to the caller.
 */
export function createRetryTransformer(options: RetryOptions): Transformer {
  const maxWait = options.maxRetryAfterSeconds ?? 30;
  const maxRetries = options.maxRetries ?? 2;
  const sleep = options.sleep ?? defaultSleep;
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        // The runner retries getUpdates quietly (silent: true keeps it off the console): log here.
        if (method === "getUpdates" && !signal?.aborted) options.logger.warn({ err: { message: (error as Error).message } }, "getUpdates failed; the runner retries");
        throw error;
      }
      if (result.ok) return result;
      if (method === "getUpdates") options.logger.warn({ code: result.error_code, description: result.description }, "getUpdates refused");
      if (result.error_code === 400 && method.startsWith("edit") && /message is not modified/i.test(result.description)) {
        return { ok: true, result: true as never };
      }
      if (attempt >= maxRetries) return result;
      let waitMs: number | null = null;
      if (result.error_code === 429) {
        const retryAfter = result.parameters?.retry_after ?? 1;
        if (retryAfter <= maxWait) waitMs = retryAfter * 1000;
      } else if (result.error_code >= 500) {
        waitMs = 500 * 2 ** attempt;
      }
      if (waitMs === null) return result;
      options.logger.warn({ method, code: result.error_code, waitMs, attempt: attempt + 1 }, "telegram asked to retry");
      await sleep(waitMs);
    }
  };
}
