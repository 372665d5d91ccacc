import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { ControlOperation } from "./emulator/control-api.ts";
import type { ButtonPress, EmulatorCore, MessageFilter } from "./emulator/core.ts";
import type { ApiParams, CallFilter, FailNextOptions, InjectOptions, MessageRef, RecordedCall, UserRef, WaitOptions } from "./emulator/types.ts";
import type { Message } from "grammy/types";

type Remote<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/** Operations whose in-process form takes functions, which cannot cross the wire. */
type Overridden = "pressButton" | "waitForCall" | "waitForMessage" | "failNext";

/**
 * The control API as typed async calls: the same operations, names and arguments as the
 * in-process emulator, with filters instead of predicates.
 */
export type EmulatorControlClient = {
  [K in Exclude<ControlOperation, Overridden>]: Remote<EmulatorCore[K]>;
} & {
  readonly apiRoot: string;
  failNext(method: string, failure: Parameters<EmulatorCore["failNext"]>[1], options?: Omit<FailNextOptions, "match">): Promise<void>;
  waitForCall(method: string | string[], filter?: CallFilter, options?: WaitOptions): Promise<RecordedCall>;
  waitForMessage(chat: Parameters<EmulatorCore["waitForMessage"]>[0], filter?: MessageFilter, options?: WaitOptions): Promise<Message>;
  /** Presses a button; `answer()` waits for the bot's answerCallbackQuery and gives its params. */
  pressButton(message: MessageRef, button: string | number, from?: UserRef, options?: InjectOptions): Promise<ButtonPress & { answer(options?: WaitOptions): Promise<ApiParams> }>;
};

// Buffers are sent as { base64 } so binary documents survive JSON.
function encode(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { base64: value.toString("base64") };
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

/** A client for the control API of an emulator (usually one started with startEmulatorProcess). */
export function createEmulatorControlClient(apiRoot: string): EmulatorControlClient {
  const call = async (op: string, args: unknown[]): Promise<unknown> => {
    // Drop trailing undefined so the server applies its defaults.
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    const response = await fetch(`${apiRoot}/__control/${op}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ args: encode(args) }),
    });
    const body = (await response.json()) as { ok: boolean; result?: unknown; error?: string };
    if (!body.ok) throw new Error(`emulator control ${op} failed: ${body.error ?? response.status}`);
    return body.result;
  };
  const client: Record<string, unknown> = { apiRoot };
  return new Proxy(client, {
    get(target, prop) {
      if (typeof prop !== "string" || prop in target) return target[prop as string];
      if (prop === "then") return undefined;
      if (prop === "pressButton") {
        return async (...args: unknown[]) => {
          const press = (await call(prop, args)) as ButtonPress;
          return {
            ...press,
            answer: async (options?: WaitOptions) => {
              // Callback ids are unique, so search the whole log: the answer may already be in.
              const answered = await call("waitForCall", ["answerCallbackQuery", { params: { callback_query_id: press.id } }, { since: 0, ...options }]);
              return (answered as RecordedCall).params;
            },
          };
        };
      }
      return (...args: unknown[]) => call(prop, args);
    },
  }) as unknown as EmulatorControlClient;
}

/** An emulator running in a child process. */
export interface EmulatorProcess {
  apiRoot: string;
  token: string;
  child: ChildProcess;
  client: EmulatorControlClient;
  /** SIGTERM, resolves when the process has exited. */
  stop(): Promise<void>;
}

/**
 * Spawns `emulator-server.ts` with tsx and resolves once it printed its apiRoot.
 * Rejects if the process exits first.
 */
export function startEmulatorProcess(options: { port?: number; token?: string; autoCreateChats?: boolean } = {}): Promise<EmulatorProcess> {
  const script = fileURLToPath(new URL("./emulator-server.ts", import.meta.url));
  const args = ["--import", "tsx", script, "--port", String(options.port ?? 0)];
  if (options.token) args.push("--token", options.token);
  if (options.autoCreateChats) args.push("--auto-create-chats");
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`emulator process exited early (code ${code})`));
    child.once("exit", onExit);
    child.once("error", reject);
    const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
    lines.once("line", (line) => {
      child.off("exit", onExit);
      const { apiRoot, token } = JSON.parse(line) as { apiRoot: string; token: string };
      resolve({
        apiRoot,
        token,
        child,
        client: createEmulatorControlClient(apiRoot),
        stop: () => new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once("exit", () => done());
          child.kill("SIGTERM");
        }),
      });
    });
  });
}
