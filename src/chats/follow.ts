import type { Db } from "../db/client.ts";
import type { Follow } from "../generated/prisma/client.ts";
import { resolveTopic } from "./topics.ts";

/** What a chat can follow. `value` is "" for all, the id, the topic or the body as stored. */
export type FollowTarget =
  | { kind: "all"; value: "" }
  | { kind: "commitment"; value: string; commitmentId: number; title: string }
  | { kind: "topic"; value: string }
  | { kind: "body"; value: string };

/** A resolved target, or why the text matched nothing (with close bodies to suggest). */
export type ResolveResult = { ok: true; target: FollowTarget } | { ok: false; error: string; suggestions: string[] };

/**
 * Reads "/follow" arguments: "all", a commitment id ("12" or "#12"), a topic or alias
 * ("digital"), or a responsible body matched case-insensitively against the bodies in the store.
 */
export async function resolveFollowTarget(db: Db, text: string): Promise<ResolveResult> {
  const wanted = text.trim().replace(/\s+/g, " ");
  if (wanted.toLowerCase() === "all") return { ok: true, target: { kind: "all", value: "" } };
  const idMatch = /^#?(\d{1,9})$/.exec(wanted);
  if (idMatch) {
    const id = Number(idMatch[1]);
    type Row = { id: number; title: string; mergedIntoId: number | null };
    const select = { id: true, title: true, mergedIntoId: true } as const;
    const found: Row | null = await db.commitment.findUnique({ where: { id }, select });
    if (!found) return { ok: false, error: `There is no commitment #${id}.`, suggestions: [] };
    // A commitment merged into another (/merge) is followed through the one that kept its reports.
    let row: Row = found;
    for (let hops = 0; row.mergedIntoId !== null && hops < 20; hops++) {
      const kept: Row | null = await db.commitment.findUnique({ where: { id: row.mergedIntoId }, select });
      if (!kept) break;
      row = kept;
    }
    return { ok: true, target: { kind: "commitment", value: String(row.id), commitmentId: row.id, title: row.title } };
  }
  const topic = resolveTopic(wanted);
  if (topic) return { ok: true, target: { kind: "topic", value: topic } };
  const match = matchBody(await listBodies(db), wanted);
  if (match.ok) return { ok: true, target: { kind: "body", value: match.body } };
  return { ok: false, error: `Nothing called "${wanted}": not a commitment id, topic or responsible body.`, suggestions: match.suggestions };
}

/**
 * The body a person meant by `text` among `bodies`: the one of that name (any case), else the only
 * one containing the whole phrase (4+ characters: "transport ministry"). Otherwise up to five
 * suggestions (bodies sharing a word, then those within a small edit distance). /follow and
 * /scorecard match body names this one way.
 */
export function matchBody(bodies: readonly string[], text: string): { ok: true; body: string } | { ok: false; suggestions: string[] } {
  const lower = text.trim().replace(/\s+/g, " ").toLowerCase();
  const exact = bodies.find((b) => b.toLowerCase() === lower);
  if (exact) return { ok: true, body: exact };
  const containing = bodies.filter((b) => b.toLowerCase().includes(lower));
  if (lower.length >= 4 && containing.length === 1 && containing[0]) return { ok: true, body: containing[0] };
  return { ok: false, suggestions: suggestBodies(bodies, lower) };
}

/** The distinct responsible bodies in the store, alphabetically. */
export async function listBodies(db: Db): Promise<string[]> {
  const rows = await db.commitment.findMany({
    where: { body: { not: null } },
    distinct: ["body"],
    select: { body: true },
    orderBy: { body: "asc" },
  });
  return rows.map((r) => r.body).filter((b): b is string => typeof b === "string" && b !== "");
}

// Bodies sharing a word with the input, then those within a small edit distance: at most 5.
function suggestBodies(bodies: readonly string[], lower: string): string[] {
  const words = lower.split(/\W+/).filter((w) => w.length >= 3);
  const scored = bodies.map((body) => {
    const b = body.toLowerCase();
    const shared = words.filter((w) => b.includes(w)).length;
    const distance = editDistance(lower, b.slice(0, lower.length + 3));
    return { body, shared, distance };
  });
  return scored
    .filter((s) => s.shared > 0 || s.distance <= Math.max(2, Math.floor(lower.length / 4)))
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance)
    .slice(0, 5)
    .map((s) => s.body);
}

function editDistance(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Number.MAX_SAFE_INTEGER;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Adds a follow made at `at` (pass the bot's clock: the planner sends a chat no reminder whose
 * moment passed before it followed); returns false when the chat already followed it (unique key).
 */
export async function follow(db: Db, chatId: number | bigint, target: FollowTarget, at: Date = new Date()): Promise<boolean> {
  const id = BigInt(chatId);
  const commitmentId = target.kind === "commitment" ? target.commitmentId : null;
  const existing = await db.follow.findUnique({
    where: { chatId_kind_value: { chatId: id, kind: target.kind, value: target.value } },
    select: { id: true },
  });
  if (existing) return false;
  await db.follow.create({ data: { chatId: id, kind: target.kind, value: target.value, commitmentId, createdAt: at } });
  return true;
}

/**
 * Removes a follow; returns how many rows went. Unfollowing "all" removes every follow of the
 * chat ("/unfollow all stops every reminder for this chat").
 */
export async function unfollow(db: Db, chatId: number | bigint, target: FollowTarget): Promise<number> {
  const id = BigInt(chatId);
  if (target.kind === "all") return (await db.follow.deleteMany({ where: { chatId: id } })).count;
  const { count } = await db.follow.deleteMany({ where: { chatId: id, kind: target.kind, value: target.value } });
  return count;
}

/** Everything a chat follows, "all" first, then topics, bodies and single commitments. */
export async function listFollows(db: Db, chatId: number | bigint): Promise<Follow[]> {
  const rows = await db.follow.findMany({ where: { chatId: BigInt(chatId) }, orderBy: { id: "asc" } });
  const order = ["all", "topic", "body", "commitment"];
  return rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.id - b.id);
}
