// New commitments from a live source reach the chats that follow them through the outbox,
// grouped with their other messages; a chat can turn this off; the first poll announces nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { addChat, addFollow, testScheduler } from "../reminders/db-helpers.ts";
import { articlePage, DIGITAL_ARTICLE, ROADS_ARTICLE, rss2, WATER_ARTICLE } from "./fixtures.ts";
import { createSourcesHarness, type SourcesHarness } from "./harness.ts";

let h: SourcesHarness;
let emulator: BotApiEmulator;
beforeEach(async () => {
  h = await createSourcesHarness();
  emulator = await createBotApiEmulator({ autoCreateChats: true });
});
afterEach(async () => {
  await emulator.close();
  await h.close();
});

const link = (slug: string): string => `${h.server.base}/en/news/${slug}`;

describe("announcing new commitments", () => {
  it("announces what a later poll brings, once per following chat, not to chats that turned it off, out of quiet hours", async () => {
    const db = h.t.db;
    await addChat(db, 1001);
    await addChat(db, 1002);
    await db.chat.update({ where: { id: 1002n }, data: { announceNew: false } });
    await addChat(db, 1003);
    // 06:00 UTC is 11:00 in Almaty: quiet from 10:00 to 13:00 holds the announcement until 13:00.
    await addChat(db, 1004, { quietStart: 10, quietEnd: 13 });
    for (const chat of [1001, 1002, 1004]) await addFollow(db, chat, "all");
    await addFollow(db, 1003, "body", "Ministry of Culture");

    h.server.serve("/en/news/roads", articlePage(ROADS_ARTICLE), "text/html");
    h.server.serve("/en/news/water", articlePage(WATER_ARTICLE), "text/html");
    h.server.serve("/en/news/digital", articlePage(DIGITAL_ARTICLE), "text/html");
    h.server.serve("/rss.xml", rss2("News", [{ title: "Roads", link: link("roads") }]), "application/rss+xml");
    const id = await h.add("/rss.xml");
    expect(await h.poll(id)).toMatchObject({ outcome: "ok", announced: 0 });
    expect(await db.delivery.count({ where: { kind: "new" } })).toBe(0);

    h.server.serve("/rss.xml", rss2("News", [{ title: "Water", link: link("water") }, { title: "Digital", link: link("digital") }, { title: "Roads", link: link("roads") }]), "application/rss+xml");
    h.clock.advance(30 * 60_000);
    const report = await h.poll(id);
    expect(report.newItems).toBe(2);
    const fresh = await db.commitment.findMany({ where: { source: { file: { in: [`web/${h.server.host}/en/news/water`, `web/${h.server.host}/en/news/digital`] } } } });
    expect(fresh.length).toBeGreaterThanOrEqual(2);
    expect(report.announced).toBe(fresh.length * 2);
    const rows = await db.delivery.findMany({ where: { kind: "new" }, orderBy: { id: "asc" } });
    expect(new Set(rows.map((r) => String(r.chatId)))).toEqual(new Set(["1001", "1004"]));
    expect(rows.map((r) => r.key)).toContain(`n:1001:${fresh[0]!.id}`);
    expect(rows.find((r) => r.chatId === 1004n)?.notBefore.toISOString()).toBe("2026-11-20T08:00:00.000Z");

    // Announcing again is harmless: the key says "already planned".
    const { announceNewCommitments } = await import("../../src/sources/announce-new.ts");
    expect(await announceNewCommitments(db, fresh.map((c) => c.id), h.clock.now())).toBe(0);

    const scheduler = testScheduler(db, h.clock, emulator.apiRoot, emulator.token);
    await scheduler.tick();
    await scheduler.stop();
    const texts = (chat: number): string => emulator.sentMessages(chat).map((m) => m.text ?? "").join("\n---\n");
    expect(texts(1001)).toContain("🆕 New commitments");
    for (const c of fresh) expect(texts(1001)).toContain(`/c ${c.id}`);
    expect(texts(1002)).not.toContain("New commitments");
    expect(texts(1003)).toBe("");
    expect(texts(1004)).not.toContain("New commitments");
    expect(await db.delivery.count({ where: { kind: "new", state: "sent" } })).toBe(fresh.length);
  });
});

describe("announceNewCommitments", () => {
  it("reaches followers by topic, body and id, once each, and skips inactive and migrated chats", async () => {
    const { addCommitment } = await import("../reminders/db-helpers.ts");
    const { announceNewCommitments } = await import("../../src/sources/announce-new.ts");
    const db = h.t.db;
    const a = await addCommitment(db, { topics: "|energy|economy & trade|", body: "Ministry of Energy" });
    const b = await addCommitment(db, { topics: "||", body: "Ministry of Health" });
    for (const id of [2001, 2002, 2003, 2004, 2005, 2006]) await addChat(db, id);
    await addFollow(db, 2001, "topic", "economy & trade");
    await addFollow(db, 2002, "body", "Ministry of Health");
    await addFollow(db, 2003, "commitment", "", a);
    await addFollow(db, 2004, "topic", "energy");
    await addFollow(db, 2004, "commitment", "", a);
    await addFollow(db, 2005, "all");
    await addFollow(db, 2006, "all");
    await db.chat.update({ where: { id: 2005n }, data: { active: false } });
    await db.chat.update({ where: { id: 2006n }, data: { migratedToId: 2007n } });
    expect(await announceNewCommitments(db, [a, b], h.clock.now())).toBe(4);
    const keys = (await db.delivery.findMany({ select: { key: true, notBefore: true } })).map((r) => r.key).sort();
    expect(keys).toEqual([`n:2001:${a}`, `n:2002:${b}`, `n:2003:${a}`, `n:2004:${a}`].sort());
    const row = await db.delivery.findFirstOrThrow({ where: { key: `n:2001:${a}` } });
    expect(row).toMatchObject({ kind: "new", state: "pending", commitmentId: a, notBefore: h.clock.now() });
  });
});
