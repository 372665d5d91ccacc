// PURE: who gets which reminder when. A function of `now`, chats, commitments, follows and
// status changes; no clock, no database. The caller inserts the rows with INSERT OR IGNORE on
// their unique key, which is what makes planning the same window twice harmless.
import { addDays } from "../calendar.ts";
import { isoWeek, isoWeekday, localDate, outOfQuietHours, reminderInstant } from "./local-time.ts";
import { dueDatesHitInWindow, latestStage, profileOf, type Profile, type Stage } from "./stages.ts";
import type { PlanChat, PlanCommitment, PlanFollow, PlanInput, PlanStatusChange, PlannedDelivery } from "./types.ts";

/** Statuses that still get reminders. */
const PENDING = new Set(["open", "postponed"]);
/** A digest that could not go out within a day of its hour is dropped: next week's is due soon. */
const DIGEST_LATE_MS = 24 * 3_600_000;

/** Index of who follows what, built once per plan. */
export interface FollowIndex {
  all: bigint[];
  byCommitment: Map<number, bigint[]>;
  byTopic: Map<string, bigint[]>;
  byBody: Map<string, bigint[]>;
}

/** Groups follows by kind so a commitment's followers are a few map lookups, not a scan. */
export function indexFollows(follows: readonly PlanFollow[], isKnownChat: (id: bigint) => boolean): FollowIndex {
  const index: FollowIndex = { all: [], byCommitment: new Map(), byTopic: new Map(), byBody: new Map() };
  const push = <K>(map: Map<K, bigint[]>, key: K, chatId: bigint): void => {
    const list = map.get(key);
    if (list) list.push(chatId);
    else map.set(key, [chatId]);
  };
  for (const f of follows) {
    if (!isKnownChat(f.chatId)) continue;
    if (f.kind === "all") index.all.push(f.chatId);
    else if (f.kind === "commitment") push(index.byCommitment, f.commitmentId ?? Number(f.value), f.chatId);
    else if (f.kind === "topic") push(index.byTopic, f.value, f.chatId);
    else if (f.kind === "body") push(index.byBody, f.value, f.chatId);
  }
  return index;
}

/** Each chat following the commitment once: directly, by topic, by body or through "all". */
export function followersOf(index: FollowIndex, c: Pick<PlanCommitment, "id" | "topics" | "body">): Set<bigint> {
  const result = new Set<bigint>(index.all);
  for (const id of index.byCommitment.get(c.id) ?? []) result.add(id);
  for (const topic of c.topics.split("|")) {
    if (topic !== "") for (const id of index.byTopic.get(topic) ?? []) result.add(id);
  }
  if (c.body) for (const id of index.byBody.get(c.body) ?? []) result.add(id);
  return result;
}

/** True when a commitment gets reminders: pending, dated (not vague), not withdrawn. */
export function isRemindable(c: PlanCommitment): c is PlanCommitment & { dueOn: string } {
  return PENDING.has(c.status) && c.dueOn !== null && c.precision !== "vague" && !c.withdrawn;
}

/** Reminder key: one per chat, commitment, reminder and due date. */
export function reminderKey(chatId: bigint, commitmentId: number, stage: string, dueOn: string): string {
  return `r:${chatId}:${commitmentId}:${stage}:${dueOn}`;
}

/**
 * Plans the outbox rows due at `input.now`: reminders whose instant passed since the previous
 * tick (or every pair's current one when `since` is null), the current reminder of fresh
 * follows, status announcements and weekly digests. Rows never have notBefore after `now`,
 * except announcements held back by quiet hours. Rows may already exist; the caller ignores
 * conflicts.
 */
export function planReminders(input: PlanInput): PlannedDelivery[] {
  const nowMs = input.now.getTime();
  const chats = new Map<bigint, { chat: PlanChat; profile: Profile }>();
  const profiles = new Map<string, Profile>();
  for (const chat of input.chats) {
    const computed = profileOf(chat);
    const profile = profiles.get(computed.key) ?? computed;
    profiles.set(profile.key, profile);
    chats.set(chat.id, { chat, profile });
  }
  const index = indexFollows(input.follows, (id) => chats.has(id));
  const remindable = input.commitments.filter(isRemindable);
  const out: PlannedDelivery[] = [];
  const hits = stagesDue(profiles, remindable, input, nowMs);
  for (const [commitment, byProfile] of hits) {
    for (const chatId of followersOf(index, commitment)) {
      const entry = chats.get(chatId);
      const stage = entry && byProfile.get(entry.profile.key);
      if (stage) out.push(reminderRow(chatId, commitment, stage));
    }
  }
  // Appended row by row: spreading 100,000 rows into push() overflows the stack.
  for (const extra of [planFreshFollows(input, chats, remindable, nowMs), planAnnouncements(input, chats, index), planDigests(input.chats, input.since, nowMs)]) {
    for (const row of extra) out.push(row);
  }
  return out;
}

function reminderRow(chatId: bigint, c: PlanCommitment & { dueOn: string }, stage: Stage): PlannedDelivery {
  return {
    key: reminderKey(chatId, c.id, stage.name, c.dueOn),
    chatId,
    commitmentId: c.id,
    kind: stage.kind,
    offsetDays: stage.offsetDays,
    dueOn: c.dueOn,
    statusChangeId: null,
    notBefore: new Date(stage.instant),
  };
}

type Hits = Map<PlanCommitment & { dueOn: string }, Map<string, Stage>>;

