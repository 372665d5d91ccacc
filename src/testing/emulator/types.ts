import type { Chat, Message, Update, User } from "grammy/types";

/** A request parameter bag as the bot sent it (JSON body, form fields or query string). */
export type ApiParams = Record<string, unknown>;

/** Milliseconds since the epoch; the emulator reads time only through this. */
export interface EmulatorClock {
  now(): number | Date;
}

/** Telegram-like flood limits. Every field is optional; an absent field means "no limit". */
export interface RateLimitOptions {
  /** Sends per second over all chats of one bot (Telegram: about 30). */
  globalPerSecond?: number;
  /** Sends per second into one chat (Telegram: about 1). */
  perChatPerSecond?: number;
  /** Sends per minute into one group or supergroup (Telegram: 20). */
  perGroupPerMinute?: number;
}

/** A failure the test asks the emulator to answer with instead of the real result. */
export type InjectedFailure =
  | { kind: "429"; retryAfter: number }
  | { kind: "403"; description?: string }
  | { kind: "400-chat-not-found" }
  | { kind: "400-migrate"; migrateToChatId: number }
  | { kind: "400"; description: string }
  | { kind: "5xx"; status?: number }
  /** Without `ms` the request is never answered nor executed; with `ms` it is executed late. */
  | { kind: "timeout"; ms?: number }
  | { kind: "drop" };

/** Which calls a `failNext` applies to. */
export interface FailNextOptions {
  /** How many matching calls fail (default 1). */
  times?: number;
  /** Only calls whose `chat_id` is this chat. */
  chatId?: number;
  /** Only calls whose params satisfy this (in-process only; functions do not cross the control API). */
  match?: (params: ApiParams) => boolean;
}

/** What the emulator did with one request. */
export type CallOutcome =
  | { kind: "response"; status: number; body: ApiResponse }
  | { kind: "dropped" }
  | { kind: "held" };

/** The JSON body Telegram answers with. */
export type ApiResponse =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

/** Telegram's `ResponseParameters`. */
export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

/** One recorded Bot API request. */
export interface RecordedCall {
  /** Position in the log since creation (stable across `reset()` trimming). */
  index: number;
  /** The bot's token (each token is one bot). */
  token: string;
  method: string;
  params: ApiParams;
  /** When the request arrived, in ms since the epoch by the emulator's clock. */
  time: number;
  outcome: CallOutcome;
  /** Set when the outcome came from `failNext` or the rate limiter. */
  injected?: InjectedFailure["kind"] | "rate-limit";
}

/** A serialisable filter over calls, usable from the control API too. */
export interface CallFilter {
  /** Only calls with this `chat_id` (numbers and numeric strings compare equal). */
  chatId?: number;
  /** Only calls whose `text` or `caption` contains this. */
  textIncludes?: string;
  /** Only calls whose params equal these values (shallow, JSON equality). */
  params?: ApiParams;
  /** Only calls that Telegram would have accepted (ok: true). */
  okOnly?: boolean;
}

/** Options of the `waitFor*` helpers. */
export interface WaitOptions {
  /** Give up after this many ms (default 5000). */
  timeoutMs?: number;
  /**
   * Consider calls with `index >= since`. Default: the mark of the latest test-side action
   * (an injected update, `mark()`), so a reply that raced ahead of the wait is not missed.
   */
  since?: number;
}

/** Counters per chat. */
export interface ChatStats {
  accepted: number;
  tooManyRequests: number;
  errors: number;
}

/** Counters over the emulator's lifetime (cleared by `reset()`). */
export interface EmulatorStats {
  /** sendMessage calls answered ok. */
  sendMessageAccepted: number;
  /** Every send-type call answered ok (sendMessage, sendDocument, ...). */
  sendsAccepted: number;
  /** 429 answers, injected or from the rate limiter. */
  tooManyRequests: number;
  /** Every ok: false answer (including 429) plus dropped and held requests. */
  errors: number;
  perChat: Record<string, ChatStats>;
}

/** A user or an id of a user the emulator knows. */
export type UserRef = User | number;
/** A chat or an id of a chat the emulator knows. */
export type ChatRef = Chat | { id: number } | number;
/** A message, or just where it is. */
export type MessageRef = Message | { chat: { id: number }; message_id: number } | { chat_id: number; message_id: number };

/** An update carrying a new message. */
export type MessageUpdate = Update & { message: NonNullable<Update["message"]> };
/** An update carrying an edited message. */
export type EditedMessageUpdate = Update & { edited_message: NonNullable<Update["edited_message"]> };
/** An update carrying a callback query. */
export type CallbackQueryUpdate = Update & { callback_query: NonNullable<Update["callback_query"]> };
/** An update carrying a change of the bot's own membership. */
export type MyChatMemberUpdate = Update & { my_chat_member: NonNullable<Update["my_chat_member"]> };

/** Options shared by the update-injecting helpers. */
export interface InjectOptions {
  /** Which bot receives the update (default: the emulator's default token). */
  token?: string;
}

/** Options of `sendText`. */
export interface SendTextOptions extends InjectOptions {
  /** Make the message a reply to this one. */
  replyTo?: MessageRef;
  /** Extra entities; bot_command/mention entities are detected anyway. */
  entities?: Message["entities"];
  messageThreadId?: number;
}

/** A file a user sends to the bot. */
export interface UserDocument {
  fileName: string;
  mimeType?: string;
  content: Buffer | string;
  caption?: string;
}

/** Options of `createGroup`. */
export interface CreateGroupOptions {
  title: string;
  type?: "group" | "supergroup";
  members?: UserRef[];
  /** Admins are members too; the first admin is the creator. */
  admins?: UserRef[];
  id?: number;
  username?: string;
  /** Whether the bot is already in the group (default true). */
  botIsMember?: boolean;
  /** Whether the bot is an administrator there (default false). */
  botIsAdmin?: boolean;
}

/** Options of `createUser`. */
export interface CreateUserOptions {
  id?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

/** Identity of one bot (one token). */
export interface BotIdentity {
  id?: number;
  username?: string;
  firstName?: string;
}

/** Structured logging sink; pino's logger fits. Nothing is logged unless one is given. */
export interface EmulatorLogger {
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** What the `onRequest` hook sees before the request is handled. */
export interface RequestInfo {
  token: string;
  method: string;
  params: ApiParams;
}

/** Options of `createBotApiEmulator`. */
export interface BotApiEmulatorOptions {
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Token registered at start and used by test-side helpers by default. */
  token?: string;
  /** Identity of the default bot. */
  bot?: BotIdentity;
  /** Accept sends to chats the emulator has never seen (creating them as private chats). */
  autoCreateChats?: boolean;
  rateLimit?: RateLimitOptions;
  /** Added to every API response (for benchmarks). */
  latencyMs?: number;
  clock?: EmulatorClock;
  logger?: EmulatorLogger;
  onRequest?: (info: RequestInfo) => void;
  /**
   * Reject a bare `&` in HTML (default true). Telegram itself keeps a bare `&` that starts no
   * entity, but a bot that forgets to escape `&` also forgets `<`, so the emulator flags it early.
   */
  strictHtmlAmpersand?: boolean;
  /** Keep at most this many calls in `calls` (default 200000); older ones are trimmed. */
  maxRecordedCalls?: number;
}
