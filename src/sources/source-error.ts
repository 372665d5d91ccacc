/**
 * A failure of one source or one item, with a one-line reason that is safe to show to admins and
 * to store on the source ("HTTP 503 from gov.kz", "malformed XML: ..."). `retryAfterMs` carries
 * the server's Retry-After, when it gave one.
 */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(oneLine(message));
    this.name = "SourceError";
  }
}

/** Longest reason kept on a source: a line, not a stack. */
export const MAX_REASON_CHARS = 300;

export function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_REASON_CHARS ? `${line.slice(0, MAX_REASON_CHARS - 1)}…` : line;
}

/** The reason to record for any error: a SourceError's own, otherwise its message on one line. */
export function describeError(error: unknown): string {
  if (error instanceof SourceError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return oneLine(message || "unknown error");
}
