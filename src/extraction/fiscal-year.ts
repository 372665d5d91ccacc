/**
 * Where a fiscal year written across two calendar years ("FY 2021-22") ends. Most governments
 * that write it so run April to March (India, the UK, Canada, Japan, Hong Kong, Singapore); those
 * listed here run July to June. A government whose fiscal year is the calendar year writes one
 * year ("FY 2025") and never reaches this table.
 */
import type { CalendarDate } from "../calendar.ts";

const ENDS_IN_JUNE = new Set(["Australia", "Pakistan", "Egypt", "New Zealand", "Bangladesh", "Kenya"]);

/** The last day of the fiscal year ending in calendar year `year` for the government of `home`. */
export function fiscalYearEnd(home: string, year: number): CalendarDate {
  return ENDS_IN_JUNE.has(home) ? { year, month: 6, day: 30 } : { year, month: 3, day: 31 };
}
