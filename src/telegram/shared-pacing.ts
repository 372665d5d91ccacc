// Telegram's flood limits belong to the bot token, not to an instance: two instances that each
// keep 30 messages a second send 60 together. On PostgreSQL every instance therefore takes its
// send slots from the database, one statement per grant of several slots (the outbound limiter,
// src/telegram/outbound-limiter.ts, asks for them), so the limits hold however many instances
// run, and replies and reminders of every instance draw on one budget.
//
// How: a generic cell rate algorithm per key in the `SendPace` table (UNLOGGED). A key's row
// holds the earliest instant its next message may go (`nextAt`). Granting n slots of the
// overall limit moves the "global" row's nextAt on by n spacings, atomically (INSERT ... ON
// CONFLICT DO UPDATE locks the row): whoever asks next gets the slots after those. In the same
// statement each slot's chat ("c:<chatId>", spaced by the chat's or the group's limit,
// whichever is stricter) is reserved for that instant, unless another instance holds it; such a
// chat is told when it frees and its overall slot goes unused (a rare collision: a chat gets a
// reminder from one instance and a reply from another within a second).
//
// The clock is the database's (clock_timestamp()), so instances on different machines agree on
// it. Slots come back on that clock and are turned into the process's own by an offset measured
// as NTP does: the database's now against the middle of the round trip that read it, kept from
// the fastest round trip (refreshed every half minute), so the error is half the fastest round
// trip, about a millisecond. (Turning "slot minus the database's now" into a delay from when the
// answer arrived instead added each answer's latency to its slot: 10-20 ms apart under load, on
// a spacing of 35 ms, and the emulator answered 429.) Tests pass their own clock instead.
import { Prisma, type Db } from "../db/client.ts";

/** One chat's request for a slot. */
export interface PaceRequest {
  /** The limiter's key of the chat (its id as text). */
  key: string;
  /** Least time between two messages to this chat: the chat's or the group's limit, widened. */
  spacingMs: number;
  /**
   * The slot (PaceAnswer.slot) this chat was granted and not used (it came too late): the chat
   * is moved to a new slot if it still holds that one, without waiting out its spacing after
   * it, since nothing went out at it.
   */
  renewSlot?: number;
}

/**
 * What a grant gave for each requested chat, on the process's clock (SharedPacingOptions.local):
 * its slot, or when another instance lets go of the chat.
 */
export type PaceAnswer = { key: string; granted: true; atMs: number; slot: number } | { key: string; granted: false; heldUntilMs: number };

export interface SharedPacing {
  /**
   * One slot of the overall limit per request, in order, `globalSpacingMs` apart after every
   * slot granted before (by any instance); each request's chat is reserved for its slot.
   * Requests must name distinct chats.
   */
  reserve(requests: readonly PaceRequest[], globalSpacingMs: number): Promise<PaceAnswer[]>;
  /** Holds every instance's sends for `ms` (a 429's retry_after): the overall row moves past it. */
  pauseAll(ms: number): Promise<void>;
}

export interface SharedPacingOptions {
  /** The pacing clock in epoch ms; the database's clock_timestamp() by default. */
  now?: () => number;
  /** The process's clock the answers are given on: the outbound limiter's (its default by default). */
  local?: () => number;
  /** A chat's row is forgotten this long after its last slot (checked every PRUNE_EVERY grants). */
  forgetAfterMs?: number;
}

const GLOBAL_KEY = "global";
/**
 * Most a grant's first slot is put after the database's now (see leadMs below). A slot that
 * starts at the database's now is already some way in the past when its answer is acted on.
 */
const MAX_LEAD_MS = 100;
/** Weight of the latest round trip in the average that sets the lead. */
const LEAD_WEIGHT = 0.3;
/** The clock offset is measured again after this long even without a faster round trip (drift). */
const OFFSET_REFRESH_MS = 30_000;
const PRUNE_EVERY = 500;
const chatKey = (key: string): string => `c:${key}`;

