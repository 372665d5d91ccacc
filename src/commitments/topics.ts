// The Commitment.topics column holds topics joined with "|" and wrapped in "|" ("|energy|health|"),
// so "commitments with topic X" is one `contains: "|X|"` lookup. This file is the only place that
// knows the format.

/** "|a|b|" from ["a", "b"]; "||" for none. Topics containing "|" cannot be stored and are dropped. */
export function encodeTopics(topics: readonly string[]): string {
  const clean = [...new Set(topics.map((t) => t.trim()).filter((t) => t !== "" && !t.includes("|")))];
  return `|${clean.join("|")}|`;
}

/** ["a", "b"] from "|a|b|" (tolerates a missing wrapper and empty parts). */
export function decodeTopics(column: string | null | undefined): string[] {
  if (!column) return [];
  return column.split("|").filter((t) => t !== "");
}

/** The `contains` pattern that finds one topic in the column: `where: { topics: { contains: topicPattern(t) } }`. */
export function topicPattern(topic: string): string {
  return `|${topic}|`;
}
