// What a chat will be reminded of next, for the /follow reply ("Next reminder: ..."). The same
// stage instants the planner uses (stages.ts), for the same followed commitments
// (chats/followers-of.ts), so the reply never promises what the planner will not send.
import { escapeHtml } from "../bot/format/html.ts";
import { addDays } from "../calendar.ts";
import { isFollowed } from "../chats/followers-of.ts";
import type { Db } from "../db/client.ts";
import { sqlRunner } from "./bulk-sql.ts";
import { loadPendingCommitments } from "./load-plan-input.ts";
import { instantOn, profileOf, stageName } from "./stages.ts";

export interface NextReminder {
  commitmentId: number;
  title: string;
  dueOn: string;
  /** Days before the due date (0: the due day, negative: overdue). */
  offsetDays: number;
  at: Date;
  timeZone: string;
}

/**
 * The earliest reminder after `now` of everything the chat follows, or null when there is none
 * (no follows, nothing dated and open, the chat unknown or inactive, or no offsets).
 */
export async function nextReminder(db: Db, chatId: number | bigint, now: Date): Promise<NextReminder | null> {
  const id = BigInt(chatId);
  const chat = await db.chat.findUnique({ where: { id } });
  if (!chat || !chat.active || chat.migratedToId !== null) return null;
  const follows = await db.follow.findMany({ where: { chatId: id } });
  if (follows.length === 0) return null;
  const profile = profileOf(chat);
  const nowMs = now.getTime();
  let best: { commitmentId: number; dueOn: string; offsetDays: number; instant: number } | null = null;
  for (const c of await loadPendingCommitments(sqlRunner(db, null))) {
    if (!isFollowed(follows, c)) continue;
    const after = Math.max(nowMs, c.changedAt?.getTime() ?? -Infinity);
    for (const offset of profile.offsets) {
      const instant = instantOn(profile, addDays(c.dueOn as string, -offset));
      if (instant > after && (best === null || instant < best.instant)) best = { commitmentId: c.id, dueOn: c.dueOn as string, offsetDays: offset, instant };
    }
  }
  if (!best) return null;
  const row = await db.commitment.findUnique({ where: { id: best.commitmentId }, select: { title: true } });
  return { commitmentId: best.commitmentId, title: row?.title ?? "", dueOn: best.dueOn, offsetDays: best.offsetDays, at: new Date(best.instant), timeZone: chat.timeZone };
}

const WHAT: Record<string, (days: number) => string> = {
  before: (days) => (days === 1 ? "due tomorrow" : `due in ${days} days`),
  due: () => "due that day",
  overdue: (days) => (days === 1 ? "a day overdue" : `${days} days overdue`),
};

/** "Next reminder: Thu 4 Dec 2025, 09:00: “Title” due tomorrow · /c 12" (HTML), or a line saying there is none. */
export function describeNextReminder(next: NextReminder | null): string {
  if (!next) return "No reminder is coming up for what this chat follows.";
  const when = new Intl.DateTimeFormat("en-GB", {
    timeZone: next.timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).format(next.at);
  const { kind } = stageName(next.offsetDays);
  const what = (WHAT[kind] ?? WHAT.due)?.(Math.abs(next.offsetDays)) ?? "";
  return `Next reminder: ${escapeHtml(when)}: “${escapeHtml(next.title)}” ${what} · /c ${next.commitmentId}`;
}
