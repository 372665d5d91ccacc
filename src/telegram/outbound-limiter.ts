// The one outbound limiter of a process: every message to Telegram (the bot's replies through
// the API transformer, the reminders' and announcements' sends through sendWithRetries) waits
// here for its turn in each limit that applies: all chats per second, the chat per second, the
// group per minute. Telegram counts these per bot, not per sender: replies that were not paced
// at all drew 2,529 answers 429 for 600 replies, and two limiters (one per sender) each keeping
// 30/s would still send 60/s together. Hence one instance per process, built in main.ts.
//
// Two priorities share the capacity: a reply is what a user is waiting for on the screen, a
// reminder can leave a few seconds later, so whenever a slot comes free the oldest waiting
// reply whose chat may receive one goes first, and reminders take the slots replies leave.
// A 429's retry_after holds every sender (pauseAll), because the flood control that sent it
// is the bot's, not the chat's: the sender that hears it must not be the only one to stop.
//
// Several instances on one PostgreSQL database (`shared`): the slots come from the database
// (shared-pacing.ts), a few at a time, so the limits hold over all instances together. An
// instance asks for slots only as far ahead as SHARED_LOOKAHEAD_MS, so a reply on another
// instance waits behind at most that much of this one's reminders: replies keep their priority
// across instances too, not only within one.
import type { RateLimits } from "../config.ts";
import { createLimit, type Limit } from "./pacing.ts";
import type { SharedPacing } from "./shared-pacing.ts";

/** `reply`: an answer to an update; `background`: reminders and announcements. */
export type SendPriority = "reply" | "background";

/** What a sender needs of a limiter (reminders: src/reminders/deliver.ts). */
export interface RateLimiter {
  /** Resolves when a message to `chatId` may be sent, and counts it as sent. */
  acquire(chatId: bigint | number, isGroup: boolean): Promise<void>;
  /** Holds every sender for `ms` (a 429's retry_after). Absent on limiters that cannot. */
  pauseAll?(ms: number): void;
}

export interface OutboundLimiter extends RateLimiter {
  /** As RateLimiter.acquire; `priority` defaults to background (the reminders' sends). */
  acquire(chatId: bigint | number | string, isGroup: boolean, priority?: SendPriority): Promise<void>;
  /** Holds every sender of both priorities until `ms` from now; never shortens a pause. */
  pauseAll(ms: number): void;
  /** Senders waiting for a slot, by priority (logs, tests). */
  waiting(): Record<SendPriority, number>;
}

export interface OutboundLimiterOptions {
  limits: RateLimits;
  /** Monotonic milliseconds (tests pass a fake). */
  now?: () => number;
  /**
   * Waits `ms` (tests pass a fake that advances their fake time). Real timers by default. A
   * sleep that returns before `now()` moved on would make the dispatcher spin: hence the bot's
   * `deps.sleep` (a no-op in tests) is never passed here.
   */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Extra room added to every spacing and window, as a share of it (default 0.06) plus
   * `marginMs` (default 0): requests reach Telegram a little later than they leave, and not
   * always in order, so a limit kept exactly would sometimes look exceeded at the other end.
   */
  marginShare?: number;
  marginMs?: number;
  /**
   * Further room on each chat's and group's limits only (default 100 ms): a reply is let go
   * here and reaches Telegram after the bot's event loop got round to writing it, which under
   * a burst of updates can take tens of ms longer for one message than for the next. On a
   * chat's one-a-second spacing that costs a tenth of a second; on the global spacing
   * (33 ms) it would cost a quarter of the throughput, so the global limit keeps the share only.
   * Capped at a tenth of the spacing, so a high configured rate (tests) is not slowed to 10/s.
   */
  perChatMarginMs?: number;
  /**
   * Slots shared with other instances through the database (PostgreSQL); in-process pacing
   * without it. Its answers must be on this limiter's clock (`now`).
   */
  shared?: SharedPacing;
  /** Told when the shared pacing fails (the database is gone): this process paces on its own meanwhile. */
  onSharedError?: (error: unknown) => void;
}

/**
 * How far ahead an instance holds shared slots: the most a reply on another instance waits
 * behind this one's reminders, and about one database statement per this many ms of sending.
 */
export const SHARED_LOOKAHEAD_MS = 200;
/**
 * A shared slot whose timer fired later than this is given back and asked for again (see go()):
 * a third of the room the margin leaves in a second of the overall limit, which is what a late
 * message eats into: 8 ms at 30/s (24 ms of room), 20 ms at 1,000/s (59 ms). At least 8 ms.
 */
const lateToleranceMs = (spacingMs: number, perSecond: number): number => Math.max(8, (Math.max(1, Math.floor(perSecond) - 1) * spacingMs - 1000) / 3);
/** Most slots asked for in one statement (a burst of replies). */
const SHARED_MAX_GRANT = 500;
/** After the shared pacing failed, this process paces on its own this long before asking again. */
const SHARED_RETRY_MS = 5_000;

