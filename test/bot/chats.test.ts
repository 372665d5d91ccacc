import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { follow, followersOf, markChatActive, markChatInactive, migrateChat, resolveFollowTarget, upsertChat } from "../../src/chats/index.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { commitment, seed } from "./harness.ts";

let t: TestDb;
let ids: number[] = [];
const BIG = -1001234567890123n; // beyond 2^53: must survive as BigInt

beforeAll(async () => {
  t = await createTestDb();
  ids = await seed(t.db, "chats.txt", [
    commitment({ title: "Energy one", quote: "Energy one by 31 March 2026.", topics: ["energy"], body: "Ministry of Energy" }),
    commitment({ title: "Transport one", quote: "Transport one by 31 March 2026.", topics: ["transport & logistics"], body: "Ministry of Transport" }),
  ]);
});
afterAll(() => t.destroy());
beforeEach(async () => {
  await t.db.delivery.deleteMany({});
  await t.db.follow.deleteMany({});
  await t.db.chat.deleteMany({});
});

describe("chats", () => {
  it("upsertChat keeps 64-bit ids and the default zone; a second call refreshes the title only", async () => {
    await upsertChat(t.db, { id: BIG, type: "supergroup", title: "Big" }, "Europe/Berlin");
    await t.db.chat.update({ where: { id: BIG }, data: { timeZone: "UTC" } });
    const again = await upsertChat(t.db, { id: BIG, type: "supergroup", title: "Bigger" }, "Asia/Almaty");
    expect(again).toMatchObject({ id: BIG, title: "Bigger", timeZone: "UTC" });
  });

  it("followersOf: directly, by topic, by body, all; inactive and migrated chats left out", async () => {
    const [energy, transport] = ids as [number, number];
    for (const id of [1n, 2n, 3n, 4n, 5n, 6n]) await upsertChat(t.db, { id, type: "private" }, "Asia/Almaty");
    const target = async (text: string) => {
      const r = await resolveFollowTarget(t.db, text);
      if (!r.ok) throw new Error(r.error);
      return r.target;
    };
    await follow(t.db, 1n, await target(String(energy)));
    await follow(t.db, 2n, await target("energy"));
    await follow(t.db, 3n, await target("ministry of energy"));
    await follow(t.db, 4n, await target("all"));
    await follow(t.db, 5n, await target("all"));
    await follow(t.db, 6n, await target("transport"));
    await markChatInactive(t.db, 5n, "blocked");
    const energyRow = await t.db.commitment.findUniqueOrThrow({ where: { id: energy } });
    expect((await followersOf(t.db, energyRow)).sort()).toEqual([1n, 2n, 3n, 4n]);
    expect((await followersOf(t.db, energyRow, { includeInactive: true })).sort()).toEqual([1n, 2n, 3n, 4n, 5n]);
    const transportRow = await t.db.commitment.findUniqueOrThrow({ where: { id: transport } });
    expect((await followersOf(t.db, transportRow)).sort()).toEqual([4n, 6n]);
  });

  it("migrateChat moves follows, settings and pending deliveries once; the old chat stays inactive", async () => {
    const [energy] = ids as [number];
    await upsertChat(t.db, { id: -42n, type: "group", title: "G" }, "Asia/Almaty");
    await t.db.chat.update({ where: { id: -42n }, data: { offsets: "3,0", quietStart: 22, quietEnd: 7 } });
    await follow(t.db, -42n, { kind: "all", value: "" });
    await t.db.delivery.createMany({
      data: [
        { key: `r:-42:${energy}:before-3:2026-03-31`, chatId: -42n, commitmentId: energy, kind: "before", offsetDays: 3, dueOn: "2026-03-31", notBefore: new Date() },
        { key: "s:-42:7", chatId: -42n, kind: "status", notBefore: new Date(), state: "failed" },
        { key: "d:-42:2026-W03", chatId: -42n, kind: "digest", notBefore: new Date(), state: "sent" },
      ],
    });
    const first = await migrateChat(t.db, -42n, BIG);
    expect(first).toEqual({ moved: true, follows: 1, deliveries: 2 });
    const keys = (await t.db.delivery.findMany({ where: { chatId: BIG }, orderBy: { key: "asc" } })).map((d) => `${d.key} ${d.state}`);
    expect(keys).toEqual([`r:${BIG}:${energy}:before-3:2026-03-31 pending`, `s:${BIG}:7 pending`]);
    expect(await t.db.chat.findUnique({ where: { id: BIG } })).toMatchObject({ offsets: "3,0", quietStart: 22, type: "supergroup", active: true });
    // The second service message (in the new chat) finds nothing to move and undoes nothing.
    await t.db.chat.update({ where: { id: BIG }, data: { offsets: "1" } });
    expect(await migrateChat(t.db, -42n, BIG)).toEqual({ moved: true, follows: 0, deliveries: 0 });
    expect((await t.db.chat.findUniqueOrThrow({ where: { id: BIG } })).offsets).toBe("1");
    expect(await markChatActive(t.db, -42n)).toBe(false);
    expect(await t.db.chat.findUniqueOrThrow({ where: { id: -42n } })).toMatchObject({ active: false, migratedToId: BIG });
    expect(await migrateChat(t.db, -999n, -1000n)).toEqual({ moved: false, follows: 0, deliveries: 0 });
  });
});
