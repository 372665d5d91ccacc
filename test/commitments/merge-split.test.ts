import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "../../src/db/client.ts";
import { latestStatement } from "../../src/commitments/in-force-due.ts";
import { getCommitment } from "../../src/commitments/get-commitment.ts";
import { answerQuestion } from "../../src/commitments/match-questions.ts";
import { mergeCommitments, type MergeInput } from "../../src/commitments/merge-commitments.ts";
import { splitMention, splitMerged, splitOptions } from "../../src/commitments/split-commitment.ts";
import { listCommitments } from "../../src/commitments/list-commitments.ts";
import { searchCommitments } from "../../src/commitments/search-commitments.ts";
import { createTestDb, describeEachEngine, type TestDb } from "../support/db.ts";

const AT = new Date("2026-02-10T05:00:00Z");
const ADMIN = 777_000_001n;
let t: TestDb;
let keyCounter = 0;

interface Report {
  dueOn: string | null;
  precision?: string;
  dueText?: string;
  publishedOn: string;
  via?: string;
}

/** A commitment stated by `reports` (the first is the one it was created from), each in its own source. */
async function addCommitment(db: Db, title: string, reports: Report[]): Promise<{ id: number; mentions: number[] }> {
  const sources = [];
  for (const r of reports) {
    sources.push(await db.source.create({ data: { file: `${title}-${++keyCounter}.txt`, path: `p/${title}-${keyCounter}.txt`, contentHash: `h${keyCounter}`, content: "x", publishedOn: r.publishedOn } }));
  }
  const first = reports[0]!;
  const c = await db.commitment.create({
    data: {
      sourceId: sources[0]!.id, key: `k${++keyCounter}`, title, quote: `${title} quote`, quoteStart: 0, quoteEnd: 5, precision: first.precision ?? "day",
      extractedDueOn: first.dueOn, dueOn: first.dueOn, dueText: first.dueText ?? "by then", publishedOn: first.publishedOn, body: "Ministry of Energy",
    },
  });
  const mentions: number[] = [];
  for (const [i, r] of reports.entries()) {
    const m = await db.mention.create({
      data: {
        commitmentId: c.id, sourceId: sources[i]!.id, key: i === 0 ? c.key : `m${++keyCounter}`, quote: `${title} report ${i}`, quoteStart: 0, quoteEnd: 5,
        dueText: r.dueText ?? "by then", dueOn: r.dueOn, precision: r.precision ?? "day", publishedOn: r.publishedOn, via: i === 0 ? "first" : (r.via ?? "matched"), score: i === 0 ? null : 0.5,
      },
    });
    mentions.push(m.id);
  }
  return { id: c.id, mentions };
}

async function addChat(db: Db, id: number, follows: number[]): Promise<void> {
  await db.chat.create({ data: { id: BigInt(id), type: "private", title: `Chat ${id}` } });
  for (const [i, c] of follows.entries()) {
    await db.follow.create({ data: { chatId: BigInt(id), kind: "commitment", value: String(c), commitmentId: c, createdAt: new Date(Date.UTC(2026, 0, 1 + i, id % 24)) } });
  }
}

/** Everything a merge touches, in a comparable form. */
async function snapshot(db: Db) {
  const commitments = await db.commitment.findMany({ orderBy: { id: "asc" }, select: { id: true, dueOn: true, extractedDueOn: true, precision: true, dueText: true, mergedIntoId: true, withdrawnAt: true, title: true } });
  const mentions = await db.mention.findMany({ orderBy: { id: "asc" }, select: { id: true, commitmentId: true, via: true, mergedFromId: true, dueOn: true, createdAt: true } });
  const follows = (await db.follow.findMany({ select: { chatId: true, kind: true, value: true, commitmentId: true, createdAt: true } }))
    .map((f) => `${f.chatId}:${f.value}:${f.commitmentId}:${f.createdAt.toISOString()}`).sort();
  const dueChanges = await db.dueChange.findMany({ orderBy: { id: "asc" }, select: { id: true, commitmentId: true, mentionId: true, fromDueOn: true, toDueOn: true } });
  const deliveries = await db.delivery.findMany({ orderBy: { id: "asc" }, select: { key: true, state: true, skipReason: true } });
  return { commitments, mentions, follows, dueChanges, deliveries };
}

