import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Message } from "grammy/types";
import { createBot, registerCommands } from "../bot/index.ts";
import { runBot } from "../bot/runner.ts";
import { createOffsetClock, systemClock } from "../clock.ts";
import { ingestDirectory } from "../commitments/ingest-directory.ts";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/client.ts";
import { createLogger } from "../logger.ts";
import { loadScheduler, schedulerApi, SEEDS_DIR } from "../main.ts";
import { createBotApiEmulator, type BotApiEmulator, type RecordedCall } from "../testing/bot-api-emulator.ts";
import { CliFailure, UsageError, type CliIo } from "./io.ts";

export const DEMO_USAGE = `usage: mindet demo [--db FILE]

Runs the real bot against a local Telegram Bot API emulator and lets you chat with it here:
type a command (/start, /list, /status 3 ...) or any text; buttons show as [1] [2] ...: type
the number to press one; /quit or Ctrl-D ends. No token needed, and you are an admin.
Without --db a fresh temporary database with the seed documents is used.`;

const DEMO_USER_ID = 100_000;

export interface DemoOptions {
  /** Where the person's lines come from (default process.stdin). */
  input?: NodeJS.ReadableStream;
}

function parseArgs(args: readonly string[]): { db: string | null } {
  let db: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--db") {
      const value = args[++i];
      if (!value) throw new UsageError("demo: --db needs a file");
      db = value;
    } else throw new UsageError(`demo: unknown argument "${String(arg).slice(0, 40)}"`);
  }
  return { db };
}

/**
 * `mindet demo`: the real bot (and the reminders scheduler, when present) on the in-process
 * emulator, and a terminal chat with it. Works with piped input. Returns the exit code.
 */
export async function runDemo(args: string[], io: CliIo, options: DemoOptions = {}): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${DEMO_USAGE}\n`);
    return 0;
  }
  const { db: dbArg } = parseArgs(args);
  const tempDir = dbArg === null ? mkdtempSync(path.join(tmpdir(), "mindet-demo-")) : null;
  const dbFile = tempDir ? path.join(tempDir, "demo.db") : path.resolve(io.cwd, dbArg as string);
  const emulator = await createBotApiEmulator({ bot: { username: "mindet_demo_bot", firstName: "Mindet" } });
  try {
    const env = { ...io.env, BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, ADMIN_IDS: String(DEMO_USER_ID), DATABASE_URL: `file:${dbFile}` };
    const config = loadConfig(env, { requireToken: true });
    // Logs would mix with the conversation: errors only, unless LOG_LEVEL asks for more.
    const logger = createLogger(io.env.LOG_LEVEL?.trim() ? config.logLevel : "error", emulator.token);
    const clock = config.now ? createOffsetClock(config.now) : systemClock;
    const db = await openDatabase(config.databaseUrl);
    try {
      if ((await db.commitment.count()) === 0) {
        io.stdout.write("Reading the seed documents…\n");
        await ingestDirectory(db, SEEDS_DIR, { now: clock.now() });
      }
      let scheduler: Awaited<ReturnType<typeof loadScheduler>> = null;
      const bot = createBot({
        token: emulator.token,
        config,
        db,
        clock,
        logger,
        apiRoot: emulator.apiRoot,
        // Piped input arrives all at once; a person typing never hits this.
        rateLimit: { burst: 50, refillPerSecond: 10 },
        onStatusChanged: () => void scheduler?.tick().catch((error: unknown) => logger.error({ err: error }, "tick failed")),
      });
      await bot.init();
      // The demo user exists before the menu is registered, so the admin menu has a chat to go to.
      const user = emulator.createUser({ id: DEMO_USER_ID, firstName: "You", username: "demo_user" });
      emulator.createPrivateChat(user);
      await registerCommands(bot.api, config.adminIds);
      scheduler = await loadScheduler({ db, api: schedulerApi(emulator.token, emulator.apiRoot), clock, logger, config });
      scheduler?.start();
      const runner = runBot(bot, { pollTimeoutSeconds: 10 });
      try {
        await chat(emulator, runner.handled, io, options.input ?? process.stdin);
      } finally {
        await runner.stop();
        await scheduler?.stop();
      }
      return 0;
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new CliFailure(`demo: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}`, 1);
  } finally {
    await emulator.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

async function chat(emulator: BotApiEmulator, handled: (id: number) => Promise<void>, io: CliIo, input: NodeJS.ReadableStream): Promise<void> {
  const user = emulator.world.user(DEMO_USER_ID);
  const privateChat = emulator.createPrivateChat(user);
  const out = (line: string) => io.stdout.write(`${line}\n`);
  out(`Mindet demo: you are chatting with @mindet_demo_bot. Try /start, /list, /help. /quit ends.`);
  let buttons: { message: Message; count: number } | null = null;
  let since = emulator.mark();
  const lines = createInterface({ input, terminal: false });
  const prompt = () => io.stdout.write("> ");
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === "/quit" || line === "/exit") break;
    if (line === "") {
      prompt();
      continue;
    }
    let updateId: number;
    if (/^\d{1,2}$/.test(line) && buttons && Number(line) >= 1 && Number(line) <= buttons.count) {
      updateId = emulator.pressButton(buttons.message, Number(line) - 1, user).update.update_id;
    } else {
      if (/^\d{1,2}$/.test(line)) out(buttons ? `(there is no button ${line})` : "(no buttons to press)");
      updateId = emulator.sendText(privateChat, user, line).update_id;
    }
    await handled(updateId);
    const calls = emulator.getCalls({ since });
    const shown = render(calls, out);
    if (!calls.some((c) => c.method !== "getUpdates")) out("(no reply)");
    since = emulator.mark();
    if (shown) buttons = shown;
    prompt();
  }
  out("");
  out("Bye.");
}

/** Prints what the bot did; returns the latest message with buttons, if any. */
function render(calls: RecordedCall[], out: (line: string) => void): { message: Message; count: number } | null {
  let latest: { message: Message; count: number } | null = null;
  for (const call of calls) {
    if (call.outcome.kind !== "response" || !call.outcome.body.ok) continue;
    const result = call.outcome.body.result;
    if (call.method === "answerCallbackQuery") {
      if (call.params.text) out(`  (${call.params.show_alert === true || call.params.show_alert === "true" ? "alert" : "toast"}) ${String(call.params.text)}`);
      continue;
    }
    if (typeof result !== "object" || result === null || !("message_id" in result)) continue;
    const message = result as Message;
    const edited = call.method.startsWith("edit");
    out(edited ? "── (edited) ──" : "──");
    if (message.document) out(`[file ${message.document.file_name ?? "document"}, ${message.document.file_size ?? 0} bytes]`);
    const text = message.text ?? message.caption ?? "";
    for (const textLine of text.split("\n")) out(textLine);
    const keyboard = message.reply_markup?.inline_keyboard.flat() ?? [];
    if (keyboard.length > 0) {
      out(keyboard.map((b, i) => `[${i + 1}] ${b.text}`).join("  "));
      latest = { message, count: keyboard.length };
    }
  }
  return latest;
}
