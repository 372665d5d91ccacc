// Pure calendar helpers. Due dates are days in a government's time zone ("YYYY-MM-DD"), not
// instants: arithmetic is done on UTC midnights so the machine's own zone can never shift a day.

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
  return isValidDate(Number(match[1]), Number(match[2]), Number(match[3]));
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
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO date from numbers, or null when the date does not exist (31 February). */
export function makeIsoDate(year: number, month: number, day: number): IsoDate | null {
  if (!isValidDate(year, month, day)) return null;
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
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

function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

function toUtcMs(date: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not an ISO date: "${date}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
