// Wall-clock arithmetic in a chat's IANA zone. Instants are computed from the zone's real
// offset at that moment (Intl), never by adding hours to a Date, so DST changes are exact.
import { addDays, todayIn, type IsoDate } from "../calendar.ts";

const MS_PER_MINUTE = 60_000;
const wallFormatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(zone: string): Intl.DateTimeFormat {
  let format = wallFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    wallFormatters.set(zone, format);
  }
  return format;
}

/** The wall clock in `zone` at `ms`, as if it were UTC (ms since the epoch, minute precision). */
function wallAsUtc(zone: string, ms: number): number {
  const parts = wallFormatter(zone).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
}

/** Offset of `zone` from UTC at `ms`, in ms (Asia/Almaty: +5 h). */
function zoneOffsetMs(zone: string, ms: number): number {
  const floored = Math.floor(ms / MS_PER_MINUTE) * MS_PER_MINUTE;
  return wallAsUtc(zone, floored) - floored;
}

/**
 * The instant at which the wall clock in `zone` shows `hour`:00 on `date`. A wall time that does
 * not exist (the hour skipped when DST starts) maps to the same distance after the gap (02:30 ->
 * 03:30); one that exists twice (when DST ends) maps to its later occurrence.
 */
export function zonedInstant(date: IsoDate, hour: number, zone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, hour);
  const first = zoneOffsetMs(zone, naive);
  let instant = naive - first;
  const second = zoneOffsetMs(zone, instant);
  if (second !== first) instant = naive - second;
  return new Date(instant);
}

/** The local calendar date in `zone` at `instant`. */
export function localDate(zone: string, instant: Date): IsoDate {
  return todayIn(zone, instant);
}

/** The local hour (0-23) in `zone` at `instant`. */
export function localHour(zone: string, instant: Date): number {
  return new Date(wallAsUtc(zone, instant.getTime())).getUTCHours();
}

/** Quiet hours, local, [start, end) in whole hours; may wrap midnight (22 -> 7). */
export interface QuietHours {
  start: number | null;
  end: number | null;
}

/** True when quiet hours are set and non-empty. */
export function hasQuietHours(q: QuietHours): q is { start: number; end: number } {
  return q.start !== null && q.end !== null && q.start !== q.end;
}

/** True when local `hour` lies inside the quiet window. */
export function isQuietHour(hour: number, q: QuietHours): boolean {
  if (!hasQuietHours(q)) return false;
  return q.start < q.end ? hour >= q.start && hour < q.end : hour >= q.start || hour < q.end;
}

/**
 * The instant of `hour`:00 local on `date`, moved to the end of the quiet window when it falls
 * inside it: 23:00 with quiet hours 22 -> 7 becomes 07:00 the next day.
 */
export function reminderInstant(date: IsoDate, hour: number, zone: string, q: QuietHours): Date {
  if (!hasQuietHours(q) || !isQuietHour(hour, q)) return zonedInstant(date, hour, zone);
  const nextDay = q.start > q.end && hour >= q.start;
  return zonedInstant(nextDay ? addDays(date, 1) : date, q.end, zone);
}

/**
 * `instant` itself, or the end of the quiet window it falls in (status announcements go out at
 * once, but not at 3 a.m. in a chat that asked for quiet).
 */
export function outOfQuietHours(instant: Date, zone: string, q: QuietHours): Date {
  if (!hasQuietHours(q)) return instant;
  const hour = localHour(zone, instant);
  if (!isQuietHour(hour, q)) return instant;
  const today = localDate(zone, instant);
  const nextDay = q.start > q.end && hour >= q.start;
  return zonedInstant(nextDay ? addDays(today, 1) : today, q.end, zone);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** ISO week of a date, "2026-W14" (the year is the ISO week-numbering year). */
export function isoWeek(date: IsoDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const jan1 = Date.UTC(year, 0, 1);
  const [y, m, d] = thursday.split("-").map(Number) as [number, number, number];
  const week = Math.floor((Date.UTC(y, m - 1, d) - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
