import type { BotCommand, Message, User } from "grammy/types";
import { dispatchApiRequest, type ApiRequest, type DispatchDeps, type TransportAnswer } from "./api-dispatch.ts";
import { CallLog, callFilterPredicate, type CallPredicate } from "./call-log.ts";
import { FailureQueue } from "./failures.ts";
import { RateLimiter } from "./rate-limiter.ts";
import { Scenario, type ButtonPress } from "./scenario.ts";
import type {
  ApiParams, BotApiEmulatorOptions, BotIdentity, CallFilter, ChatRef, EmulatorStats, FailNextOptions,
  InjectedFailure, RateLimitOptions, RecordedCall, SendTextOptions, UserRef, WaitOptions,
} from "./types.ts";
import { chatIdOf, World } from "./world.ts";

/** The default token: bot id 1234567890, like a real token's shape. */
export const DEFAULT_TOKEN = "1234567890:AAEmulatorDefaultTokenForMindetTests";

/** A serialisable filter over the messages the bot sent. */
export interface MessageFilter {
  textIncludes?: string;
  hasDocument?: boolean;
  hasPhoto?: boolean;
}

/** Methods whose result is a message the bot put into a chat. */
const REPLY_METHODS = ["sendMessage", "sendDocument", "sendPhoto", "editMessageText", "editMessageReplyMarkup"];

function messageMatches(filter: MessageFilter | ((m: Message) => boolean) | undefined, message: Message): boolean {
  if (filter === undefined) return true;
  if (typeof filter === "function") return filter(message);
  if (filter.textIncludes !== undefined && !(message.text ?? message.caption ?? "").includes(filter.textIncludes)) return false;
  if (filter.hasDocument !== undefined && (message.document !== undefined) !== filter.hasDocument) return false;
  if (filter.hasPhoto !== undefined && (message.photo !== undefined) !== filter.hasPhoto) return false;
  return true;
}

function resultMessage(call: RecordedCall): Message | undefined {
  if (call.outcome.kind !== "response" || !call.outcome.body.ok) return undefined;
  const result = call.outcome.body.result;
  return typeof result === "object" && result !== null && "message_id" in result ? (result as Message) : undefined;
}

/**
 * The emulator without its transport: state, the Bot API and the test-side operations. The
 * in-process emulator and the control API both call this one object, so they cannot drift.
 */
export class EmulatorCore extends Scenario {
  readonly failures = new FailureQueue();
  readonly limiter: RateLimiter;
  private latency: number;
  private readonly pendingAnswers: Map<string, (params: ApiParams) => void>;
  private readonly deps: DispatchDeps;

  constructor(readonly options: BotApiEmulatorOptions = {}) {
    const clock = options.clock;
    const now = clock ? () => Number(clock.now()) : () => Date.now();
    const world = new World(now);
    const log = new CallLog(options.maxRecordedCalls ?? 200_000);
    const pendingAnswers = new Map<string, (params: ApiParams) => void>();
    const token = options.token ?? DEFAULT_TOKEN;
    super(world, log, {
      register: (id) => new Promise((resolve) => pendingAnswers.set(id, resolve)),
    }, token);
    this.pendingAnswers = pendingAnswers;
    this.limiter = new RateLimiter(options.rateLimit);
    this.latency = options.latencyMs ?? 0;
    world.bot(token, options.bot);
    this.deps = {
      world, log, failures: this.failures, limiter: this.limiter, now, options,
      latencyMs: () => this.latency,
      callbacks: {
        answer: (id, params) => {
          const resolve = this.pendingAnswers.get(id);
          if (!resolve) return false;
          this.pendingAnswers.delete(id);
          resolve(params);
          return true;
        },
      },
    };
  }

  /** Handles one Bot API request (the transport calls this). */
  handleApiRequest(request: ApiRequest): Promise<TransportAnswer> {
    return dispatchApiRequest(this.deps, request);
  }

  /** Registers (or renames) the bot behind a token; unknown tokens also register on first use. */
  registerBot(token: string, identity: BotIdentity = {}): User {
    return this.world.bot(token, identity).user;
  }

  /** Makes the next matching call(s) of `method` fail the given way. */
  failNext(method: string, failure: InjectedFailure, options: FailNextOptions = {}): void {
    this.failures.arm(method, failure, options);
  }

  clearFailures(): void {
    this.failures.clear();
  }

  setRateLimit(options: RateLimitOptions): void {
    this.limiter.configure(options);
  }

