import type { BotCommand, Chat, Message, User } from "grammy/types";
import { UpdateQueue } from "./update-queue.ts";
import type { BotIdentity, ChatRef, MessageRef, UserRef } from "./types.ts";

/** A member's standing in a group, as the test set it up. */
export type MemberRole = "creator" | "administrator" | "member";
/** The bot's own standing in a chat. */
export type BotStatus = "member" | "administrator" | "left" | "kicked";

/** One bot (one token). */
export interface BotState {
  token: string;
  user: User & { is_bot: true };
  queue: UpdateQueue;
  commands: Map<string, BotCommand[]>;
  /** Users who blocked this bot. */
  blockedBy: Set<number>;
  /** Overrides of the bot's status per group; absent means the chat's default. */
  status: Map<number, BotStatus>;
  /** Set by setWebhook: while set, getUpdates is refused with 409 as Telegram does. */
  webhook: { url: string; secretToken: string | null; allowedUpdates: string[] | null } | null;
}

/** A message with who sent it. */
export interface StoredMessage {
  message: Message;
  /** Token of the bot that sent it; undefined for messages from users. */
  sentBy?: string;
  deleted: boolean;
}

/** One chat and everything in it. */
export interface ChatState {
  chat: Chat;
  members: Map<number, MemberRole>;
  messages: Map<number, StoredMessage>;
  nextMessageId: number;
  defaultBotStatus: BotStatus;
  /** Set when the group became a supergroup; sends to the old id then fail with 400. */
  migratedTo?: number;
}

/** A file known to the emulator: uploaded by the bot or sent by a user. */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  filePath: string;
  fileName?: string;
  mimeType?: string;
  bytes: Buffer;
}

/** The id a reference points at. */
export function chatIdOf(ref: ChatRef): number {
  return typeof ref === "number" ? ref : ref.id;
}

/** The id a user reference points at. */
export function userIdOf(ref: UserRef): number {
  return typeof ref === "number" ? ref : ref.id;
}

/** Where a message reference points. */
export function messageKey(ref: MessageRef): { chatId: number; messageId: number } {
  return "chat_id" in ref ? { chatId: ref.chat_id, messageId: ref.message_id } : { chatId: ref.chat.id, messageId: ref.message_id };
}

const MIME_BY_EXTENSION: Record<string, string> = {
  ics: "text/calendar", txt: "text/plain", csv: "text/csv", json: "application/json", pdf: "application/pdf",
  html: "text/html", md: "text/markdown", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg",
  zip: "application/zip", xml: "application/xml",
};

/** Telegram guesses a document's type from its name when the upload says octet-stream. */
export function guessMimeType(fileName: string, declared?: string): string {
  if (declared && declared !== "application/octet-stream") return declared;
  const ext = fileName.split(".").pop()?.toLowerCase() ?? "";
  return MIME_BY_EXTENSION[ext] ?? "application/octet-stream";
}

/**
 * Every user, chat, message, file and bot the emulator knows. Maps keyed by id keep each
 * lookup O(1), so 100,000 chats cost memory, not time.
 */
export class World {
  readonly bots = new Map<string, BotState>();
  readonly users = new Map<number, User>();
  readonly chats = new Map<number, ChatState>();
  readonly files = new Map<string, StoredFile>();
  readonly filesByPath = new Map<string, StoredFile>();
  /** Every message a bot sent, in order, for `sentMessages()` without a chat. */
  readonly botMessageLog: { chatId: number; messageId: number }[] = [];
  private nextUserId = 100_000_001;
  private nextGroupId = 4_000_000_001;
  private nextSupergroupId = 1_001_000_000_001;
  private nextFileNumber = 1;

  constructor(private readonly now: () => number) {}

  /** Seconds since the epoch by the emulator clock, as Telegram's `date`. */
  unixTime(): number {
    return Math.floor(this.now() / 1000);
  }

