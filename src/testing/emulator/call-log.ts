import type { CallFilter, ChatStats, EmulatorStats, RecordedCall, WaitOptions } from "./types.ts";

/** A predicate over recorded calls. */
export type CallPredicate = (call: RecordedCall) => boolean;

interface Waiter {
  since: number;
  matches: CallPredicate;
  resolve: (call: RecordedCall) => void;
}

const SEND_METHODS = new Set([
  "sendmessage", "senddocument", "sendphoto", "sendsticker", "sendvideo", "sendaudio", "sendvoice",
  "sendanimation", "sendlocation", "sendcontact", "sendpoll", "sendmediagroup", "copymessage", "forwardmessage",
]);

/** Whether Telegram counts this method against flood limits. */
export function isSendMethod(method: string): boolean {
  return SEND_METHODS.has(method.toLowerCase());
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The chat a call addresses, whether chat_id came as a number or a form-field string. */
export function callChatId(call: RecordedCall): number | undefined {
  const raw = call.params["chat_id"];
  const id = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : NaN;
  return Number.isFinite(id) ? id : undefined;
}

/** Turns a serialisable filter into a predicate; used in-process and by the control API. */
export function callFilterPredicate(method: string | string[] | undefined, filter: CallFilter = {}): CallPredicate {
  const methods = method === undefined ? undefined : new Set((Array.isArray(method) ? method : [method]).map((m) => m.toLowerCase()));
  return (call) => {
    if (methods && !methods.has(call.method.toLowerCase())) return false;
    if (filter.chatId !== undefined && callChatId(call) !== filter.chatId) return false;
    if (filter.okOnly && !(call.outcome.kind === "response" && call.outcome.body.ok)) return false;
    if (filter.textIncludes !== undefined) {
      const text = String(call.params["text"] ?? call.params["caption"] ?? "");
      if (!text.includes(filter.textIncludes)) return false;
    }
    if (filter.params) {
      for (const [key, value] of Object.entries(filter.params)) {
        const actual = call.params[key];
        if (!sameJson(actual, value) && String(actual) !== String(value)) return false;
      }
    }
    return true;
  };
}

function describe(call: RecordedCall): string {
  const status = call.outcome.kind === "response" ? String(call.outcome.status) : call.outcome.kind;
  const chat = callChatId(call);
  return `#${call.index} ${call.method}${chat !== undefined ? ` chat=${chat}` : ""} -> ${status}`;
}

/**
 * The log of every request plus event-driven waiting on it: each recorded call is offered to
 * the current waiters, so a test resumes the moment the bot acts instead of polling.
 */
export class CallLog {
  private calls: RecordedCall[] = [];
  /** Index of calls[0]; grows when old calls are trimmed. */
  private firstIndex = 0;
  private waiters = new Set<Waiter>();
  private markIndex = 0;
  private counters: EmulatorStats = CallLog.emptyStats();

  constructor(private readonly maxCalls: number) {}

  private static emptyStats(): EmulatorStats {
    return { sendMessageAccepted: 0, sendsAccepted: 0, tooManyRequests: 0, errors: 0, perChat: Object.create(null) as Record<string, ChatStats> };
  }

  /** Index the next recorded call will get. */
  get nextIndex(): number {
    return this.firstIndex + this.calls.length;
  }

  get all(): readonly RecordedCall[] {
    return this.calls;
  }

  get stats(): EmulatorStats {
    return this.counters;
  }

  /** Remembers "now" as the default start of the next waits. */
  mark(): number {
    this.markIndex = this.nextIndex;
    return this.markIndex;
  }

  record(call: Omit<RecordedCall, "index">): RecordedCall {
    const full: RecordedCall = { index: this.nextIndex, ...call };
    this.calls.push(full);
    if (this.calls.length > this.maxCalls) {
      // Trim half at once so trimming stays amortised O(1) per call.
      const drop = Math.floor(this.maxCalls / 2);
      this.calls = this.calls.slice(drop);
      this.firstIndex += drop;
    }
    this.count(full);
    this.offer(full);
    return full;
  }

  /** Offers a call again after its outcome changed (a held request that was executed late). */
  offer(call: RecordedCall): void {
    for (const waiter of this.waiters) {
      if (call.index >= waiter.since && waiter.matches(call)) {
        this.waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  }

  /** Resolves with the first matching call at or after `since`, already made or still to come. */
  waitFor(predicate: CallPredicate, what: string, options: WaitOptions = {}): Promise<RecordedCall> {
    const since = options.since ?? this.markIndex;
    const timeoutMs = options.timeoutMs ?? 5000;
    const done = this.calls.find((c) => c.index >= since && predicate(c));
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const recent = this.calls.slice(-15).map(describe).join("\n  ");
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (calls since #${since}).\nRecent calls:\n  ${recent || "(none)"}`));
      }, timeoutMs);
      const waiter: Waiter = {
        since,
        matches: predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Forgets calls and counters; pending waits keep waiting for new calls. */
  reset(): void {
    this.firstIndex += this.calls.length;
    this.calls = [];
    this.markIndex = this.firstIndex;
    this.counters = CallLog.emptyStats();
  }

  private count(call: RecordedCall): void {
    const chatId = callChatId(call);
    const perChat = chatId === undefined ? undefined : (this.counters.perChat[String(chatId)] ??= { accepted: 0, tooManyRequests: 0, errors: 0 });
    const ok = call.outcome.kind === "response" && call.outcome.body.ok;
    if (ok) {
      if (!isSendMethod(call.method)) return;
      this.counters.sendsAccepted++;
      if (call.method.toLowerCase() === "sendmessage") this.counters.sendMessageAccepted++;
      if (perChat) perChat.accepted++;
      return;
    }
    this.counters.errors++;
    if (perChat) perChat.errors++;
    if (call.outcome.kind === "response" && call.outcome.status === 429) {
      this.counters.tooManyRequests++;
      if (perChat) perChat.tooManyRequests++;
    }
  }
}
