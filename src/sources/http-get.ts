// One polite, bounded GET with redirects followed by hand: each hop's URL is checked (scheme,
// private address) before it is requested, the address actually connected to is checked in the
// DNS lookup, and the body is capped before (Content-Length) and while it is read.
import { declaresTooMuch, readCapped } from "../http/read-capped.ts";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isPrivateAddress, parseSourceUrl } from "./address-guard.ts";
import { SourceError } from "./source-error.ts";

export interface HttpGetOptions {
  userAgent: string;
  /** Whole request, connect to last byte, per hop. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
  /** Conditional GET validators and Accept. */
  headers?: Record<string, string>;
}

export interface HttpResponse {
  /** The final URL after redirects. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs `rawUrl`. Resolves with 200-299 and 304 responses; throws SourceError for everything else:
 * a refused URL, a redirect loop or more than `maxRedirects` hops, a body over `maxBytes`, a
 * timeout, a network error, 429 and 5xx (with Retry-After), other 4xx.
 */
export async function httpGet(rawUrl: string, options: HttpGetOptions): Promise<HttpResponse> {
  let url = parseSourceUrl(rawUrl, options.allowPrivate);
  const seen = new Set<string>([url.href]);
  for (let hop = 0; ; hop++) {
    const response = await requestOnce(url, options);
    if (!REDIRECTS.has(response.status)) return checkStatus(url, response);
    const location = response.headers.location;
    if (!location) throw new SourceError(`HTTP ${response.status} from ${url.host} without a Location`);
    if (hop + 1 > options.maxRedirects) throw new SourceError(`more than ${options.maxRedirects} redirects from ${rawUrl}`);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new SourceError(`redirect to an invalid URL: "${location.slice(0, 80)}"`);
    }
    url = parseSourceUrl(next.href, options.allowPrivate);
    if (seen.has(url.href)) throw new SourceError(`redirect loop at ${url.href}`);
    seen.add(url.href);
  }
}

function checkStatus(url: URL, response: HttpResponse): HttpResponse {
  const { status } = response;
  if ((status >= 200 && status < 300) || status === 304) return response;
  const retryAfterMs = parseRetryAfter(response.headers["retry-after"]);
  if (status === 429) return fail(`HTTP 429 (too many requests) from ${url.host}`, retryAfterMs);
  if (status >= 500) return fail(`HTTP ${status} from ${url.host}`, retryAfterMs);
  return fail(`HTTP ${status} for ${url.href}`, null);
}

function fail(message: string, retryAfterMs: number | null): never {
  throw new SourceError(message, retryAfterMs);
}

/** Retry-After in seconds or as an HTTP date (relative to the response's own Date when present). */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** DNS lookup that refuses private answers: the check that DNS rebinding cannot get around. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const usable = allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      if (usable.length === 0) {
        return callback(new SourceError(`${hostname} resolves to a private, loopback or link-local address`), "", 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      const first = usable[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

function requestOnce(url: URL, options: HttpGetOptions): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    let settled = false;
    const finish = (error: Error | null, value?: HttpResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error instanceof SourceError ? error : new SourceError(networkReason(url, error)));
      else resolve(value as HttpResponse);
    };
    const request = client.get(
      url,
      {
        headers: { "user-agent": options.userAgent, "accept-encoding": "identity", ...options.headers },
        lookup: guardedLookup(options.allowPrivate),
      },
      (response) => readBody(url, response, options.maxBytes).then((body) => finish(null, { url: url.href, status: response.statusCode ?? 0, headers: response.headers, body }), (error: Error) => finish(error)),
    );
    const timer = setTimeout(() => {
      finish(new SourceError(`timed out after ${Math.round(options.timeoutMs / 1000)} s fetching ${url.host}`));
      request.destroy();
    }, options.timeoutMs);
    request.on("error", (error) => finish(error));
  });
}

async function readBody(url: URL, response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooBig = (): SourceError => new SourceError(`response from ${url.host} is larger than ${Math.round(maxBytes / 1_048_576)} MB`);
  // Checked before reading: a declared 50 MB body is refused without downloading it.
  if (declaresTooMuch(response.headers["content-length"], maxBytes)) {
    response.destroy();
    throw tooBig();
  }
  let body: Buffer | null;
  try {
    // And checked while reading: a server may lie about, or omit, its Content-Length.
    body = await readCapped(response, maxBytes);
  } catch {
    throw new SourceError(`connection to ${url.host} closed mid-response`);
  }
  if (body === null) throw tooBig();
  return body;
}

function networkReason(url: URL, error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `cannot resolve ${url.hostname}`;
  if (code === "ECONNREFUSED") return `connection refused by ${url.host}`;
  if (code === "ECONNRESET") return `connection reset by ${url.host}`;
  return `${url.host}: ${error.message}${code ? ` (${code})` : ""}`;
}
