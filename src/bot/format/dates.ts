// Dates, due labels and "days left" in the reader's language. English keeps the product's
// short form ("5 Dec 2025"); Russian and Kazakh use the forms a native reader writes:
// "5 декабря 2025", "2025 жылғы 5 желтоқсан". Month names come from Intl (full ICU), the
// sentence around them from the Fluent files.
import type { IsoDate } from "../../calendar.ts";
import { daysBetween } from "../../calendar.ts";
import type { Commitment } from "../../generated/prisma/client.ts";
import { isPending } from "../../commitments/statuses.ts";
import { INTL_LOCALES, type Language } from "../i18n/languages.ts";
import { t } from "../i18n/translate.ts";

type DueFields = Pick<Commitment, "dueOn" | "extractedDueOn" | "precision">;

const ROMAN_QUARTERS = ["I", "II", "III", "IV"];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALES[lang], { ...options, timeZone: "UTC" });
    formatters.set(key, f);
  }
  return f;
}

function utc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** One part of a date as Intl writes it in that language ("декабря" with a day, "желтоқсан"). */
function part(lang: Language, date: IsoDate, options: Intl.DateTimeFormatOptions, type: Intl.DateTimeFormatPartTypes): string {
  return formatter(lang, options).formatToParts(utc(date)).find((p) => p.type === type)?.value ?? "";
}

/** "5 Dec 2025", "5 декабря 2025", "2025 жылғы 5 желтоқсан". */
export function formatDay(lang: Language, date: IsoDate): string {
  const year = date.slice(0, 4);
  const day = String(Number(date.slice(8, 10)));
  // Russian needs the genitive month that Intl gives next to a day; English the short name.
  const name = part(lang, date, { day: "numeric", month: lang === "en" ? "short" : "long" }, "month");
  const month = lang === "en" ? name : name.toLocaleLowerCase(INTL_LOCALES[lang]);
  return t(lang, "due-day", { day, month, year });
}

/** "March 2026", "март 2026", "2026 жылғы наурыз": the month on its own (nominative). */
export function formatMonth(lang: Language, date: IsoDate): string {
  const month = part(lang, date, { month: "long" }, "month");
  // Kazakh ICU capitalises the standalone month ("Наурыз"); in a sentence it is lower case.
  return t(lang, "due-month", { month: lang === "en" ? month : month.toLocaleLowerCase(INTL_LOCALES[lang]), year: date.slice(0, 4) });
}

/**
 * A due date as precise as it was given (day, month, quarter, season, year); "no date" for
 * null. A postponed date is always a day. Mirrors commitment-view's dueLabel in each language.
 */
export function dueLabel(lang: Language, c: DueFields): string {
  if (c.dueOn === null) return t(lang, "due-none");
  const precision = c.dueOn !== c.extractedDueOn ? "day" : c.precision;
  return formatDue(lang, c.dueOn, precision);
}

export function formatDue(lang: Language, date: IsoDate, precision: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (precision) {
    case "month":
      return formatMonth(lang, date);
    case "quarter": {
      const quarter = Math.ceil(month / 3);
      return t(lang, "due-quarter", { quarter: String(quarter), roman: ROMAN_QUARTERS[quarter - 1] ?? "", year: String(year) });
    }
    case "year":
      return t(lang, "due-year", { year: String(year) });
    case "season":
      if (month <= 2 || month === 12) {
        const first = month === 12 ? year : year - 1;
        return t(lang, "due-winter", { years: `${first}/${String(first + 1).slice(2)}` });
      }
      return t(lang, month <= 5 ? "due-spring" : month <= 8 ? "due-summer" : "due-autumn", { year: String(year) });
    default:
      return formatDay(lang, date);
  }
}

/** "in 12 days", "через 12 дней", "12 күннен кейін"; "" when there is no count to show. */
export function describeDaysLeft(lang: Language, days: number | null): string {
  if (days === null) return "";
  if (days === 0) return t(lang, "days-today");
  if (days === 1) return t(lang, "days-tomorrow");
  return days > 1 ? t(lang, "days-left", { days }) : t(lang, "days-overdue", { days: -days });
}

/** Days left for a pending commitment with a date; null otherwise (see commitment-view). */
export function daysLeft(c: Pick<Commitment, "status" | "dueOn">, today: IsoDate): number | null {
  if (c.dueOn === null || !isPending(c.status)) return null;
  return daysBetween(today, c.dueOn);
}

/** "Mon", "пн", "дс" for ISO weekday 1..7. */
export function weekdayShort(lang: Language, isoDay: number): string {
  // 2024-01-01 was a Monday.
  const date = `2024-01-0${Math.min(Math.max(isoDay, 1), 7)}`;
  const name = formatter(lang, { weekday: "short" }).format(utc(date));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** How a reader names the deadline's time zone: "Astana time" for Kazakhstan's, else the zone. */
export function zoneLabel(lang: Language, timeZone: string): string {
  return timeZone === "Asia/Almaty" || timeZone === "Asia/Astana" ? t(lang, "zone-astana") : t(lang, "zone-other", { zone: timeZone });
}
