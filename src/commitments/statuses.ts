// The statuses a commitment can have. Only STORED_STATUSES are written to the database;
// "overdue" is derived at read time (open or postponed, and past its due date).

export const STORED_STATUSES = ["open", "postponed", "done", "missed", "cancelled"] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];

/** What a person sees: a stored status, or "overdue". */
export type DisplayStatus = StoredStatus | "overdue";

/** Statuses still waiting for their deadline (they get reminders and can become overdue). */
export const PENDING_STATUSES: readonly StoredStatus[] = ["open", "postponed"];
/** Statuses that close a commitment. */
export const CLOSED_STATUSES: readonly StoredStatus[] = ["done", "missed", "cancelled"];

/** Filters of listCommitments and `mindet list --status`. "active" = open + overdue. */
export const STATUS_FILTERS = ["active", "open", "overdue", "done", "missed", "postponed", "cancelled", "all"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function isStoredStatus(value: string): value is StoredStatus {
  return (STORED_STATUSES as readonly string[]).includes(value);
}

export function isStatusFilter(value: string): value is StatusFilter {
  return (STATUS_FILTERS as readonly string[]).includes(value);
}

/** True for open and postponed commitments. */
export function isPending(status: string): boolean {
  return status === "open" || status === "postponed";
}
