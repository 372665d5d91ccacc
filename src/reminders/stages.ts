// When each reminder of one commitment falls for one settings profile (time zone, hour, quiet
// hours, offsets). Chats that share settings share the computation: 100,000 chats are usually a
// few dozen profiles, which is what keeps a planning tick cheap.
import { addDays, type IsoDate } from "../calendar.ts";
import { reminderInstant } from "./local-time.ts";
import type { DeliveryKind, PlanChat } from "./types.ts";

/** The default offsets, used when a chat's text is unreadable: a week, a day, the day, a day late. */
export const DEFAULT_OFFSETS: readonly number[] = [7, 1, 0, -1];
/** Offsets beyond these are ignored (a typo, not a wish for a reminder years ahead). */
const MAX_OFFSET_DAYS = 366;

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

/** "7,1,0,-1" -> [7, 1, 0, -1]; unreadable text gives the defaults, "" gives no reminders. */
export function parseOffsets(text: string): number[] {
  if (text.trim() === "") return [];
  const values = text.split(",").map((p) => Number(p.trim()));
  if (values.some((v) => !Number.isInteger(v) || Math.abs(v) > MAX_OFFSET_DAYS)) return [...DEFAULT_OFFSETS];
  return [...new Set(values)].sort((a, b) => b - a);
}

export function profileOf(chat: PlanChat): Profile {
  const offsets = parseOffsets(chat.offsets);
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
 * The latest reminder for a due date with its instant in (afterMs, nowMs], or null. After
 * downtime this is the catch-up rule: a stale "7 days left" is never picked over "due today".
 */
export function latestStage(profile: Profile, dueOn: IsoDate, afterMs: number, nowMs: number): Stage | null {
  let best: Stage | null = null;
  for (const offset of profile.offsets) {
    const instant = instantOn(profile, addDays(dueOn, -offset));
    if (instant > nowMs || instant <= afterMs) continue;
    if (best === null || instant > best.instant) best = { offsetDays: offset, instant, ...stageName(offset) };
  }
  return best;
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
