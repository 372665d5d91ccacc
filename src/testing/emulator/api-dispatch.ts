import { setTimeout as sleep } from "node:timers/promises";
import { ApiError, tooManyRequests } from "./api-error.ts";
import { isSendMethod, type CallLog } from "./call-log.ts";
import { failureError, type FailureQueue } from "./failures.ts";
import type { CallbackRegistry, MethodHandler } from "./method-context.ts";
import { botMethods } from "./methods-bot.ts";
import { messageMethods } from "./methods-messages.ts";
import type { UploadedPart } from "./multipart.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import type { ApiParams, ApiResponse, BotApiEmulatorOptions, CallOutcome, RecordedCall } from "./types.ts";
import type { World } from "./world.ts";

/** What the transport should do with a request. */
export type TransportAnswer =
  | { kind: "json"; status: number; body: ApiResponse }
  | { kind: "drop" }
  /** Leave the request open until the client gives up or the emulator closes. */
  | { kind: "never" };

// Telegram method names are case-insensitive, so the table is keyed by lower case.
const METHODS = new Map<string, MethodHandler>(
  Object.entries({ ...botMethods, ...messageMethods }).map(([name, handler]) => [name.toLowerCase(), handler]),
);

/** The shared pieces a request touches. */
export interface DispatchDeps {
  world: World;
  log: CallLog;
  failures: FailureQueue;
  limiter: RateLimiter;
  callbacks: CallbackRegistry;
  now: () => number;
  options: BotApiEmulatorOptions;
  /** Current extra latency (changeable at runtime). */
  latencyMs: () => number;
}

/** One Bot API request as the transport parsed it. */
export interface ApiRequest {
  token: string;
  method: string;
  params: ApiParams;
  files: Map<string, UploadedPart>;
  /** Aborted when the client disconnects or the emulator closes. */
  signal: AbortSignal;
}

function json(body: ApiResponse): TransportAnswer {
  return { kind: "json", status: body.ok ? 200 : body.error_code, body };
}

/**
 * Handles one Bot API request: injected failures first (they stand in for Telegram being
 * unwell, so they win over everything), then flood control, then the method itself.
 */
export async function dispatchApiRequest(deps: DispatchDeps, request: ApiRequest): Promise<TransportAnswer> {
  const time = deps.now();
  const record = (outcome: CallOutcome, injected?: RecordedCall["injected"]): RecordedCall =>
    deps.log.record({
      token: request.token, method: request.method, params: request.params, time, outcome,
      ...(injected ? { injected } : {}),
    });
  deps.options.onRequest?.({ token: request.token, method: request.method, params: request.params });
  deps.options.logger?.debug({ method: request.method, params: request.params }, "bot api request");

  const failure = deps.failures.take(request.method, request.params);
  if (failure?.kind === "drop") {
    record({ kind: "dropped" }, "drop");
    return { kind: "drop" };
  }
  if (failure?.kind === "timeout") {
    const call = record({ kind: "held" }, "timeout");
    if (failure.ms === undefined) return { kind: "never" };
    // Executed late even if the client gave up: the ambiguity a real timeout leaves.
    await sleep(failure.ms);
    const answer = await execute(deps, request);
    if (answer.kind === "json") {
      call.outcome = { kind: "response", status: answer.status, body: answer.body };
      deps.log.offer(call);
    }
    return answer;
  }
  let answer: TransportAnswer;
  let injected: RecordedCall["injected"];
  const error = failure ? failureError(failure) : undefined;
  if (error && failure) {
    answer = json(error.toResponse());
    injected = failure.kind;
  } else {
    const limited = checkRateLimit(deps, request);
    if (limited) {
      answer = json(limited.toResponse());
      injected = "rate-limit";
    } else {
      answer = await execute(deps, request);
    }
  }
  const latency = deps.latencyMs();
  if (latency > 0) await sleep(latency);
  if (answer.kind === "json") record({ kind: "response", status: answer.status, body: answer.body }, injected);
  return answer;
}

function checkRateLimit(deps: DispatchDeps, request: ApiRequest): ApiError | undefined {
  if (!deps.limiter.enabled || !isSendMethod(request.method)) return undefined;
  const chatId = Number(request.params["chat_id"]);
  if (!Number.isFinite(chatId)) return undefined;
  const type = deps.world.chats.get(chatId)?.chat.type;
  const decision = deps.limiter.check(request.token, chatId, type === "group" || type === "supergroup", deps.now());
  return decision.allowed ? undefined : tooManyRequests(decision.retryAfterSeconds);
}

async function execute(deps: DispatchDeps, request: ApiRequest): Promise<TransportAnswer> {
  const handler = METHODS.get(request.method.toLowerCase());
  if (!handler) return json({ ok: false, error_code: 404, description: "Not Found: method not found" });
  try {
    const result: unknown = await handler({
      world: deps.world,
      bot: deps.world.bot(request.token),
      params: request.params,
      files: request.files,
      signal: request.signal,
      settings: {
        autoCreateChats: deps.options.autoCreateChats ?? false,
        strictHtmlAmpersand: deps.options.strictHtmlAmpersand ?? true,
      },
      callbacks: deps.callbacks,
    });
    return json({ ok: true, result });
  } catch (error) {
    if (error instanceof ApiError) return json(error.toResponse());
    // A bug in the emulator must be loud, but still answered like a server error.
    deps.options.logger?.warn({ err: error, method: request.method }, "emulator handler crashed");
    return json({ ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
  }
}
