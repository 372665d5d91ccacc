import { matchBody } from "../chats/follow.ts";
import type { Db } from "../db/client.ts";
import { computeScorecard, type BodyScore, type Scorecard } from "./compute-scorecard.ts";
import { todayIn } from "../calendar.ts";
import { loadScorecardFacts } from "./load-scorecard-facts.ts";

export { computeScorecard, medianOfCounts, type BodyScore, type Scorecard } from "./compute-scorecard.ts";

/** The scorecard of every body on the day `now` is in `timeZone` (definitions: compute-scorecard.ts). */
export async function getScorecard(db: Db, options: { now: Date; timeZone: string; body?: string }): Promise<Scorecard> {
  const today = todayIn(options.timeZone, options.now);
  const facts = await loadScorecardFacts(db, today, options.body === undefined ? {} : { body: options.body });
  return computeScorecard(facts, options.now, options.timeZone);
}

/**
 * The row of the body a person named, matched as /follow matches bodies (chats/follow.ts), or up
 * to five suggestions when none matches.
 */
export function findBodyScore(card: Scorecard, text: string): { ok: true; score: BodyScore } | { ok: false; suggestions: string[] } {
  const named = card.bodies.filter((b): b is BodyScore & { body: string } => b.body !== null);
  const match = matchBody(named.map((b) => b.body), text);
  if (!match.ok) return match;
  const score = named.find((b) => b.body === match.body);
  return score ? { ok: true, score } : { ok: false, suggestions: [] };
}
