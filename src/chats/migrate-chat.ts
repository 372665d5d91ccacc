import type { Db } from "../db/client.ts";

/** What a migration moved. */
export interface MigrateChatResult {
  moved: boolean;
  follows: number;
  deliveries: number;
}

/**
 * A group became a supergroup (Telegram gives it a new id): in one transaction, create or
 * update the new chat with the old one's settings, move its follows (skipping ones the new chat
 * already has) and its pending/failed deliveries, and mark the old chat as migrated and
 * inactive. Safe to call twice (the service message arrives in both chats): the second call
 * finds nothing left to move. `moved` is false when the old chat was unknown.
 */
export async function migrateChat(db: Db, oldId: number | bigint, newId: number | bigint): Promise<MigrateChatResult> {
  const from = BigInt(oldId);
  const to = BigInt(newId);
  if (from === to) return { moved: false, follows: 0, deliveries: 0 };
  return db.$transaction(async (tx) => {
    const old = await tx.chat.findUnique({ where: { id: from } });
    if (!old) return { moved: false, follows: 0, deliveries: 0 };
    const settings = {
      timeZone: old.timeZone,
      offsets: old.offsets,
      reminderHour: old.reminderHour,
      digestDay: old.digestDay,
      digestHour: old.digestHour,
      quietStart: old.quietStart,
      quietEnd: old.quietEnd,
      language: old.language,
    };
    await tx.chat.upsert({
      where: { id: to },
      create: { id: to, type: "supergroup", title: old.title, username: old.username, ...settings },
      // Only copy settings while the old chat still holds them (a repeated call must not undo
      // changes made in the supergroup since).
      update: old.migratedToId === null ? { type: "supergroup", active: true, inactiveReason: null, ...settings } : {},
    });
    const follows = await tx.follow.findMany({ where: { chatId: from } });
    let movedFollows = 0;
    for (const f of follows) {
      const clash = await tx.follow.findUnique({
        where: { chatId_kind_value: { chatId: to, kind: f.kind, value: f.value } },
        select: { id: true },
      });
      if (clash) await tx.follow.delete({ where: { id: f.id } });
      else {
        await tx.follow.update({ where: { id: f.id }, data: { chatId: to } });
        movedFollows++;
      }
    }
    const deliveries = await moveDeliveries(tx, from, to);
    await tx.chat.update({
      where: { id: from },
      data: { migratedToId: to, active: false, inactiveReason: `migrated to ${to}` },
    });
    return { moved: true, follows: movedFollows, deliveries };
  });
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Delivery keys embed the chat id ("r:-100123:42:before-7:2026-03-31"), so a moved row gets a
// key for its new chat; a row whose new key already exists is a duplicate and is dropped.
async function moveDeliveries(tx: Tx, from: bigint, to: bigint): Promise<number> {
  const rows = await tx.delivery.findMany({ where: { chatId: from, state: { in: ["pending", "failed", "sending"] } } });
  let moved = 0;
  for (const row of rows) {
    const key = row.key.replace(new RegExp(`^([a-z]+):${from}:`), `$1:${to}:`);
    const clash = key !== row.key ? await tx.delivery.findUnique({ where: { key }, select: { id: true } }) : null;
    if (clash) {
      await tx.delivery.delete({ where: { id: row.id } });
      continue;
    }
    await tx.delivery.update({
      where: { id: row.id },
      data: { chatId: to, key, ...(row.state === "sending" ? {} : { state: "pending" }) },
    });
    moved++;
  }
  return moved;
}
