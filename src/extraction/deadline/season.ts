/**
 * Seasons: "this autumn", "by spring 2026", "in the fall of 2026", "next winter", "in summer".
 * Due: the season's last day (spring May 31, summer Aug 31, autumn Nov 30, winter Feb 28/29 of
 * the FOLLOWING year); "from spring 2026" gives its first day. Precision: season.
 */
import { seasonEnd, seasonStart, seasonYear } from "./calendar-helpers.js";
import { CORE } from "./core-words.js";
import { BY_PREP, FROM_PREP, SCHEDULE_PREP, prepositionInfo, type DeadlineParser } from "./types.js";
import { YEAR_SRC, seasonOf } from "./words.js";

export const seasonParsers: DeadlineParser[] = [
  {
    name: "season",
    pattern: new RegExp(
      `\\b(?:(${BY_PREP}|${FROM_PREP}|in|during|throughout|${SCHEDULE_PREP})\\s+)?(?:the\\s+)?(?:(end|beginning|start)\\s+of\\s+(?:the\\s+)?|(early|late)\\s+)?(?:(this|next|the coming|the upcoming|coming|upcoming|the next)\\s+)?(spring|summer|autumn|fall|winter)(?:\\s+(?:of\\s+)?${YEAR_SRC}\\b)?`,
      "gi",
    ),
    // The preposition 3 words, "the" 1, "end of the" 3, "the upcoming" 2; each piece ends in
    // whitespace, so the season word starts a word.
    anchor: { core: CORE.SEASON, wordsBefore: 3 + 1 + 3 + 2 },
    extract: (m) => {
      const season = seasonOf(m[5] ?? "");
      if (!season) return null;
      const which = m[4] ? (/this/i.test(m[4]) ? "this" : "next") : "bare";
      const year = m[6] ? Number(m[6]) : null;
      // "fall" is also a verb and a noun; a bare "in spring" needs a preposition to be a time.
      if (year === null && which === "bare" && (!m[1] || /fall/i.test(m[5] ?? ""))) return null;
      const info = prepositionInfo(m[1]);
      const first = info.role === "start" || /beginning|start/i.test(m[2] ?? "");
      return {
        precision: "season", role: info.role, strength: m[2] === "end" ? 3 : info.strength, relative: year === null,
        compute(ref) {
          const y = year ?? (ref ? seasonYear(season, ref, which) : null);
          if (y === null) return null;
          const last = seasonEnd(season, y);
          return { due: first ? seasonStart(season, y) : last, periodEnd: last };
        },
      };
    },
  },
];
