import type { Db } from "../db/client.ts";
import type { Commitment, CommitmentMerge, DueChange, Mention, Source, StatusChange } from "../generated/prisma/client.ts";

type SourceHead = Pick<Source, "file" | "title" | "publishedOn">;

export type CommitmentDetail = Commitment & {
  source: Source;
  history: StatusChange[];
  /** Every report of it (oldest first), each with its document. */
  mentions: Array<Mention & { source: SourceHead }>;
  /** Changes of its stated deadline (oldest first), with the document that stated each. */
  dueChanges: Array<DueChange & { mention: { sourceId: number; source: SourceHead } | null }>;
  /** Commitments merged into it (/merge, "Same" answers), oldest first, undone ones included. */
  mergesKept: CommitmentMerge[];
};

const SOURCE_HEAD = { select: { file: true, title: true, publishedOn: true } } as const;

/**
 * One commitment with its source, status history, reports and deadline changes (oldest first),
 * or null when no commitment has this id (ids that are not positive integers are simply not found).
 * The row first, then its five parts side by side: one findUnique with `include` ran its nine
 * queries one after another (14 round trips for a /status card on PostgreSQL, about half the
 * command's time there).
 */
export async function getCommitment(db: Db, id: number): Promise<CommitmentDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const commitment = await db.commitment.findUnique({ where: { id } });
  if (!commitment) return null;
  const [source, history, mentions, dueChanges, mergesKept] = await Promise.all([
    db.source.findUniqueOrThrow({ where: { id: commitment.sourceId } }),
    db.statusChange.findMany({ where: { commitmentId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    db.mention.findMany({ where: { commitmentId: id }, orderBy: { id: "asc" }, include: { source: SOURCE_HEAD } }),
    db.dueChange.findMany({
      where: { commitmentId: id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      include: { mention: { select: { sourceId: true, source: SOURCE_HEAD } } },
    }),
    db.commitmentMerge.findMany({ where: { keptId: id }, orderBy: { id: "asc" } }),
  ]);
  return { ...commitment, source, history, mentions, dueChanges, mergesKept };
}
