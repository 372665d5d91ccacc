import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger };

/**
 * The process logger: JSON lines on stderr (stdout belongs to the command line's output).
 * The bot token is redacted wherever it could appear: in URLs of failed API calls and in config.
 */
export function createLogger(level: LevelWithSilent = "info", token?: string): Logger {
  const secret = token && token.length > 0 ? token : undefined;
  return pino(
    {
      level,
      base: { app: "mindet" },
      redact: { paths: ["config.botToken", "botToken", "token", "*.token"], censor: "[redacted]" },
      hooks: secret
        ? {
            logMethod(args, method) {
              const masked = args.map((a) => redactToken(a, secret));
              method.apply(this, masked as Parameters<typeof method>);
            },
          }
        : undefined,
    },
    pino.destination({ fd: 2, sync: true }),
  );
}

/** Replaces every occurrence of the token in strings and error messages with "[redacted]". */
function redactToken(value: unknown, token: string): unknown {
  if (typeof value === "string") return value.split(token).join("[redacted]");
  if (value instanceof Error) {
    const copy = new Error(value.message.split(token).join("[redacted]"));
    copy.name = value.name;
    copy.stack = value.stack?.split(token).join("[redacted]");
    return copy;
  }
  if (value && typeof value === "object") {
    const json = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    if (json && json.includes(token)) return JSON.parse(json.split(token).join("[redacted]")) as unknown;
  }
  return value;
}
