import { databaseUrlProblem, resolveDatabaseUrl } from "./db/url.ts";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface RateLimits {
  /** Messages a second across all chats (Telegram: about 30). */
  globalPerSecond: number;
  /** Messages a second to one chat (Telegram: 1). */
  perChatPerSecond: number;
  /** Messages a minute to one group (Telegram: 20). */
  perGroupPerMinute: number;
}

export interface Config {
  botToken: string | null;
  databaseUrl: string;
  telegramApiRoot: string;
  adminIds: ReadonlySet<string>;
  defaultTimeZone: string;
  logLevel: LogLevel;
  /** Start the clock here (demos, tests), or null for real time. */
  now: Date | null;
  rateLimits: RateLimits;
  /** Webhook mode (WEBHOOK_URL and WEBHOOK_SECRET), or null for long polling. */
  webhook: { url: string; secret: string; path: string } | null;
  /** PORT for the webhook, /healthz and /metrics; null: no HTTP server (polling without PORT). */
  port: number | null;
}

/** A configuration problem, always naming the variable. Its message is safe to print. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

// Telegram tokens look like "123456789:AA...": a numeric bot id, a colon, 30+ url-safe characters.
const TOKEN_PATTERN = /^\d{1,20}:[A-Za-z0-9_-]{20,}$/;

export interface LoadConfigOptions {
  /** `start` needs a token; `extract`, `ingest`, `list`, `remind --dry-run` do not. */
  requireToken: boolean;
}

/** Parses the environment once, at boot. Throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, options: LoadConfigOptions): Config {
  const botToken = optional(env, "BOT_TOKEN");
  if (options.requireToken && !botToken) {
    throw new ConfigError("BOT_TOKEN", "missing; get a token from @BotFather (see README) or try `mindet demo`");
  }
  if (botToken && !TOKEN_PATTERN.test(botToken)) {
    throw new ConfigError("BOT_TOKEN", 'malformed; expected "<digits>:<secret>" as given by @BotFather');
  }
  const databaseUrl = resolveDatabaseUrl(env);
  const databaseProblem = databaseUrlProblem(databaseUrl);
  if (databaseProblem) throw new ConfigError("DATABASE_URL", databaseProblem);
  const telegramApiRoot = (optional(env, "TELEGRAM_API_ROOT") ?? "https://api.telegram.org").replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s/]+/.test(telegramApiRoot)) {
    throw new ConfigError("TELEGRAM_API_ROOT", 'must be an http(s) URL such as "https://api.telegram.org"');
  }
  const adminIds = new Set<string>();
  for (const part of (optional(env, "ADMIN_IDS") ?? "").split(",")) {
    const id = part.trim();
    if (id === "") continue;
    if (!/^-?\d{1,20}$/.test(id)) throw new ConfigError("ADMIN_IDS", `"${id}" is not a Telegram user id (digits only)`);
    adminIds.add(String(BigInt(id)));
  }
  const defaultTimeZone = optional(env, "DEFAULT_TIMEZONE") ?? "Asia/Almaty";
  if (!isValidTimeZone(defaultTimeZone)) {
    throw new ConfigError("DEFAULT_TIMEZONE", `"${defaultTimeZone}" is not an IANA time zone such as "Asia/Almaty"`);
  }
  const level = (optional(env, "LOG_LEVEL") ?? "info").toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError("LOG_LEVEL", `"${level}" is not one of ${LOG_LEVELS.join(", ")}`);
  }
  let now: Date | null = null;
  const nowText = optional(env, "MINDET_NOW");
  if (nowText) {
    now = new Date(nowText);
    if (!/^\d{4}-\d{2}-\d{2}/.test(nowText) || Number.isNaN(now.getTime())) {
      throw new ConfigError("MINDET_NOW", `"${nowText}" is not an ISO instant such as "2026-03-01T09:00:00+05:00"`);
    }
  }
  const webhook = parseWebhook(env);
  const portText = optional(env, "PORT");
  let port: number | null = webhook ? 8080 : null;
  if (portText !== undefined) {
    port = Number(portText);
    if (!/^\d{1,5}$/.test(portText) || port > 65_535) throw new ConfigError("PORT", `"${portText}" is not a TCP port (0-65535)`);
  }
  return {
    botToken: botToken ?? null,
    databaseUrl,
    telegramApiRoot,
    adminIds,
    defaultTimeZone,
    logLevel: level as LogLevel,
    now,
    rateLimits: {
      globalPerSecond: positiveNumber(env, "SEND_RATE_GLOBAL_PER_SECOND", 30),
      perChatPerSecond: positiveNumber(env, "SEND_RATE_PER_CHAT_PER_SECOND", 1),
      perGroupPerMinute: positiveNumber(env, "SEND_RATE_PER_GROUP_PER_MINUTE", 20),
    },
    webhook,
    port,
  };
}

/** WEBHOOK_URL and WEBHOOK_SECRET come together; Telegram only posts to https URLs. */
function parseWebhook(env: NodeJS.ProcessEnv): Config["webhook"] {
  const url = optional(env, "WEBHOOK_URL");
  const secret = optional(env, "WEBHOOK_SECRET");
  if (!url && !secret) return null;
  if (!url) throw new ConfigError("WEBHOOK_URL", "missing; WEBHOOK_SECRET is set, so the public https URL Telegram posts to is needed too");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError("WEBHOOK_URL", `"${url.slice(0, 80)}" is not a URL such as "https://bot.example.org/telegram"`);
  }
  if (parsed.protocol !== "https:") throw new ConfigError("WEBHOOK_URL", "must be an https URL (Telegram posts to https only)");
  // Telegram's secret_token: 1-256 characters, letters, digits, "_" and "-".
  if (!secret) throw new ConfigError("WEBHOOK_SECRET", "missing; set a random string of 32+ letters, digits, _ or - (Telegram sends it with every update)");
  if (!/^[A-Za-z0-9_-]{16,256}$/.test(secret)) {
    throw new ConfigError("WEBHOOK_SECRET", "must be 16 to 256 characters of letters, digits, _ or -");
  }
  return { url: parsed.toString(), secret, path: parsed.pathname };
}

/** True for zones the runtime's ICU knows ("Asia/Almaty", "Europe/Berlin", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = optional(env, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(name, `"${text}" is not a positive number`);
  return value;
}