  setLatency(ms: number): void {
    this.latency = ms;
  }

  /** Recorded calls, optionally of one method and from a call index on. */
  getCalls(query: { method?: string; since?: number } = {}): RecordedCall[] {
    const method = query.method?.toLowerCase();
    return this.log.all.filter((c) => (query.since === undefined || c.index >= query.since) && (method === undefined || c.method.toLowerCase() === method));
  }

  getStats(): EmulatorStats {
    return this.log.stats;
  }

  /** The bot's messages (current state, edits applied, deletions left out), oldest first. */
  sentMessages(chatId?: number): Message[] {
    if (chatId !== undefined) {
      const messages: Message[] = [];
      for (const stored of this.world.chats.get(chatId)?.messages.values() ?? []) {
        if (stored.sentBy !== undefined && !stored.deleted) messages.push(stored.message);
      }
      return messages;
    }
    return this.world.botMessageLog
      .map(({ chatId: id, messageId }) => this.world.chats.get(id)?.messages.get(messageId))
      .filter((s) => s !== undefined && !s.deleted)
      .map((s) => (s as { message: Message }).message);
  }

  lastMessage(chatId: number): Message | undefined {
    return this.sentMessages(chatId).at(-1);
  }

  /** The commands set for a scope and language (default scope, no language by default). */
  commands(query: { scope?: Record<string, unknown>; languageCode?: string; token?: string } = {}): BotCommand[] {
    const key = `${JSON.stringify(query.scope ?? { type: "default" })}|${query.languageCode ?? ""}`;
    return this.world.bot(query.token ?? this.defaultToken).commands.get(key) ?? [];
  }

  /** Sets the default start of later waits to now; returns the call index it marks. */
  mark(): number {
    return this.log.mark();
  }

  /** Forgets calls, stats, failures, messages, pending updates and button presses; keeps users, chats and bots. */
  reset(): void {
    this.log.reset();
    this.failures.clear();
    this.world.clearTraffic();
    this.pendingAnswers.clear();
    this.limiter.configure(this.options.rateLimit ?? {});
  }

  /** Resolves with the first call of `method` matching the filter or predicate (see WaitOptions.since). */
  waitForCall(method: string | string[], filter?: CallFilter | CallPredicate, options: WaitOptions = {}): Promise<RecordedCall> {
    const byMethod = callFilterPredicate(method, typeof filter === "function" ? {} : filter);
    const predicate: CallPredicate = typeof filter === "function" ? (c) => byMethod(c) && filter(c) : byMethod;
    return this.log.waitFor(predicate, `${String(method)}${filter && typeof filter !== "function" ? ` ${JSON.stringify(filter)}` : ""}`, options);
  }

  /** Resolves with the first message the bot sent or edited into the chat that matches. */
  async waitForMessage(chat: ChatRef, filter?: MessageFilter | ((m: Message) => boolean), options: WaitOptions = {}): Promise<Message> {
    const chatId = chatIdOf(chat);
    const call = await this.log.waitFor((c) => {
      if (!REPLY_METHODS.some((m) => m.toLowerCase() === c.method.toLowerCase())) return false;
      const message = resultMessage(c);
      return message !== undefined && message.chat.id === chatId && messageMatches(filter, message);
    }, `a message in chat ${chatId}${filter && typeof filter !== "function" ? ` ${JSON.stringify(filter)}` : ""}`, options);
    return resultMessage(call) as Message;
  }

  /** The bot's next message (sent or edited) in the chat after the latest test-side action. */
  nextReply(chat: ChatRef, options: WaitOptions = {}): Promise<Message> {
    return this.waitForMessage(chat, undefined, options);
  }

  /** Sends `text` as `from` and resolves with the bot's reply in that chat. */
  converse(chat: ChatRef, from: UserRef, text: string, options: SendTextOptions & WaitOptions = {}): Promise<Message> {
    this.sendText(chat, from, text, options);
    return this.nextReply(chat, options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {});
  }

  /**
   * Resolves when the bot holds a long poll, i.e. it has handled everything and waits for
   * updates. Rejects after timeoutMs (default 5000).
   */
  async waitForLongPoll(options: { token?: string; timeoutMs?: number } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for a held getUpdates`)), timeoutMs);
    });
    try {
      await Promise.race([this.world.bot(options.token ?? this.defaultToken).queue.whenHeld(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends every held long poll (on close). */
  endLongPolls(): void {
    for (const bot of this.world.bots.values()) bot.queue.endHeld();
  }
}

export type { ButtonPress };
