// A local HTTP server on 127.0.0.1 (port chosen by the OS) serving routes a test defines, and
// recording every request it gets: what a site sees of Mindet.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  base: string;
  host: string;
  routes: Map<string, Handler>;
  requests: { path: string; headers: IncomingMessage["headers"] }[];
  /** Serves `body` with a content type; honours If-None-Match against `etag` when given. */
  serve(path: string, body: string | Buffer, contentType: string, options?: { etag?: string; lastModified?: string; headers?: Record<string, string> }): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const requests: FixtureServer["requests"] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path) ?? routes.get(path.split("?")[0] ?? path);
    if (handler) return handler(req, res);
    if (path === "/robots.txt") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(404, { "content-type": "text/html" }).end("<html><body>Not found</body></html>");
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    base: `http://${host}`,
    host,
    routes,
    requests,
    serve(path, body, contentType, options = {}) {
      routes.set(path, (req, res) => {
        const headers: Record<string, string> = { "content-type": contentType, ...options.headers };
        if (options.etag) headers.etag = options.etag;
        if (options.lastModified) headers["last-modified"] = options.lastModified;
        if (options.etag && req.headers["if-none-match"] === options.etag) return void res.writeHead(304, headers).end();
        if (!options.etag && options.lastModified && req.headers["if-modified-since"] === options.lastModified) return void res.writeHead(304, headers).end();
        res.writeHead(200, headers).end(body);
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
