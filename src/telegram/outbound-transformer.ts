// The API transformer on bot.api: every reply waits for the shared outbound limiter at reply
// priority, and Telegram's refusals and the network's failures are turned into bounded retries.
//
// Why not @grammyjs/auto-retry (v2.0.2): (1) it retries a thrown HttpError (network failure,
// timeout) without bound: that path never counts against maxRetryAttempts and backs off up to
// an hour, so a dead connection holds an update's handler, and the chat's queue behind it, for
// hours; (2) its waits are its own setTimeout, which tests cannot inject, so every test of a
// 429 would wait real seconds; (3) it waits out a 429 inside the one call that got it, while
// here the 429 must hold every sender (pauseAll) and the retry must queue for a slot again like
// any other message. What it does beyond that (retry 5xx, honour retry_after up to a bound) is a
// few lines below; "message is not modified" it does not handle at all.
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../logger.ts";
import type { OutboundLimiter } from "./outbound-limiter.ts";
import { pacedTarget } from "./paced-methods.ts";

export interface OutboundTransformerOptions {
  /** The process's shared limiter; without one replies are not paced (tests), only retried. */
  limiter?: OutboundLimiter;
  logger: Logger;
  /** Backoff waits, and a 429's wait when there is no limiter to queue in (tests inject a fake). */
  sleep?: (ms: number) => Promise<void>;
  /** Longest retry_after honoured, in seconds; longer ones fail at once (default 30). */
  maxRetryAfterSeconds?: number;
  /** Retries per call after a 429 or 5xx answer (default 2). */
  maxRetries?: number;
  /** Retries per call after a network failure or timeout (default 3). */
  maxNetworkRetries?: number;
  /** First backoff after a network failure, doubled each time (default 250 ms: 250, 500, 1000). */
  networkBackoffMs?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Telegram's refusal of an answerCallbackQuery whose press is too old or already answered. */
const CALLBACK_GONE = /query is too old|query id is invalid/i;
/** First backoff after a 5xx, doubled each time. */
const SERVER_ERROR_BACKOFF_MS = 500;

/**
 * The transformer for bot.api (see the file comment). A 429 pauses every sender for its
 * retry_after (bounded) and the call queues again; a 5xx retries after a backoff; a network
 * failure or timeout retries after a backoff, except getUpdates (the runner retries that) and
 * calls their caller aborted; an edit that changes nothing ("message is not modified") counts as
 * success, since pressing ◀ twice is not an error, and so does an answer to a button press that
 * Telegram no longer takes (too old, or already answered by the call a retry repeats).
 *
 * A retry after a network failure can duplicate a message: a timeout (or a connection reset
 * after the request was written) leaves Telegram's side unknown, and sendMessage is not
 * idempotent. For replies that is the right trade: the user is waiting for this answer, and
 * without a retry the update is acknowledged and its reply lost for good, whereas a rare
 * duplicate of an answer is harmless (the user would have sent the command again anyway). The
 * commonest case, a kept-alive socket the server had closed ("socket hang up", ECONNRESET on
 * reuse), fails before the request reached Telegram at all. Where a duplicate is not harmless
 * (a payment, a message to thousands), the call must not go through this retry: nothing of
 * Mindet's does.
 */
export function createOutboundTransformer(options: OutboundTransformerOptions): Transformer {
  const maxWaitSeconds = options.maxRetryAfterSeconds ?? 30;
  const maxRetries = options.maxRetries ?? 2;
  const maxNetworkRetries = options.maxNetworkRetries ?? 3;
  const networkBackoffMs = options.networkBackoffMs ?? 250;
  const sleep = options.sleep ?? defaultSleep;
  const { limiter, logger } = options;
  return async (prev, method, payload, signal) => {
    const target = limiter ? pacedTarget(method, payload) : null;
    let refusals = 0;
    let networkFailures = 0;
    for (;;) {
      if (limiter && target) await limiter.acquire(target.chatId, target.isGroup, "reply");
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        // The runner retries getUpdates quietly (silent: true keeps it off the console): log here.
        if (method === "getUpdates") {
          if (!signal?.aborted) logger.warn({ err: { message: (error as Error).message } }, "getUpdates failed; the runner retries");
          throw error;
        }
        if (!(error instanceof HttpError) || signal?.aborted || networkFailures >= maxNetworkRetries) throw error;
        const waitMs = networkBackoffMs * 2 ** networkFailures++;
        logger.warn({ method, err: { message: error.message }, attempt: networkFailures, waitMs }, "telegram unreachable; retrying");
        await sleep(waitMs);
        continue;
      }
      if (result.ok) return result;
      if (method === "getUpdates") {
        logger.warn({ code: result.error_code, description: result.description }, "getUpdates refused");
        return result;
      }
      if (result.error_code === 400 && method.startsWith("edit") && /message is not modified/i.test(result.description)) {
        return { ok: true, result: true as never };
      }
      if (result.error_code === 400 && method === "answerCallbackQuery" && CALLBACK_GONE.test(result.description)) {
        // Answering a button press only stops its spinner or shows a toast. Telegram refuses the
        // answer once the press is over 15 s old, or when a retry after a timeout repeats an
        // answer it took: either way nothing is left to answer, and the handler's real work (the
        // card, the page) must still be done instead of ending in the error boundary.
        logger.info({ method, description: result.description, retried: networkFailures > 0 }, "button press no longer answerable; the handler goes on");
        return { ok: true, result: true as never };
      }
      if (result.error_code === 429) {
        const retryAfterSeconds = result.parameters?.retry_after ?? 1;
        if (retryAfterSeconds > maxWaitSeconds || refusals >= maxRetries) return result;
        const waitMs = retryAfterSeconds * 1000;
        // Every sender stops, whatever method drew the 429: the flood control is the bot's.
        limiter?.pauseAll(waitMs);
        refusals++;
        logger.warn({ method, waitMs, attempt: refusals }, "telegram 429: every sender waits retry_after");
        // A paced call waits in the limiter's queue (which ends with the pause); others sleep.
        if (!(limiter && target)) await sleep(waitMs);
        continue;
      }
      if (result.error_code >= 500 && refusals < maxRetries) {
        const waitMs = SERVER_ERROR_BACKOFF_MS * 2 ** refusals++;
        logger.warn({ method, code: result.error_code, waitMs, attempt: refusals }, "telegram server error; retrying");
        await sleep(waitMs);
        continue;
      }
      return result;
    }
  };
}
