import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Chat, Message, User } from "grammy/types";
import { ANONYMOUS_ADMIN_ID } from "../../src/bot/chat-admins.ts";
import { ADMIN_ID, commitment, createHarnessFile, say, seed, textOf } from "./harness.ts";

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

/**
 * A command an anonymous admin sends on behalf of the group: from GroupAnonymousBot, with the
 * group as sender_chat (the emulator's sendText has no option for it, so the update is built here).
 */
async function sayAsGroup(group: Chat.GroupChat | Chat.SupergroupChat, text: string): Promise<Message> {
  const { h } = file;
  const world = h.emulator.world;
  const anonymous = world.users.get(ANONYMOUS_ADMIN_ID) ?? world.createUser({ id: ANONYMOUS_ADMIN_ID, firstName: "Group", username: "GroupAnonymousBot" });
  const state = world.chats.get(group.id);
  if (!state) throw new Error("unknown group");
  const command = /^\/\S+/.exec(text)?.[0] ?? "";
  const message = world.appendMessage(state, {
    from: { ...anonymous, is_bot: true },
    sender_chat: group,
    text,
    entities: [{ type: "bot_command", offset: 0, length: command.length }],
  } as Omit<Message, "message_id" | "date" | "chat">);
  h.emulator.mark();
  world.bot(h.emulator.token).queue.enqueue({ message } as Parameters<ReturnType<typeof world.bot>["queue"]["enqueue"]>[0]);
  return h.emulator.nextReply(group, { timeoutMs: 5000 });
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

describe("who may change a group", () => {
  it("a non-admin's settings button is refused with an alert; an admin's works", async () => {
    const { h } = file;
    const group = newGroup("supergroup");
    const menu = await say(h, group, groupAdmin, "/settings");
    const refused = await h.emulator.pressButton(menu, "1:s:tz:4", member).answer;
    expect(refused).toMatchObject({ show_alert: true });
    expect(String(refused.text)).toContain("Only this group's admins");
    expect((await chatRow(group.id))?.timeZone).toBe("Asia/Almaty");
    const saved = await h.emulator.pressButton(menu, "1:s:tz:4", groupAdmin).answer;
    expect(saved.text).toBe("Saved: UTC");
    expect((await chatRow(group.id))?.timeZone).toBe("UTC");
  });

  it("an anonymous admin writing as the group may change follows and settings, but not run Mindet admin commands", async () => {
    const { h } = file;
    const group = newGroup("supergroup");
    expect(textOf(await sayAsGroup(group, "/follow all"))).toContain("now follows everything");
    expect(textOf(await sayAsGroup(group, "/settings quiet 22-7"))).toContain("Quiet hours: 22:00–07:00");
    expect(await file.db.follow.count({ where: { chatId: BigInt(group.id) } })).toBe(1);
    // nobody was asked about GroupAnonymousBot's rights
    expect(h.emulator.getCalls({ method: "getChatMember", since: 0 })).toHaveLength(0);
    expect(textOf(await sayAsGroup(group, "/done 1"))).toContain("writing anonymously");
    expect(await file.db.statusChange.count()).toBe(0);
  });

  it("a member posting as a channel is refused", async () => {
    const { h } = file;
    const group = newGroup("supergroup");
    const channel = { id: -1009999000111, type: "channel", title: "Some channel" } as const;
    const state = h.emulator.world.chats.get(group.id);
    if (!state) throw new Error("unknown group");
    const message = h.emulator.world.appendMessage(state, {
      from: h.emulator.world.users.get(136817688) ?? h.emulator.createUser({ id: 136817688, firstName: "Channel", username: "Channel_Bot" }),
      sender_chat: channel,
      text: "/follow all",
      entities: [{ type: "bot_command", offset: 0, length: 7 }],
    } as Omit<Message, "message_id" | "date" | "chat">);
    h.emulator.mark();
    h.emulator.world.bot(h.emulator.token).queue.enqueue({ message } as Parameters<ReturnType<typeof h.emulator.world.bot>["queue"]["enqueue"]>[0]);
    expect(textOf(await h.emulator.nextReply(group))).toContain("not as a channel");
    expect(await file.db.follow.count({ where: { chatId: BigInt(group.id) } })).toBe(0);
  });

  it("admin rights are asked once a minute (clock-injected cache); a demotion shows after it expires", async () => {
    const { h } = file;
    const group = newGroup("supergroup");
    const since = h.emulator.mark();
    await say(h, group, groupAdmin, "/follow all");
    await say(h, group, groupAdmin, "/settings tz UTC");
    await say(h, group, groupAdmin, "/unfollow all");
    expect(h.emulator.getCalls({ method: "getChatMember", since })).toHaveLength(1);
    h.emulator.world.chats.get(group.id)?.members.set(groupAdmin.id, "member");
    h.clock.advance(59_000);
    expect(textOf(await say(h, group, groupAdmin, "/follow all"))).toContain("now follows everything"); // still cached
    h.clock.advance(2_000);
    expect(textOf(await say(h, group, groupAdmin, "/settings tz Europe/Berlin"))).toContain("Only this group's admins");
    expect(h.emulator.getCalls({ method: "getChatMember", since })).toHaveLength(2);
    expect((await chatRow(group.id))?.timeZone).toBe("UTC");
  });

  it("a Mindet admin command from a group member who is not in ADMIN_IDS is refused, even from a group admin", async () => {
    const { h } = file;
    const group = newGroup("supergroup");
    const id = (await file.db.commitment.findFirstOrThrow()).id;
    expect(textOf(await say(h, group, groupAdmin, `/done ${id}`))).toContain("for Mindet admins only");
    expect(textOf(await say(h, group, member, `/postpone@mindet_test_bot ${id} 2026-06-30`))).toContain("for Mindet admins only");
    expect(await file.db.statusChange.count()).toBe(0);
    // a Mindet admin may use them in a group, with @botname too
    const admin = h.emulator.world.users.get(ADMIN_ID) ?? h.admin;
    expect(textOf(await say(h, group, admin, `/missed@mindet_test_bot ${id} never started`))).toContain("marked missed");
    expect(textOf(await say(h, group, admin, `/reopen ${id}`))).toContain("reopened");
    expect(h.statusChanged).toEqual([id, id]);
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
