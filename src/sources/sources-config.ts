// The live sources' settings, read from the environment once (like src/config.ts, whose
// ConfigError it throws so a bad value stops start-up with one line naming the variable).
import { ConfigError } from "../config.ts";

export interface SourcesConfig {
  /** Reach private, loopback and link-local addresses (tests, an intranet mirror). */
  allowPrivate: boolean;
  /** Named in the User-Agent so a site's operator can reach whoever runs this bot. */
  contactUrl: string;
  userAgent: string;
  /** Gap between two requests to the same host, ms. */
  hostGapMs: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Sources polled at the same time (different hosts; one host is always one at a time). */
  concurrency: number;
  /** After this many failed polls in a row, admins are told (once per run of failures). */
  notifyAfterFailures: number;
}

export const DEFAULT_CONTACT_URL = "https://github.com/mindet/mindet";
export const DEFAULT_HOST_GAP_MS = 2_000;
export const MAX_RESPONSE_BYTES = 5 * 1_048_576;
export const REQUEST_TIMEOUT_MS = 20_000;
export const MAX_REDIRECTS = 5;

export function loadSourcesConfig(env: NodeJS.ProcessEnv, version = "0.1"): SourcesConfig {
  const allowText = env.SOURCES_ALLOW_PRIVATE?.trim().toLowerCase() ?? "";
  if (!["", "true", "false", "1", "0"].includes(allowText)) throw new ConfigError("SOURCES_ALLOW_PRIVATE", `"${allowText}" is not true or false`);
  const contactUrl = env.SOURCES_CONTACT_URL?.trim() || DEFAULT_CONTACT_URL;
  if (!/^(?:https?:\/\/|mailto:)\S+$/.test(contactUrl)) throw new ConfigError("SOURCES_CONTACT_URL", "must be an http(s) or mailto: URL");
  return {
    allowPrivate: allowText === "true" || allowText === "1",
    contactUrl,
    userAgent: `Mindet/${version} (+${contactUrl})`,
    hostGapMs: nonNegative(env, "SOURCES_HOST_GAP_MS", DEFAULT_HOST_GAP_MS),
    timeoutMs: nonNegative(env, "SOURCES_TIMEOUT_MS", REQUEST_TIMEOUT_MS) || REQUEST_TIMEOUT_MS,
    maxBytes: MAX_RESPONSE_BYTES,
    maxRedirects: MAX_REDIRECTS,
    concurrency: 4,
    notifyAfterFailures: 3,
  };
}

function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(name, `"${text}" is not a whole number of milliseconds`);
  return value;
}
