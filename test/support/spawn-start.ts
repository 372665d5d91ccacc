// `mindet start` as a real child process against the emulator, for the crash tests (kill -9).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";

export interface SpawnStartOptions {
  emulator: BotApiEmulator;
  databaseUrl: string;
  /** The injected clock's start (MINDET_NOW). */
  now: string;
  /** Messages per second overall (SEND_RATE_GLOBAL_PER_SECOND); 1 per chat. */
  rate: number;
  /** More environment, e.g. webhook mode. */
  env?: Record<string, string>;
}

/** Starts the bot; its stderr goes to the test's, so a crash shows why. */
export function spawnStart(options: SpawnStartOptions): ChildProcess {
  const child = spawn(process.execPath, [path.resolve("bin/mindet.mjs"), "start"], {
    env: {
      ...process.env,
      BOT_TOKEN: options.emulator.token,
      TELEGRAM_API_ROOT: options.emulator.apiRoot,
      DATABASE_URL: options.databaseUrl,
      MINDET_NOW: options.now,
      LOG_LEVEL: "error",
      SEND_RATE_GLOBAL_PER_SECOND: String(options.rate),
      SEND_RATE_PER_CHAT_PER_SECOND: "1",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

/** Resolves when the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)));
}
