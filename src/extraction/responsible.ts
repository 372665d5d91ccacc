/**
 * Chooses the actor of one commitment (see actors.ts for the patterns and canonical bodies):
 * - "The Prime Minister instructed <actor> to ...": the first actor after the verb;
 * - "<actor>, together with ..., must/will/was instructed to ...": the first actor before the
 *   marker that is not governed by a preposition ("according to the Ministry of Trade" is a source);
 * - a bullet without an actor takes its lead-in's;
 * - "the ministry" is the ministry named last before it in the article;
 * - otherwise the body the article is mostly about (named 4+ times), else null.
 */
import { buildArticleActors, canonicalBody, expandBody, findActors, resolveAnaphora, type ActorMention, type ArticleActors } from "./actors.js";
import { findMarkers, type MarkerHit } from "./markers.js";
import type { TextUnit } from "./sentences.js";

export { buildArticleActors };

export interface Responsible {
  responsible: string | null;
  body: string | null;
}

const GOVERNED = /\b(?:according\s+to|with|to|from|by|of|under|for|at|and|between|on|about|within|in)\s*$/i;

function actorForMarker(text: string, contentOffset: number, marker: MarkerHit): ActorMention | null {
  if (marker.kind === "instruct-active") {
    // The first actor that qualifies: `find`, not `filter`, so later ones are not tested at all.
    const a = findActors(text.slice(marker.end, marker.end + 150)).find((x) => x.kind !== "minister");
    return a ? { ...a, start: a.start + marker.end, end: a.end + marker.end } : null;
  }
  const from = Math.max(contentOffset, text.lastIndexOf(";", marker.start) + 1);
  const span = text.slice(from, marker.start);
  const a = findActors(span).find((x) => x.kind !== "minister" && !GOVERNED.test(span.slice(Math.max(0, x.start - 16), x.start).replace(/\s*(?:the\s*)?$/i, "")));
  return a ? { ...a, start: a.start + from, end: a.end + from } : null;
}

function fromMention(a: ActorMention, docPosition: number, ctx: ArticleActors): Responsible {
  if (a.kind === "anaphora") {
    const referent = resolveAnaphora(ctx, docPosition);
    return referent ? { responsible: referent, body: expandBody(referent, ctx) } : { responsible: a.text, body: null };
  }
  const body = canonicalBody(a.text);
  return { responsible: a.text, body: body ? expandBody(body, ctx) : null };
}

/** The actor of a commitment read from `unit` under `marker` (null marker: the bullet's lead-in governs). */
export function findResponsible(unit: TextUnit, marker: MarkerHit | null, leadIn: TextUnit | undefined, ctx: ArticleActors): Responsible {
  const own = marker ? actorForMarker(unit.text, unit.contentOffset, marker) : null;
  if (own) return fromMention(own, unit.start + own.start, ctx);
  if (leadIn) {
    const leadMarkers = findMarkers(leadIn.text);
    const lm = leadMarkers[leadMarkers.length - 1];
    const lead = lm ? actorForMarker(leadIn.text, 0, lm) : null;
    if (lead) return fromMention(lead, leadIn.start + lead.start, ctx);
  }
  if (ctx.dominant) return { responsible: ctx.dominant, body: expandBody(ctx.dominant, ctx) };
  return { responsible: null, body: null };
}
