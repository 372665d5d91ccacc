import type { IsoDate } from "../calendar.ts";
import type { Db, Prisma } from "../db/client.ts";
import type { Commitment } from "../generated/prisma/client.ts";
import type { StatusFilter } from "./statuses.ts";
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

/** Commitments matching the filter, soonest due first (undated last), a page at a time. */
export async function listCommitments(db: Db, query: ListCommitmentsQuery): Promise<CommitmentPage> {
  const where = commitmentWhere(query);
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 20), 1), MAX_PAGE_SIZE);
  const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
  const [rows, total] = await Promise.all([
    db.commitment.findMany({
      where,
      orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: limit,
      skip: offset,
    }),
    db.commitment.count({ where }),
  ]);
  return { rows, total };
}

/** The Prisma filter behind listCommitments (shared with the calendar export and stats). */
export function commitmentWhere(query: Omit<ListCommitmentsQuery, "limit" | "offset">): Prisma.CommitmentWhereInput {
  const and: Prisma.CommitmentWhereInput[] = [];
  if (!query.includeWithdrawn) and.push({ withdrawnAt: null });
  const pending: Prisma.CommitmentWhereInput = { status: { in: ["open", "postponed"] } };
  switch (query.status ?? "active") {
    case "active":
      and.push(pending);
      break;
    case "open":
      and.push(pending, { OR: [{ dueOn: null }, { dueOn: { gte: query.today } }] });
      break;
    case "overdue":
      and.push(pending, { dueOn: { lt: query.today } });
      break;
    case "all":
      break;
    default:
      and.push({ status: query.status });
  }
  if (query.dueFrom) and.push({ dueOn: { gte: query.dueFrom } });
  if (query.dueTo) and.push({ dueOn: { lte: query.dueTo } });
  if (query.topic) and.push({ topics: { contains: topicPattern(query.topic) } });
  if (query.body) and.push({ body: query.body });
  return { AND: and };
}
