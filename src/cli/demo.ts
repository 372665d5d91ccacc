import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Message, MessageEntity } from "grammy/types";
import { zoneLabel } from "../bot/format/commitment.ts";
import { createApp } from "../app.ts";
import type { Clock } from "../clock.ts";
import { createLogger } from "../logger.ts";
import { createBotApiEmulator, type BotApiEmulator, type RecordedCall } from "../testing/bot-api-emulator.ts";
import { CliFailure, UsageError, type CliIo } from "./io.ts";
import { parseArgs } from "./parse-args.ts";

export const DEMO_USAGE = `usage: mindet demo [--db FILE] [--files DIR]

Runs the real bot against a local Telegram Bot API emulator and lets you chat with it here:
type a command (/start, /list, /status 3 ...) or any text; buttons show as [1] [2] ...: type
the number to press one; /quit or Ctrl-D ends. No token needed, and you are an admin.
Without --db a fresh temporary database with the seed documents is used. Files and pictures
the bot sends (/calendar, /scorecard) are saved in --files DIR (default: mindet-demo-files in
the system's temp folder).
MINDET_NOW=2026-03-01T09:00:00+05:00 sets the bot's clock to another day.`;

const DEMO_USER_ID = 100_000;

export interface DemoOptions {
  /** Where the person's lines come from (default process.stdin). */
  input?: NodeJS.ReadableStream;
}

/** The demo's own options; node:util parseArgs through the CLI's one wrapper. */
function parseDemoArgs(args: readonly string[]): { db: string | null; files: string | null } {
  const { flags, positionals } = parseArgs("demo", args, { values: ["--db", "--files"] });
  if (positionals.length > 0) throw new UsageError(`demo: unknown argument "${positionals[0]!.slice(0, 40)}"`);
  const db = flags.get("--db");
  const files = flags.get("--files");
  return { db: typeof db === "string" ? db : null, files: typeof files === "string" ? files : null };
}

/** What the terminal chat needs from the running demo. */
interface DemoSession {
  emulator: BotApiEmulator;
  handled: (updateId: number) => Promise<void>;
  /** Resolves once announcement ticks started by a status change have finished. */
  settled: () => Promise<void>;
  clock: Clock;
  timeZone: string;
  filesDir: string;
}

/**
 * `mindet demo`: the real bot and reminders scheduler (built by createApp, as `mindet start`
 * builds them) on the in-process emulator, and a terminal chat with it. Works with piped input.
 * Returns the exit code.
 */
export async function runDemo(args: string[], io: CliIo, options: DemoOptions = {}): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${DEMO_USAGE}\n`);
    return 0;
  }
  const { db: dbArg, files: filesArg } = parseDemoArgs(args);
  const filesDir = filesArg ? path.resolve(io.cwd, filesArg) : path.join(tmpdir(), "mindet-demo-files");
  const tempDir = dbArg === null ? mkdtempSync(path.join(tmpdir(), "mindet-demo-")) : null;
  const dbFile = tempDir ? path.join(tempDir, "demo.db") : path.resolve(io.cwd, dbArg as string);
  const emulator = await createBotApiEmulator({ bot: { username: "mindet_demo_bot", firstName: "Mindet" } });
  try {
    const env = { ...io.env, WEBHOOK_URL: "", WEBHOOK_SECRET: "", PORT: "", BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, ADMIN_IDS: String(DEMO_USER_ID), DATABASE_URL: `file:${dbFile}` };
    // Logs would mix with the conversation: errors only, unless LOG_LEVEL asks for more.
    const logger = io.env.LOG_LEVEL?.trim() ? undefined : createLogger("error", emulator.token);
    io.stdout.write("Opening the database (the seed documents are read into a new one)…\n");
    const app = await createApp({
      env,
      logger,
      seedWhenEmpty: true,
      // Piped input arrives all at once; a person typing never hits this.
      bot: { rateLimit: { burst: 50, refillPerSecond: 10 } },
    });
    try {
      // The demo user exists before the menu is registered, so the admin menu has a chat to go to.
      const user = emulator.createUser({ id: DEMO_USER_ID, firstName: "You", username: "demo_user" });
      emulator.createPrivateChat(user);
      const { runner } = await app.start({ pollTimeoutSeconds: 10 });
      if (!runner) throw new Error("the demo polls the emulator; unset WEBHOOK_URL");
      const session: DemoSession = {
        emulator,
        handled: runner.handled,
        settled: app.settled,
        clock: app.clock,
        timeZone: app.config.defaultTimeZone,
        filesDir,
      };
      await chat(session, io, options.input ?? process.stdin);
      return 0;
    } finally {
      await app.stop();
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new CliFailure(`demo: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}`, 1);
  } finally {
    await emulator.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

async function chat(session: DemoSession, io: CliIo, input: NodeJS.ReadableStream): Promise<void> {
  const { emulator } = session;
  const user = emulator.world.user(DEMO_USER_ID);
  const privateChat = emulator.createPrivateChat(user);
  const out = (line: string) => io.stdout.write(`${line}\n`);
  out(`Mindet demo: you are chatting with @mindet_demo_bot. Try /start, /list, /help. /quit ends.`);
  out(`The bot's clock says ${describeNow(session.clock.now(), session.timeZone)} (MINDET_NOW sets another day).`);
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
    if (/^\d{1,2}$/.test(line)) {
      if (!buttons || Number(line) < 1 || Number(line) > buttons.count) {
        // A number is a button press; there is no point sending the bot a lone number.
        out(buttons ? `(there is no button ${line}; the last buttons were 1 to ${buttons.count})` : "(no buttons to press)");
        prompt();
        continue;
      }
      updateId = emulator.pressButton(buttons.message, Number(line) - 1, user).update.update_id;
    } else {
      updateId = emulator.sendText(privateChat, user, line).update_id;
    }
    await session.handled(updateId);
    await session.settled();
    const calls = emulator.getCalls({ since });
    const shown = render(calls, out, session);
    if (!calls.some((c) => c.method !== "getUpdates")) out("(no reply)");
    // Continue after the last call seen (not emulator.mark()): a call recorded in between is shown next time.
    since = (calls.at(-1)?.index ?? since - 1) + 1;
    if (shown) buttons = shown;
    prompt();
  }
  out("");
  out("Bye.");
}

