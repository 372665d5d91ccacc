import { lookup } from "node:dns/promises";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.ts";
import { isPrivateAddress } from "../../src/sources/address-guard.ts";
import { createSourceFetcher } from "../../src/sources/fetcher.ts";
import { httpGet, type HttpGetOptions } from "../../src/sources/http-get.ts";
import { loadSourcesConfig } from "../../src/sources/sources-config.ts";
import { startFixtureServer, type FixtureServer } from "./fixture-server.ts";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

const OPTIONS: HttpGetOptions = { userAgent: "Mindet/test (+https://example.org/contact)", timeoutMs: 2_000, maxBytes: 5 * 1_048_576, maxRedirects: 5, allowPrivate: true };
const reason = (promise: Promise<unknown>): Promise<string> => promise.then(() => "resolved", (error: Error) => error.message);
const redirect = (to: string) => (_req: unknown, res: import("node:http").ServerResponse) => void res.writeHead(302, { location: to }).end();

describe("httpGet", () => {
  it("follows up to 5 redirects by hand and reports the final URL", async () => {
    for (let i = 1; i <= 5; i++) server.routes.set(`/hop${i}`, redirect(i === 5 ? "/final" : `/hop${i + 1}`));
    server.serve("/final", "ok", "text/plain");
    const response = await httpGet(`${server.base}/hop1`, OPTIONS);
    expect(response).toMatchObject({ status: 200, url: `${server.base}/final` });
    expect(response.body.toString()).toBe("ok");
    expect(server.requests.at(-1)?.headers["user-agent"]).toBe("Mindet/test (+https://example.org/contact)");
  });

  it("refuses a sixth redirect, a loop, and a redirect to a private address or another scheme", async () => {
    server.routes.set("/six", redirect("/hop1"));
    expect(await reason(httpGet(`${server.base}/six`, OPTIONS))).toBe(`more than 5 redirects from ${server.base}/six`);
    server.routes.set("/loop-a", redirect("/loop-b"));
    server.routes.set("/loop-b", redirect("/loop-a"));
    expect(await reason(httpGet(`${server.base}/loop-a`, OPTIONS))).toBe(`redirect loop at ${server.base}/loop-a`);
    server.routes.set("/to-file", redirect("file:///etc/passwd"));
    expect(await reason(httpGet(`${server.base}/to-file`, OPTIONS))).toBe("only http and https URLs can be sources, not file:");
    server.routes.set("/to-metadata", redirect("http://169.254.169.254/latest/meta-data/"));
    expect(await reason(httpGet(`${server.base}/to-metadata`, { ...OPTIONS, allowPrivate: false }))).toMatch(/^127\.0\.0\.1:\d+ is a private/);
  });

  it("refuses a host name whose DNS answer is private (checked on the address connected to)", async () => {
    const port = server.host.split(":")[1];
    // This machine's own name resolves to a loopback address (in /etc/hosts): the guard must see through it.
    const name = hostname();
    const { address } = await lookup(name);
    expect(isPrivateAddress(address)).toBe(true);
    expect(await reason(httpGet(`http://${name}:${port}/final`, { ...OPTIONS, allowPrivate: false }))).toBe(`${name} resolves to a private, loopback or link-local address`);
    expect((await httpGet(`http://${name}:${port}/final`, OPTIONS)).status).toBe(200);
  });

  it("caps the size before reading (Content-Length) and while reading (no length given)", async () => {
    server.routes.set("/declared-50mb", (_req, res) => {
      res.writeHead(200, { "content-type": "application/xml", "content-length": String(50 * 1_048_576) });
      res.write("<rss>");
    });
    expect(await reason(httpGet(`${server.base}/declared-50mb`, OPTIONS))).toBe(`response from ${server.host} is larger than 5 MB`);
    let sent = 0;
    server.routes.set("/stream-50mb", (_req, res) => {
      res.writeHead(200, { "content-type": "application/xml" });
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = (): void => {
        while (sent < 50 * 1_048_576) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => undefined);
      pump();
    });
    expect(await reason(httpGet(`${server.base}/stream-50mb`, OPTIONS))).toBe(`response from ${server.host} is larger than 5 MB`);
    // It stopped reading: far less than 50 MB went over the wire.
    expect(sent).toBeLessThan(20 * 1_048_576);
  });

  it("turns 429 and 5xx into errors carrying Retry-After, other 4xx into plain errors, and times out", async () => {
    server.routes.set("/busy", (_req, res) => void res.writeHead(429, { "retry-after": "120" }).end());
    server.routes.set("/down", (_req, res) => void res.writeHead(503, { "retry-after": "60" }).end());
    const busy = await httpGet(`${server.base}/busy`, OPTIONS).catch((e: unknown) => e as { message: string; retryAfterMs: number });
    expect(busy).toMatchObject({ message: `HTTP 429 (too many requests) from ${server.host}`, retryAfterMs: 120_000 });
    expect(await httpGet(`${server.base}/down`, OPTIONS).catch((e: unknown) => e)).toMatchObject({ message: `HTTP 503 from ${server.host}`, retryAfterMs: 60_000 });
    expect(await reason(httpGet(`${server.base}/missing`, OPTIONS))).toBe(`HTTP 404 for ${server.base}/missing`);
    server.routes.set("/hang", () => undefined);
    expect(await reason(httpGet(`${server.base}/hang`, { ...OPTIONS, timeoutMs: 150 }))).toBe(`timed out after 0 s fetching ${server.host}`);
  });
});

