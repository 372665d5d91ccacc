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
 */
export async function getCommitment(db: Db, id: number): Promise<CommitmentDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return db.commitment.findUnique({
    where: { id },
    include: {
      source: true,
      history: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      mentions: { orderBy: { id: "asc" }, include: { source: SOURCE_HEAD } },
      dueChanges: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { mention: { select: { sourceId: true, source: SOURCE_HEAD } } } },
      mergesKept: { orderBy: { id: "asc" } },
    },
  });
}
