// The shapes the pure planner works on: plain rows, no Prisma types, so plan.ts stays I/O-free
// and tests can build inputs by hand.

/** A chat's reminder settings (only active, non-migrated chats are given to the planner). */
export interface PlanChat {
  id: bigint;
  type: string;
  timeZone: string;
  /** "7,1,0,-1": days before the due date; 0 = due day; negative = days overdue. */
  offsets: string;
  reminderHour: number;
  /** ISO weekday 1-7, or null when the weekly digest is off. */
  digestDay: number | null;
  digestHour: number;
  quietStart: number | null;
  quietEnd: number | null;
}

/** A commitment as far as reminders care. */
export interface PlanCommitment {
  id: number;
  /** The due date in force, YYYY-MM-DD; null = undated. */
  dueOn: string | null;
  /** day | month | quarter | year | season | vague. Periods are stored as their last day. */
  precision: string;
  /** open | postponed | done | missed | cancelled. */
  status: string;
  /** "|economy & trade|energy|". */
  topics: string;
  body: string | null;
  withdrawn: boolean;
  /**
   * The latest announced status change (postponed, reopened, ...), or null. Reminder instants
   * at or before it are not planned: the announcement already told followers.
   */
  changedAt: Date | null;
}

/** What a chat follows: kind all | commitment | topic | body, since createdAt. */
export interface PlanFollow {
  chatId: bigint;
  kind: string;
  value: string;
  commitmentId: number | null;
  createdAt: Date;
}

/** A status change to announce. */
export interface PlanStatusChange {
  id: number;
  commitmentId: number;
  at: Date;
  fromStatus: string;
  toStatus: string;
  fromDueOn: string | null;
  toDueOn: string | null;
}

export type DeliveryKind = "before" | "due" | "overdue" | "status" | "digest" | "new" | "moved" | "question";

/** One row for the outbox. The key makes planning idempotent: a conflict means "already planned". */
export interface PlannedDelivery {
  key: string;
  chatId: bigint;
  commitmentId: number | null;
  kind: DeliveryKind;
  /** Days before the due date: 7, 1; 0 on the due day; negative once overdue (-1). 0 for status/digest. */
  offsetDays: number;
  dueOn: string | null;
  statusChangeId: number | null;
  notBefore: Date;
}
