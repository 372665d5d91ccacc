import type { Db } from "../db/client.ts";
import { Prisma } from "../db/client.ts";

/** The parts of a commitment that decide who follows it. */
export interface FollowedCommitment {
  id: number;
  /** "|economy & trade|energy|" as stored. */
  topics: string;
  body: string | null;
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
  const topics = commitment.topics.split("|").filter((t) => t !== "");
  const conditions: Prisma.FollowWhereInput[] = [
    { kind: "all" },
    { kind: "commitment", commitmentId: commitment.id },
  ];
  if (topics.length > 0) conditions.push({ kind: "topic", value: { in: topics } });
  if (commitment.body) conditions.push({ kind: "body", value: commitment.body });
  const rows = await db.follow.findMany({
    where: {
      OR: conditions,
      chat: { migratedToId: null, ...(options.includeInactive ? {} : { active: true }) },
    },
    select: { chatId: true },
    distinct: ["chatId"],
  });
  return rows.map((r) => r.chatId);
}
