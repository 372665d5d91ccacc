import type { Update } from "grammy/types";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commitment, createHarnessFile, say, seed, sentTexts, textOf, type BotHarness } from "./harness.ts";

const file = createHarnessFile();
const FIRE = "🔥";
let errors: string[];

beforeAll(async () => {
  await file.setup();
  await seed(file.db, "energy.txt", [commitment({ title: "Build a wind farm" })]);
}, 30_000);
afterAll(() => file.teardown());
beforeEach(async () => {
  errors = [];
  // Every error the bot logs (a handler that threw, a call Telegram refused) is a finding.
  await file.start({ logger: pino({ level: "error" }, { write: (line: string) => errors.push(line) }) });
});
afterEach(() => file.stop());

const isWellFormed = (text: string): boolean => !/\p{Cs}/u.test(text);

/** Sends a command and returns the bot's reply, asserting Telegram accepted it. */
async function reply(h: BotHarness, text: string): Promise<string> {
  const answer = textOf(await say(h, h.userChat, h.user, text));
  expect(isWellFormed(answer)).toBe(true);
  expect(answer).not.toMatch(/went wrong/);
  return answer;
}

/** Sends an update and asserts the bot said nothing in that chat. */
async function expectSilence(h: BotHarness, chatId: number, send: () => { update_id: number }): Promise<void> {
  const mark = h.emulator.mark();
  await h.handled(send());
  expect(sentTexts(h, chatId, mark)).toEqual([]);
}

describe("text cut by characters, never inside an emoji", () => {
  it("/search with 41 emoji echoes whole emoji", async () => {
    const answer = await reply(file.h, `/search ${FIRE.repeat(41)}`);
    expect(answer).toMatch(/^Nothing matches “(🔥)+”/u);
    expect(errors).toEqual([]);
  });

  it("/search x + 100 emoji runs the query", async () => {
    expect(await reply(file.h, `/search x${FIRE.repeat(100)}`)).toMatch(/Nothing matches/);
    expect(errors).toEqual([]);
  });

  it("/follow and /unfollow with 101 emoji say nothing matched", async () => {
    expect(await reply(file.h, `/follow ${FIRE.repeat(101)}`)).toMatch(/^Nothing called/);
    expect(await reply(file.h, `/unfollow ${FIRE.repeat(101)}`)).toMatch(/^Nothing called/);
    expect(errors).toEqual([]);
  });

  it("a flag emoji and a family emoji are never split either", async () => {
    expect(await reply(file.h, `/search ${"🇰🇿👨‍👩‍👧".repeat(30)}`)).toMatch(/Nothing matches/);
  });
});

describe("words that name built-in object properties", () => {
  it.each(["constructor", "__proto__ x", "toString", "hasOwnProperty 1"])("/settings %s is an unknown setting", async (arg) => {
    expect(await reply(file.h, `/settings ${arg}`)).toMatch(/^Unknown setting “/);
    expect(errors).toEqual([]);
  });

  it.each(["constructor", "__proto__", "toString", "valueOf"])("/follow and /unfollow %s find nothing", async (arg) => {
    const follow = await reply(file.h, `/follow ${arg}`);
    const unfollow = await reply(file.h, `/unfollow ${arg}`);
    for (const answer of [follow, unfollow]) {
      expect(answer).toMatch(/^Nothing called/);
      expect(answer).not.toContain("[object");
    }
    expect(await file.db.follow.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe("commands addressed to another bot", () => {
  it("a document captioned /ingest@otherbot in a group gets no answer", async () => {
    const h = file.h;
    const group = h.emulator.createGroup({ title: "Newsroom", admins: [h.user] });
    await expectSilence(h, group.id, () =>
      h.emulator.userSendsDocument(group, h.user, { fileName: "a.txt", content: "The ministry must act by 1 May 2026.", caption: "/ingest@otherbot" }),
    );
    await expectSilence(h, group.id, () => h.emulator.sendText(group, h.user, "/done@otherbot 1"));
    expect(errors).toEqual([]);
  });

  it("/list@otherbot in a private chat gets no answer; /list@mindet_test_bot does", async () => {
    const h = file.h;
    await expectSilence(h, h.userChat.id, () => h.emulator.sendText(h.userChat, h.user, "/list@otherbot"));
    await expectSilence(h, h.userChat.id, () => h.emulator.sendText(h.userChat, h.user, "/nosuch@otherbot"));
    expect(await reply(h, "/list@mindet_test_bot")).toMatch(/Tracked commitments/);
  });
});

describe("updates the bot does not serve", () => {
  it("a channel post with a command is ignored without touching the database", async () => {
    const h = file.h;
    const channel = { id: -1001234567, type: "channel" as const, title: "News channel" };
    const update = {
      update_id: 9_000_001,
      channel_post: { message_id: 1, date: 1, chat: channel, sender_chat: channel, text: "/follow all", entities: [{ type: "bot_command", offset: 0, length: 7 }] },
    } as Update;
    // Telegram sends channel posts only when asked (allowed_updates); a webhook may get them anyway.
    if (!h.bot.isInited()) await h.bot.init();
    await h.bot.handleUpdate(update);
    expect(await file.db.chat.count({ where: { id: BigInt(channel.id) } })).toBe(0);
    expect(await file.db.follow.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("a button on a message without text (a photo) answers with a new message, not an edit Telegram refuses", async () => {
    const h = file.h;
    const photo = h.emulator.sendPhoto(h.userChat, h.user, { caption: "a chart" }).message;
    const stored = h.emulator.world.storedMessage(photo);
    if (!stored) throw new Error("the photo is not stored");
    // A stale or forged button on it: the language, then unfollow-all with nothing followed.
    for (const data of ["1:l:ru", "1:u:a"]) {
      stored.message = { ...stored.message, reply_markup: { inline_keyboard: [[{ text: "x", callback_data: data }]] } };
      await h.handled(h.emulator.pressButton(photo, data).update);
    }
    const refused = h.emulator.calls.filter((c) => c.outcome.kind === "response" && !c.outcome.body.ok);
    expect(refused.map((c) => c.method)).toEqual([]);
    expect(h.emulator.getCalls({ method: "editMessageText" })).toEqual([]);
    expect(sentTexts(h, h.userChat.id).slice(-2)).toEqual(["✅ Теперь этот чат на русском.", expect.stringContaining("/follow")]);
    expect(errors).toEqual([]);
  });

  it("a button on an inline-mode message (no message) gets an alert, not an exception", async () => {
    const h = file.h;
    const press = h.emulator.pressInlineButton(h.user, "1:c:1");
    const answer = await press.answer;
    expect(answer.show_alert).toBe(true);
    await h.handled(press.update);
    expect(errors).toEqual([]);
  });
});

describe("admin commands", () => {
  it("a non-admin gets the refusal for every admin command and button, and nothing changes", async () => {
    const h = file.h;
    for (const command of ["/done 1", "/missed 1", "/postpone 1 2027-01-01", "/reopen 1", "/stats", "/ingest"]) {
      expect(await reply(h, command)).toBe("This command is for Mindet admins only.");
    }
    expect(await file.db.statusChange.count()).toBe(0);
    expect(h.statusChanged).toEqual([]);
  });
});
