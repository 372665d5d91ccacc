// One commitment, many reports (issue 9, the store side): restatements become mentions, a later
// report's date moves the deadline (DueChange, "moved" notice, reminders replanned), doubtful
// matches are put to the admins, re-ingest changes nothing. Both engines, real databases.
import { afterEach, beforeEach, expect, it } from "vitest";
import { addMention } from "../../src/commitments/add-mention.ts";
import { changeStatus } from "../../src/commitments/change-status.ts";
import { ingestSource } from "../../src/commitments/ingest-source.ts";
import { mergeCommitments } from "../../src/commitments/merge-commitments.ts";
import { splitMerged } from "../../src/commitments/split-commitment.ts";
import { engineOf } from "../../src/db/client.ts";
import { createTestDb, describeEachEngine, type TestDb } from "../support/db.ts";
import { DOC_V1, fakeExtract } from "./fake-extract.ts";

const NOW = new Date("2026-01-20T06:00:00Z");
const LATER = new Date("2026-02-05T06:00:00Z");

/** DOC_V1's port report, restated by another outlet three weeks later with the date moved a quarter. */
const PORT_LATER = ["Port plans slip", "Published 2026-02-01", "The Ministry of Transport is to report on the port by 2026-09-30."].join("\n");
/** The same restatement, published before DOC_V1 (an older article read late). */
const PORT_OLDER = ["Port plans", "Published 2025-12-20", "The Ministry of Transport is to report on the port by 2026-04-30."].join("\n");

let t: TestDb;
const ingest = (file: string, text: string, now = NOW, admins: string[] = []) => ingestSource(t.db, { file, text, now, extract: fakeExtract, admins });
const portId = async () => (await t.db.commitment.findFirstOrThrow({ where: { quote: { contains: "report on the port" } } })).id;