describe("createSourceFetcher", () => {
  const config = { ...loadSourcesConfig({ SOURCES_ALLOW_PRIVATE: "true", SOURCES_HOST_GAP_MS: "0", SOURCES_CONTACT_URL: "https://example.org/bot" }), timeoutMs: 2_000 };

  it("honours robots.txt for the Mindet agent and sends the validators", async () => {
    const local = await startFixtureServer();
    try {
      local.serve("/robots.txt", "User-agent: *\nAllow: /\n\nUser-agent: Mindet\nDisallow: /private/\n", "text/plain");
      local.serve("/private/feed.xml", "<rss/>", "application/xml");
      local.serve("/feed.xml", "<rss/>", "application/xml", { etag: '"v1"' });
      const fetcher = createSourceFetcher({ config, clock: systemClock });
      expect(await reason(fetcher.get(`${local.base}/private/feed.xml`))).toBe(`robots.txt of ${local.host} disallows /private/feed.xml`);
      const first = await fetcher.get(`${local.base}/feed.xml`);
      expect(first).toMatchObject({ status: 200, etag: '"v1"', notModified: false, text: "<rss/>" });
      const second = await fetcher.get(`${local.base}/feed.xml`, { etag: first.etag });
      expect(second).toMatchObject({ status: 304, notModified: true, text: "" });
      expect(local.requests.filter((r) => r.path === "/robots.txt")).toHaveLength(1);
      expect(local.requests.at(-1)?.headers["user-agent"]).toMatch(/^Mindet\/[\d.]+ \(\+https:\/\/example\.org\/bot\)$/);
    } finally {
      await local.close();
    }
  });

  it("does not fetch a site whose robots.txt answers 5xx (RFC 9309)", async () => {
    const local = await startFixtureServer();
    try {
      local.routes.set("/robots.txt", (_req, res) => void res.writeHead(500).end());
      local.serve("/feed.xml", "<rss/>", "application/xml");
      const fetcher = createSourceFetcher({ config, clock: systemClock });
      expect(await reason(fetcher.get(`${local.base}/feed.xml`))).toBe(`robots.txt of ${local.host} could not be read (HTTP 500 from ${local.host}); not fetching until it can`);
      expect(local.requests.map((r) => r.path)).toEqual(["/robots.txt"]);
    } finally {
      await local.close();
    }
  });

  it("makes one request at a time per host, with the configured gap", async () => {
    const local = await startFixtureServer();
    try {
      let open = 0;
      let maxOpen = 0;
      local.routes.set("/slow", (_req, res) => {
        open++;
        maxOpen = Math.max(maxOpen, open);
        setTimeout(() => {
          open--;
          res.writeHead(200, { "content-type": "text/plain" }).end("x");
        }, 20);
      });
      const waits: number[] = [];
      const fetcher = createSourceFetcher({ config: { ...config, hostGapMs: 1_000 }, clock: systemClock, sleep: async (ms) => void waits.push(ms) });
      await Promise.all([1, 2, 3].map(() => fetcher.get(`${local.base}/slow`)));
      expect(maxOpen).toBe(1);
      // robots.txt, then three pages: each after the first waits (most of) the gap. No real waiting: sleep is injected.
      expect(waits).toHaveLength(3);
      for (const ms of waits) expect(ms).toBeGreaterThan(900);
    } finally {
      await local.close();
    }
  });
});
