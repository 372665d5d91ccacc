// Every request Mindet makes to a source goes through here: robots.txt, one request per host at
// a time with a gap, the User-Agent, the caps of http-get.ts, and the charset.
import robotsParserModule from "robots-parser";
import type { Clock } from "../clock.ts";
import { decodeBody } from "./decode-text.ts";
import { createHostGate } from "./host-gate.ts";
import { httpGet, type HttpResponse } from "./http-get.ts";
import { SourceError } from "./source-error.ts";
import type { SourcesConfig } from "./sources-config.ts";

/** robots.txt is read again after this long. */
const ROBOTS_TTL_MS = 6 * 3_600_000;
/** The product token robots.txt rules name. */
export const ROBOTS_AGENT = "Mindet";

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchedText {
  url: string;
  status: number;
  notModified: boolean;
  text: string;
  contentType: string;
  etag: string | null;
  lastModified: string | null;
  cacheControl: string | null;
}

export interface SourceFetcher {
  /** GETs a page or feed, honouring robots.txt; 304 comes back as notModified with no text. */
  get(url: string, validators?: Validators, accept?: string): Promise<FetchedText>;
}

export interface FetcherDeps {
  config: SourcesConfig;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
}

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser is CommonJS with `module.exports = function`; its typings declare an ES default,
// which NodeNext resolution sees as the module object. At run time the default import is the function.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robots;

export function createSourceFetcher(deps: FetcherDeps): SourceFetcher {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const gate = createHostGate(deps.config.hostGapMs, sleep);
  const robotsCache = new Map<string, { robots: Promise<Robots | null>; at: number }>();
  const options = { userAgent: deps.config.userAgent, timeoutMs: deps.config.timeoutMs, maxBytes: deps.config.maxBytes, maxRedirects: deps.config.maxRedirects, allowPrivate: deps.config.allowPrivate };

  const request = (url: string, headers: Record<string, string>): Promise<HttpResponse> => gate.run(new URL(url).host, () => httpGet(url, { ...options, headers }));

  /** robots.txt per origin: missing (4xx) allows everything; unreachable (5xx, network) refuses, as RFC 9309 says. */
  function robotsFor(url: URL): Promise<Robots | null> {
    const now = deps.clock.now().getTime();
    const cached = robotsCache.get(url.origin);
    if (cached && now - cached.at < ROBOTS_TTL_MS) return cached.robots;
    // The promise is cached, not its answer: pages asked for at once share one robots.txt request.
    const robots = readRobots(url);
    robotsCache.set(url.origin, { robots, at: now });
    // An unreadable robots.txt is asked again next time, not remembered for hours.
    robots.catch(() => robotsCache.delete(url.origin));
    return robots;
  }

  async function readRobots(url: URL): Promise<Robots | null> {
    const robotsUrl = `${url.origin}/robots.txt`;
    try {
      const response = await request(robotsUrl, { accept: "text/plain" });
      return robotsParser(robotsUrl, decodeBody(response.body, response.headers["content-type"]));
    } catch (error) {
      const reason = error instanceof SourceError ? error.message : String(error);
      if (/^HTTP 4\d\d /.test(reason) && !/^HTTP 429/.test(reason)) return null;
      throw new SourceError(`robots.txt of ${url.host} could not be read (${reason}); not fetching until it can`, error instanceof SourceError ? error.retryAfterMs : null);
    }
  }

  return {
    async get(url, validators = {}, accept = "*/*") {
      const parsed = new URL(url);
      const robots = await robotsFor(parsed);
      if (robots && robots.isAllowed(url, ROBOTS_AGENT) === false) throw new SourceError(`robots.txt of ${parsed.host} disallows ${parsed.pathname}`);
      const headers: Record<string, string> = { accept };
      if (validators.etag) headers["if-none-match"] = validators.etag;
      if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
      const response = await request(url, headers);
      const header = (name: string): string | null => {
        const value = response.headers[name];
        return typeof value === "string" ? value : null;
      };
      const contentType = header("content-type") ?? "";
      const notModified = response.status === 304;
      return {
        url: response.url,
        status: response.status,
        notModified,
        text: notModified ? "" : decodeBody(response.body, contentType),
        contentType,
        etag: header("etag"),
        lastModified: header("last-modified"),
        cacheControl: header("cache-control"),
      };
    },
  };
}
