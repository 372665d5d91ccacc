// The one calendar. Due dates are days in a government's time zone, not instants, so a date is
// never a JS Date built from a local string (the machine's zone would shift it): it is either
// text, "YYYY-MM-DD" (IsoDate: what is stored and shown; arithmetic on UTC midnights), or plain
// integers (CalendarDate: what extraction computes with, without allocating strings). Pure and
// TZ-proof; `todayIn` is the one place an instant becomes a day, in a named zone.

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** Short English month names, "Jan".."Dec". */
export const MONTH_SHORT = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1, 3));
/** Full English month names, "January".."December". */
export const MONTH_LONG = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

// One formatter per zone: building Intl formatters is the slow part of todayIn.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date it is at `now` in `timeZone` (an IANA zone such as "Asia/Almaty"). */
export function todayIn(timeZone: string, now: Date): IsoDate {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** True for a real calendar date written "YYYY-MM-DD" (2026-02-29 is false, 2028-02-29 true). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  return makeDate(Number(match[1]), Number(match[2]), Number(match[3])) !== null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be ISO dates. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** The date `days` days after `date` (before, for negative `days`). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO date from numbers, or null when the date does not exist (31 February). */
export function makeIsoDate(year: number, month: number, day: number): IsoDate | null {
  const date = makeDate(year, month, day);
  return date && toIsoDate(date);
}

/**
 * A date typed by a person: "2026-03-31", "31.03.2026", "31/03/2026", "31-03-2026", "31 March 2026",
 * "31 Mar 2026", "March 31, 2026", "Mar 31 2026". Day-first for numeric forms (the Kazakh and
 * European habit). Returns null for anything else and for dates that do not exist (31.02.2026).
 */
export function parseUserDate(text: string): IsoDate | null {
  const input = text.trim().replace(/\s+/g, " ").toLowerCase();
  if (input.length === 0 || input.length > 40) return null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  if (match) return makeIsoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(input);
  if (match) return makeIsoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$/.exec(input);
  if (match) return fromNamedMonth(match[2]!, Number(match[1]), Number(match[3]));
  match = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(input);
  if (match) return fromNamedMonth(match[1]!, Number(match[2]), Number(match[3]));
  return null;
}

function fromNamedMonth(name: string, day: number, year: number): IsoDate | null {
  // "mar", "march", "sept" all name a month; at least three letters so "ma" is not a guess.
  if (name.length < 3) return null;
  const index = MONTHS.findIndex((m) => m.startsWith(name) || (name === "sept" && m === "september"));
  if (index === -1) return null;
  return makeIsoDate(year, index + 1, day);
}

function toUtcMs(date: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not an ISO date: "${date}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

// ---- Calendar dates as integers (year, month 1-12, day): extraction's arithmetic. ----

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}


/** Null when the string is not a real "YYYY-MM-DD" calendar date. */
export function parseIsoDate(text: string | null | undefined): CalendarDate | null {
  if (!text) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Null when the parts do not form a real date (31 April, month 13, ...). */
export function makeDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function toIsoDate(d: CalendarDate): IsoDate {
  const pad = (n: number, w: number): string => String(n).padStart(w, "0");
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function endOfMonth(year: number, month: number): CalendarDate {
  return { year, month, day: daysInMonth(year, month) };
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil), so day arithmetic needs no Date. */
export function toDayNumber(d: CalendarDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): CalendarDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addCalendarDays(d: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(d) + days);
}

/** Adds calendar months; a day that does not exist in the target month clamps to its last day (Aug 31 + 6 months = Feb 28/29). */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday). */
export function weekdayIndex(d: CalendarDate): number {
  return (((toDayNumber(d) + 3) % 7) + 7) % 7;
}

/** Adds working days (Monday to Friday); public holidays are not known here. */
export function addWorkingDays(d: CalendarDate, days: number): CalendarDate {
  let cur = d;
  let left = days;
  while (left > 0) {
    cur = addCalendarDays(cur, 1);
    if (weekdayIndex(cur) < 5) left--;
  }
  return cur;
}