/**
 * How far behind its schedule the global limit may fall and still catch up (timer lateness), in
 * ms: the same third of the margin's room as a late shared slot, at least 10 ms. At 1,000/s the
 * event loop lagged 10-40 ms between two timers (p50-p90, a loaded machine), and restarting the
 * schedule after each lag threw away that much of the rate.
 */
const GLOBAL_CATCH_UP_MIN_MS = 10;
/** Chats' limits are forgotten once idle, checked every this many sends: memory follows active chats. */
const PRUNE_EVERY_SENDS = 10_000;

interface Waiter {
  key: string;
  isGroup: boolean;
  priority: SendPriority;
  resolve: () => void;
  /** Shared pacing: its slot came too late once (a busy event loop) and it asked again. */
  late?: boolean;
  /** Shared pacing: the slot it gave back unused (too late), until it has a new one. */
  givenBack?: number;
}

/**
 * The shared pacing limiter (see the file comment). A deliverer or a bot that waits here gets no
 * 429s from limits kept this way and still keeps close to the allowed rate (1 / (1 + marginShare)).
 */
export function createOutboundLimiter(options: OutboundLimiterOptions): OutboundLimiter {
  const now = options.now ?? (() => performance.timeOrigin + performance.now());
  const share = options.marginShare ?? 0.06;
  const extra = options.marginMs ?? 0;
  const widen = (ms: number): number => ms * (1 + share) + extra;
  const chatExtra = options.perChatMarginMs ?? 100;
  const widenChat = (ms: number): number => widen(ms) + Math.min(chatExtra, ms / 10);
  const { globalPerSecond, perChatPerSecond, perGroupPerMinute } = options.limits;
  // The global limit's spacing (createLimit's): a second divided by the rate, widened.
  const lateMs = lateToleranceMs(widen(1000 / globalPerSecond), globalPerSecond);
  const global = createLimit(globalPerSecond, 1000, widen, Math.max(GLOBAL_CATCH_UP_MIN_MS, lateMs));
  const perChat = new Map<string, Limit>();
  const perGroup = new Map<string, Limit>();
  const queues: Record<SendPriority, Waiter[]> = { reply: [], background: [] };
  let pausedUntil = -Infinity;
  let dispatching = false;
  let sends = 0;
  /** Ends the dispatcher's current nap early (a new sender may be able to go at once). */
  let wake: (() => void) | null = null;

  const limitFor = (map: Map<string, Limit>, key: string, perWindow: number, windowMs: number): Limit => {
    let limit = map.get(key);
    if (!limit) {
      limit = createLimit(perWindow, windowMs, widenChat);
      map.set(key, limit);
    }
    return limit;
  };
  const ownLimits = (w: Waiter): Limit[] => {
    const own = [limitFor(perChat, w.key, perChatPerSecond, 1000)];
    if (w.isGroup) own.push(limitFor(perGroup, w.key, perGroupPerMinute, 60_000));
    return own;
  };
  const prune = (t: number): void => {
    for (const map of [perChat, perGroup]) for (const [key, limit] of map) if (limit.idle(t)) map.delete(key);
  };

  // A cancellable wait: a sender that arrives while the dispatcher waits for some other chat's
  // second may be free to go now, so its arrival wakes the dispatcher.
  const nap = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      if (options.sleep) {
        wake = resolve;
        void options.sleep(ms).then(resolve);
        return;
      }
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = null;
    });

  /** The chat's spacing for shared pacing: its own limit, or its group's when that is stricter. */
  const sharedSpacing = (w: Waiter): number => Math.max(...ownLimits(w).map((l) => l.spacing));
  let reservedUntil = -Infinity;
  let sharedRetryAt = -Infinity;

  /**
   * Shared pacing: slots for the waiters whose chats may receive, one per chat: every such
   * reply at once (they go first, on every instance: a reply waits behind at most the
   * lookahead of reminders other instances hold), and reminders as many as fit in the
   * lookahead; each waiter goes at its slot. Returns ms to wait before asking again, 0 to go on
   * at once, or null when the database failed (then this process paces on its own).
   */
  const dispatchShared = async (shared: SharedPacing, t: number): Promise<number | null> => {
    const ahead = Math.max(0, reservedUntil - t);
    const picked: Waiter[] = [];
    const keys = new Set<string>();
    let soonestMs = Infinity;
    const collect = (queue: Waiter[], room: number): void => {
      for (const w of queue) {
        if (picked.length >= room) return;
        if (keys.has(w.key)) continue;
        // A slot given back holds the chat's limits in vain: the renewal moves it (shared-pacing.ts).
        const waitMs = w.givenBack === undefined ? Math.max(...ownLimits(w).map((l) => l.waitMs(t))) : 0;
        if (waitMs > 0) {
          soonestMs = Math.min(soonestMs, waitMs);
          continue;
        }
        keys.add(w.key);
        picked.push(w);
      }
    };
    collect(queues.reply, SHARED_MAX_GRANT);
    if (ahead <= SHARED_LOOKAHEAD_MS / 2) collect(queues.background, Math.max(1, Math.floor((SHARED_LOOKAHEAD_MS - ahead) / global.spacing)));
    else if (queues.background.length > 0) soonestMs = Math.min(soonestMs, ahead - SHARED_LOOKAHEAD_MS / 2);
    if (picked.length === 0) return soonestMs;
    let answers;
    try {
      answers = await shared.reserve(picked.map((w) => ({ key: w.key, spacingMs: sharedSpacing(w), ...(w.givenBack === undefined ? {} : { renewSlot: w.givenBack }) })), global.spacing);
    } catch (error) {
      options.onSharedError?.(error);
      sharedRetryAt = now() + SHARED_RETRY_MS;
      return null;
    }
    const back = now();
    for (const [i, answer] of answers.entries()) {
      const w = picked[i] as Waiter;
      if (!answer.granted) {
        // A renewal refused (the row was forgotten or moved on): asked for as any chat next time.
        w.givenBack = undefined;
        for (const limit of ownLimits(w)) limit.holdUntil(answer.heldUntilMs);
        continue;
      }
      w.givenBack = undefined;
      const at = answer.atMs;
      for (const queue of [queues.reply, queues.background]) {
        const index = queue.indexOf(w);
        if (index >= 0) queue.splice(index, 1);
      }
      for (const limit of ownLimits(w)) limit.takeAt(at);
      reservedUntil = Math.max(reservedUntil, at);
      if (++sends % PRUNE_EVERY_SENDS === 0) prune(back);
      // A slot is an instant shared with other instances: sent later than it (the event loop
      // was busy and the timer fired late), the message crowds the slots after it, and the
      // bot's flood limit counts arrivals: 30 slots span 29 spacings (1,024 ms at 30/s with the
      // margin), so one message 25 ms late makes 30 in a second (measured: a 429 when a loaded
      // machine fired a timer that late). Late by more than lateMs, it asks for a new
      // slot instead, once (a second late slot goes: a loaded process must still send); its chat
      // moves to the new slot at once (givenBack), instead of waiting out a spacing after a slot
      // nothing was sent at: 250 senders each holding a chat so stalled sent 70 messages a second.
      const slot = answer.slot;
      const go = (): void => {
        if (w.late || now() - at <= lateMs) return w.resolve();
        w.late = true;
        w.givenBack = slot;
        queues[w.priority].unshift(w);
        if (!dispatching) void dispatch();
        else wake?.();
      };
      const delayMs = at - back;
      if (delayMs <= 0) go();
      else if (options.sleep) void options.sleep(delayMs).then(go);
      else setTimeout(go, delayMs);
    }
    return 0;
  };

  /** The first waiter (replies before background, oldest first) whose chat may receive now; else ms until one may. */
  const pick = (t: number): { queue: Waiter[]; index: number } | number => {
    let soonestMs = Infinity;
    for (const queue of [queues.reply, queues.background]) {
      for (let index = 0; index < queue.length; index++) {
        const waitMs = Math.max(...ownLimits(queue[index] as Waiter).map((l) => l.waitMs(t)));
        if (waitMs === 0) return { queue, index };
        soonestMs = Math.min(soonestMs, waitMs);
      }
    }
    return soonestMs;
  };

  // One loop hands out slots: no herd of sleepers racing for each slot, a timer that fires late
  // releases the slots that came due and no more, and the priority order is decided in one place.
  // A chat's messages keep their order within a priority: its later ones are never eligible
  // before its first (they share its limits) and the scan takes the oldest eligible.
  const dispatch = async (): Promise<void> => {
    dispatching = true;
    try {
      while (queues.reply.length + queues.background.length > 0) {
        const t = now();
        if (options.shared && t >= sharedRetryAt) {
          if (pausedUntil > t) {
            await nap(pausedUntil - t);
            continue;
          }
          const waitShared = await dispatchShared(options.shared, t);
          if (waitShared !== null) {
            if (waitShared > 0) await nap(waitShared);
            continue;
          }
        }
        const waitMs = Math.max(pausedUntil - t, global.waitMs(t));
        if (waitMs > 0) {
          await nap(waitMs);
          continue;
        }
        const picked = pick(t);
        if (typeof picked === "number") {
          await nap(picked);
          continue;
        }
        const [waiter] = picked.queue.splice(picked.index, 1) as [Waiter];
        global.take(t);
        for (const limit of ownLimits(waiter)) limit.take(t);
        if (++sends % PRUNE_EVERY_SENDS === 0) prune(t);
        waiter.resolve();
      }
    } finally {
      dispatching = false;
    }
  };

  return {
    acquire(chatId, isGroup, priority = "background") {
      return new Promise<void>((resolve) => {
        queues[priority].push({ key: String(chatId), isGroup, priority, resolve });
        if (!dispatching) void dispatch();
        else wake?.();
      });
    },
    pauseAll(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
      // Every instance's senders: the flood control that answered is the token's.
      options.shared?.pauseAll(ms).catch((error: unknown) => options.onSharedError?.(error));
    },
    waiting() {
      return { reply: queues.reply.length, background: queues.background.length };
    },
  };
}
