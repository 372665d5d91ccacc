/**
 * Spans counted from the reference date: "within ten days", "within 6 months", "within three
 * years", "in two weeks", "over the next three years", "within half a year", "within 10 working days".
 * Due: reference + that many units (months and years clamp to the month's last day); precision: day.
 *
 * Not deadlines, and rejected here: spans counted from some other event ("within 30 days of
 * receiving the application", "within a month after the decision"): those are legal time limits.
 */
import { addCalendarDays, addMonths, addWorkingDays, type CalendarDate } from "../../calendar.ts";
import { CORE } from "./core-words.js";
import type { DeadlineParser } from "./types.js";
import { NUMBER_SRC, numberValue } from "./words.js";

const LEAD = "(within|in|over|during)\\s+(?:the\\s+)?(next\\s+|coming\\s+|following\\s+|upcoming\\s+)?";
const AMOUNT = `(?:(half\\s+an?|one\\s+and\\s+a\\s+half)\\s+|${NUMBER_SRC}(?:\\s*\\(\\s*[a-z-]+\\s*\\))?(\\s+and\\s+a\\s+half)?[\\s-]+)`;
/** "in three upcoming years" reads as "within the next three years". */
const UNIT = "(working\\s+|business\\s+|calendar\\s+|upcoming\\s+|coming\\s+|next\\s+)?(day|week|month|year)s?\\b";
/** A span followed by one of these counts from an event, not from the publication date. */
const EVENT_AFTER = /^\s*(?:of|after|from|following|since|before|prior\s+to|upon|once|counting|as\s+from|'s\s+time\s+after)\b/i;

type Unit = "day" | "week" | "month" | "year";

export const withinParsers: DeadlineParser[] = [
  {
    name: "within",
    pattern: new RegExp(`\\b${LEAD}${AMOUNT}${UNIT}(\\s+and\\s+a\\s+half)?(?:'?\\s+time)?`, "gi"),
    // The unit word after at most 9 word starts: "within" 1, "the" 1, "next" 1, "one and a half"
    // 4 or "twenty-one and a half" 5, "working" 1. The bracketed number word ("(a-b-c)") has no
    // bound: a text with a "(" is scanned whole.
    anchor: { core: CORE.DAY_WORD | CORE.WEEK_WORD | CORE.MONTH_WORD | CORE.YEAR_WORD, wordsBefore: 9, unbounded: /\(/ },
    extract: (m, text) => {
      if (EVENT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) return null;
      const lead = (m[1] ?? "").toLowerCase();
      // "in 2 years" is a span; "in a year" or "over a month" alone are too loose to be a deadline.
      if ((lead === "over" || lead === "during") && !m[2]) return null;
      if (lead === "in" && !m[2] && /^an?$/i.test(m[4] ?? "")) return null;
      const unit = (m[7] ?? "day").toLowerCase() as Unit;
      const working = /working|business/i.test(m[6] ?? "");
      let amount: number | null;
      if (m[3]) amount = /half\s+an?/i.test(m[3]) ? 0.5 : 1.5;
      else amount = numberValue(m[4] ?? "");
      if (amount === null || amount <= 0) return null;
      if (m[5] || m[8]) amount += 0.5;
      const n = amount;
      return {
        precision: "day", role: "deadline", strength: 3, relative: true,
        compute(ref) {
          if (!ref) return null;
          let due;
          if (unit === "day") due = working ? addWorkingDays(ref, Math.round(n)) : addCalendarDays(ref, Math.round(n));
          else if (unit === "week") due = addCalendarDays(ref, Math.round(n * 7));
          else if (unit === "month") due = Number.isInteger(n) ? addMonths(ref, n) : addCalendarDays(addMonths(ref, Math.floor(n)), 15);
          else due = addMonths(ref, Math.round(n * 12));
          return { due, periodEnd: due };
        },
      };
    },
  },
  {
    // "one year from now", "a five-month ultimatum", "a 30-day deadline": a span counted from the
    // reference date, written after the number instead of after "within".
    name: "span-from-now",
    pattern: new RegExp(`\\b${NUMBER_SRC}[\\s-]+(day|week|month|year)s?(?:\\s+from\\s+(?:now|today)|\\s+(?:ultimatum|deadline|window))\\b`, "gi"),
    // The unit after one number of at most 2 words ("twenty-one") and whitespace or "-".
    anchor: { core: CORE.DAY_WORD | CORE.WEEK_WORD | CORE.MONTH_WORD | CORE.YEAR_WORD, wordsBefore: 2 },
    extract: (m) => {
      const n = numberValue(m[1] ?? "");
      if (n === null || n <= 0) return null;
      const unit = (m[2] ?? "day").toLowerCase();
      const at = (ref: CalendarDate): CalendarDate =>
        unit === "day" ? addCalendarDays(ref, n) : unit === "week" ? addCalendarDays(ref, n * 7) : addMonths(ref, unit === "month" ? n : n * 12);
      return { precision: "day", role: "deadline", strength: 3, relative: true, compute: (ref) => (ref ? { due: at(ref), periodEnd: at(ref) } : null) };
    },
  },
  {
    name: "half-a-year",
    pattern: /\b(within|in|over)\s+(?:the\s+next\s+)?half\s+a\s+year\b/gi,
    anchor: { core: CORE.HALF, wordsBefore: 3 },
    extract: () => ({
      precision: "day", role: "deadline", strength: 3, relative: true,
      compute: (ref) => (ref ? { due: addMonths(ref, 6), periodEnd: addMonths(ref, 6) } : null),
    }),
  },
];
