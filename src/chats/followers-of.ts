// WHO FOLLOWS WHAT, decided here and nowhere else. A chat follows a commitment when one of its
// follows is "all", the commitment's id, one of the commitment's topics or its responsible body.
// The rule has three shapes, kept side by side so they cannot drift apart (a test checks that
// they agree): a predicate over one chat's follows (the deliverer, fresh follows, digests), SQL
// over the Follow table for one commitment (the planner's fan-out, announcements), and a Prisma
// filter over commitments for one chat's follows (/calendar).
import { engineOf, Prisma, type Db } from "../db/client.ts";
import { textsOf, type DbEngine } from "../reminders/dialect.ts";

/** The parts of a commitment that decide who follows it. */
export interface FollowedCommitment {
  id: number;
  /** "|economy & trade|energy|" as stored. */
  topics: string;
  body: string | null;
}

/** One follow as the rule reads it. */
export interface FollowRule {
  kind: string;
  value: string;
  commitmentId: number | null;
}

/** True when this follow reaches the commitment. */
export function reaches(follow: FollowRule, c: FollowedCommitment): boolean {
  switch (follow.kind) {
    case "all":
      return true;
    case "commitment":
      return (follow.commitmentId ?? Number(follow.value)) === c.id;
    case "topic":
      return follow.value !== "" && c.topics.includes(`|${follow.value}|`);
    case "body":
      return c.body !== null && follow.value === c.body;
    default:
      return false;
  }
}

/** True when one of a chat's follows reaches the commitment. */
export function isFollowed(follows: readonly FollowRule[] | undefined, c: FollowedCommitment): boolean {
  return (follows ?? []).some((f) => reaches(f, c));
}

/** The commitment's topics as a JSON array, the form the SQL below binds. */
function topicsJson(c: FollowedCommitment): string {
  return JSON.stringify(c.topics.split("|").filter((t) => t !== ""));
}

/**
 * The follows that reach a commitment, as SQL: rows (chatId, createdAt), one per follow, so a
 * chat may appear more than once (callers group or UNION them). Each branch uses the
 * (kind, value) index: 100,000 "all" followers cost an index range, not a table scan.
 * The topics are bound as one JSON array, read as a table the engine's way (textsOf).
 */
export function followsReaching(c: FollowedCommitment, engine: DbEngine): Prisma.Sql {
  return Prisma.sql`
    SELECT "chatId", "createdAt" FROM "Follow" WHERE kind = 'all' AND value = ''
    UNION ALL SELECT "chatId", "createdAt" FROM "Follow" WHERE kind = 'commitment' AND value = ${String(c.id)}
    UNION ALL SELECT "chatId", "createdAt" FROM "Follow" WHERE kind = 'topic' AND value IN ${textsOf(engine, topicsJson(c))}
    UNION ALL SELECT "chatId", "createdAt" FROM "Follow" WHERE kind = 'body' AND value = ${c.body ?? ""}`;
}

export interface FollowersOptions {
  /** Include chats marked inactive (blocked, removed); default false. */
  includeInactive?: boolean;
}

/**
 * Ids of the chats that follow a commitment directly, by one of its topics, by its body, or
 * through "all", each once. Migrated-away chats are never included (their follows moved).
 */
export async function followersOf(db: Db, commitment: FollowedCommitment, options: FollowersOptions = {}): Promise<bigint[]> {
  const active = options.includeInactive ? Prisma.empty : Prisma.sql`AND ch.active = TRUE`;
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    SELECT DISTINCT ch.id AS id FROM (${followsReaching(commitment, engineOf(db))}) AS f
    JOIN "Chat" ch ON ch.id = f."chatId"
    WHERE ch."migratedToId" IS NULL ${active}`;
  return rows.map((r) => BigInt(r.id));
}

/**
 * The commitments one chat's follows reach, as a Prisma filter; null when they reach none
 * (no follows), {} when they reach everything ("all").
 */
export function followedCommitmentsWhere(follows: readonly FollowRule[]): Prisma.CommitmentWhereInput | null {
  if (follows.some((f) => f.kind === "all")) return {};
  const any: Prisma.CommitmentWhereInput[] = [];
  const ids = follows.filter((f) => f.kind === "commitment").map((f) => f.commitmentId ?? Number(f.value));
  if (ids.length > 0) any.push({ id: { in: ids } });
  for (const f of follows) if (f.kind === "topic" && f.value !== "") any.push({ topics: { contains: `|${f.value}|` } });
  const bodies = follows.filter((f) => f.kind === "body").map((f) => f.value);
  if (bodies.length > 0) any.push({ body: { in: bodies } });
  return any.length > 0 ? { OR: any } : null;
}