const merge = (input: Partial<MergeInput> & Pick<MergeInput, "keepId" | "mergeId">) => mergeCommitments(t.db, { byUserId: ADMIN, byName: "Ada", at: AT, ...input });

describeEachEngine("merge and split", (engine) => {
  beforeEach(async () => {
    t = await createTestDb(engine);
  });
  afterEach(async () => {
    await t.destroy();
  });

  it("merge moves mentions, date changes, follows and reminders; split gives back exactly what was there", async () => {
    const a = await addCommitment(t.db, "A", [{ dueOn: "2025-12-31", publishedOn: "2025-11-01", dueText: "by 31 December 2025" }]);
    const b = await addCommitment(t.db, "B", [
      { dueOn: "2025-12-31", publishedOn: "2025-11-05", dueText: "by the end of 2025", precision: "year" },
      { dueOn: "2026-03-31", publishedOn: "2026-02-03", dueText: "by the end of Q1 2026", precision: "quarter" },
    ]);
    // B already drifted once: its second report moved it to Q1 2026.
    await t.db.commitment.update({ where: { id: b.id }, data: { extractedDueOn: "2026-03-31", dueOn: "2026-03-31", precision: "quarter", dueText: "by the end of Q1 2026" } });
    await t.db.dueChange.create({ data: { commitmentId: b.id, mentionId: b.mentions[1]!, fromDueOn: "2025-12-31", fromPrecision: "year", toDueOn: "2026-03-31", toPrecision: "quarter", kind: "slip", statedOn: "2026-02-03", at: AT } });
    await addChat(t.db, 1, [b.id]); // follows B only
    await addChat(t.db, 2, [a.id, b.id]); // follows both
    await addChat(t.db, 3, [a.id]);
    await t.db.delivery.create({ data: { key: "future", chatId: 1n, commitmentId: b.id, kind: "before", dueOn: "2026-03-31", notBefore: new Date("2026-03-24T04:00:00Z") } });
    await t.db.delivery.create({ data: { key: "past", chatId: 1n, commitmentId: b.id, kind: "before", dueOn: "2026-03-31", notBefore: new Date("2026-02-11T04:00:00Z") } });
    await t.db.delivery.create({ data: { key: "sent", chatId: 1n, commitmentId: b.id, kind: "status", state: "sent", notBefore: new Date("2026-01-01T04:00:00Z") } });
    const before = await snapshot(t.db);

    const result = await merge({ keepId: a.id, mergeId: b.id });
    expect(result).toMatchObject({ ok: true, merge: { keptId: a.id, mergedId: b.id, mentions: 2, followers: 2, dueBefore: "2025-12-31", dueAfter: "2026-03-31" } });
    const mid = await snapshot(t.db);
    expect(mid.commitments.find((c) => c.id === b.id)?.mergedIntoId).toBe(a.id);
    expect(mid.commitments.find((c) => c.id === a.id)).toMatchObject({ dueOn: "2026-03-31", precision: "quarter", dueText: "by the end of Q1 2026" });
    expect(mid.mentions.filter((m) => m.commitmentId === a.id).map((m) => [m.via, m.mergedFromId])).toEqual([["first", null], ["merged", b.id], ["merged", b.id]]);
    expect(mid.follows).toEqual([`1:${a.id}:${a.id}:2026-01-01T01:00:00.000Z`, `2:${a.id}:${a.id}:2026-01-01T02:00:00.000Z`, `3:${a.id}:${a.id}:2026-01-01T03:00:00.000Z`]);
    expect(mid.dueChanges.map((d) => [d.commitmentId, d.fromDueOn, d.toDueOn])).toEqual([[a.id, "2025-12-31", "2026-03-31"], [a.id, "2025-12-31", "2026-03-31"]]);
    expect(mid.deliveries.map((d) => d.state)).toEqual(["skipped", "skipped", "sent"]);
    const record = await t.db.commitmentMerge.findFirstOrThrow();
    expect(record).toMatchObject({ keptId: a.id, mergedId: b.id, via: "merged", byUserId: ADMIN, byName: "Ada", mentions: 2, splitAt: null });
    // The card's read (plain queries, side by side) gives what one findUnique with include gives:
    // with a status change by an admin (a BigInt) and a date change whose report is gone (no mention).
    await t.db.statusChange.create({ data: { commitmentId: a.id, at: AT, byUserId: ADMIN, byName: "Ada", fromStatus: "open", toStatus: "done", note: "checked" } });
    await t.db.dueChange.create({ data: { commitmentId: a.id, mentionId: null, fromDueOn: "2026-03-31", fromPrecision: "quarter", toDueOn: "2026-06-30", toPrecision: "quarter", kind: "slip", statedOn: null, at: new Date("2026-02-11T05:00:00Z") } });
    const head = { select: { file: true, title: true, publishedOn: true } } as const;
    const detail = await getCommitment(t.db, a.id);
    expect(detail).toEqual(await t.db.commitment.findUnique({
      where: { id: a.id },
      include: {
        source: true,
        history: { orderBy: [{ at: "asc" }, { id: "asc" }] },
        mentions: { orderBy: { id: "asc" }, include: { source: head } },
        dueChanges: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { mention: { select: { sourceId: true, source: head } } } },
        mergesKept: { orderBy: { id: "asc" } },
      },
    }));
    expect([detail?.history.length, detail?.mentions.length, detail?.dueChanges.length, detail?.mergesKept.length]).toEqual([1, 3, 3, 1]);
    await t.db.statusChange.deleteMany({});
    await t.db.dueChange.deleteMany({ where: { mentionId: null } });
    expect(await splitOptions(t.db, a.id)).toMatchObject({ merged: [{ id: b.id, mentions: 2, byName: "Ada" }], matched: [] });

    // Split two days later: the "past" reminder fell due while B was merged.
    const later = new Date("2026-02-12T05:00:00Z");
    const split = await splitMerged(t.db, { id: b.id, byUserId: ADMIN, byName: "Ada", at: later });
    expect(split).toMatchObject({ ok: true, keptId: a.id, splitId: b.id, mentions: 2, followers: 2 });
    const after = await snapshot(t.db);
    expect(after.commitments).toEqual(before.commitments);
    expect(after.mentions).toEqual(before.mentions);
    expect(after.follows).toEqual(before.follows);
    expect(after.dueChanges).toEqual(before.dueChanges);
    // The reminder not yet due is planned again; the one that fell due while merged stays skipped.
    expect(after.deliveries.map((d) => `${d.key}:${d.state}`)).toEqual(["future:pending", "past:skipped", "sent:sent"]);
    expect((await t.db.commitmentMerge.findFirstOrThrow()).splitAt?.toISOString()).toBe(later.toISOString());
  });

  it("a merged-away commitment leaves lists, search and reminder planning, and comes back with /split", async () => {
    const a = await addCommitment(t.db, "Alpha", [{ dueOn: "2026-06-30", publishedOn: "2026-01-01" }]);
    const b = await addCommitment(t.db, "Bravo", [{ dueOn: "2026-06-30", publishedOn: "2026-01-05" }]);
    const visible = async () => ({
      list: (await listCommitments(t.db, { today: "2026-02-10" })).rows.map((c) => c.id),
      search: (await searchCommitments(t.db, "Bravo")).rows.map((c) => c.id),
      planned: (await t.db.commitment.findMany({ where: { withdrawnAt: null, status: { in: ["open", "postponed"] } }, select: { id: true } })).map((c) => c.id),
    });
    expect(await visible()).toEqual({ list: [a.id, b.id], search: [b.id], planned: [a.id, b.id] });
    await merge({ keepId: a.id, mergeId: b.id });
    expect(await visible()).toEqual({ list: [a.id], search: [], planned: [a.id] });
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id: b.id } })).withdrawnAt?.toISOString()).toBe(AT.toISOString());
    await splitMerged(t.db, { id: b.id, byUserId: ADMIN, byName: "Ada", at: AT });
    expect(await visible()).toEqual({ list: [a.id, b.id], search: [b.id], planned: [a.id, b.id] });
  });

  it("refuses merging into itself, unknown ids, merged-away commitments, and splitting what is not merged", async () => {
    const a = await addCommitment(t.db, "A", [{ dueOn: "2026-03-31", publishedOn: "2026-01-01" }]);
    const b = await addCommitment(t.db, "B", [{ dueOn: "2026-03-31", publishedOn: "2026-01-02" }]);
    const c = await addCommitment(t.db, "C", [{ dueOn: "2026-03-31", publishedOn: "2026-01-03" }]);
    const code = async (input: Parameters<typeof merge>[0]) => {
      const r = await merge(input);
      return r.ok ? "ok" : `${r.error.code}${r.error.into ? `>${r.error.into}` : ""}`;
    };
    expect(await code({ keepId: a.id, mergeId: a.id })).toBe("same");
    expect(await code({ keepId: a.id, mergeId: 999_999 })).toBe("not_found");
    expect(await code({ keepId: -1, mergeId: a.id })).toBe("not_found");
    expect(await code({ keepId: a.id, mergeId: b.id })).toBe("ok");
    expect(await code({ keepId: c.id, mergeId: b.id })).toBe(`already_merged>${a.id}`);
    expect(await code({ keepId: b.id, mergeId: c.id })).toBe(`kept_merged>${a.id}`);
    expect(await code({ keepId: b.id, mergeId: a.id })).toBe(`kept_merged>${a.id}`);
    // Nothing half-done by the refusals.
    expect(await t.db.commitmentMerge.count()).toBe(1);
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id: c.id } })).mergedIntoId).toBeNull();
    const notMerged = await splitMerged(t.db, { id: a.id, byUserId: ADMIN, at: AT });
    expect(!notMerged.ok && notMerged.error.code).toBe("not_merged");
    expect(!notMerged.ok && notMerged.error.message).not.toContain("\n");
  });

  it("a commitment that absorbed another can be merged on, and the two merges undone one by one", async () => {
    const a = await addCommitment(t.db, "A", [{ dueOn: "2026-03-31", publishedOn: "2026-01-01" }]);
    const b = await addCommitment(t.db, "B", [{ dueOn: "2026-03-31", publishedOn: "2026-01-02" }]);
    const c = await addCommitment(t.db, "C", [{ dueOn: "2026-06-30", publishedOn: "2026-01-03" }]);
    const before = await snapshot(t.db);
    expect((await merge({ keepId: b.id, mergeId: c.id })).ok).toBe(true);
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id: b.id } })).dueOn).toBe("2026-06-30");
    expect((await merge({ keepId: a.id, mergeId: b.id })).ok).toBe(true);
    expect(await t.db.mention.count({ where: { commitmentId: a.id } })).toBe(3);
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id: a.id } })).dueOn).toBe("2026-06-30");
    expect(await splitMerged(t.db, { id: b.id, byUserId: ADMIN, at: AT })).toMatchObject({ ok: true, mentions: 2 });
    expect(await splitMerged(t.db, { id: c.id, byUserId: ADMIN, at: AT })).toMatchObject({ ok: true, mentions: 1 });
    const after = await snapshot(t.db);
    expect(after.commitments).toEqual(before.commitments);
    expect(after.mentions).toEqual(before.mentions);
    expect(after.dueChanges).toEqual([]);
  });

  it("a report that joined by matching becomes a commitment of its own; the first report and merged ones cannot", async () => {
    const a = await addCommitment(t.db, "A", [
      { dueOn: "2025-12-31", publishedOn: "2025-11-01" },
      { dueOn: "2026-06-30", publishedOn: "2026-01-20", precision: "quarter", dueText: "in Q2 2026" },
    ]);
    await t.db.commitment.update({ where: { id: a.id }, data: { extractedDueOn: "2026-06-30", dueOn: "2026-06-30", precision: "quarter" } });
    await t.db.dueChange.create({ data: { commitmentId: a.id, mentionId: a.mentions[1]!, fromDueOn: "2025-12-31", fromPrecision: "day", toDueOn: "2026-06-30", toPrecision: "quarter", kind: "slip", statedOn: "2026-01-20", at: AT } });
    const b = await addCommitment(t.db, "B", [{ dueOn: "2025-12-31", publishedOn: "2025-11-02" }]);
    expect((await merge({ keepId: a.id, mergeId: b.id })).ok).toBe(true);
    expect((await splitOptions(t.db, a.id)).matched.map((m) => m.id)).toEqual([a.mentions[1]]);

    const first = await splitMention(t.db, { id: a.id, mentionId: a.mentions[0]!, byUserId: ADMIN, at: AT });
    expect(!first.ok && first.error.code).toBe("first_mention");
    const merged = await splitMention(t.db, { id: a.id, mentionId: b.mentions[0]!, byUserId: ADMIN, at: AT });
    expect(!merged.ok && merged.error).toMatchObject({ code: "came_with_merge", other: b.id });
    const foreign = await splitMention(t.db, { id: b.id, mentionId: a.mentions[1]!, byUserId: ADMIN, at: AT });
    expect(!foreign.ok && foreign.error.code).toBe("no_mention");

    const result = await splitMention(t.db, { id: a.id, mentionId: a.mentions[1]!, byUserId: ADMIN, at: AT });
    expect(result).toMatchObject({ ok: true, keptId: a.id, created: true });
    if (!result.ok) return;
    const created = await t.db.commitment.findUniqueOrThrow({ where: { id: result.splitId }, include: { mentions: true } });
    expect(created).toMatchObject({ title: "A", dueOn: "2026-06-30", precision: "quarter", dueText: "in Q2 2026", status: "open", mergedIntoId: null });
    expect(created.mentions.map((m) => [m.id, m.via])).toEqual([[a.mentions[1], "first"]]);
    // A is back to what its remaining reports say; the slip its departed report stated is gone.
    expect(await t.db.commitment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ dueOn: "2025-12-31", precision: "day" });
    expect(await t.db.dueChange.count({ where: { commitmentId: a.id } })).toBe(0);
  });

  it("an admin's postponement stays in force unless a report published after it states a date", async () => {
    const postpone = async (id: number, day: string) => {
      await t.db.commitment.update({ where: { id }, data: { status: "postponed", dueOn: "2026-09-30" } });
      await t.db.statusChange.create({ data: { commitmentId: id, at: new Date(`${day}T06:00:00Z`), byUserId: ADMIN, fromStatus: "open", toStatus: "postponed", fromDueOn: "2026-03-31", toDueOn: "2026-09-30" } });
    };
    const a = await addCommitment(t.db, "A", [{ dueOn: "2026-03-31", publishedOn: "2026-01-01" }]);
    await postpone(a.id, "2026-02-05");
    const older = await addCommitment(t.db, "B", [{ dueOn: "2026-06-30", publishedOn: "2026-02-01" }]);
    expect(await merge({ keepId: a.id, mergeId: older.id })).toMatchObject({ ok: true, merge: { dueBefore: "2026-09-30", dueAfter: "2026-09-30" } });
    expect(await t.db.commitment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ dueOn: "2026-09-30", extractedDueOn: "2026-06-30" });

    const c = await addCommitment(t.db, "C", [{ dueOn: "2026-03-31", publishedOn: "2026-01-01" }]);
    await postpone(c.id, "2026-02-05");
    const newer = await addCommitment(t.db, "D", [{ dueOn: "2026-12-31", publishedOn: "2026-02-06" }]);
    expect(await merge({ keepId: c.id, mergeId: newer.id })).toMatchObject({ ok: true, merge: { dueBefore: "2026-09-30", dueAfter: "2026-12-31" } });
    expect(await splitMerged(t.db, { id: newer.id, byUserId: ADMIN, at: AT })).toMatchObject({ ok: true });
    expect(await t.db.commitment.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ dueOn: "2026-09-30", extractedDueOn: "2026-03-31" });
  });

  it("a closed commitment keeps its date", async () => {
    const a = await addCommitment(t.db, "A", [{ dueOn: "2026-03-31", publishedOn: "2026-01-01" }]);
    await t.db.commitment.update({ where: { id: a.id }, data: { status: "done" } });
    const b = await addCommitment(t.db, "B", [{ dueOn: "2026-06-30", publishedOn: "2026-02-01" }]);
    expect(await merge({ keepId: a.id, mergeId: b.id })).toMatchObject({ ok: true, merge: { dueBefore: "2026-03-31", dueAfter: "2026-03-31" } });
  });

  it("answers a question once: Same merges the new commitment into the candidate, a second answer says who answered", async () => {
    const old = await addCommitment(t.db, "Old", [{ dueOn: "2026-03-31", publishedOn: "2026-01-01" }]);
    const fresh = await addCommitment(t.db, "New", [{ dueOn: "2026-03-31", publishedOn: "2026-02-01" }]);
    const other = await addCommitment(t.db, "Other", [{ dueOn: "2026-03-31", publishedOn: "2026-02-02" }]);
    const q1 = await t.db.matchQuestion.create({ data: { commitmentId: fresh.id, candidateId: old.id, score: 0.3, reasons: "[]" } });
    const q2 = await t.db.matchQuestion.create({ data: { commitmentId: other.id, candidateId: old.id, score: 0.25, reasons: "[]" } });
    await t.db.chat.create({ data: { id: ADMIN, type: "private", title: "Ada", username: "ada_admin" } });

    expect(await answerQuestion(t.db, { questionId: q1.id, same: true, byUserId: ADMIN, byName: "Ada (@ada_admin)", at: AT })).toMatchObject({ ok: true, same: true, merge: { keptId: old.id, mergedId: fresh.id, mentions: 1 } });
    expect(await t.db.mention.findFirstOrThrow({ where: { commitmentId: old.id, mergedFromId: fresh.id } })).toMatchObject({ via: "answered" });
    expect(await t.db.matchQuestion.findUniqueOrThrow({ where: { id: q1.id } })).toMatchObject({ status: "same", answeredBy: ADMIN });
    expect(await answerQuestion(t.db, { questionId: q1.id, same: false, byUserId: 5n, at: AT })).toMatchObject({ ok: false, code: "answered", status: "same", byName: "Ada (@ada_admin)" });

    expect(await answerQuestion(t.db, { questionId: q2.id, same: false, byUserId: ADMIN, at: AT })).toMatchObject({ ok: true, same: false });
    expect(await answerQuestion(t.db, { questionId: q2.id, same: true, byUserId: ADMIN, at: AT })).toMatchObject({ ok: false, code: "answered", status: "different", byName: "Ada (@ada_admin)" });
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id: other.id } })).mergedIntoId).toBeNull();
    expect(await answerQuestion(t.db, { questionId: 999, same: true, byUserId: ADMIN, at: AT })).toEqual({ ok: false, code: "not_found" });

    // The answered merge is undone like any other: the new report is a commitment again, "first".
    expect(await splitMerged(t.db, { id: fresh.id, byUserId: ADMIN, at: AT })).toMatchObject({ ok: true, mentions: 1 });
    expect((await t.db.mention.findFirstOrThrow({ where: { commitmentId: fresh.id } })).via).toBe("first");
  });

  it("a commitment stored before mentions existed gets its first mention when merged", async () => {
    const a = await addCommitment(t.db, "A", [{ dueOn: "2026-03-31", publishedOn: "2026-01-01" }]);
    const bare = await addCommitment(t.db, "Bare", [{ dueOn: "2026-04-30", publishedOn: "2026-02-01" }]);
    await t.db.mention.deleteMany({ where: { commitmentId: bare.id } });
    expect(await merge({ keepId: a.id, mergeId: bare.id })).toMatchObject({ ok: true, merge: { mentions: 1, dueAfter: "2026-04-30" } });
    expect(await splitMerged(t.db, { id: bare.id, byUserId: ADMIN, at: AT })).toMatchObject({ ok: true, mentions: 1 });
    expect(await t.db.commitment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ dueOn: "2026-03-31" });
  });
});

