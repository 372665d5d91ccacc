// When each reminder of one commitment falls for one settings profile (time zone, hour, quiet
// hours, offsets). Chats that share settings share the computation: 100,000 chats are usually a
// few dozen profiles, which is what keeps a planning tick cheap.
import { addDays, type IsoDate } from "../calendar.ts";
import { parseOffsets } from "../chats/chat-settings.ts";
import { localDate, reminderInstant, zonedInstant } from "./local-time.ts";
import type { DeliveryKind, PlanChat } from "./types.ts";

/** One reminder of one commitment for one profile. */
export interface Stage {
  offsetDays: number;
  kind: DeliveryKind;
  /** "before-7", "due", "overdue-1": part of the delivery key. */
  name: string;
  instant: number;
}

export interface Profile {
  key: string;
  timeZone: string;
  reminderHour: number;
  quiet: { start: number | null; end: number | null };
  /** Distinct offsets, largest (earliest reminder) first. */
  offsets: number[];
}

/** The reminder settings that decide when a chat's reminders fall (a chat, or a group of chats sharing them). */
export type ProfileSettings = Pick<PlanChat, "timeZone" | "offsets" | "reminderHour" | "quietStart" | "quietEnd">;

/**
 * A chat's stored offsets as days. The text was checked by the /settings parser when it was
 * written (the same parser reads it here); "" means no reminders. Text that no longer parses
 * (a row edited by hand) gets the schema's default rather than silence.
 */
export function offsetsOf(text: string): number[] {
  if (text.trim() === "") return [];
  const parsed = parseOffsets(text);
  const stored = parsed.ok && "offsets" in parsed.patch ? parsed.patch.offsets : DEFAULT_OFFSETS_TEXT;
  return stored.split(",").map(Number);
}

/** The schema's default offsets: a week, a day, the day, a day late. */
const DEFAULT_OFFSETS_TEXT = "7,1,0,-1";

export function profileOf(chat: ProfileSettings): Profile {
  const offsets = offsetsOf(chat.offsets);
  return {
    key: `${chat.timeZone}|${chat.reminderHour}|${chat.quietStart}|${chat.quietEnd}|${offsets.join(",")}`,
    timeZone: chat.timeZone,
    reminderHour: chat.reminderHour,
    quiet: { start: chat.quietStart, end: chat.quietEnd },
    offsets,
  };
}

export function stageName(offsetDays: number): { kind: DeliveryKind; name: string } {
  if (offsetDays > 0) return { kind: "before", name: `before-${offsetDays}` };
  if (offsetDays === 0) return { kind: "due", name: "due" };
  return { kind: "overdue", name: `overdue${offsetDays}` };
}

// Instants per (profile, local date) are reused across ticks; the cap keeps a long-running
// process bounded (clearing only costs recomputation).
const instantCache = new Map<string, number>();
const INSTANT_CACHE_MAX = 200_000;

/** The reminder instant on local `date` for a profile (reminder hour, out of quiet hours). */
export function instantOn(profile: Profile, date: IsoDate): number {
  const cacheKey = `${profile.timeZone}|${profile.reminderHour}|${profile.quiet.start}|${profile.quiet.end}|${date}`;
  let ms = instantCache.get(cacheKey);
  if (ms === undefined) {
    if (instantCache.size >= INSTANT_CACHE_MAX) instantCache.clear();
    ms = reminderInstant(date, profile.reminderHour, profile.timeZone, profile.quiet).getTime();
    instantCache.set(cacheKey, ms);
  }
  return ms;
}

/**
 * Due dates that have a reminder in (sinceMs, nowMs] for this profile, with the offset: the
 * window is walked day by day in local dates, so a one-minute tick touches two dates at most.
 */
export function dueDatesHitInWindow(profile: Profile, sinceMs: number, nowMs: number, firstDate: IsoDate, lastDate: IsoDate): Map<IsoDate, number[]> {
  const hits = new Map<IsoDate, number[]>();
  for (let date = addDays(firstDate, -1); date <= lastDate; date = addDays(date, 1)) {
    const instant = instantOn(profile, date);
    if (instant <= sinceMs || instant > nowMs) continue;
    for (const offset of profile.offsets) {
      const dueOn = addDays(date, offset);
      const list = hits.get(dueOn) ?? [];
      list.push(offset);
      hits.set(dueOn, list);
    }
  }
  return hits;
}

/**
 * When a reminder whose instant has passed (`stageMs` <= `nowMs`: caught up after downtime, for
 * a new commitment or a fresh follow) may go out: at its own instant when that was today (local),
 * else at today's reminder time, so nothing caught up goes out at 03:00 or before the chat's
 * 09:00. Today's reminder time may still be ahead (the row waits for it) or passed (it goes now).
 * Returns a function of the stage's instant: the zone arithmetic is done once per profile and tick.
 */
export function catchUpSendAt(profile: Profile, nowMs: number): (stageMs: number) => number {
  const today = localDate(profile.timeZone, new Date(nowMs));
  const startOfToday = zonedInstant(today, 0, profile.timeZone).getTime();
  // Quiet hours can move yesterday's reminder into today (23:00 -> 07:00): the earliest of today's.
  const slots = [instantOn(profile, addDays(today, -1)), instantOn(profile, today)].filter((ms) => ms >= startOfToday && localDate(profile.timeZone, new Date(ms)) === today);
  const slotToday = slots.length > 0 ? Math.min(...slots) : instantOn(profile, today);
  return (stageMs) => (stageMs >= startOfToday ? stageMs : Math.max(stageMs, slotToday));
}
