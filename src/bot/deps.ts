import type { Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { OutboundLimiter } from "../telegram/outbound-limiter.ts";
import type { SourcesBotDeps } from "../sources/bot-deps.ts";
import type { UserRateLimitOptions } from "./rate-limit.ts";

/** Everything the bot needs from the outside; main.ts, the demo, tests and the bench build it. */
export interface BotDeps {
  token: string;
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Bot API server root, e.g. https://api.telegram.org or the emulator's http://127.0.0.1:port. */
  apiRoot: string;
  /** Called after an admin changed a status, so the scheduler announces it to followers at once. */
  onStatusChanged?(commitmentId: number): void;
  /** Skips getMe at start (tests, bench); grammY then knows its @username for group commands. */
  botInfo?: UserFromGetMe;
  /**
   * The process's one outbound limiter, shared with the reminders (main.ts builds it): replies
   * wait here at reply priority. Without it replies are not paced, only retried (tests).
   */
  outbound?: OutboundLimiter;
  /** Waits for retry_after on 429; injected by tests so no real time passes. */
  sleep?: (ms: number) => Promise<void>;
  /** Client timeout per API call in seconds (default 30; long polling adds its own timeout). */
  timeoutSeconds?: number;
  rateLimit?: UserRateLimitOptions;
  /** Runs first for every update (the app's update counter for /metrics). */
  countUpdates?: Middleware;
  /** Largest .txt an admin may /ingest, in bytes (default 1 MB). */
  maxIngestBytes?: number;
  /** Time limit of /ingest's extraction (worker thread), in ms (default 10 s). */
  extractionTimeoutMs?: number;
  /** How long a pending /ingest waits for Confirm, in ms (default 15 minutes). */
  ingestTtlMs?: number;
  /** The live sources' poller (main.ts); without it /poll says sources are not running. */
  sources?: SourcesBotDeps;
}
