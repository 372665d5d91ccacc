import type { IsoDate } from "../calendar.ts";
import type { Db, Prisma } from "../db/client.ts";
import type { Commitment } from "../generated/prisma/client.ts";
import { PENDING_STATUSES, type StatusFilter } from "./statuses.ts";
import { topicPattern } from "./topics.ts";

export interface ListCommitmentsQuery {
  /** Default "active" (open + overdue). "open" excludes overdue ones; "overdue" is derived from `today`. */
  status?: StatusFilter;
  /** Today in the government's time zone (todayIn): decides what is overdue. */
  today: IsoDate;
  /** Only commitments due on or after / on or before these dates (undated ones drop out). */
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  /** Only commitments with this topic / this canonical body. */
  topic?: string;
  body?: string;
  /** Withdrawn commitments (no longer in their source) are hidden unless asked for. */
  includeWithdrawn?: boolean;
  /** Page size (default 20, at most 500) and offset. */
  limit?: number;
  offset?: number;
}

export interface CommitmentPage {
  rows: Commitment[];
  /** Matching rows across all pages. */
  total: number;
}

export const MAX_PAGE_SIZE = 500;

type Where = Prisma.CommitmentWhereInput;

/**
 * The filter split in two, because the order is "soonest due first, undated last" and SQLite
 * keeps NULLs first in an index: the dated part is read in index order (withdrawnAt, dueOn, id),
 * the undated part after it by id. `undated` is null when no undated commitment can match.
 */
interface SplitFilter {
  dated: Where;
  undated: Where | null;
}

/**
 * Commitments matching the filter, soonest due first (undated last), a page at a time. The page
 * is read from an index (no sort of the table) and the total comes from the tally the triggers
 * keep (schema.prisma, CommitmentTally) whenever the filter is by status alone.
 */
export async function listCommitments(db: Db, query: ListCommitmentsQuery): Promise<CommitmentPage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 20), 1), MAX_PAGE_SIZE);
  const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
  const split = splitFilter(query);
  const [dated, total] = await Promise.all([
    db.commitment.findMany({ where: split.dated, orderBy: [{ dueOn: "asc" }, { id: "asc" }], take: limit, skip: offset }),
    countCommitments(db, query, split),
  ]);
  if (dated.length === limit || split.undated === null) return { rows: dated, total };
  // Past the dated rows: where the undated ones start is offset - (number of dated rows).
  const datedCount = dated.length > 0 ? offset + dated.length : total - (await db.commitment.count({ where: split.undated }));
  const undated = await db.commitment.findMany({
    where: split.undated,
    orderBy: { id: "asc" },
    take: limit - dated.length,
    skip: Math.max(0, offset - datedCount),
  });
  return { rows: [...dated, ...undated], total };
}

/** The Prisma filter behind listCommitments (shared with the calendar export and stats). */
export function commitmentWhere(query: Omit<ListCommitmentsQuery, "limit" | "offset">): Where {
  const split = splitFilter(query);
  return split.undated === null ? split.dated : { OR: [split.dated, split.undated] };
}

function splitFilter(query: Omit<ListCommitmentsQuery, "limit" | "offset">): SplitFilter {
  const common: Where[] = [];
  const dueBounds: Where[] = [];
  let undatedMatch = !query.dueFrom && !query.dueTo;
  if (!query.includeWithdrawn) common.push({ withdrawnAt: null });
  const pending: Where = { status: { in: [...PENDING_STATUSES] } };
  switch (query.status ?? "active") {
    case "active":
      common.push(pending);
      break;
    case "open":
      common.push(pending);
      dueBounds.push({ dueOn: { gte: query.today } });
      break;
    case "overdue":
      common.push(pending);
      dueBounds.push({ dueOn: { lt: query.today } });
      undatedMatch = false;
      break;
    case "all":
      break;
    default:
      common.push({ status: query.status });
  }
  if (query.dueFrom) dueBounds.push({ dueOn: { gte: query.dueFrom } });
  if (query.dueTo) dueBounds.push({ dueOn: { lte: query.dueTo } });
  if (query.topic) common.push({ topics: { contains: topicPattern(query.topic) } });
  if (query.body) common.push({ body: query.body });
  return {
    dated: { AND: [...common, { dueOn: { not: null } }, ...dueBounds] },
    undated: undatedMatch ? { AND: [...common, { dueOn: null }] } : null,
  };
}

/**
 * Matching rows across all pages. By status alone: the tally (a few rows), minus an index range
 * count for the overdue split. Any other filter: a count over the indexes that the filter uses.
 */
async function countCommitments(db: Db, query: Omit<ListCommitmentsQuery, "limit" | "offset">, split: SplitFilter): Promise<number> {
  if (query.dueFrom || query.dueTo || query.topic || query.body) {
    const [dated, undated] = await Promise.all([
      db.commitment.count({ where: split.dated }),
      split.undated ? db.commitment.count({ where: split.undated }) : 0,
    ]);
    return dated + undated;
  }
  const status = query.status ?? "active";
  if (status === "overdue") return db.commitment.count({ where: split.dated });
  const tallied: readonly string[] | null = status === "all" ? null : status === "active" || status === "open" ? PENDING_STATUSES : [status];
  // A handful of rows: filtered here, which is cheaper than a Prisma `in` filter.
  const rows = await db.commitmentTally.findMany();
  const count = rows
    .filter((row) => (tallied === null || tallied.includes(row.status)) && (query.includeWithdrawn || !row.withdrawn))
    .reduce((sum, row) => sum + row.count, 0);
  if (status !== "open") return count;
  return count - (await db.commitment.count({ where: splitFilter({ ...query, status: "overdue" }).dated }));
}