it("the latest dated statement is in force, a report without a publication date dated by its reading; an undated later report does not undate", () => {
  // Read on 10 Feb 2026 (05:00 UTC, 10:00 in Almaty) unless published.
  const m = (id: number, dueOn: string | null, publishedOn: string | null, createdAt = "2026-02-10T05:00:00Z") => ({ id, dueOn, publishedOn, createdAt: new Date(createdAt), precision: "day", dueText: null, withdrawnAt: null });
  expect(latestStatement([m(1, "2025-12-31", "2025-11-01"), m(2, "2026-03-31", "2026-02-03"), m(3, null, "2026-03-01")])?.id).toBe(2);
  expect(latestStatement([m(1, "2025-12-31", "2026-02-03"), m(2, "2026-03-31", "2026-01-01")])?.id).toBe(1);
  expect(latestStatement([m(5, null, "2026-01-01"), m(4, null, "2026-02-01")])?.id).toBe(4);
  expect(latestStatement([])).toBeNull();
  // Without a publication date, the day it was read counts, in Almaty: 9 Feb 20:00 UTC is 10 Feb there.
  expect(latestStatement([m(1, "2026-06-30", "2026-02-09"), m(2, "2026-09-30", null, "2026-02-09T20:00:00Z")])?.id).toBe(2);
  expect(latestStatement([m(1, "2026-06-30", "2026-02-10"), m(2, "2026-09-30", null, "2026-02-09T18:00:00Z")])?.id).toBe(1);
});
