import { EmulatorCore } from "./emulator/core.ts";
import { startHttpServer, type EmulatorHttpServer } from "./emulator/http-server.ts";
import type { BotApiEmulatorOptions, EmulatorStats, RecordedCall } from "./emulator/types.ts";

export { DEFAULT_TOKEN, type MessageFilter, type ButtonPress } from "./emulator/core.ts";
export type * from "./emulator/types.ts";

/**
 * A local Telegram Bot API on 127.0.0.1 for the real grammY client
 * (`new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } })`), plus the test-side
 * operations inherited from the core (users, chats, updates, failures, waits).
 */
export class BotApiEmulator extends EmulatorCore {
  private server: EmulatorHttpServer | undefined;

  /** `http://127.0.0.1:PORT`, for grammY's `client.apiRoot`. */
  get apiRoot(): string {
    return this.listening().apiRoot;
  }

  get port(): number {
    return this.listening().port;
  }

  /** The default bot's token (options.token or DEFAULT_TOKEN). */
  get token(): string {
    return this.defaultToken;
  }

  /** Every request so far (oldest first), including injected failures. */
  get calls(): readonly RecordedCall[] {
    return this.log.all;
  }

  get stats(): EmulatorStats {
    return this.log.stats;
  }

  /** @internal Started by createBotApiEmulator. */
  async listen(port: number): Promise<void> {
    this.server = await startHttpServer(this, port);
  }

  /** Ends held long polls and requests, then stops the server. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.close();
  }

  private listening(): EmulatorHttpServer {
    if (!this.server) throw new Error("the emulator is not listening (closed, or not started by createBotApiEmulator)");
    return this.server;
  }
}

/**
 * Starts a Bot API emulator on 127.0.0.1 (port 0 = any free port). Close it with `close()`.
 */
export async function createBotApiEmulator(options: BotApiEmulatorOptions = {}): Promise<BotApiEmulator> {
  const emulator = new BotApiEmulator(options);
  await emulator.listen(options.port ?? 0);
  return emulator;
}
