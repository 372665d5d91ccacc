// Operations metrics in the Prometheus text format (GET /metrics), with prom-client. One registry
// per app, not prom-client's global one, so two apps in one process (tests) never share counters.
import type { Middleware, Transformer } from "grammy";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Db } from "../db/client.ts";

/** What a reminder tick reports (src/reminders/schedule.ts TickReport), as far as metrics need it. */
export interface TickFigures {
  /** A backlog pass between ticks counts what it sent, and is not a tick. */
  kind?: "tick" | "pass";
  at: Date;
  durationMs: number;
  sent: number;
  failed: number;
}

export interface Metrics {
  registry: Registry;
  /** Counts every update the bot handles (install first, before any feature). */
  countUpdates: Middleware;
  /** Counts replies and Telegram's 429s on an Api (install on bot.api and the scheduler's Api). */
  countCalls(source: "bot" | "reminders"): Transformer;
  recordTick(report: TickFigures): void;
  /** When the last reminder tick finished, or null before the first. */
  lastTickAt(): Date | null;
}

/** Methods that put a message in a chat: what "replies" and "reminders sent" count. */
const MESSAGE_METHODS = new Set(["sendMessage", "sendDocument", "sendPhoto", "editMessageText", "editMessageReplyMarkup", "copyMessage"]);

export function createMetrics(db: Db, options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "mindet_" });
  const updates = new Counter({ name: "mindet_updates_handled_total", help: "Telegram updates handled by the bot", registers: [registry] });
  const replies = new Counter({ name: "mindet_replies_total", help: "Messages the bot sent or edited in answer to updates", registers: [registry] });
  const tooMany = new Counter({
    name: "mindet_telegram_429_total",
    help: "Telegram answers 429 (flood control), by sender",
    labelNames: ["source"] as const,
    registers: [registry],
  });
  const apiErrors = new Counter({
    name: "mindet_telegram_errors_total",
    help: "Telegram calls that failed (refused or network), by sender",
    labelNames: ["source"] as const,
    registers: [registry],
  });
  const remindersSent = new Counter({ name: "mindet_reminders_sent_total", help: "Outbox rows delivered", registers: [registry] });
  const remindersFailed = new Counter({ name: "mindet_reminders_failed_total", help: "Outbox rows that failed this tick", registers: [registry] });
  const tickDuration = new Histogram({
    name: "mindet_reminder_tick_duration_seconds",
    help: "Duration of reminder ticks (plan and deliver)",
    buckets: [0.01, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 15, 60],
    registers: [registry],
  });
  let lastTick: Date | null = null;
  new Gauge({
    name: "mindet_last_reminder_tick_timestamp_seconds",
    help: "When the last reminder tick finished (Unix time; 0 before the first)",
    registers: [registry],
    collect() {
      this.set(lastTick ? lastTick.getTime() / 1000 : 0);
    },
  });
  new Gauge({
    name: "mindet_outbox_depth",
    help: "Outbox rows waiting to be sent (pending or being sent)",
    registers: [registry],
    async collect() {
      this.set(await db.delivery.count({ where: { state: { in: ["pending", "sending"] } } }));
    },
  });
  return {
    registry,
    countUpdates: async (_ctx, next) => {
      updates.inc();
      await next();
    },
    countCalls(source) {
      return async (prev, method, payload, signal) => {
        let result;
        try {
          result = await prev(method, payload, signal);
        } catch (error) {
          if (method !== "getUpdates") apiErrors.inc({ source });
          throw error;
        }
        if (result.ok) {
          if (source === "bot" && MESSAGE_METHODS.has(method)) replies.inc();
        } else {
          if (result.error_code === 429) tooMany.inc({ source });
          apiErrors.inc({ source });
        }
        return result;
      };
    },
    recordTick(report) {
      if (report.kind !== "pass") {
        lastTick = new Date(report.at.getTime() + report.durationMs);
        tickDuration.observe(report.durationMs / 1000);
      }
      remindersSent.inc(report.sent);
      remindersFailed.inc(report.failed);
    },
    lastTickAt: () => lastTick,
  };
}
