// Planning ahead means a chat's rows can exist before their minute. Two things can make them
// wrong in between, and are handled here, one chat at a time (they are rare and small):
// - a fresh follow: its reminders up to the horizon were never planned (and its current one is due now);
// - a chat's settings changed (zone, hour, quiet hours, offsets), or it became active again:
//   its future rows are brought in line with the new settings.
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/client.ts";
import { sqlRunner, type BulkSql } from "./bulk-sql.ts";
import { insertDeliveries } from "./insert-deliveries.ts";
import type { PlannerState } from "./load-plan-input.ts";
import { chatRows } from "./plan-ahead.ts";
import type { PlanChat, PlanCommitment, PlanFollow, PlannedDelivery } from "./types.ts";

/** Changed chats reconciled per tick; more wait for the next tick (the watermark is ordered). */
const CHANGED_CHATS_PER_TICK = 200;
/** Keys per IN list: well under SQLite's bound-variable limit. */
const KEYS_PER_QUERY = 900;
const CHAT_SELECT = {
  id: true, type: true, timeZone: true, offsets: true, reminderHour: true, digestDay: true, digestHour: true,
  quietStart: true, quietEnd: true, active: true, migratedToId: true, updatedAt: true,
} as const;
const FOLLOW_SELECT = { chatId: true, kind: true, value: true, commitmentId: true, createdAt: true } as const;

async function insert(db: Db, bulk: BulkSql | null, rows: readonly PlannedDelivery[], now: Date): Promise<number> {
  return bulk ? bulk.insertDeliveries(rows, now) : insertDeliveries(db, rows, now);
}

/**
 * Fresh follows get their current reminder (when it fell after the follow: a chat that follows
 * at 08:58 is not sent last week's "7 days left", only 09:00's "tomorrow") and every later one
 * up to the horizon. A
 * row the deliverer skipped because the chat had unfollowed is planned again (its key would
 * otherwise block it): following again means wanting it. Returns rows inserted or revived.
 */
export async function planFreshFollows(db: Db, bulk: BulkSql | null, fresh: readonly PlanFollow[], commitments: readonly PlanCommitment[], now: Date, untilMs: number): Promise<number> {
  const byChat = new Map<bigint, PlanFollow[]>();
  for (const f of fresh) byChat.set(f.chatId, [...(byChat.get(f.chatId) ?? []), f]);
  let inserted = 0;
  for (const [chatId, own] of byChat) {
    const chat = await db.chat.findFirst({ where: { id: chatId, active: true, migratedToId: null }, select: CHAT_SELECT });
    if (!chat) continue;
    const rows = chatRows(chat, own, commitments, now.getTime(), untilMs, true);
    inserted += await reviveUnfollowed(db, rows.map((r) => r.key), now);
    inserted += await insert(db, bulk, rows, now);
  }
  return inserted;
}

async function reviveUnfollowed(db: Db, keys: readonly string[], now: Date): Promise<number> {
  let revived = 0;
  for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) {
    const { count } = await db.delivery.updateMany({
      where: { key: { in: keys.slice(start, start + KEYS_PER_QUERY) }, state: "skipped", skipReason: "unfollowed" },
      data: { state: "pending", skipReason: null, attempts: 0, claimedAt: null, lastError: null, updatedAt: now },
    });
    revived += count;
  }
  return revived;
}

/**
 * Chats changed since the previous tick (Chat.updatedAt): their not-yet-due reminder rows are
 * made to match what their settings and follows plan now. Rows that are no longer wanted are
 * deleted, not skipped: they were never due and never claimed, and a skipped row would hold
 * its key against being planned again (a chat that unfollows and follows again). Returns rows
 * inserted and how many chats had changed.
 */
export async function reconcileChangedChats(db: Db, bulk: BulkSql | null, state: PlannerState, commitments: readonly PlanCommitment[], now: Date, untilMs: number): Promise<{ inserted: number; changed: number }> {
  const seen = state.chatsSeen;
  // At start-up everything is planned from scratch: only the watermark is taken (two scans of
  // the chat table; sorting 100,000 chats by updatedAt took most of a start-up tick).
  if (!seen) {
    const [latest] = await sqlRunner(db, bulk).all<{ id: bigint | number; updatedAt: string }>(Prisma.sql`
      SELECT id, "updatedAt" FROM "Chat" WHERE "updatedAt" = (SELECT max("updatedAt") FROM "Chat") ORDER BY id DESC LIMIT 1`);
    state.chatsSeen = latest ? { updatedAt: new Date(latest.updatedAt), id: BigInt(latest.id) } : { updatedAt: new Date(0), id: 0n };
    return { inserted: 0, changed: 0 };
  }
  const changed = await db.chat.findMany({
    where: { OR: [{ updatedAt: { gt: seen.updatedAt } }, { updatedAt: seen.updatedAt, id: { gt: seen.id } }] },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: CHANGED_CHATS_PER_TICK,
    select: CHAT_SELECT,
  });
  const last = changed.at(-1);
  let inserted = 0;
  for (const chat of changed) inserted += await reconcileChat(db, bulk, chat, commitments, now, untilMs);
  if (last) state.chatsSeen = { updatedAt: last.updatedAt, id: last.id };
  return { inserted, changed: changed.length };
}

async function reconcileChat(db: Db, bulk: BulkSql | null, chat: PlanChat & { active: boolean; migratedToId: bigint | null }, commitments: readonly PlanCommitment[], now: Date, untilMs: number): Promise<number> {
  const live = chat.active && chat.migratedToId === null;
  const follows = live ? await db.follow.findMany({ where: { chatId: chat.id }, select: FOLLOW_SELECT }) : [];
  const wanted = new Map(chatRows(chat, follows, commitments, now.getTime(), untilMs, true).map((r) => [r.key, r]));
  const existing = await db.delivery.findMany({
    where: { chatId: chat.id, state: "pending", notBefore: { gt: now }, kind: { in: ["before", "due", "overdue"] } },
    select: { id: true, key: true, notBefore: true },
  });
  const unwanted = existing.filter((r) => !wanted.has(r.key)).map((r) => r.id);
  if (unwanted.length > 0) await db.delivery.deleteMany({ where: { id: { in: unwanted }, state: "pending" } });
  for (const r of existing) {
    const want = wanted.get(r.key);
    if (want && want.notBefore.getTime() !== r.notBefore.getTime()) {
      await db.delivery.updateMany({ where: { id: r.id, state: "pending" }, data: { notBefore: want.notBefore } });
    }
  }
  return insert(db, bulk, [...wanted.values()], now);
}
