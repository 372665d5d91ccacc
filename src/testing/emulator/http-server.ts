import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TransportAnswer } from "./api-dispatch.ts";
import { isControlOperation, runControlOperation } from "./control-api.ts";
import type { EmulatorCore } from "./core.ts";
import { multipartBoundary, parseMultipart, type UploadedPart } from "./multipart.ts";
import type { ApiParams } from "./types.ts";

/** A listening emulator transport. */
export interface EmulatorHttpServer {
  apiRoot: string;
  port: number;
  close(): Promise<void>;
}

const API_PATH = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/;
const FILE_PATH = /^\/file\/bot([^/]+)\/(.+)$/;
const CONTROL_PATH = /^\/__control\/([A-Za-z]+)$/;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Params from the query string and the body, whichever encoding the client chose. */
function parseParams(req: IncomingMessage, url: URL, body: Buffer): { params: ApiParams; files: Map<string, UploadedPart> } {
  const params: ApiParams = Object.fromEntries(url.searchParams);
  const files = new Map<string, UploadedPart>();
  const contentType = req.headers["content-type"] ?? "";
  const boundary = multipartBoundary(contentType);
  if (body.length === 0) return { params, files };
  if (boundary) {
    const parsed = parseMultipart(body, boundary);
    for (const [key, value] of Object.entries(parsed.fields)) {
      // grammY serialises object fields as JSON text; keep scalars as the strings they are.
      params[key] = /^\s*[[{]/.test(value) ? safeJson(value) : value;
    }
    for (const [key, part] of parsed.files) files.set(key, part);
  } else if (contentType.includes("application/x-www-form-urlencoded")) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  } else {
    const value = safeJson(body.toString("utf8"));
    if (typeof value === "object" && value !== null && !Array.isArray(value)) Object.assign(params, value);
  }
  return { params, files };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Starts the HTTP transport for a core on 127.0.0.1. */
export async function startHttpServer(core: EmulatorCore, port: number): Promise<EmulatorHttpServer> {
  const closing = new AbortController();
  const server: Server = createServer((req, res) => {
    handle(core, req, res, closing.signal).catch((error: unknown) => {
      core.options.logger?.warn({ err: error }, "emulator request failed");
      sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
    });
  });
  // Long polls and held requests outlive Node's default request timeouts.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    apiRoot: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: async () => {
      // Answer held polls first so clients see an empty batch rather than a reset socket.
      closing.abort();
      core.endLongPolls();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        setImmediate(() => server.closeAllConnections());
      });
    },
  };
}

async function handle(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, closing: AbortSignal): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const body = await readBody(req);
  const control = CONTROL_PATH.exec(url.pathname);
  if (control) return handleControl(core, control[1] as string, body, res);
  const file = FILE_PATH.exec(url.pathname);
  if (file) {
    const stored = core.world.filesByPath.get(decodeURIComponent(file[2] as string));
    if (!stored) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    res.writeHead(200, { "content-type": stored.mimeType ?? "application/octet-stream", "content-length": stored.bytes.length });
    res.end(stored.bytes);
    return;
  }
  const api = API_PATH.exec(url.pathname);
  if (!api) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
  const { params, files } = parseParams(req, url, body);
  const aborted = new AbortController();
  const abort = (): void => aborted.abort();
  res.on("close", abort);
  closing.addEventListener("abort", abort, { once: true });
  try {
    const answer: TransportAnswer = await core.handleApiRequest({
      token: decodeURIComponent(api[1] as string), method: api[2] as string, params, files, signal: aborted.signal,
    });
    if (answer.kind === "json") sendJson(res, answer.status, answer.body);
    else if (answer.kind === "drop") req.socket.destroy();
    else if (closing.aborted) req.socket.destroy();
    else closing.addEventListener("abort", () => req.socket.destroy(), { once: true });
  } finally {
    closing.removeEventListener("abort", abort);
  }
}

async function handleControl(core: EmulatorCore, op: string, body: Buffer, res: ServerResponse): Promise<void> {
  if (!isControlOperation(op)) return sendJson(res, 404, { ok: false, error: `unknown control operation ${op}` });
  const parsed = body.length > 0 ? safeJson(body.toString("utf8")) : {};
  const args = typeof parsed === "object" && parsed !== null && "args" in parsed && Array.isArray(parsed.args) ? (parsed.args as unknown[]) : [];
  try {
    const result = await runControlOperation(core, op, args);
    sendJson(res, 200, { ok: true, result });
  } catch (error) {
    sendJson(res, 400, { ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}
