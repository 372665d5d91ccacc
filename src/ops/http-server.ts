// One HTTP server on PORT for everything Mindet serves: Telegram's webhook (when WEBHOOK_URL is
// set), GET /healthz and GET /metrics. node:http only; the webhook goes through grammY's
// webhookCallback with an adapter of ours that caps the body before reading it whole.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "../bot/context.ts";
import type { Update } from "grammy/types";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { declaresTooMuch, readCapped } from "../http/read-capped.ts";
import type { Metrics } from "./metrics.ts";

/** Largest webhook body accepted; Telegram's updates are a few KB. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
/**
 * Telegram waits about a minute for an answer and redelivers after a failure. An update still
 * being handled after this long is answered 200 and handled on (slow work after the answer).
 */
export const WEBHOOK_ANSWER_WITHIN_MS = 8_000;
/** /healthz reports unhealthy when the last reminder tick is older than this (ticks run every minute). */
export const STALE_TICK_MS = 5 * 60_000;

export interface OpsServerOptions {
  port: number;
  host?: string;
  db: Db;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** Webhook mode: the path Telegram posts to and the secret it sends in X-Telegram-Bot-Api-Secret-Token. */
  webhook?: { bot: Bot<BotContext>; path: string; secret: string; answerWithinMs?: number };
}

export interface OpsServer {
  /** The port actually bound (PORT=0 picks a free one). */
  port: number;
  /** Stops accepting requests and waits for webhook updates being handled. */
  close(): Promise<void>;
}

/** grammY's adapter contract (its ReqResHandler, not exported by grammy). */
interface WebhookExchange {
  header?: string;
  update: Promise<Update>;
  end(): void;
  respond(json: string): void;
  unauthorized(): void;
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the server; resolves once it listens. */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const { logger } = options;
  const inFlight = new Set<Promise<unknown>>();
  const handleWebhook = options.webhook ? createWebhookHandler(options.webhook, logger) : null;
  const server: Server = createServer((req, res) => {
    const work = route(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, "http request failed");
      if (!res.headersSent) send(res, 500, "text/plain", "internal error\n");
      else res.end();
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (handleWebhook && url.pathname === options.webhook?.path) {
      if (req.method !== "POST") return send(res, 405, "text/plain", "POST only\n");
      return handleWebhook(req, res);
    }
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "text/plain", "GET only\n");
    if (url.pathname === "/healthz") return health(res);
    if (url.pathname === "/metrics") {
      return send(res, 200, options.metrics.registry.contentType, await options.metrics.registry.metrics());
    }
    send(res, 404, "text/plain", "not found\n");
  }

  async function health(res: ServerResponse): Promise<void> {
    let database = "ok";
    try {
      await options.db.$queryRaw`SELECT 1`;
    } catch (error) {
      database = error instanceof Error ? (error.message.split("\n")[0] ?? "unreachable") : "unreachable";
    }
    const last = options.metrics.lastTickAt();
    const ageSeconds = last ? Math.max(0, Math.round((options.clock.now().getTime() - last.getTime()) / 1000)) : null;
    const tickOk = ageSeconds !== null && ageSeconds * 1000 <= STALE_TICK_MS;
    const ok = database === "ok" && tickOk;
    const body = { ok, database, lastReminderTickAgeSeconds: ageSeconds };
    send(res, ok ? 200 : 503, "application/json", `${JSON.stringify(body)}\n`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, webhook: options.webhook?.path ?? null }, "http server listening");
  return {
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

/**
 * The webhook: a wrong or missing secret gets 401 and nothing is read; a body over 1 MB gets 413,
 * one that is not a JSON update 400; an update is handled by the bot (the same middleware as long
 * polling) and answered 200 when done, or after WEBHOOK_ANSWER_WITHIN_MS while it goes on.
 */
function createWebhookHandler(webhook: NonNullable<OpsServerOptions["webhook"]>, logger: Logger) {
  const expected = Buffer.from(webhook.secret);
  const adapter = (req: IncomingMessage, res: ServerResponse): WebhookExchange => ({
    // grammY compares this with secretToken itself; the check below runs first so that a
    // request without the secret never has its body read.
    header: header(req),
    // A getter, as grammY's own adapters have it: the body is read when grammY asks for it, so a
    // refusal is never a rejected promise nobody awaits.
    get update() {
      return readUpdate(req);
    },
    end: () => send(res, 200, "text/plain", ""),
    respond: (json) => send(res, 200, "application/json", json),
    unauthorized: () => send(res, 401, "text/plain", "secret token required\n"),
  });
  const callback = webhookCallback(webhook.bot, adapter, {
    secretToken: webhook.secret,
    onTimeout: "return",
    timeoutMilliseconds: webhook.answerWithinMs ?? WEBHOOK_ANSWER_WITHIN_MS,
  });
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const given = Buffer.from(header(req) ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      req.resume();
      return send(res, 401, "text/plain", "secret token required\n");
    }
    try {
      await callback(req, res);
    } catch (error) {
      if (error instanceof BodyError) {
        logger.warn({ status: error.status, reason: error.message }, "webhook request refused");
        if (!res.headersSent) send(res, error.status, "text/plain", `${error.message}\n`);
        return;
      }
      throw error;
    }
  };
}

function header(req: IncomingMessage): string | undefined {
  const value = req.headers["x-telegram-bot-api-secret-token"];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads the update with the cap checked before (Content-Length) and while reading. */
async function readUpdate(req: IncomingMessage): Promise<Update> {
  if (declaresTooMuch(req.headers["content-length"], MAX_WEBHOOK_BODY_BYTES)) {
    req.resume();
    throw new BodyError(413, "body over 1 MB");
  }
  let body: Buffer | null;
  try {
    body = await readCapped(req, MAX_WEBHOOK_BODY_BYTES);
  } catch (error) {
    throw new BodyError(400, error instanceof Error ? error.message : "body could not be read");
  }
  if (body === null) throw new BodyError(413, "body over 1 MB");
  let update: unknown;
  try {
    update = JSON.parse(body.toString("utf8"));
  } catch {
    throw new BodyError(400, "body is not JSON");
  }
  if (typeof update !== "object" || update === null || typeof (update as { update_id?: unknown }).update_id !== "number") {
    throw new BodyError(400, "body is not a Telegram update");
  }
  return update as Update;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}
