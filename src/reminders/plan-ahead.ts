// PURE: the scheduler's plan, per commitment reminder and chat group rather than per chat.
// Chats with identical reminder settings (time zone, offsets, hour, quiet hours) get their
// reminders at the same instants, so a plan is a list of "stage units": one reminder of one
// commitment for one group; the database fans each unit out to the group's followers
// (fan-out.ts). 100,000 chats are a few dozen groups: the plan stays small whatever the chat count.
//
// Planning runs AHEAD of time: each tick extends a horizon (now + about a day and a half), so a
// busy minute's rows (09:00, when most chats get theirs) are written during the quiet minutes
// before it, a bounded number per tick. Rows carry notBefore; the deliverer claims only due ones.
import { addDays } from "../calendar.ts";
import { isFollowed } from "../chats/followers-of.ts";
import { localDate } from "./local-time.ts";
import { catchUpSendAt, dueDatesHitInWindow, instantOn, profileOf, stageName, type Profile, type ProfileSettings, type Stage } from "./stages.ts";
import { isRemindable, reminderKey } from "./plan.ts";
import type { PlanChat, PlanCommitment, PlanFollow, PlannedDelivery } from "./types.ts";

/** Reminder settings shared by a group of chats, as stored (raw offsets text: the SQL matches it). */
export type ChatGroup = ProfileSettings;

/** One reminder of one commitment for every follower in one group. */
export interface StageUnit {
  commitmentId: number;
  dueOn: string;
  group: ChatGroup;
  stage: Stage;
  /** When its rows may go out: the stage's instant, or later for a caught-up stage (catchUpSendAt). */
  notBefore: number;
  /**
   * A caught-up stage (its instant had passed when it was planned) goes only to chats that
   * followed before it: a chat that follows today is not sent last week's reminder.
   */
  caughtUp: boolean;
  /** Its recipients' chat ids once read (fan-out.ts), and how many have rows: a big unit spans several ticks. */
  recipients: bigint[] | null;
  written: number;
}

/** The latest announced change bounds what is planned: instants at or before it are covered by the announcement. */
function afterMsFor(c: PlanCommitment, afterMs: number): number {
  return Math.max(afterMs, c.changedAt?.getTime() ?? -Infinity);
}

/**
 * Each group's current reminder of each commitment: the latest with its instant at or before
 * `nowMs` (start-up catch-up, a new commitment, a postponement). Only the latest: after downtime
 * no stale "7 days left" for a commitment due tomorrow.
 */
export function currentUnits(groups: readonly ChatGroup[], commitments: readonly PlanCommitment[], nowMs: number): StageUnit[] {
  const out: StageUnit[] = [];
  for (const group of groups) {
    const profile = profileOf(group);
    const earliest = profile.offsets[0];
    if (earliest === undefined) continue;
    const sendAt = catchUpSendAt(profile, nowMs);
    // A commitment whose earliest reminder falls after tomorrow (local) has none yet: skipped
    // without computing instants (each costs the zone's offset, the bulk of a start-up tick).
    const lastDueOn = addDays(localDate(profile.timeZone, new Date(nowMs)), 1 + earliest);
    // Commitments share due dates (a year has 365): each date's stages are computed once.
    const byDueOn = new Map<string, Stage[]>();
    for (const c of commitments) {
      if (!isRemindable(c) || c.dueOn > lastDueOn) continue;
      let stages = byDueOn.get(c.dueOn);
      if (!stages) {
        stages = profile.offsets.map((offset) => stageAt(profile, c.dueOn, offset)).sort((a, b) => b.instant - a.instant);
        byDueOn.set(c.dueOn, stages);
      }
      const afterMs = afterMsFor(c, -Infinity);
      const stage = stages.find((s) => s.instant <= nowMs && s.instant > afterMs);
      if (stage) out.push({ commitmentId: c.id, dueOn: c.dueOn, group, stage, notBefore: sendAt(stage.instant), caughtUp: true, recipients: null, written: 0 });
    }
  }
  return out;
}

