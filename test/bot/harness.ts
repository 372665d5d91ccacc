import type { BotRunner } from "../../src/bot/runner.ts";
import type { Bot } from "grammy";
import type { Chat, Message, User } from "grammy/types";
import { pino } from "pino";
import { createManualClock, type ManualClock } from "../../src/clock.ts";
import type { Config } from "../../src/config.ts";
import { ingestSource } from "../../src/commitments/ingest-source.ts";
import type { ExtractedCommitment, Topic } from "../../src/extraction/types.ts";
import { createApp } from "../../src/app.ts";
import type { BotContext, BotDeps } from "../../src/bot/index.ts";
import { runBot } from "../../src/bot/runner.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

export const ADMIN_ID = 777_000_001;
export const START = "2026-01-15T06:00:00Z"; // 11:00 in Almaty

/** One emulator and one database per test file; a fresh bot per test. */
export interface BotHarness {
  emulator: BotApiEmulator;
  testDb: TestDb;
  clock: ManualClock;
  config: Config;
  bot: Bot<BotContext>;
  handle: BotRunner;
  statusChanged: number[];
  sleeps: number[];
  admin: User;
  user: User;
  userChat: Chat.PrivateChat;
  adminChat: Chat.PrivateChat;
  /** Resolves once the bot has fully handled (or failed) the update with this id. */
  handled(updateId: number | { update_id: number }): Promise<void>;
}

export interface HarnessFile {
  /** The current test's harness (set by start()). */
  readonly h: BotHarness;
  /** The file's database (available after setup). */
  readonly db: TestDb["db"];
  setup(): Promise<void>;
  start(overrides?: Partial<BotDeps>): Promise<BotHarness>;
  stop(): Promise<void>;
  teardown(): Promise<void>;
}

/** Builds a harness for a test file: call setup in beforeAll, start/stop around each test. */
export function createHarnessFile(): HarnessFile {
  let emulator: BotApiEmulator | undefined;
  let testDb: TestDb | undefined;
  let current: BotHarness | undefined;
  return {
    get h(): BotHarness {
      if (!current) throw new Error("harness not started");
      return current;
    },
    get db(): TestDb["db"] {
      if (!testDb) throw new Error("setup() first");
      return testDb.db;
    },
    async setup() {
      emulator = await createBotApiEmulator({ bot: { username: "mindet_test_bot" } });
      testDb = await createTestDb();
    },
    async start(overrides = {}) {
      if (!emulator || !testDb) throw new Error("setup() first");
      emulator.reset();
      const clock = createManualClock(START);
      const statusChanged: number[] = [];
      const sleeps: number[] = [];
      const { logger, db, ...botOverrides } = overrides;
      // Built the way `mindet start` builds it (createApp), then polled here without the
      // scheduler or the live sources, so a test sees only the bot's own replies.
      const app = await createApp({
        env: { BOT_TOKEN: emulator.token, ADMIN_IDS: String(ADMIN_ID), DATABASE_URL: testDb.url, LOG_LEVEL: "silent" },
        apiRoot: emulator.apiRoot,
        db: db ?? testDb.db,
        clock,
        logger: logger ?? pino({ level: "silent" }),
        bot: {
          onStatusChanged: (id) => statusChanged.push(id),
          sleep: async (ms) => {
            sleeps.push(ms);
          },
          timeoutSeconds: 2,
          // Generous by default so tests are not throttled; the flood test sets its own.
          rateLimit: { burst: 1000, refillPerSecond: 1000 },
          // Replies unpaced unless a test brings the limiter (test/telegram).
          outbound: undefined,
          ...botOverrides,
        },
      });
      const { bot, config } = app;
      const handle = runBot(bot, { pollTimeoutSeconds: 1 });
      await emulator.waitForLongPoll({ timeoutMs: 10_000 });
      const admin = emulator.createUser({ id: ADMIN_ID, firstName: "Ada", username: "ada_admin" });
      const user = emulator.createUser({ firstName: "Bo" });
      current = {
        emulator,
        testDb,
        clock,
        config,
        bot,
        handle,
        statusChanged,
        sleeps,
        admin,
        user,
        userChat: emulator.createPrivateChat(user),
        adminChat: emulator.createPrivateChat(admin),
        handled: (ref) => withTimeout(handle.handled(typeof ref === "number" ? ref : ref.update_id), 10_000),
      };
      return current;
    },
    async stop() {
      if (current?.handle.isRunning()) await current.handle.stop();
      current = undefined;
    },
    async teardown() {
      await emulator?.close();
      await testDb?.destroy();
    },
  };
}

/** A commitment for seeding, with sensible defaults. */
export function commitment(partial: Partial<ExtractedCommitment> & { title: string }): ExtractedCommitment {
  const quote = partial.quote ?? `The government must ${partial.title.toLowerCase()} by the deadline.`;
  return {
    quote,
    quoteStart: 0,
    quoteEnd: quote.length,
    responsible: "Ministry of Energy",
    body: "Ministry of Energy",
    topics: ["energy"] as Topic[],
    dueText: "by 31 March 2026",
    due: "2026-03-31",
    precision: "day",
    undatedReason: null,
    article: "Energy reform",
    published: "2026-01-10",
    ...partial,
  };
}

/**
 * Stores commitments as one source through the real ingest path; returns their ids in order.
 * Matching restatements is off: each item becomes its own commitment, whatever earlier tests of
 * the file stored (matching has its own tests).
 */
export async function seed(db: TestDb["db"], file: string, items: ExtractedCommitment[]): Promise<number[]> {
  const text = items.map((c) => c.quote).join("\n") + `\n${file}`;
  const result = await ingestSource(db, {
    file,
    text,
    matching: false,
    now: new Date(START),
    extract: () => ({ articles: [{ title: "Energy reform", published: "2026-01-10", start: 0, end: text.length }], commitments: items }),
  });
  const rows = await db.commitment.findMany({ where: { sourceId: result.sourceId }, orderBy: { id: "asc" }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Sends text and waits for the bot's next message in that chat. */
export async function say(h: BotHarness, chat: Chat, from: User, text: string): Promise<Message> {
  return h.emulator.converse(chat, from, text, { timeoutMs: 5000 });
}

/** Text of a message as the user sees it. */
export function textOf(message: Message): string {
  return message.text ?? message.caption ?? "";
}

/** Every callback_data of a message's keyboard. */
export function callbackData(message: Message): string[] {
  return (message.reply_markup?.inline_keyboard.flat() ?? []).flatMap((b) => ("callback_data" in b && b.callback_data ? [b.callback_data] : []));
}

/** Presses a button whose data the client forged (or that an older bot version sent). */
export function pressForged(h: BotHarness, message: Message, data: string, from?: User): Promise<Record<string, unknown>> {
  const stored = h.emulator.world.storedMessage(message);
  if (!stored) throw new Error("unknown message");
  stored.message = { ...stored.message, reply_markup: { inline_keyboard: [[{ text: "forged", callback_data: data }]] } };
  return h.emulator.pressButton(message, data, from).answer;
}

/** Every message the bot sent in a chat since the last mark, as text. */
export function sentTexts(h: BotHarness, chatId: number, since = 0): string[] {
  return h.emulator
    .getCalls({ since })
    .filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.params.chat_id) === chatId)
    .map((c) => String(c.params.text ?? ""));
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not handled within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
