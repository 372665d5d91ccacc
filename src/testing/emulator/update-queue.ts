import type { Update } from "grammy/types";
import { ApiError } from "./api-error.ts";

// Telegram leaves these out unless allowed_updates names them.
const OPT_IN_TYPES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

/** Parameters of one getUpdates call, already validated. */
export interface PollRequest {
  offset?: number;
  limit: number;
  timeoutSeconds: number;
  allowedUpdates?: string[];
}

interface HeldPoll {
  limit: number;
  resolve: (updates: Update[]) => void;
  reject: (error: ApiError) => void;
  timer: NodeJS.Timeout;
}

function updateType(update: Update): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}

/**
 * One bot's pending updates with Telegram's getUpdates semantics: an offset confirms (drops)
 * every earlier update, one long poll at a time, and a newer poll terminates the older one.
 */
export class UpdateQueue {
  private pending: Update[] = [];
  private nextUpdateId = 10_000_001;
  private allowed: Set<string> | undefined;
  private held: HeldPoll | undefined;
  private heldWaiters: (() => void)[] = [];

  /** Updates not yet confirmed by an offset. */
  get size(): number {
    return this.pending.length;
  }

  /** Assigns the next update_id, stores the update and wakes a held poll. */
  enqueue(update: Omit<Update, "update_id">): Update {
    const full = { update_id: this.nextUpdateId++, ...update } as Update;
    if (!this.isAllowed(full)) return full;
    this.pending.push(full);
    const held = this.held;
    if (held) {
      this.held = undefined;
      clearTimeout(held.timer);
      held.resolve(this.take(held.limit));
    }
    return full;
  }

  /** Answers a getUpdates call: at once when updates are pending, else after a long poll. */
  poll(request: PollRequest, signal: AbortSignal): Promise<Update[]> {
    if (request.allowedUpdates !== undefined) {
      this.allowed = request.allowedUpdates.length > 0 ? new Set(request.allowedUpdates) : undefined;
      this.pending = this.pending.filter((u) => this.isAllowed(u));
    }
    this.confirm(request.offset);
    // Telegram ends the older long poll when a newer one arrives, which is also what lets a
    // restarted bot process take over at once after the old one was killed.
    this.terminateHeld(new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
    const ready = this.take(request.limit);
    if (ready.length > 0 || request.timeoutSeconds <= 0 || signal.aborted) return Promise.resolve(ready);
    return new Promise<Update[]>((resolve, reject) => {
      const held: HeldPoll = {
        limit: request.limit,
        resolve,
        reject,
        timer: setTimeout(() => this.release(held, []), request.timeoutSeconds * 1000),
      };
      this.held = held;
      for (const wake of this.heldWaiters.splice(0)) wake();
      signal.addEventListener("abort", () => this.release(held, []), { once: true });
    });
  }

  /** Resolves once a long poll is being held (the bot is idle, waiting for updates). */
  whenHeld(): Promise<void> {
    if (this.held) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push(resolve));
  }

  /** Ends a held poll with an empty batch (used when the emulator closes). */
  endHeld(): void {
    if (this.held) this.release(this.held, []);
  }

  /** Forgets every pending update. */
  clear(): void {
    this.pending = [];
  }

  private release(held: HeldPoll, updates: Update[]): void {
    if (this.held !== held) return;
    this.held = undefined;
    clearTimeout(held.timer);
    held.resolve(updates);
  }

  private terminateHeld(error: ApiError): void {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    clearTimeout(held.timer);
    held.reject(error);
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset < 0) {
      this.pending = this.pending.slice(offset);
      return;
    }
    // Updates are ordered by id, so the confirmed ones are a prefix.
    let drop = 0;
    while (drop < this.pending.length && (this.pending[drop] as Update).update_id < offset) drop++;
    if (drop > 0) this.pending = this.pending.slice(drop);
  }

  // Returned updates stay pending until a later offset confirms them, as in Telegram: a bot
  // that crashes before confirming gets them again.
  private take(limit: number): Update[] {
    return this.pending.slice(0, limit);
  }

  private isAllowed(update: Update): boolean {
    const type = updateType(update);
    return this.allowed ? this.allowed.has(type) : !OPT_IN_TYPES.has(type);
  }
}
