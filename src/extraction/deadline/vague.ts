/**
 * Phrases that promise a time but give no date: "in the coming years", "soon", "in the near
 * future", "in the medium term". Precision: vague; due: always null.
 * "in the future" alone is left out on purpose: it is mostly rhetoric, not a deadline.
 */
import { CORE } from "./core-words.js";
import type { DeadlineParser } from "./types.js";

export const vagueParsers: DeadlineParser[] = [
  {
    name: "vague",
    pattern:
      /\b(?:in|over|during|within)\s+the\s+(?:coming|next\s+few|near(?:est)?|foreseeable|immediate|upcoming)\s+(?:years|months|weeks|future|period)\b|\bin\s+the\s+(?:medium|short|near)[\s-]term\b|\bas\s+soon\s+as\s+possible\b|\b(?<!as\s)soon\b(?!\s+as\b)|\bshortly\b(?!\s+(?:before|after)\b)|\bin\s+due\s+course\b|\bat\s+a\s+later\s+date\b/gi,
    // Every alternative holds a VAGUE_WORD, which starts a word (after whitespace, "-" or `\b`),
    // with at most 3 word starts before it: "in the next | few", "in the medium-| term".
    anchor: { core: CORE.VAGUE_WORD, wordsBefore: 3 },
    extract: () => ({
      precision: "vague", role: "deadline", strength: 0, relative: false, vague: true,
      compute: () => null,
    }),
  },
];