  bot(token: string, identity: BotIdentity = {}): BotState {
    let bot = this.bots.get(token);
    if (!bot) {
      // Real tokens start with the bot's id, so use it when it is numeric.
      const idFromToken = Number(token.split(":")[0]);
      bot = {
        token,
        user: {
          id: identity.id ?? (Number.isSafeInteger(idFromToken) && idFromToken > 0 ? idFromToken : 7_000_000_000 + this.bots.size),
          is_bot: true,
          first_name: identity.firstName ?? "Mindet Test",
          username: identity.username ?? "mindet_test_bot",
        },
        queue: new UpdateQueue(),
        commands: new Map(),
        blockedBy: new Set(),
        status: new Map(),
        webhook: null,
      };
      this.bots.set(token, bot);
    } else if (identity.id !== undefined || identity.username !== undefined || identity.firstName !== undefined) {
      bot.user = {
        ...bot.user,
        ...(identity.id !== undefined ? { id: identity.id } : {}),
        ...(identity.username !== undefined ? { username: identity.username } : {}),
        ...(identity.firstName !== undefined ? { first_name: identity.firstName } : {}),
      };
    }
    return bot;
  }

  createUser(options: { id?: number; firstName?: string; lastName?: string; username?: string; languageCode?: string }): User {
    const id = options.id ?? this.nextUserId++;
    const user: User = {
      id,
      is_bot: false,
      first_name: options.firstName ?? `User ${id}`,
      ...(options.lastName ? { last_name: options.lastName } : {}),
      ...(options.username ? { username: options.username } : {}),
      language_code: options.languageCode ?? "en",
    };
    this.users.set(id, user);
    return user;
  }

  user(ref: UserRef): User {
    if (typeof ref !== "number") {
      if (!this.users.has(ref.id)) this.users.set(ref.id, ref);
      return this.users.get(ref.id) as User;
    }
    return this.users.get(ref) ?? this.createUser({ id: ref });
  }

  addChat(chat: Chat, defaultBotStatus: BotStatus): ChatState {
    const state: ChatState = { chat, members: new Map(), messages: new Map(), nextMessageId: 1, defaultBotStatus };
    this.chats.set(chat.id, state);
    return state;
  }

  newGroupId(): number {
    return -this.nextGroupId++;
  }

  newSupergroupId(): number {
    return -this.nextSupergroupId++;
  }

  privateChat(user: User): ChatState {
    const existing = this.chats.get(user.id);
    if (existing) return existing;
    const chat: Chat.PrivateChat = {
      id: user.id,
      type: "private",
      first_name: user.first_name,
      ...(user.last_name ? { last_name: user.last_name } : {}),
      ...(user.username ? { username: user.username } : {}),
    };
    const state = this.addChat(chat, "member");
    state.members.set(user.id, "member");
    return state;
  }

  botStatus(bot: BotState, chat: ChatState): BotStatus {
    if (chat.chat.type === "private") return bot.blockedBy.has(chat.chat.id) ? "kicked" : "member";
    return bot.status.get(chat.chat.id) ?? chat.defaultBotStatus;
  }

  /** Stores a new message in the chat with the next message_id. */
  appendMessage(chat: ChatState, fields: Omit<Message, "message_id" | "date" | "chat">, sentBy?: string): Message {
    const message = { message_id: chat.nextMessageId++, date: this.unixTime(), chat: chat.chat, ...fields } as Message;
    chat.messages.set(message.message_id, { message, sentBy, deleted: false });
    if (sentBy !== undefined) this.botMessageLog.push({ chatId: chat.chat.id, messageId: message.message_id });
    return message;
  }

  storedMessage(ref: MessageRef): StoredMessage | undefined {
    const { chatId, messageId } = messageKey(ref);
    return this.chats.get(chatId)?.messages.get(messageId);
  }

  storeFile(bytes: Buffer, fileName: string | undefined, mimeType: string | undefined, folder: string): StoredFile {
    const n = this.nextFileNumber++;
    const ext = fileName?.includes(".") ? `.${fileName.split(".").pop() ?? ""}` : "";
    const file: StoredFile = {
      // Shaped like Telegram's opaque ids so code that checks their length or prefix still works.
      fileId: `BQACAgIAAxkBAAI${n.toString(36).padStart(8, "0")}emu${Buffer.from(String(n)).toString("base64url")}`,
      fileUniqueId: `AgAD${n.toString(36).padStart(6, "0")}`,
      filePath: `${folder}/file_${n}${ext}`,
      ...(fileName !== undefined ? { fileName } : {}),
      ...(mimeType !== undefined ? { mimeType } : {}),
      bytes,
    };
    this.files.set(file.fileId, file);
    this.filesByPath.set(file.filePath, file);
    return file;
  }

  /** Forgets messages, files and updates, keeping users, chats and bots. */
  clearTraffic(): void {
    for (const chat of this.chats.values()) chat.messages.clear();
    this.botMessageLog.length = 0;
    for (const bot of this.bots.values()) bot.queue.clear();
  }
}
