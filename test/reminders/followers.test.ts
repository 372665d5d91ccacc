// Who follows what has three shapes in chats/followers-of.ts (a predicate, SQL over Follow, a
// Prisma filter over Commitment): on the same data they must give the same answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followedCommitmentsWhere, followersOf, isFollowed } from "../../src/chats/followers-of.ts";
import { createTestDb, type TestDb, describeEachEngine } from "../support/db.ts";
import { addChat, addCommitment, addFollow } from "./db-helpers.ts";

describeEachEngine("followers", (engine) => {
let t: TestDb;
const commitments: { id: number; topics: string; body: string | null }[] = [];

beforeAll(async () => {
  t = await createTestDb(engine);
  const seeds = [
    { topics: "|energy|", body: "Ministry of Energy" },
    { topics: "|economy & trade|energy|", body: "Ministry of Trade" },
    { topics: "|health|", body: null },
    { topics: "||", body: "Akimat of 50% _Almaty_" },
    { topics: "|digital|", body: "__proto__" },
  ];
  for (const seed of seeds) commitments.push({ id: await addCommitment(t.db, seed), ...seed });
  const [first, second] = commitments as [(typeof commitments)[number], (typeof commitments)[number]];
  const follows: [number, "all" | "commitment" | "topic" | "body", string, number?][] = [
    [1, "all", ""],
    [2, "commitment", "", first.id],
    [3, "topic", "energy"],
    [4, "topic", "economy & trade"],
    [5, "body", "Akimat of 50% _Almaty_"],
    [6, "body", "__proto__"],
    [7, "topic", "ener"],
    [8, "body", "Ministry of"],
    [9, "commitment", "", second.id],
    [9, "topic", "health"],
  ];
  for (const chat of new Set(follows.map(([chat]) => chat))) await addChat(t.db, chat);
  await addChat(t.db, 10);
  for (const [chat, kind, value, id] of follows) await addFollow(t.db, chat, kind, value, id);
});

afterAll(async () => {
  await t.destroy();
});

describe("who follows what: one rule, three shapes", () => {
  it("the SQL followers of each commitment are the chats whose follows the predicate says reach it", async () => {
    for (const c of commitments) {
      const expected: bigint[] = [];
      for (let chat = 1n; chat <= 10n; chat++) {
        const follows = await t.db.follow.findMany({ where: { chatId: chat } });
        if (isFollowed(follows, c)) expected.push(chat);
      }
      expect((await followersOf(t.db, c)).sort((a, b) => Number(a - b)), `commitment ${c.id}`).toEqual(expected);
    }
  });

  it("the Prisma filter of each chat finds the commitments the predicate says it follows", async () => {
    for (let chat = 1n; chat <= 10n; chat++) {
      const follows = await t.db.follow.findMany({ where: { chatId: chat } });
      const where = followedCommitmentsWhere(follows);
      const found = where === null ? [] : (await t.db.commitment.findMany({ where, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
      expect(found, `chat ${chat}`).toEqual(commitments.filter((c) => isFollowed(follows, c)).map((c) => c.id));
    }
  });

  it("a prefix of a topic or body is not a follow of it", async () => {
    expect(await followersOf(t.db, commitments[0] as (typeof commitments)[number])).not.toContain(7n);
    expect(await followersOf(t.db, commitments[0] as (typeof commitments)[number])).not.toContain(8n);
  });
});
});