/** The pacing shared through `db` (PostgreSQL; SQLite is one process and paces in memory). */
export function createSharedPacing(db: Db, options: SharedPacingOptions = {}): SharedPacing {
  const forgetAfterMs = options.forgetAfterMs ?? 60_000;
  let grants = 0;
  /**
   * The recent round trip of a grant (moving average), local clock: slots start no sooner than
   * this after the database's now. The answer is read on the database about half a round trip
   * before it arrives, and the event loop then takes its time to act on it: slots starting at
   * the database's now came back 10-250 ms in the past on a loaded machine, every one late,
   * each given back and asked for again (a slot wasted per message, the share of 1,000/s
   * fell to 0.07). Only a grant that starts the schedule again waits for the lead: one that
   * continues it starts where the last one ended, which the lookahead keeps in the future.
   */
  let leadMs = 0;
  const local = options.local ?? options.now ?? (() => performance.timeOrigin + performance.now());
  /** The pacing clock minus the local one, from the fastest recent round trip. */
  let offset: { ms: number; roundTripMs: number; at: number } | null = null;
  // The pacing clock's now as SQL: the injected clock's value, or the database's.
  const nowSql = (): Prisma.Sql =>
    options.now ? Prisma.sql`CAST(${options.now()} AS double precision)` : Prisma.sql`extract(epoch FROM clock_timestamp()) * 1000`;

  return {
    async reserve(requests, globalSpacingMs) {
      if (requests.length === 0) return [];
      const n = requests.length;
      const wanted = JSON.stringify(requests.map((r) => ({ k: chatKey(r.key), s: r.spacingMs, ...(r.renewSlot === undefined ? {} : { o: r.renewSlot }) })));
      const sent = local();
      const lead = Prisma.sql`CAST(${Math.round(leadMs * 10) / 10} AS double precision)`;
      const rows = await db.$queryRaw<{ key: string; granted: boolean; slotAt: number; heldUntil: number | null; clockNow: number }[]>`
        WITH clock AS (SELECT ${nowSql()} AS now),
        g AS (
          INSERT INTO "SendPace" AS p (key, "nextAt", "slotAt")
          SELECT ${GLOBAL_KEY}, clock.now + ${lead} + ${n} * CAST(${globalSpacingMs} AS double precision), clock.now + ${lead} FROM clock
          ON CONFLICT (key) DO UPDATE SET "slotAt" = GREATEST(p."nextAt", EXCLUDED."slotAt"),
            "nextAt" = GREATEST(p."nextAt", EXCLUDED."slotAt") + ${n} * CAST(${globalSpacingMs} AS double precision)
          RETURNING p."slotAt" AS start),
        r AS (
          SELECT t.value->>'k' AS key, CAST(t.value->>'s' AS double precision) AS spacing, t.ord - 1 AS i, CAST(t.value->>'o' AS double precision) AS renew
          FROM json_array_elements(CAST(${wanted} AS json)) WITH ORDINALITY AS t(value, ord)),
        c AS (
          INSERT INTO "SendPace" AS p (key, "nextAt", "slotAt")
          SELECT r.key, g.start + r.i * CAST(${globalSpacingMs} AS double precision) + r.spacing, g.start + r.i * CAST(${globalSpacingMs} AS double precision) FROM r, g
          WHERE r.renew IS NULL
          ON CONFLICT (key) DO UPDATE SET "nextAt" = EXCLUDED."nextAt", "slotAt" = EXCLUDED."slotAt" WHERE p."nextAt" <= EXCLUDED."slotAt"
          RETURNING p.key),
        -- A chat given back unused moves to its new slot while its row still holds the old one
        -- (no other instance took it meanwhile: the old slot plus its spacing kept them off).
        renewed AS (
          UPDATE "SendPace" AS p SET "nextAt" = g.start + r.i * CAST(${globalSpacingMs} AS double precision) + r.spacing, "slotAt" = g.start + r.i * CAST(${globalSpacingMs} AS double precision)
          FROM r, g WHERE r.renew IS NOT NULL AND p.key = r.key AND p."slotAt" = r.renew
          RETURNING p.key)
        SELECT r.key, EXISTS (SELECT 1 FROM c WHERE c.key = r.key UNION ALL SELECT 1 FROM renewed WHERE renewed.key = r.key) AS granted, clock.now AS "clockNow",
          g.start + r.i * CAST(${globalSpacingMs} AS double precision) AS "slotAt", held."nextAt" AS "heldUntil"
        FROM r CROSS JOIN g CROSS JOIN clock LEFT JOIN "SendPace" held ON held.key = r.key
        ORDER BY r.i`;
      if (++grants % PRUNE_EVERY === 0) {
        await db.$executeRaw`DELETE FROM "SendPace" WHERE key <> ${GLOBAL_KEY} AND "nextAt" < ${nowSql()} - ${forgetAfterMs}`;
      }
      const back = local();
      const roundTripMs = back - sent;
      leadMs = Math.min(MAX_LEAD_MS, grants === 1 ? roundTripMs : (1 - LEAD_WEIGHT) * leadMs + LEAD_WEIGHT * roundTripMs);
      const clockNow = Number(rows[0]?.clockNow ?? 0);
      if (!offset || roundTripMs <= offset.roundTripMs || back - offset.at > OFFSET_REFRESH_MS) {
        offset = { ms: clockNow - (sent + back) / 2, roundTripMs, at: back };
      }
      const toLocal = (at: number): number => at - (offset as { ms: number }).ms;
      return rows.map((row, i): PaceAnswer => {
        const key = (requests[i] as PaceRequest).key;
        return row.granted
          ? { key, granted: true, atMs: toLocal(Number(row.slotAt)), slot: Number(row.slotAt) }
          : { key, granted: false, heldUntilMs: toLocal(Number(row.heldUntil ?? clockNow)) };
      });
    },
    async pauseAll(ms) {
      await db.$executeRaw`
        INSERT INTO "SendPace" AS p (key, "nextAt", "slotAt") SELECT ${GLOBAL_KEY}, now.t + ${ms}, now.t FROM (SELECT ${nowSql()} AS t) AS now
        ON CONFLICT (key) DO UPDATE SET "nextAt" = GREATEST(p."nextAt", EXCLUDED."nextAt")`;
    },
  };
}
