// PURE rules of planning that are not about stage instants (stages.ts, plan-ahead.ts): which
// commitments get reminders, row keys, which status changes are announced and when, and when a
// weekly digest falls. No clock, no database. The caller inserts rows with INSERT OR IGNORE on
// their unique key, which is what makes planning the same window twice harmless.
import { addDays } from "../calendar.ts";
import { isoWeek, isoWeekday, localDate, outOfQuietHours, reminderInstant } from "./local-time.ts";
import type { PlanChat, PlanCommitment, PlanStatusChange, PlannedDelivery } from "./types.ts";

/** Statuses that still get reminders. */
const PENDING = new Set(["open", "postponed"]);
/** A digest that could not go out within a day of its hour is dropped: next week's is due soon. */
const DIGEST_LATE_MS = 24 * 3_600_000;

/** True when a commitment gets reminders: pending, dated (not vague), not withdrawn. */
export function isRemindable(c: PlanCommitment): c is PlanCommitment & { dueOn: string } {
  return PENDING.has(c.status) && c.dueOn !== null && c.precision !== "vague" && !c.withdrawn;
}

/** Reminder key: one per chat, commitment, reminder and due date. */
export function reminderKey(chatId: bigint, commitmentId: number, stage: string, dueOn: string): string {
  return `r:${chatId}:${commitmentId}:${stage}:${dueOn}`;
}

/** True for a change followers hear about: a new status or a new due date, made by someone. */
export function isAnnounceable(change: PlanStatusChange): boolean {
  if (change.fromStatus === "" || change.fromStatus === "new") return false;
  return change.fromStatus !== change.toStatus || change.fromDueOn !== change.toDueOn;
}

/** A follower as an announcement needs it: where and when it may be told. */
export interface AnnouncedChat {
  id: bigint;
  timeZone: string;
  quietStart: number | null;
  quietEnd: number | null;
}

/** The rows announcing one change to the commitment's followers: at once, but out of each chat's quiet hours. */
export function announcementRows(change: PlanStatusChange, followers: readonly AnnouncedChat[]): PlannedDelivery[] {
  if (!isAnnounceable(change)) return [];
  return followers.map((chat) => ({
    key: `s:${chat.id}:${change.id}`,
    chatId: chat.id,
    commitmentId: change.commitmentId,
    kind: "status",
    offsetDays: 0,
    dueOn: change.toDueOn,
    statusChangeId: change.id,
    notBefore: outOfQuietHours(change.at, chat.timeZone, { start: chat.quietStart, end: chat.quietEnd }),
  }));
}

/** This week's digest of each opted-in chat whose hour passed in the window (or within a day, at start-up). */
export function planDigests(chats: readonly PlanChat[], since: Date | null, nowMs: number): PlannedDelivery[] {
  const out: PlannedDelivery[] = [];
  const sinceMs = since === null ? nowMs - DIGEST_LATE_MS : since.getTime();
  for (const chat of chats) {
    if (chat.digestDay === null || chat.digestDay < 1 || chat.digestDay > 7) continue;
    const today = localDate(chat.timeZone, new Date(nowMs));
    // This week's and last week's digest day: a window may span the week boundary.
    const thisWeek = addDays(today, chat.digestDay - isoWeekday(today));
    for (const date of [addDays(thisWeek, -7), thisWeek]) {
      const instant = reminderInstant(date, chat.digestHour, chat.timeZone, { start: chat.quietStart, end: chat.quietEnd });
      const ms = instant.getTime();
      if (ms <= sinceMs || ms > nowMs) continue;
      out.push({
        key: `d:${chat.id}:${isoWeek(date)}`,
        chatId: chat.id,
        commitmentId: null,
        kind: "digest",
        offsetDays: 0,
        dueOn: date,
        statusChangeId: null,
        notBefore: instant,
      });
    }
  }
  return out;
}
