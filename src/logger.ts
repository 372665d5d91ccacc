import { Writable } from "node:stream";
import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger };

/**
 * The process logger: JSON lines on stderr (stdout belongs to the command line's output).
 * The bot token never reaches the output: every serialized line passes through a filter that
 * replaces it, so it is masked in error messages, stacks and URLs of failed API calls alike
 * (grammY puts the token in the request URL), whatever shape the logged object has.
 */
export function createLogger(
  level: LevelWithSilent = "info",
  token?: string,
  destination: pino.DestinationStream = pino.destination({ fd: 2, sync: true }),
): Logger {
  const stream = token && token.length > 0 ? redactingStream(destination, token) : destination;
  return pino({ level, base: { app: "mindet" }, redact: { paths: ["botToken", "*.botToken"], censor: "[redacted]" } }, stream);
}

function redactingStream(target: pino.DestinationStream, token: string): pino.DestinationStream {
  // The secret part after the colon is what matters; masking it alone also catches URL-encoded forms.
  const secret = token.includes(":") ? token.slice(token.indexOf(":") + 1) : token;
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const line = typeof chunk === "string" ? chunk : chunk.toString("utf8");
      target.write(line.split(secret).join("[redacted]"));
      done();
    },
  });
}