/**
 * Every reminder with its instant in (afterMs, untilMs], for each group and commitment: found
 * from the local dates in the range (a day and a half is a few dates), not by scanning.
 * Sorted by instant, earliest first.
 */
export function unitsInRange(groups: readonly ChatGroup[], commitments: readonly PlanCommitment[], afterMs: number, untilMs: number): StageUnit[] {
  const out: StageUnit[] = [];
  if (afterMs >= untilMs) return out;
  const byDueOn = new Map<string, (PlanCommitment & { dueOn: string })[]>();
  for (const c of commitments) {
    if (!isRemindable(c)) continue;
    const list = byDueOn.get(c.dueOn);
    if (list) list.push(c);
    else byDueOn.set(c.dueOn, [c]);
  }
  for (const group of groups) {
    const profile = profileOf(group);
    const first = localDate(profile.timeZone, new Date(afterMs));
    // Quiet hours can move an instant into the next local day: one date more covers it.
    const last = addDays(localDate(profile.timeZone, new Date(untilMs)), 1);
    for (const [dueOn, offsets] of dueDatesHitInWindow(profile, afterMs, untilMs, first, last)) {
      for (const c of byDueOn.get(dueOn) ?? []) {
        for (const offset of offsets) {
          const stage = stageAt(profile, dueOn, offset);
          if (stage.instant > afterMsFor(c, afterMs) && stage.instant <= untilMs) {
            out.push({ commitmentId: c.id, dueOn, group, stage, notBefore: stage.instant, caughtUp: false, recipients: null, written: 0 });
          }
        }
      }
    }
  }
  return out.sort((a, b) => a.stage.instant - b.stage.instant);
}

function stageAt(profile: Profile, dueOn: string, offset: number): Stage {
  return { offsetDays: offset, instant: instantOn(profile, addDays(dueOn, -offset)), ...stageName(offset) };
}

/**
 * When a follow counts as made, for "was the chat following when this reminder fell?": its
 * createdAt, or -Infinity when that lies after `nowMs` (stamped by another clock than the
 * planner's, MINDET_NOW in a demo: its real moment is unknown, so it counts as old).
 */
export function followedAtMs(follow: Pick<PlanFollow, "createdAt">, nowMs: number): number {
  const ms = follow.createdAt.getTime();
  return ms > nowMs ? -Infinity : ms;
}

/**
 * One chat's rows for what its follows reach (a fresh follow, changed settings): every reminder
 * with its instant in (nowMs, untilMs], plus, with `withCurrent`, the current one when the chat
 * already followed at its instant (an overdue notice only goes out if the key was never used).
 */
export function chatRows(chat: PlanChat, follows: readonly PlanFollow[], commitments: readonly PlanCommitment[], nowMs: number, untilMs: number, withCurrent: boolean): PlannedDelivery[] {
  const group: ChatGroup = { timeZone: chat.timeZone, offsets: chat.offsets, reminderHour: chat.reminderHour, quietStart: chat.quietStart, quietEnd: chat.quietEnd };
  const followed = new Map(commitments.filter((c) => isFollowed(follows, c)).map((c) => [c.id, c]));
  const current = withCurrent
    ? currentUnits([group], [...followed.values()], nowMs).filter((u) => {
        const c = followed.get(u.commitmentId) as PlanCommitment;
        return follows.some((f) => isFollowed([f], c) && followedAtMs(f, nowMs) <= u.stage.instant);
      })
    : [];
  return [...current, ...unitsInRange([group], [...followed.values()], nowMs, untilMs)].map((u) => ({
    key: reminderKey(chat.id, u.commitmentId, u.stage.name, u.dueOn),
    chatId: chat.id,
    commitmentId: u.commitmentId,
    kind: u.stage.kind,
    offsetDays: u.stage.offsetDays,
    dueOn: u.dueOn,
    statusChangeId: null,
    notBefore: new Date(u.notBefore),
  }));
}
