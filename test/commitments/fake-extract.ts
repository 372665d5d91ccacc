import type { ExtractedCommitment, ExtractionResult } from "../../src/extraction/types.ts";

/**
 * A tiny stand-in extractor for store tests: the first line is the title, "Published YYYY-MM-DD"
 * the date, and every sentence with "by YYYY-MM-DD" a commitment. Lets tests edit documents in
 * plain words and know exactly what the store receives.
 */
export function fakeExtract(text: string): ExtractionResult {
  const title = text.split("\n")[0]?.trim() || null;
  const published = /Published (\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? null;
  const commitments: ExtractedCommitment[] = [];
  const sentence = /[^.\n]+\./g;
  for (const match of text.matchAll(sentence)) {
    const quote = match[0].trim();
    const due = /\bby (\d{4}-\d{2}-\d{2})\b/.exec(quote);
    if (!due) continue;
    const start = match.index + match[0].indexOf(quote);
    const responsible = /Ministry of [A-Z][a-z]+/.exec(quote)?.[0] ?? null;
    commitments.push({
      quote,
      quoteStart: start,
      quoteEnd: start + quote.length,
      title: quote.slice(0, 60),
      responsible,
      body: responsible,
      topics: ["economy & trade"],
      dueText: due[0],
      due: due[1] ?? null,
      precision: "day",
      undatedReason: null,
      article: title,
      published,
    });
  }
  return { articles: [{ title, published, start: 0, end: text.length }], commitments };
}

export const DOC_V1 = [
  "Government reviews hubs",
  "Published 2026-01-10",
  "The Ministry of Industry must develop a concept for the zone by 2026-03-31.",
  "The Ministry of Transport will report on the port by 2026-06-30.",
  "Officials visited the site last week.",
  "The Ministry of Energy shall publish the tariff plan by 2026-02-15.",
].join("\n");
