import { COMMITMENT_COLUMNS } from "./commitment-columns.ts";
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

/** A report as read: its columns, then its document's head under the `source*` names. */
type MentionRow = Mention & { sourceFile: string; sourceTitle: string | null; sourcePublishedOn: string | null };
/** A date change as read: its columns, then (when it has one) its report's document under `mention*`. */
type DueChangeRow = DueChange & { mentionSourceId: number | null; mentionFile: string | null; mentionTitle: string | null; mentionPublishedOn: string | null };

/**
 * One commitment with its source, status history, reports and deadline changes (oldest first),
 * or null when no commitment has this id (ids that are not positive integers are simply not found).
 *
 * Six plain queries, the last five side by side, each row in the shape findMany gives (`SELECT
 * t.*`, and COMMITMENT_COLUMNS for the commitment; the test in merge-split.test.ts holds it to the
 * findUnique with include it replaced on both engines). That findUnique ran nine queries one
 * after another, and each cost about a millisecond of Prisma's query compiler on this thread:
 * half of a /status card's time on SQLite, more on PostgreSQL.
 */
export async function getCommitment(db: Db, id: number): Promise<CommitmentDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [commitment] = await db.$queryRaw<Commitment[]>`SELECT ${COMMITMENT_COLUMNS} FROM "Commitment" c WHERE c.id = ${id}`;
  if (!commitment) return null;
  const [[source], history, mentions, dueChanges, mergesKept] = await Promise.all([
    db.$queryRaw<Source[]>`SELECT s.* FROM "Source" s WHERE s.id = ${commitment.sourceId}`,
    db.$queryRaw<StatusChange[]>`SELECT h.* FROM "StatusChange" h WHERE h."commitmentId" = ${id} ORDER BY h."at", h.id`,
    db.$queryRaw<MentionRow[]>`
      SELECT m.*, s."file" AS "sourceFile", s."title" AS "sourceTitle", s."publishedOn" AS "sourcePublishedOn"
      FROM "Mention" m JOIN "Source" s ON s.id = m."sourceId" WHERE m."commitmentId" = ${id} ORDER BY m.id`,
    db.$queryRaw<DueChangeRow[]>`
      SELECT d.*, m."sourceId" AS "mentionSourceId", s."file" AS "mentionFile", s."title" AS "mentionTitle", s."publishedOn" AS "mentionPublishedOn"
      FROM "DueChange" d LEFT JOIN "Mention" m ON m.id = d."mentionId" LEFT JOIN "Source" s ON s.id = m."sourceId"
      WHERE d."commitmentId" = ${id} ORDER BY d."at", d.id`,
    db.$queryRaw<CommitmentMerge[]>`SELECT g.* FROM "CommitmentMerge" g WHERE g."keptId" = ${id} ORDER BY g.id`,
  ]);
  if (!source) throw new Error(`commitment ${id}: its source ${commitment.sourceId} is missing`);
  return {
    ...commitment,
    source,
    history,
    mentions: mentions.map(({ sourceFile, sourceTitle, sourcePublishedOn, ...mention }) => ({ ...mention, source: { file: sourceFile, title: sourceTitle, publishedOn: sourcePublishedOn } })),
    dueChanges: dueChanges.map(({ mentionSourceId, mentionFile, mentionTitle, mentionPublishedOn, ...change }) => ({
      ...change,
      mention: mentionSourceId === null ? null : { sourceId: mentionSourceId, source: { file: mentionFile ?? "", title: mentionTitle, publishedOn: mentionPublishedOn } },
    })),
    mergesKept,
  };
}
