import { describe, expect, it } from "vitest";
import { addChat, addChatsFollowing, addCommitment, addFollow, testScheduler, useDeliveryHarness } from "./db-helpers.ts";
import { describeEachEngine } from "../support/db.ts";

describeEachEngine("deliver", (engine) => {
const h = useDeliveryHarness("2026-03-24T03:59:00Z", engine);

describe("deliver through the emulator", () => {
  it("a followed commitment's reminders arrive at the right virtual times, each once", async () => {
    const id = await addCommitment(h.t.db, { title: "Port of Aktau container hub report", dueOn: "2026-03-31" });
    await addChat(h.t.db, 501);
    await addFollow(h.t.db, 501, "commitment", "", id);
    await h.scheduler.tick();
    expect(h.texts(501)).toEqual([]);
    const expectations: [string, string][] = [
      ["2026-03-24T04:00:00Z", "in 7 days"],
      ["2026-03-30T04:00:00Z", "tomorrow"],
      ["2026-03-31T04:00:00Z", "due today"],
      ["2026-04-01T04:00:00Z", "1 day overdue"],
    ];
    for (const [when, phrase] of expectations) {
      h.clock.set(new Date(new Date(when).getTime() - 60_000));
      await h.scheduler.tick();
      const before = h.texts(501).length;
      h.clock.set(when);
      const report = await h.scheduler.tick();
      expect(report.sent).toBe(1);
      expect(h.texts(501)).toHaveLength(before + 1);
      expect(h.texts(501).at(-1)).toContain(phrase);
      expect(h.texts(501).at(-1)).toContain(`/c ${id}`);
      // Ticking again in the same minute and the next sends nothing more.
      await h.scheduler.tick();
      h.clock.advance(60_000);
      await h.scheduler.tick();
      expect(h.texts(501)).toHaveLength(before + 1);
    }
    h.clock.set("2026-04-10T04:00:00Z");
    await h.scheduler.tick();
    expect(h.texts(501)).toHaveLength(4);
    const rows = await h.t.db.delivery.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.key, r.state])).toEqual([
      [`r:501:${id}:before-7:2026-03-31`, "sent"],
      [`r:501:${id}:before-1:2026-03-31`, "sent"],
      [`r:501:${id}:due:2026-03-31`, "sent"],
      [`r:501:${id}:overdue-1:2026-03-31`, "sent"],
    ]);
    expect(rows.every((r) => r.messageId !== null && r.sentAt !== null)).toBe(true);
  });

  it("groups a chat's reminders into one message, and splits at 4,096 characters only", async () => {
    await addChat(h.t.db, 502);
    await addFollow(h.t.db, 502, "all");
    for (let i = 0; i < 3; i++) await addCommitment(h.t.db, { title: `Short <b>&</b> title ${i}`, dueOn: "2026-03-31" });
    await h.scheduler.tick();
    h.clock.set("2026-03-24T04:00:00Z");
    await h.scheduler.tick();
    expect(h.texts(502)).toHaveLength(1);
    expect(h.texts(502)[0]).toContain("Short <b>&</b> title 0");
    expect(h.texts(502)[0]?.split("\n").filter((l) => l.startsWith("•"))).toHaveLength(3);
    for (let i = 0; i < 40; i++) await addCommitment(h.t.db, { title: `${"Long title ".repeat(25)}${i}`, dueOn: "2026-04-06" });
    h.clock.set("2026-03-30T04:00:00Z");
    await h.scheduler.tick();
    const parts = h.texts(502).slice(1);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    // 40 new week-before reminders + the 3 day-before ones, each on exactly one line.
    expect(parts.join("\n").split("\n").filter((l) => l.startsWith("•"))).toHaveLength(43);
    expect(await h.t.db.delivery.count({ where: { state: "sent" } })).toBe(46);
  });

  it("claims by chat: 600 chats with 3 reminders due at once get one message each, whatever the batch size", async () => {
    for (let i = 0; i < 3; i++) await addCommitment(h.t.db, { title: `Due together ${i}`, dueOn: "2026-03-31" });
    const ids = Array.from({ length: 600 }, (_, i) => 800_000 + i);
    await addChatsFollowing(h.t.db, ids);
    await h.scheduler.stop();
    h.scheduler = testScheduler(h.t.db, h.clock, h.emulator.apiRoot, h.emulator.token, { databaseUrl: h.t.url, options: { batchSize: 50, concurrency: 8 } });
    await h.scheduler.tick();
    h.clock.set("2026-03-24T04:00:00Z");
    const report = await h.scheduler.tick();
    expect(report).toMatchObject({ sent: 1800, messages: 600 });
    expect(new Set(ids.map((id) => h.texts(id).length))).toEqual(new Set([1]));
    expect(new Set(ids.map((id) => h.texts(id)[0]?.split("\n").filter((l) => l.startsWith("•")).length))).toEqual(new Set([3]));
  });

  it("a backlog pass delivers the slice it wrote at once, not at the next minute's tick", async () => {
    await addCommitment(h.t.db, { title: "Caught up after a restart", dueOn: "2026-03-31" });
    const ids = Array.from({ length: 1_200 }, (_, i) => 900_000 + i);
    await addChatsFollowing(h.t.db, ids);
    await h.scheduler.stop();
    // Over budget at once: each tick or pass writes one slice of FAN_OUT_SLICE_ROWS (500) rows.
    h.scheduler = testScheduler(h.t.db, h.clock, h.emulator.apiRoot, h.emulator.token, { databaseUrl: h.t.url, options: { concurrency: 8 }, planning: { rowBudget: 10_000, timeBudgetMs: 0 } });
    h.clock.set("2026-03-24T04:00:10Z");
    expect(await h.scheduler.tick()).toMatchObject({ kind: "tick", inserted: 500, sent: 500, full: true });
    h.clock.set("2026-03-24T04:00:12Z");
    expect(await h.scheduler.pass()).toMatchObject({ kind: "pass", inserted: 500, sent: 500, messages: 500 });
    h.clock.set("2026-03-24T04:00:14Z");
    expect(await h.scheduler.pass()).toMatchObject({ kind: "pass", inserted: 200, sent: 200, messages: 200 });
    // Every chat has its one message, and nothing is left for the next tick.
    expect(new Set(ids.map((id) => h.texts(id).length))).toEqual(new Set([1]));
    h.clock.set("2026-03-24T04:01:00Z");
    expect(await h.scheduler.tick()).toMatchObject({ inserted: 0, claimed: 0 });
    expect(await h.scheduler.pass()).toMatchObject({ kind: "pass", inserted: 0, claimed: 0 });
  });

  it("a 429 storm: retry_after is honoured, nothing is lost", async () => {
    const id = await addCommitment(h.t.db, { dueOn: "2026-03-31" });
    for (const chatId of [601, 602, 603]) {
      await addChat(h.t.db, chatId);
      await addFollow(h.t.db, chatId, "commitment", "", id);
    }
    await h.scheduler.tick();
    h.emulator.failNext("sendMessage", { kind: "429", retryAfter: 3 }, { times: 7 });
    h.clock.set("2026-03-24T04:00:00Z");
    const report = await h.scheduler.tick();
    expect(report.sent).toBe(3);
    expect(h.scheduler.sleeps.filter((ms) => ms === 3000)).toHaveLength(7);
    for (const chatId of [601, 602, 603]) expect(h.texts(chatId)).toHaveLength(1);
    expect(h.emulator.stats.tooManyRequests).toBe(7);
  });

  it("403 marks the chat inactive and skips its rows; other chats are still served", async () => {
    const id = await addCommitment(h.t.db, { dueOn: "2026-03-31" });
    for (const chatId of [701, 702]) {
      await addChat(h.t.db, chatId);
      await addFollow(h.t.db, chatId, "commitment", "", id);
    }
    await addChat(h.t.db, 703);
    await addFollow(h.t.db, 703, "all");
    await h.scheduler.tick();
    h.emulator.failNext("sendMessage", { kind: "403" }, { chatId: 701 });
    h.emulator.failNext("sendMessage", { kind: "400-chat-not-found" }, { chatId: 703 });
    h.clock.set("2026-03-24T04:00:00Z");
    const report = await h.scheduler.tick();
    expect(report.chatsGone).toBe(2);
    expect(h.texts(702)).toHaveLength(1);
    const chats = await h.t.db.chat.findMany({ orderBy: { id: "asc" } });
    expect(chats.map((c) => [Number(c.id), c.active])).toEqual([[701, false], [702, true], [703, false]]);
    expect(chats[0]?.inactiveReason).toMatch(/403/);
    const rows = await h.t.db.delivery.findMany({ orderBy: { chatId: "asc" } });
    expect(rows.map((r) => r.state)).toEqual(["skipped", "sent", "skipped"]);
    // Inactive chats are not planned for any more.
    h.clock.set("2026-03-30T04:00:00Z");
    await h.scheduler.tick();
    expect(await h.t.db.delivery.count({ where: { chatId: { in: [701n, 703n] } } })).toBe(2);
    expect(h.texts(702)).toHaveLength(2);
  });

  it("400 migrate_to_chat_id moves the chat to its new id and resends there", async () => {
    const id = await addCommitment(h.t.db, { dueOn: "2026-03-31" });
    await addChat(h.t.db, -4001, { type: "group" });
    await addFollow(h.t.db, -4001, "commitment", "", id);
    await h.scheduler.tick();
    h.emulator.failNext("sendMessage", { kind: "400-migrate", migrateToChatId: -1004001 }, { chatId: -4001 });
    h.clock.set("2026-03-24T04:00:00Z");
    const report = await h.scheduler.tick();
    expect(report.migrated).toBe(1);
    expect(h.texts(-1004001)).toHaveLength(1);
    const old = await h.t.db.chat.findUniqueOrThrow({ where: { id: -4001n } });
    expect(old.migratedToId).toBe(-1004001n);
    const rows = await h.t.db.delivery.findMany();
    expect(rows.map((r) => [r.key, r.chatId, r.state])).toEqual([[`r:-1004001:${id}:before-7:2026-03-31`, -1004001n, "sent"]]);
    h.clock.set("2026-03-30T04:00:00Z");
    await h.scheduler.tick();
    expect(h.texts(-1004001)).toHaveLength(2);
  });

  it("5xx and timeouts: bounded retries, then failed with the error, then retried by a later tick", async () => {
    const id = await addCommitment(h.t.db, { dueOn: "2026-03-31" });
    await addChat(h.t.db, 801);
    await addFollow(h.t.db, 801, "commitment", "", id);
    await h.scheduler.tick();
    h.emulator.failNext("sendMessage", { kind: "5xx", status: 502 }, { times: 2 });
    h.emulator.failNext("sendMessage", { kind: "timeout" });
    h.clock.set("2026-03-24T04:00:00Z");
    const first = await h.scheduler.tick();
    expect(first.failed).toBe(1);
    let row = await h.t.db.delivery.findFirstOrThrow();
    expect(row).toMatchObject({ state: "failed", attempts: 1 });
    expect(row.lastError).toMatch(/network|abort|timeout/i);
    expect(h.scheduler.sleeps).toEqual([1, 2]);
    expect(h.texts(801)).toHaveLength(0);
    // Not before its retry time...
    h.clock.advance(30_000);
    await h.scheduler.tick();
    expect(h.texts(801)).toHaveLength(0);
    // ...then it goes out.
    h.clock.advance(60_000);
    const later = await h.scheduler.tick();
    expect(later.sent).toBe(1);
    row = await h.t.db.delivery.findFirstOrThrow();
    expect(row).toMatchObject({ state: "sent", attempts: 2 });
    expect(h.texts(801)).toHaveLength(1);
  });

  it("gives up after the maximum attempts and leaves the row failed", async () => {
    const id = await addCommitment(h.t.db, { dueOn: "2026-03-31" });
    await addChat(h.t.db, 802);
    await addFollow(h.t.db, 802, "commitment", "", id);
    await h.scheduler.tick();
    h.emulator.failNext("sendMessage", { kind: "5xx" }, { times: 100 });
    h.clock.set("2026-03-24T04:00:00Z");
    for (let i = 0; i < 8; i++) {
      await h.scheduler.tick();
      h.clock.advance(10 * 60_000);
    }
    const row = await h.t.db.delivery.findFirstOrThrow();
    expect(row).toMatchObject({ state: "failed", attempts: 5 });
    expect(h.emulator.getCalls({ method: "sendMessage" })).toHaveLength(15);
  });

  it("concurrent tick() calls never overlap and never duplicate", async () => {
    const id = await addCommitment(h.t.db, { dueOn: "2026-03-31" });
    for (let chatId = 900; chatId < 920; chatId++) {
      await addChat(h.t.db, chatId);
      await addFollow(h.t.db, chatId, "commitment", "", id);
    }
    await h.scheduler.tick();
    h.clock.set("2026-03-24T04:00:00Z");
    const reports = await Promise.all([h.scheduler.tick(), h.scheduler.tick(), h.scheduler.tick()]);
    expect(reports[0]?.sent).toBe(20);
    expect(reports[1]).toBe(reports[2]);
    expect(h.emulator.stats.sendMessageAccepted).toBe(20);
  });
});
});