async function snapshot() {
  const [commitments, mentions, dueChanges, questions, deliveries] = await Promise.all([
    t.db.commitment.findMany({ orderBy: { id: "asc" } }),
    t.db.mention.findMany({ orderBy: { id: "asc" } }),
    t.db.dueChange.findMany({ orderBy: { id: "asc" } }),
    t.db.matchQuestion.findMany({ orderBy: { id: "asc" } }),
    t.db.delivery.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { commitments, mentions, dueChanges, questions, deliveries };
}

describeEachEngine("mentions and deadline drift", (engine) => {
  beforeEach(async () => {
    t = await createTestDb(engine);
  });
  afterEach(async () => {
    await t.destroy();
  });

  it("gives every new commitment its first mention", async () => {
    expect(await ingest("a.txt", DOC_V1)).toMatchObject({ added: 3, matched: 0 });
    const { commitments, mentions } = await snapshot();
    expect(mentions.map((m) => [m.commitmentId, m.via, m.key, m.quote, m.dueOn, m.publishedOn])).toEqual(
      commitments.map((c) => [c.id, "first", c.key, c.quote, c.extractedDueOn, "2026-01-10"]),
    );
  });

  it("adds a restated commitment as a mention, records the slip and moves the date in force", async () => {
    await ingest("a.txt", DOC_V1);
    const id = await portId();
    const result = await ingest("b.txt", PORT_LATER, LATER);
    expect(result).toMatchObject({ status: "created", added: 0, matched: 1, moved: 1, questions: 0 });
    expect(await t.db.commitment.count()).toBe(3);
    const mentions = await t.db.mention.findMany({ where: { commitmentId: id }, orderBy: { id: "asc" } });
    expect(mentions.map((m) => [m.via, m.dueOn, m.publishedOn])).toEqual([
      ["first", "2026-06-30", "2026-01-10"],
      ["matched", "2026-09-30", "2026-02-01"],
    ]);
    expect(mentions[1]!.score).toBeGreaterThan(0.38);
    const [change] = await t.db.dueChange.findMany();
    expect(change).toMatchObject({ commitmentId: id, mentionId: mentions[1]!.id, fromDueOn: "2026-06-30", fromPrecision: "day", toDueOn: "2026-09-30", toPrecision: "day", kind: "slip", statedOn: "2026-02-01" });
    expect(await t.db.commitment.findUniqueOrThrow({ where: { id } })).toMatchObject({ dueOn: "2026-09-30", extractedDueOn: "2026-09-30", dueText: "by 2026-09-30", status: "open" });
  });

  it("keeps an older article's mention without letting it move the date", async () => {
    await ingest("a.txt", DOC_V1);
    await ingest("b.txt", PORT_LATER, LATER);
    const id = await portId();
    expect(await ingest("c.txt", PORT_OLDER, LATER)).toMatchObject({ matched: 1, moved: 0 });
    expect(await t.db.mention.count({ where: { commitmentId: id } })).toBe(3);
    expect(await t.db.dueChange.count()).toBe(1);
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id } })).dueOn).toBe("2026-09-30");
  });

  it("lets an admin's later postponement stand against an earlier article, and a later article supersede it", async () => {
    await ingest("a.txt", DOC_V1);
    const id = await portId();
    // Decided on 20 Jan, after DOC_V1 (10 Jan) and before the article of 1 Feb.
    expect((await changeStatus(t.db, { commitmentId: id, to: "postponed", newDueOn: "2026-08-31", byUserId: 7n, at: NOW })).ok).toBe(true);
    expect(await ingest("c.txt", PORT_OLDER, LATER)).toMatchObject({ matched: 1, moved: 0 });
    expect(await t.db.commitment.findUniqueOrThrow({ where: { id } })).toMatchObject({ dueOn: "2026-08-31", status: "postponed" });
    expect(await ingest("b.txt", PORT_LATER, LATER)).toMatchObject({ matched: 1, moved: 1 });
    expect(await t.db.commitment.findUniqueOrThrow({ where: { id } })).toMatchObject({ dueOn: "2026-09-30", extractedDueOn: "2026-09-30" });
    // The postponement stays on record beside the stated date.
    expect(await t.db.dueChange.findFirstOrThrow()).toMatchObject({ fromDueOn: "2026-08-31", fromPrecision: "day", toDueOn: "2026-09-30", kind: "slip" });
    expect(await t.db.statusChange.count({ where: { commitmentId: id, toStatus: "postponed" } })).toBe(1);
  });

  it("re-ingesting the same documents changes nothing", async () => {
    await ingest("a.txt", DOC_V1);
    await ingest("b.txt", PORT_LATER, LATER);
    await ingest("c.txt", PORT_OLDER, LATER);
    const before = await snapshot();
    for (const [file, text] of [["a.txt", DOC_V1], ["b.txt", PORT_LATER], ["c.txt", PORT_OLDER]] as const) {
      expect(await ingest(file, text, new Date("2026-03-01T00:00:00Z"))).toMatchObject({ status: "unchanged", added: 0, matched: 0, moved: 0 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("withdraws a commitment only when every report of it is gone", async () => {
    await ingest("a.txt", DOC_V1);
    await ingest("b.txt", PORT_LATER, LATER);
    const id = await portId();
    const withoutPort = DOC_V1.replace("The Ministry of Transport will report on the port by 2026-06-30.", "");
    expect(await ingest("a.txt", withoutPort, LATER)).toMatchObject({ status: "updated", withdrawn: 1 });
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id } })).withdrawnAt).toBeNull();
    expect(await t.db.mention.count({ where: { commitmentId: id, withdrawnAt: { not: null } } })).toBe(1);
    expect(await ingest("b.txt", PORT_LATER.replace(/The Ministry.*$/, "Nothing to report."), LATER)).toMatchObject({ withdrawn: 1 });
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id } })).withdrawnAt?.toISOString()).toBe(LATER.toISOString());
    // Back in one document: back in the store.
    await ingest("a.txt", DOC_V1, LATER);
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id } })).withdrawnAt).toBeNull();
  });

  it("tells followers at once (out of quiet hours), skips the old date's reminders", async () => {
    await ingest("a.txt", DOC_V1);
    const id = await portId();
    await t.db.chat.create({ data: { id: 1001n, type: "private", language: "en" } });
    // Quiet 22:00-10:00 Almaty: LATER is 11:00 there, so at once; a chat quiet until noon waits.
    await t.db.chat.create({ data: { id: 1002n, type: "private", language: "ru", quietStart: 22, quietEnd: 12 } });
    await t.db.chat.create({ data: { id: 1003n, type: "private" } });
    await t.db.follow.create({ data: { chatId: 1001n, kind: "all", value: "" } });
    await t.db.follow.create({ data: { chatId: 1002n, kind: "commitment", value: String(id), commitmentId: id } });
    await t.db.follow.create({ data: { chatId: 1003n, kind: "body", value: "Ministry of Energy" } });
    await t.db.delivery.create({ data: { key: `r:1001:${id}:before-7:2026-06-30`, chatId: 1001n, commitmentId: id, kind: "before", offsetDays: 7, dueOn: "2026-06-30", notBefore: new Date("2026-06-23T04:00:00Z") } });
    await ingest("b.txt", PORT_LATER, LATER);
    const change = await t.db.dueChange.findFirstOrThrow();
    const rows = await t.db.delivery.findMany({ orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key, r.kind, r.state, r.skipReason, r.dueChangeId, r.notBefore.toISOString()])).toEqual([
      [`mv:1001:${change.id}`, "moved", "pending", null, change.id, LATER.toISOString()],
      [`mv:1002:${change.id}`, "moved", "pending", null, change.id, "2026-02-05T07:00:00.000Z"],
      [`r:1001:${id}:before-7:2026-06-30`, "before", "skipped", "deadline moved", null, "2026-06-23T04:00:00.000Z"],
    ]);
  });

  it("stores a sentence whose key a merged-away commitment still holds (no unique-key failure)", async () => {
    await ingest("a.txt", DOC_V1);
    const port = await t.db.commitment.findFirstOrThrow({ where: { quote: { contains: "report on the port" } } });
    // What /merge leaves behind: the sentence's mention on another commitment, this row merged into it.
    const other = await t.db.source.create({ data: { path: "z", file: "z", contentHash: "z", content: "z" } });
    const target = await t.db.commitment.create({ data: { ...port, id: undefined, sourceId: other.id, key: "z1", createdAt: undefined, updatedAt: undefined } });
    await t.db.mention.updateMany({ where: { commitmentId: port.id }, data: { commitmentId: target.id, via: "merged", mergedFromId: port.id } });
    await t.db.commitment.update({ where: { id: port.id }, data: { mergedIntoId: target.id } });
    // The sentence is reworded (its mention takes a new key), then the old wording is back beside it.
    const reworded = DOC_V1.replace("will report on the port", "will report on the new port");
    await ingest("a.txt", reworded, LATER);
    const both = `${reworded}\nThe Ministry of Transport will report on the port by 2026-06-30.`;
    expect(await ingest("a.txt", both, LATER)).toMatchObject({ added: 1 });
    const fresh = await t.db.commitment.findFirstOrThrow({ where: { id: { gt: target.id } }, include: { mentions: true } });
    expect(fresh.key.startsWith(`${port.key}~`)).toBe(true);
    expect(fresh.mentions.map((m) => [m.key, m.via])).toEqual([[port.key, "first"]]);
  });

  it("a report without a publication date is stated on the day it was read: at ingest, and after a merge and split", async () => {
    await ingest("a.txt", DOC_V1);
    const id = await portId();
    // Read on 5 Feb, dated nowhere: the latest statement, so it moves the date in force.
    const source = await t.db.source.create({ data: { path: "u.txt", file: "u.txt", contentHash: "u", content: "u" } });
    const mention = { sourceId: source.id, key: "u", article: null, publishedOn: null, quote: "The port report is now due by 2026-10-31.", quoteStart: 0, quoteEnd: 40, dueText: "by 2026-10-31", dueOn: "2026-10-31", precision: "day", responsible: null, body: null };
    const added = await t.db.$transaction((tx) => addMention(tx, { commitmentId: id, mention, via: "matched", score: 0.6, now: LATER, engine: engineOf(t.db) }));
    expect(added.dueChange).toMatchObject({ toDueOn: "2026-10-31", statedOn: "2026-02-05" });
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id } })).dueOn).toBe("2026-10-31");
    // A separate commitment published on 1 Feb, merged in on 10 Feb: its report is older than the
    // one read on 5 Feb, so the date in force stays; split off again, nothing moves back either.
    await ingest("h.txt", ["Health plan", "Published 2026-02-01", "The Ministry of Health must open the clinic by 2026-05-31."].join("\n"), LATER);
    const health = (await t.db.commitment.findFirstOrThrow({ where: { quote: { contains: "clinic" } } })).id;
    const at = new Date("2026-02-10T06:00:00Z");
    expect(await mergeCommitments(t.db, { keepId: id, mergeId: health, byUserId: 7n, byName: "Ada", at })).toMatchObject({ ok: true, merge: { dueBefore: "2026-10-31", dueAfter: "2026-10-31" } });
    expect(await t.db.commitment.findUniqueOrThrow({ where: { id } })).toMatchObject({ dueOn: "2026-10-31", extractedDueOn: "2026-10-31" });
    expect(await splitMerged(t.db, { id: health, byUserId: 7n, at })).toMatchObject({ ok: true });
    expect(await t.db.commitment.findUniqueOrThrow({ where: { id } })).toMatchObject({ dueOn: "2026-10-31", extractedDueOn: "2026-10-31" });
    // An older dated article read later still does not move it: 10 Jan is before 5 Feb.
    expect(await ingest("c.txt", PORT_OLDER, new Date("2026-02-20T06:00:00Z"))).toMatchObject({ matched: 1, moved: 0 });
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id } })).dueOn).toBe("2026-10-31");
  });

  it("a report withdrawn from its source no longer outranks a newer one, at ingest as after a merge", async () => {
    await ingest("a.txt", DOC_V1);
    const id = await portId();
    expect(await ingest("b.txt", PORT_LATER, LATER)).toMatchObject({ matched: 1, moved: 1 });
    // The 1 Feb article is edited and no longer says it: its report is withdrawn, the date it set stays.
    expect(await ingest("b.txt", ["Port plans slip", "Published 2026-02-01", "Nothing more on the port."].join("\n"), LATER)).toMatchObject({ withdrawn: 1 });
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id } })).dueOn).toBe("2026-09-30");
    // An article of 20 Jan is now the latest report still in its source: it sets the date, as a
    // recomputation after a merge or split would.
    const source = await t.db.source.create({ data: { path: "c.txt", file: "c.txt", contentHash: "c", content: "c", publishedOn: "2026-01-20" } });
    const mention = { sourceId: source.id, key: "c", article: null, publishedOn: "2026-01-20", quote: "The port report is due by 2026-07-31.", quoteStart: 0, quoteEnd: 36, dueText: "by 2026-07-31", dueOn: "2026-07-31", precision: "day", responsible: null, body: null };
    const added = await t.db.$transaction((tx) => addMention(tx, { commitmentId: id, mention, via: "matched", score: 0.6, now: new Date("2026-02-20T06:00:00Z"), engine: engineOf(t.db) }));
    expect(added.dueChange).toMatchObject({ fromDueOn: "2026-09-30", toDueOn: "2026-07-31", kind: "pull-in", statedOn: "2026-01-20" });
    expect((await t.db.commitment.findUniqueOrThrow({ where: { id } })).dueOn).toBe("2026-07-31");
  });

  it("exports addMention for merges: a mention with a later date moves the deadline like ingest does", async () => {
    await ingest("a.txt", DOC_V1);
    const id = await portId();
    const source = await t.db.source.create({ data: { path: "manual", file: "manual", contentHash: "x", content: "x" } });
    const engineName = engineOf(t.db);
    const result = await t.db.$transaction((tx) =>
      addMention(tx, {
        commitmentId: id,
        mention: { sourceId: source.id, key: "k", article: null, publishedOn: "2026-02-02", quote: "q", quoteStart: 0, quoteEnd: 1, dueText: "in 2027", dueOn: "2027-12-31", precision: "year", responsible: null, body: null },
        via: "answered",
        score: 0.3,
        now: LATER,
        engine: engineName,
      }),
    );
    expect(result.mention).toMatchObject({ via: "answered", commitmentId: id });
    expect(result.dueChange).toMatchObject({ fromDueOn: "2026-06-30", toDueOn: "2027-12-31", toPrecision: "year", kind: "slip" });
    expect(await t.db.commitment.findUniqueOrThrow({ where: { id } })).toMatchObject({ dueOn: "2027-12-31", precision: "year" });
  });
});
