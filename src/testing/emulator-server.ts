/**
 * The emulator as its own process, so a test can kill -9 the bot and keep the "Telegram" side:
 *   node --import tsx src/testing/emulator-server.ts --port 0 [--token T] [--auto-create-chats]
 * Prints one JSON line {"apiRoot": "..."} when listening; drive it with createEmulatorControlClient.
 */
import { parseArgs } from "node:util";
import { createBotApiEmulator } from "./bot-api-emulator.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    token: { type: "string" },
    "auto-create-chats": { type: "boolean", default: false },
    "latency-ms": { type: "string" },
  },
});

const emulator = await createBotApiEmulator({
  port: Number(values.port),
  ...(values.token !== undefined ? { token: values.token } : {}),
  autoCreateChats: values["auto-create-chats"],
  ...(values["latency-ms"] !== undefined ? { latencyMs: Number(values["latency-ms"]) } : {}),
});

// The one line the parent process waits for; stdout carries nothing else.
process.stdout.write(`${JSON.stringify({ apiRoot: emulator.apiRoot, token: emulator.token })}\n`);

const shutdown = (): void => {
  emulator.close().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
