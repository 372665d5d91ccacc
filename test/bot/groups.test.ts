import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { User } from "grammy/types";
import { commitment, createHarnessFile, say, seed, textOf } from "./harness.ts";

const file = createHarnessFile();
let groupAdmin: User;
let member: User;

beforeAll(async () => {
  await file.setup();
  await seed(file.db, "energy.txt", [commitment({ title: "Build a wind farm" })]);
}, 30_000);
afterAll(() => file.teardown());
beforeEach(async () => {
  const h = await file.start();
  groupAdmin = h.emulator.createUser({ firstName: "Gia" });
  member = h.emulator.createUser({ firstName: "Mo" });
});
afterEach(() => file.stop());

function newGroup(type: "group" | "supergroup" = "group") {
  return file.h.emulator.createGroup({ title: "Newsroom <team> & co", type, admins: [groupAdmin], members: [member] });
}

async function chatRow(id: number) {
  return file.db.chat.findUnique({ where: { id: BigInt(id) } });
}

describe("commands in groups", () => {
  it("work with and without @botname; commands for other bots and chatter are ignored", async () => {
    const { h } = file;
    const group = newGroup();
    expect(textOf(await say(h, group, member, "/list"))).toContain("Tracked commitments");
    expect(textOf(await say(h, group, member, "/list@mindet_test_bot"))).toContain("Tracked commitments");
    h.emulator.sendText(group, member, "/list@other_bot");
    h.emulator.sendText(group, member, "good morning everyone");
    h.emulator.sendSticker(group, member);
    h.emulator.sendText(group, member, "/frobnicate");
    expect(textOf(await say(h, group, member, "/help"))).toContain("Commands");
    expect(textOf(await say(h, group, member, "/frobnicate@mindet_test_bot"))).toContain("I don't know /frobnicate");
    const texts = h.emulator.sentMessages(group.id).map(textOf);
    expect(texts.filter((t) => t.includes("Tracked commitments"))).toHaveLength(2);
    expect(texts.filter((t) => t.includes("I don't know"))).toHaveLength(1);
    expect(texts.some((t) => t.includes("only read text"))).toBe(false);
    const row = await chatRow(group.id);
    expect(row?.type).toBe("group");
    expect(row?.title).toBe("Newsroom <team> & co");
    expect(row?.id).toBe(BigInt(group.id));
  });

  it("only the group's admins change follows and settings", async () => {
    const { h } = file;
    const group = newGroup("supergroup");
    expect(textOf(await say(h, group, member, "/follow all"))).toContain("Only this group's admins");
    expect(textOf(await say(h, group, member, "/settings tz UTC"))).toContain("Only this group's admins");
    expect(textOf(await say(h, group, member, "/unfollow all"))).toContain("Only this group's admins");
    expect(await file.db.follow.count({ where: { chatId: BigInt(group.id) } })).toBe(0);
    expect((await chatRow(group.id))?.timeZone).toBe("Asia/Almaty");
    // buttons too
    const menu = await say(h, group, member, "/follow");
    const answer = await h.emulator.pressButton(menu, "1:f:a", member).answer;
    expect(answer.show_alert).toBe(true);
    expect(String(answer.text)).toContain("Only this group's admins");
    expect(await file.db.follow.count({ where: { chatId: BigInt(group.id) } })).toBe(0);
    // admins can; reading commands stay open to everyone
    expect(textOf(await say(h, group, groupAdmin, "/follow all"))).toContain("now follows everything");
    expect(textOf(await say(h, group, groupAdmin, "/settings tz UTC"))).toContain("Time zone: UTC");
    expect(textOf(await say(h, group, member, "/mine"))).toContain("everything");
    await h.emulator.pressButton(menu, "1:f:t:0", groupAdmin).answer;
    expect(await file.db.follow.count({ where: { chatId: BigInt(group.id) } })).toBe(2);
  });
});

describe("membership", () => {
  it("added: registers and greets; removed: inactive; re-added: active again", async () => {
    const { h } = file;
    const group = h.emulator.createGroup({ title: "Policy desk", admins: [groupAdmin], botIsMember: false });
    h.emulator.botAddedToGroup(group, groupAdmin);
    const greeting = await h.emulator.waitForMessage(group, { textIncludes: "Mindet" });
    expect(greeting.reply_markup?.inline_keyboard.flat()).toHaveLength(2);
    expect((await chatRow(group.id))?.active).toBe(true);
    await h.handled(h.emulator.botRemovedFromGroup(group, groupAdmin));
    expect((await chatRow(group.id))?.active).toBe(false);
    expect((await chatRow(group.id))?.inactiveReason).toContain("removed");
    h.emulator.botAddedToGroup(group, groupAdmin);
    await h.emulator.waitForMessage(group, { textIncludes: "Mindet" });
    expect((await chatRow(group.id))?.active).toBe(true);
  });

  it("blocked: inactive; unblocked or any new message: active", async () => {
    const { h } = file;
    await say(h, h.userChat, h.user, "/start");
    await h.handled(h.emulator.userBlocksBot(h.user));
    expect((await chatRow(h.userChat.id))?.active).toBe(false);
    expect((await chatRow(h.userChat.id))?.inactiveReason).toContain("blocked");
    await h.handled(h.emulator.userUnblocksBot(h.user));
    expect((await chatRow(h.userChat.id))?.active).toBe(true);
    await file.db.chat.update({ where: { id: BigInt(h.userChat.id) }, data: { active: false, inactiveReason: "403" } });
    await say(h, h.userChat, h.user, "/help");
    expect((await chatRow(h.userChat.id))?.active).toBe(true);
  });

  it("a group's migration to a supergroup moves its follows, settings and pending deliveries", async () => {
    const { h } = file;
    const group = newGroup();
    await say(h, group, groupAdmin, "/follow all");
    await say(h, group, groupAdmin, "/settings offsets 3,0");
    const commitmentId = (await file.db.commitment.findFirstOrThrow()).id;
    await file.db.delivery.create({
      data: { key: `r:${group.id}:${commitmentId}:before-3:2026-03-31`, chatId: BigInt(group.id), commitmentId, kind: "before", offsetDays: 3, dueOn: "2026-03-31", notBefore: new Date("2026-03-28T04:00:00Z") },
    });
    const supergroup = h.emulator.migrateGroupToSupergroup(group);
    // Updates of one chat are handled in order: once /mine is answered, the service message was too.
    expect(textOf(await say(h, supergroup, groupAdmin, "/mine"))).toContain("everything");
    expect((await chatRow(group.id))?.migratedToId).toBe(BigInt(supergroup.id));
    const moved = await chatRow(supergroup.id);
    expect(moved).toMatchObject({ type: "supergroup", offsets: "3,0", active: true });
    expect(await file.db.follow.findMany({ where: { chatId: BigInt(supergroup.id) }, select: { kind: true } })).toEqual([{ kind: "all" }]);
    expect(await file.db.follow.count({ where: { chatId: BigInt(group.id) } })).toBe(0);
    const delivery = await file.db.delivery.findFirstOrThrow({ where: { commitmentId } });
    expect(delivery.chatId).toBe(BigInt(supergroup.id));
    expect(delivery.key).toBe(`r:${supergroup.id}:${commitmentId}:before-3:2026-03-31`);
    expect((await chatRow(group.id))?.active).toBe(false);
    expect(textOf(await say(h, supergroup, groupAdmin, "/mine"))).toContain("everything");
  });
});
