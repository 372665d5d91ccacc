// Rows are planned up to 36 h ahead; an unfollow in between must still stop them. The deliverer
// checks the chat's follows when it claims a row, and a re-follow plans the reminders again.
import { describe, expect, it } from "vitest";
import { follow, resolveFollowTarget, unfollow, upsertChat, type FollowTarget } from "../../src/chats/index.ts";
import { changeStatus } from "../../src/commitments/change-status.ts";
import { addChat, addCommitment, useDeliveryHarness, type DeliveryHarness } from "./db-helpers.ts";
import { describeEachEngine } from "../support/db.ts";

// Asia/Almaty (UTC+5): 09:00 local is 04:00Z. A commitment due 31 March gets "in 7 days" on 24 March.
const WEEK_BEFORE = "2026-03-24T04:00:00Z";
const DAY_BEFORE = "2026-03-30T04:00:00Z";

describeEachEngine("unfollow", (engine) => {
const h = useDeliveryHarness("2026-03-24T03:00:00Z", engine);

async function target(text: string): Promise<FollowTarget> {
  const r = await resolveFollowTarget(h.t.db, text);
  if (!r.ok) throw new Error(r.error);
  return r.target;
}

async function rowsOf(chatId: number): Promise<{ key: string; state: string; skipReason: string | null }[]> {
  return h.t.db.delivery.findMany({ where: { chatId: BigInt(chatId) }, orderBy: { id: "asc" }, select: { key: true, state: true, skipReason: true } });
}

/** Ticks at `when` (a tick the minute before plans nothing new: rows are already there). */
async function tickAt(when: string): ReturnType<DeliveryHarness["scheduler"]["tick"]> {
  h.clock.set(when);
  return h.scheduler.tick();
}

describe("unfollowing stops reminders already planned ahead", () => {
  it("a commitment unfollowed after its reminder was planned: nothing arrives, the row is skipped 'unfollowed'", async () => {
    const id = await addCommitment(h.t.db, { title: "Aktau hub report", dueOn: "2026-03-31" });
    await addChat(h.t.db, 501);
    await follow(h.t.db, 501, await target(String(id)));
    await h.scheduler.tick();
    expect(await rowsOf(501)).toEqual([{ key: `r:501:${id}:before-7:2026-03-31`, state: "pending", skipReason: null }]);
    expect(await unfollow(h.t.db, 501, await target(String(id)))).toBe(1);
    const report = await tickAt(WEEK_BEFORE);
    expect(report.sent).toBe(0);
    expect(h.texts(501)).toEqual([]);
    expect(await rowsOf(501)).toEqual([{ key: `r:501:${id}:before-7:2026-03-31`, state: "skipped", skipReason: "unfollowed" }]);
    // Later stages planned ahead are stopped the same way.
    await tickAt("2026-03-30T03:00:00Z");
    await tickAt(DAY_BEFORE);
    expect(h.texts(501)).toEqual([]);
  });

  it("/unfollow all stops every reminder and announcement of the chat; other chats still get theirs", async () => {
    const energy = await addCommitment(h.t.db, { title: "Energy plan", dueOn: "2026-03-31", topics: "|energy|" });
    const other = await addCommitment(h.t.db, { title: "Transport plan", dueOn: "2026-03-31", topics: "|transport & logistics|", body: "Ministry of Transport" });
    // Quiet hours 22-07: an announcement made at night waits for 07:00 local (02:00Z) in the outbox.
    await addChat(h.t.db, 601, { quietStart: 22, quietEnd: 7, digestDay: 2 });
    await addChat(h.t.db, 602, { quietStart: 22, quietEnd: 7 });
    for (const text of ["all", "energy", String(other), "Ministry of Transport"]) await follow(h.t.db, 601, await target(text));
    await follow(h.t.db, 602, await target("all"));
    h.clock.set("2026-03-23T18:00:00Z");
    await h.scheduler.tick();
    const changed = await changeStatus(h.t.db, { commitmentId: energy, to: "done", byUserId: null, at: h.clock.now() });
    expect(changed.ok).toBe(true);
    await h.scheduler.tick();
    expect(await h.t.db.delivery.count({ where: { chatId: 601n, kind: "status", state: "pending" } })).toBe(1);
    expect(await unfollow(h.t.db, 601, { kind: "all", value: "" })).toBe(4);
    await tickAt("2026-03-24T02:00:00Z");
    await tickAt(WEEK_BEFORE);
    expect(h.texts(601)).toEqual([]);
    // The done commitment's reminder went as "closed"; everything else as "unfollowed", the
    // weekly digest (Tuesday 09:00 local) included.
    const rows = (await rowsOf(601)).filter((r) => r.skipReason !== "closed");
    expect(rows.map((r) => r.key.split(":")[0]).sort()).toEqual(["d", "r", "s"]);
    expect(rows.every((r) => r.state === "skipped" && r.skipReason === "unfollowed")).toBe(true);
    // 602 still follows everything: the announcement and the transport reminder arrive.
    expect(h.texts(602).join("\n")).toContain("Done");
    expect(h.texts(602).join("\n")).toContain("Transport plan");
  });

  it("a topic unfollowed: that topic's reminders stop, a body still followed keeps its own", async () => {
    const energy = await addCommitment(h.t.db, { title: "Energy plan", dueOn: "2026-03-31", topics: "|energy|", body: "Ministry of Energy" });
    const transport = await addCommitment(h.t.db, { title: "Transport plan", dueOn: "2026-03-31", topics: "|transport & logistics|", body: "Ministry of Transport" });
    await addChat(h.t.db, 701);
    await follow(h.t.db, 701, await target("energy"));
    await follow(h.t.db, 701, await target("Ministry of Transport"));
    await h.scheduler.tick();
    expect(await h.t.db.delivery.count({ where: { chatId: 701n, state: "pending" } })).toBe(2);
    expect(await unfollow(h.t.db, 701, await target("energy"))).toBe(1);
    const report = await tickAt(WEEK_BEFORE);
    expect(report.sent).toBe(1);
    expect(h.texts(701)).toHaveLength(1);
    expect(h.texts(701)[0]).toContain(`/c ${transport}`);
    expect(h.texts(701)[0]).not.toContain(`/c ${energy}`);
    expect(await rowsOf(701)).toEqual([
      { key: `r:701:${energy}:before-7:2026-03-31`, state: "skipped", skipReason: "unfollowed" },
      { key: `r:701:${transport}:before-7:2026-03-31`, state: "sent", skipReason: null },
    ]);
  });

  it("still followed another way (by body after unfollowing the id): the reminder goes out", async () => {
    const id = await addCommitment(h.t.db, { dueOn: "2026-03-31", body: "Ministry of Energy" });
    await addChat(h.t.db, 801);
    await follow(h.t.db, 801, await target(String(id)));
    await follow(h.t.db, 801, await target("Ministry of Energy"));
    await h.scheduler.tick();
    await unfollow(h.t.db, 801, await target(String(id)));
    await tickAt(WEEK_BEFORE);
    expect(h.texts(801)).toHaveLength(1);
  });

  it("a re-follow plans and sends again", async () => {
    const id = await addCommitment(h.t.db, { title: "Aktau hub report", dueOn: "2026-03-31" });
    await addChat(h.t.db, 901);
    await addChat(h.t.db, 902);
    for (const chatId of [901, 902]) await follow(h.t.db, chatId, await target(String(id)));
    await h.scheduler.tick();
    for (const chatId of [901, 902]) await unfollow(h.t.db, chatId, await target(String(id)));
    // 902 follows again before the reminder's minute: its pending row simply goes out.
    await follow(h.t.db, 902, await target(String(id)));
    await tickAt(WEEK_BEFORE);
    expect(h.texts(901)).toEqual([]);
    expect(h.texts(902)).toHaveLength(1);
    expect((await rowsOf(901))[0]).toMatchObject({ state: "skipped", skipReason: "unfollowed" });
    // 901 follows again after its reminder was skipped: the current reminder comes at once...
    h.clock.set("2026-03-24T05:00:00Z");
    await follow(h.t.db, 901, await target(String(id)));
    const report = await h.scheduler.tick();
    expect(report.sent).toBe(1);
    expect(h.texts(901)).toHaveLength(1);
    expect(h.texts(901)[0]).toContain("in 7 days");
    expect((await rowsOf(901))[0]).toMatchObject({ state: "sent", skipReason: null });
    // ...and the later ones as usual.
    await tickAt("2026-03-30T03:00:00Z");
    await tickAt(DAY_BEFORE);
    expect(h.texts(901)).toHaveLength(2);
    expect(h.texts(901)[1]).toContain("tomorrow");
    expect(h.texts(902)).toHaveLength(2);
  });
});

describe("upsertChat and re-planning", () => {
  it("an unchanged chat is not written (updatedAt stays), a renamed one is", async () => {
    const first = await upsertChat(h.t.db, { id: -5001, type: "group", title: "Energy watchers" }, "Asia/Almaty");
    const again = await upsertChat(h.t.db, { id: -5001, type: "group", title: "Energy watchers" }, "UTC");
    expect(again.updatedAt.getTime()).toBe(first.updatedAt.getTime());
    const renamed = await upsertChat(h.t.db, { id: -5001, type: "group", title: "Energy & transport" }, "UTC");
    expect(renamed.title).toBe("Energy & transport");
    expect(renamed.timeZone).toBe("Asia/Almaty");
    const stored = await h.t.db.chat.findUniqueOrThrow({ where: { id: -5001n } });
    expect(stored.title).toBe("Energy & transport");
  });
});
});
