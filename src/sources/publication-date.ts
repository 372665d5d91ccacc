import { todayIn } from "../calendar.ts";

/**
 * A date as pages and feeds write it to YYYY-MM-DD, or null. An ISO date keeps the calendar day
 * the site wrote ("2026-11-20T23:30:00+05:00" is the 20th, as its readers saw it); an instant
 * without a day of its own (RFC 822 "Fri, 20 Nov 2026 18:30:00 GMT") is read in `timeZone`.
 */
export function toIsoDate(value: string | null | undefined, timeZone: string): string | null {
  if (!value) return null;
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (iso) {
    const date = new Date(`${iso[1]}-${iso[2]}-${iso[3]}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${iso[1]}-${iso[2]}-${iso[3]}` ? null : `${iso[1]}-${iso[2]}-${iso[3]}`;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1990 || year > 2200) return null;
  return todayIn(timeZone, new Date(ms));
}
