import type { IsoDate } from "../calendar.ts";
import type { Db } from "../db/client.ts";
import { STORED_STATUSES, type DisplayStatus } from "./statuses.ts";

export interface CommitmentStats {
  /** Commitments still in their sources, by status; "overdue" is counted apart from "open"/"postponed". */
  byStatus: Record<DisplayStatus, number>;
  /** Commitments still in their sources. */
  total: number;
  /** Commitments no longer in their (edited) sources. */
  withdrawn: number;
  /** Commitments without a due date. */
  undated: number;
  sources: number;
  /** When a source was last created or changed by an ingest; null for an empty database. */
  lastIngestAt: Date | null;
  statusChanges: number;
}

/** Counts for /stats and `mindet list`'s footer, with "overdue" derived for `today`. */
export async function getStats(db: Db, today: IsoDate): Promise<CommitmentStats> {
  const [groups, overdue, withdrawn, undated, sources, last, statusChanges] = await Promise.all([
    db.commitment.groupBy({ by: ["status"], where: { withdrawnAt: null }, _count: { _all: true } }),
    db.commitment.groupBy({
      by: ["status"],
      where: { withdrawnAt: null, status: { in: ["open", "postponed"] }, dueOn: { lt: today } },
      _count: { _all: true },
    }),
    db.commitment.count({ where: { withdrawnAt: { not: null } } }),
    db.commitment.count({ where: { withdrawnAt: null, dueOn: null } }),
    db.source.count(),
    db.source.aggregate({ _max: { updatedAt: true } }),
    db.statusChange.count(),
  ]);
  const byStatus = Object.fromEntries([...STORED_STATUSES, "overdue"].map((s) => [s, 0])) as Record<DisplayStatus, number>;
  let total = 0;
  for (const g of groups) {
    byStatus[g.status as DisplayStatus] = (byStatus[g.status as DisplayStatus] ?? 0) + g._count._all;
    total += g._count._all;
  }
  for (const g of overdue) {
    byStatus[g.status as DisplayStatus] -= g._count._all;
    byStatus.overdue += g._count._all;
  }
  return { byStatus, total, withdrawn, undated, sources, lastIngestAt: last._max.updatedAt ?? null, statusChanges };
}
