import type { Db } from "../db/client.ts";
import type { Commitment, Source, StatusChange } from "../generated/prisma/client.ts";

export type CommitmentDetail = Commitment & { source: Source; history: StatusChange[] };

/**
 * One commitment with its source and its status history (oldest first), or null when no
 * commitment has this id (ids that are not positive integers are simply not found).
 */
export async function getCommitment(db: Db, id: number): Promise<CommitmentDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return db.commitment.findUnique({
    where: { id },
    include: { source: true, history: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
  });
}