/** "Sun 22 Nov 2026, 10:06 Astana time". */
function describeNow(now: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).format(now);
  return `${text.replace(/^(\w+) /, "$1 ").replace(/ at /, ", ")} ${zoneLabel(timeZone)}`;
}

/** Prints what the bot did; returns the latest message with buttons, if any. */
function render(calls: RecordedCall[], out: (line: string) => void, session: DemoSession): { message: Message; count: number } | null {
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
    if (message.document) showDocument(message, out, session);
    if (message.photo) showPhoto(message, out, session);
    const text = message.text ?? message.caption ?? "";
    const entities = message.entities ?? message.caption_entities ?? [];
    for (const textLine of quoteBlocks(text, entities).split("\n")) out(textLine);
    const keyboard = message.reply_markup?.inline_keyboard.flat() ?? [];
    if (keyboard.length > 0) {
      out(keyboard.map((b, i) => `[${i + 1}] ${b.text}`).join("  "));
      latest = { message, count: keyboard.length };
    }
  }
  return latest;
}

/** Marks quoted sentences (blockquote entities) with "│ " as a terminal cannot show the bar. */
function quoteBlocks(text: string, entities: readonly MessageEntity[]): string {
  const quotes = entities.filter((e) => e.type === "blockquote" || e.type === "expandable_blockquote").sort((a, b) => b.offset - a.offset);
  let result = text;
  for (const q of quotes) {
    const inner = result.slice(q.offset, q.offset + q.length).replace(/\n/g, "\n│ ");
    result = `${result.slice(0, q.offset)}│ ${inner}${result.slice(q.offset + q.length)}`;
  }
  return result;
}

/** Saves a document the bot sent and says where it is; for a calendar, lists its events too. */
function showDocument(message: Message, out: (line: string) => void, session: DemoSession): void {
  const document = message.document;
  if (!document) return;
  const name = path.basename(document.file_name ?? "document");
  out(`[file ${name}, ${document.file_size ?? 0} bytes]`);
  const stored = session.emulator.world.files.get(document.file_id);
  if (!stored) return;
  mkdirSync(session.filesDir, { recursive: true });
  const saved = path.join(session.filesDir, name);
  writeFileSync(saved, stored.bytes);
  out(`saved to ${saved}: open it with your calendar app`);
  if (name.endsWith(".ics")) {
    const events = icsSummaries(stored.bytes.toString("utf8"));
    for (const e of events.slice(0, 5)) out(`  ${e}`);
    if (events.length > 5) out(`  …and ${events.length - 5} more events`);
  }
}

/** Saves a photo the bot sent (a chart) at its largest size and says where it is. */
function showPhoto(message: Message, out: (line: string) => void, session: DemoSession): void {
  const largest = message.photo?.at(-1);
  const stored = largest ? session.emulator.world.files.get(largest.file_id) : undefined;
  if (!largest || !stored) return;
  const name = path.basename(stored.fileName ?? `photo-${message.message_id}.png`);
  mkdirSync(session.filesDir, { recursive: true });
  const saved = path.join(session.filesDir, name);
  writeFileSync(saved, stored.bytes);
  out(`[picture ${name}, ${largest.width}×${largest.height}] saved to ${saved}: open it with an image viewer`);
}

/** "2025-12-31  #5 Complete the development…" per VEVENT (lines unfolded, TEXT unescaped). */
function icsSummaries(ics: string): string[] {
  const events: string[] = [];
  let start = "";
  for (const line of ics.replace(/\r\n[ \t]/g, "").split("\r\n")) {
    if (line.startsWith("DTSTART;VALUE=DATE:")) {
      const d = line.slice(-8);
      start = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
    } else if (line.startsWith("SUMMARY:")) {
      const summary = line.slice("SUMMARY:".length).replace(/\\([\\;,])/g, "$1").replace(/\\n/gi, " ");
      events.push(`${start}  ${summary.length > 70 ? `${summary.slice(0, 69)}…` : summary}`);
    }
  }
  return events;
}