function stagesDue(profiles: Map<string, Profile>, remindable: readonly (PlanCommitment & { dueOn: string })[], input: PlanInput, nowMs: number): Hits {
  if (input.since === null) return allCurrentStages(profiles, remindable, nowMs);
  const hits = windowStages(profiles, remindable, input.since.getTime(), nowMs);
  const fresh = input.freshCommitmentIds;
  if (fresh && fresh.size > 0) {
    // New commitments (just ingested) get their current reminder like a fresh follow.
    const current = allCurrentStages(profiles, remindable.filter((c) => fresh.has(c.id)), nowMs);
    for (const [c, byProfile] of current) hits.set(c, byProfile);
  }
  return hits;
}

/**
 * The remindable commitments with a reminder due in this plan for at least one profile of
 * `chats` (only their settings matter): lets the caller load only the follows that matter.
 */
export function commitmentsDue(input: Pick<PlanInput, "now" | "since" | "chats" | "commitments" | "freshCommitmentIds">): PlanCommitment[] {
  const profiles = new Map<string, Profile>();
  for (const chat of input.chats) {
    const profile = profileOf(chat);
    profiles.set(profile.key, profile);
  }
  const remindable = input.commitments.filter(isRemindable);
  return [...stagesDue(profiles, remindable, input as PlanInput, input.now.getTime()).keys()];
}

function afterMsFor(c: PlanCommitment, sinceMs: number): number {
  return Math.max(sinceMs, c.changedAt?.getTime() ?? -Infinity);
}

/** Every commitment's current reminder per profile (start-up: nothing is known about the past). */
function allCurrentStages(profiles: Map<string, Profile>, commitments: readonly (PlanCommitment & { dueOn: string })[], nowMs: number): Hits {
  const hits: Hits = new Map();
  for (const c of commitments) {
    for (const profile of profiles.values()) {
      const stage = latestStage(profile, c.dueOn, afterMsFor(c, -Infinity), nowMs);
      if (!stage) continue;
      const byProfile = hits.get(c) ?? new Map<string, Stage>();
      byProfile.set(profile.key, stage);
      hits.set(c, byProfile);
    }
  }
  return hits;
}

/** Reminders whose instant fell in (since, now]: found from the dates in the window, not by scanning. */
function windowStages(profiles: Map<string, Profile>, commitments: readonly (PlanCommitment & { dueOn: string })[], sinceMs: number, nowMs: number): Hits {
  const hits: Hits = new Map();
  if (sinceMs >= nowMs) return hits;
  const byDueOn = new Map<string, (PlanCommitment & { dueOn: string })[]>();
  for (const c of commitments) {
    const list = byDueOn.get(c.dueOn);
    if (list) list.push(c);
    else byDueOn.set(c.dueOn, [c]);
  }
  for (const profile of profiles.values()) {
    const first = localDate(profile.timeZone, new Date(sinceMs));
    const last = localDate(profile.timeZone, new Date(nowMs));
    for (const dueOn of dueDatesHitInWindow(profile, sinceMs, nowMs, first, last).keys()) {
      for (const c of byDueOn.get(dueOn) ?? []) {
        const stage = latestStage(profile, c.dueOn, afterMsFor(c, sinceMs), nowMs);
        if (!stage) continue;
        const byProfile = hits.get(c) ?? new Map<string, Stage>();
        byProfile.set(profile.key, stage);
        hits.set(c, byProfile);
      }
    }
  }
  return hits;
}

/** A new follow gets the commitment's current reminder at once (an overdue one only if never sent: the key). */
function planFreshFollows(input: PlanInput, chats: Map<bigint, { profile: Profile }>, remindable: readonly (PlanCommitment & { dueOn: string })[], nowMs: number): PlannedDelivery[] {
  const fresh = input.freshFollows ?? [];
  if (fresh.length === 0 || input.since === null) return [];
  const byChat = new Map<bigint, PlanFollow[]>();
  for (const f of fresh) byChat.set(f.chatId, [...(byChat.get(f.chatId) ?? []), f]);
  const out: PlannedDelivery[] = [];
  for (const [chatId, own] of byChat) {
    const entry = chats.get(chatId);
    if (!entry) continue;
    const index = indexFollows(own, () => true);
    for (const c of remindable) {
      if (followersOf(index, c).size === 0) continue;
      const stage = latestStage(entry.profile, c.dueOn, afterMsFor(c, -Infinity), nowMs);
      if (stage) out.push(reminderRow(chatId, c, stage));
    }
  }
  return out;
}

/** True for a change followers hear about: a new status or a new due date, made by someone. */
export function isAnnounceable(change: PlanStatusChange): boolean {
  if (change.fromStatus === "" || change.fromStatus === "new") return false;
  return change.fromStatus !== change.toStatus || change.fromDueOn !== change.toDueOn;
}

export function planAnnouncements(input: PlanInput, chats: Map<bigint, { chat: PlanChat }>, index: FollowIndex): PlannedDelivery[] {
  const out: PlannedDelivery[] = [];
  const byId = new Map(input.commitments.map((c) => [c.id, c]));
  for (const change of input.statusChanges ?? []) {
    const c = byId.get(change.commitmentId);
    if (!c || !isAnnounceable(change)) continue;
    for (const chatId of followersOf(index, c)) {
      const chat = chats.get(chatId)?.chat;
      if (!chat) continue;
      out.push({
        key: `s:${chatId}:${change.id}`,
        chatId,
        commitmentId: c.id,
        kind: "status",
        offsetDays: 0,
        dueOn: change.toDueOn,
        statusChangeId: change.id,
        notBefore: outOfQuietHours(change.at, chat.timeZone, { start: chat.quietStart, end: chat.quietEnd }),
      });
    }
  }
  return out;
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
