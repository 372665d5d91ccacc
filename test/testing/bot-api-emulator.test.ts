import { Api, Bot, GrammyError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderPng } from "../../src/scorecard/charts/render-png.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { readImageSize } from "../../src/testing/emulator/image-size.ts";

let emulator: BotApiEmulator;
let api: Api;

beforeEach(async () => {
  emulator = await createBotApiEmulator();
  api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
});

afterEach(async () => {
  await emulator.close();
});

/** Resolves with the GrammyError a call rejects with. */
async function grammyError(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}

function privateChatWithUser(): { user: ReturnType<BotApiEmulator["createUser"]>; chatId: number } {
  const user = emulator.createUser({ firstName: "Aigerim", username: "aigerim_k" });
  return { user, chatId: emulator.createPrivateChat(user).id };
}

describe("identity and long polling", () => {
  it("answers getMe with the registered bot", async () => {
    emulator.registerBot(emulator.token, { username: "mindet_bot", firstName: "Mindet" });
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 1234567890, is_bot: true, username: "mindet_bot", first_name: "Mindet" });
  });

  it("delivers every update exactly once through bot.start() and confirms them by offset", async () => {
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    const seen: number[] = [];
    bot.command("start", async (ctx) => {
      seen.push(ctx.update.update_id);
      await ctx.reply(`Welcome, ${ctx.from?.first_name ?? "friend"}! You said ${ctx.match || "nothing"}`);
    });
    const { user, chatId } = privateChatWithUser();
    const polling = bot.start({ timeout: 10 });
    const first = emulator.sendText(chatId, user, "/start");
    expect(first.message.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    const reply = await emulator.nextReply(chatId);
    expect(reply.text).toBe("Welcome, Aigerim! You said nothing");
    // Several updates queued at once arrive in one batch, in order, none twice.
    const later = [1, 2, 3].map((n) => emulator.sendText(chatId, user, `/start@mindet_test_bot ${n}`));
    await emulator.waitForMessage(chatId, { textIncludes: "You said 3" });
    await bot.stop();
    await polling;
    expect(seen).toEqual([first, ...later].map((u) => u.update_id));
    // The last getUpdates confirmed everything: a fresh poll finds nothing.
    expect(await api.getUpdates({ timeout: 0 })).toEqual([]);
  });

  it("keeps unconfirmed updates until an offset confirms them", async () => {
    const { user, chatId } = privateChatWithUser();
    const a = emulator.sendText(chatId, user, "one");
    const b = emulator.sendText(chatId, user, "two");
    expect((await api.getUpdates({ limit: 1 })).map((u) => u.update_id)).toEqual([a.update_id]);
    expect((await api.getUpdates({})).map((u) => u.update_id)).toEqual([a.update_id, b.update_id]);
    expect((await api.getUpdates({ offset: b.update_id })).map((u) => u.update_id)).toEqual([b.update_id]);
    expect(await api.getUpdates({ offset: b.update_id + 1 })).toEqual([]);
  });

  it("holds a long poll until an update arrives", async () => {
    const { user, chatId } = privateChatWithUser();
    const poll = api.getUpdates({ timeout: 20 });
    await emulator.waitForLongPoll();
    const update = emulator.sendText(chatId, user, "hello");
    expect((await poll).map((u) => u.update_id)).toEqual([update.update_id]);
  }, 10_000);

  it("answers the older of two concurrent getUpdates with 409 Conflict", async () => {
    const older = api.getUpdates({ timeout: 20 });
    await emulator.waitForLongPoll();
    const newer = api.getUpdates({ timeout: 0 });
    const error = await grammyError(older);
    expect(error.error_code).toBe(409);
    expect(error.description).toMatch(/^Conflict: terminated by other getUpdates request/);
    expect(await newer).toEqual([]);
  });

  it("ends a held long poll when the emulator closes", async () => {
    const poll = api.getUpdates({ timeout: 30 });
    await emulator.waitForLongPoll();
    await emulator.close();
    expect(await poll).toEqual([]);
    emulator = await createBotApiEmulator();
  });
});

describe("sendMessage validation", () => {
  it("stores HTML as plain text with entities", async () => {
    const { chatId } = privateChatWithUser();
    const sent = await api.sendMessage(chatId, "<b>Port of Aktau</b> due &lt;2026&gt; — <a href=\"https://gov.kz/x\">source</a> &amp; more", { parse_mode: "HTML" });
    expect(sent.text).toBe("Port of Aktau due <2026> — source & more");
    expect(sent.entities).toEqual([
      { type: "bold", offset: 0, length: 13 },
      { type: "text_link", offset: 27, length: 6, url: "https://gov.kz/x" },
    ]);
    expect(emulator.lastMessage(chatId)?.text).toBe(sent.text);
  });

  it("rejects empty and over-long text like Telegram", async () => {
    const { chatId } = privateChatWithUser();
    expect((await grammyError(api.sendMessage(chatId, ""))).description).toBe("Bad Request: message text is empty");
    expect((await grammyError(api.sendMessage(chatId, "  \n "))).description).toBe("Bad Request: message text is empty");
    const tooLong = await grammyError(api.sendMessage(chatId, "x".repeat(4097)));
    expect([tooLong.error_code, tooLong.description]).toEqual([400, "Bad Request: message is too long"]);
    // The limit applies after parsing: markup does not count, and UTF-16 units do.
    await api.sendMessage(chatId, `<b>${"x".repeat(4096)}</b>`, { parse_mode: "HTML" });
    await grammyError(api.sendMessage(chatId, "😀".repeat(2049)));
  });

  it.each([
    ["<foo>x</foo>", /Unsupported start tag "foo"/],
    ["<b>unclosed", /Can't find end tag corresponding to start tag "b"/],
    ["<b><i>x</b></i>", /Unmatched end tag/],
    ["due in < 2 days", /Unsupported start tag ""/],
    ["AT&T", /Character '&' is reserved/],
  ])("rejects malformed HTML %j", async (html, detail) => {
    const { chatId } = privateChatWithUser();
    const error = await grammyError(api.sendMessage(chatId, html, { parse_mode: "HTML" }));
    expect(error.description).toMatch(/^Bad Request: can't parse entities: /);
    expect(error.description).toMatch(detail);
  });

  it("parses MarkdownV2 and rejects unescaped reserved characters", async () => {
    const { chatId } = privateChatWithUser();
    const sent = await api.sendMessage(chatId, "*Due* 31\\.03\\.2026 `code`", { parse_mode: "MarkdownV2" });
    expect(sent.text).toBe("Due 31.03.2026 code");
    expect(sent.entities).toEqual([{ type: "bold", offset: 0, length: 3 }, { type: "code", offset: 15, length: 4 }]);
    const error = await grammyError(api.sendMessage(chatId, "Due 31.03", { parse_mode: "MarkdownV2" }));
    expect(error.description).toContain("Character '.' is reserved");
  });

  it("limits callback_data to 64 bytes", async () => {
    const { chatId } = privateChatWithUser();
    const keyboard = (data: string) => ({ reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: data }]] } });
    await api.sendMessage(chatId, "ok", keyboard("é".repeat(32)));
    const error = await grammyError(api.sendMessage(chatId, "too long", keyboard("é".repeat(32) + "x")));
    expect(error.description).toBe("Bad Request: BUTTON_DATA_INVALID");
  });

  it("answers chat not found for chats it never saw, unless autoCreateChats", async () => {
    expect((await grammyError(api.sendMessage(-1001234567890, "hi"))).description).toBe("Bad Request: chat not found");
    const lenient = await createBotApiEmulator({ autoCreateChats: true });
    const sent = await new Api(lenient.token, { apiRoot: lenient.apiRoot }).sendMessage(-1001234567890, "hi");
    expect(sent.chat).toMatchObject({ id: -1001234567890, type: "supergroup" });
    await lenient.close();
  });

  it("returns a 404 for unknown methods so a typo shows", async () => {
    const response = await fetch(`${emulator.apiRoot}/bot${emulator.token}/sendMesage`, { method: "POST" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });
  });
});

describe("buttons and edits", () => {
  it("delivers a button press and resolves with the bot's answerCallbackQuery", async () => {
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    bot.callbackQuery(/^page:(\d+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: `Page ${ctx.match[1]}` });
      await ctx.editMessageText(`Showing page ${ctx.match[1]}`, {
        reply_markup: { inline_keyboard: [[{ text: "◀", callback_data: "page:1" }]] },
      });
    });
    const { user, chatId } = privateChatWithUser();
    const list = await api.sendMessage(chatId, "Page 1", {
      reply_markup: { inline_keyboard: [[{ text: "▶", callback_data: "page:2" }]] },
    });
    const polling = bot.start({ timeout: 10 });
    const press = emulator.pressButton(list, "page:2", user);
    expect(await press.answer).toMatchObject({ callback_query_id: press.id, text: "Page 2" });
    const edited = await emulator.nextReply(chatId);
    expect(edited).toMatchObject({ message_id: list.message_id, text: "Showing page 2" });
    expect(emulator.sentMessages(chatId)).toEqual([edited]);
    // Index-based presses work too.
    const second = emulator.pressButton(edited, 0, user);
    expect(await second.answer).toMatchObject({ text: "Page 1" });
    await bot.stop();
    await polling;
  });

  it("rejects an unknown callback query id", async () => {
    const error = await grammyError(api.answerCallbackQuery("42"));
    expect(error.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
  });

  it("reports 'message is not modified' and unknown messages", async () => {
    const { chatId } = privateChatWithUser();
    const sent = await api.sendMessage(chatId, "Status: open");
    const notModified = await grammyError(api.editMessageText(chatId, sent.message_id, "Status: open"));
    expect(notModified.description).toMatch(/^Bad Request: message is not modified: specified new message content/);
    await grammyError(api.editMessageReplyMarkup(chatId, sent.message_id));
    const missing = await grammyError(api.editMessageText(chatId, 999, "x"));
    expect(missing.description).toBe("Bad Request: message to edit not found");
    await api.editMessageText(chatId, sent.message_id, "Status: done");
    expect(emulator.lastMessage(chatId)?.text).toBe("Status: done");
    expect(await api.deleteMessage(chatId, sent.message_id)).toBe(true);
    expect(emulator.sentMessages(chatId)).toEqual([]);
  });
});

describe("files and commands", () => {
  it("receives a multipart sendDocument with its bytes intact", async () => {
    const { chatId } = privateChatWithUser();
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const sent = await api.sendDocument(chatId, new InputFile(bytes, "mindet.ics"), { caption: "<b>Your calendar</b>", parse_mode: "HTML" });
    expect(sent.document).toMatchObject({ file_name: "mindet.ics", mime_type: "text/calendar", file_size: 256 });
    expect(sent.caption).toBe("Your calendar");
    const call = emulator.calls.find((c) => c.method === "sendDocument");
    expect(call?.params["chat_id"]).toBe(String(chatId));
    // The bot's own upload can be downloaded back, byte for byte.
    const file = await api.getFile(sent.document?.file_id ?? "");
    const download = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    // Re-sending by file_id needs no upload.
    const again = await api.sendDocument(chatId, sent.document?.file_id ?? "");
    expect(again.document?.file_id).toBe(sent.document?.file_id);
  });

  it("receives a multipart sendPhoto: an image within Telegram's limits, with the sizes Telegram keeps", async () => {
    const { chatId } = privateChatWithUser();
    const png = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="500"><rect width="1000" height="500" fill="#2e7d32"/></svg>');
    const sent = await api.sendPhoto(chatId, new InputFile(png, "chart.png"), { caption: "<b>Scorecard</b>", parse_mode: "HTML" });
    expect(sent.caption).toBe("Scorecard");
    expect(sent.photo?.map((p) => `${p.width}x${p.height}`)).toEqual(["90x45", "320x160", "800x400", "1000x500"]);
    // The largest size is the upload itself, downloadable byte for byte.
    const file = await api.getFile(sent.photo?.at(-1)?.file_id ?? "");
    const download = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    const again = await api.sendPhoto(chatId, sent.photo?.at(-1)?.file_id ?? "");
    expect(again.photo?.at(-1)).toMatchObject({ width: 1000, height: 500 });
    expect(await emulator.waitForMessage(chatId, { hasPhoto: true })).toBeDefined();
  });

  it("refuses a photo that is not an image or is beyond Telegram's dimensions, as Telegram words it", async () => {
    const { chatId } = privateChatWithUser();
    /** A PNG header claiming a size (the emulator, like Telegram's first check, reads the header). */
    const pngHeader = (width: number, height: number): Buffer => {
      const b = Buffer.alloc(33);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
      b.writeUInt32BE(13, 8);
      b.write("IHDR", 12, "latin1");
      b.writeUInt32BE(width, 16);
      b.writeUInt32BE(height, 20);
      return b;
    };
    const refuse = async (photo: InputFile | string) => (await grammyError(api.sendPhoto(chatId, photo))).description;
    expect(await refuse(new InputFile(Buffer.from("not an image at all"), "chart.png"))).toBe("Bad Request: IMAGE_PROCESS_FAILED");
    expect(await refuse(new InputFile(pngHeader(9000, 1001), "tall.png"))).toBe("Bad Request: PHOTO_INVALID_DIMENSIONS");
    expect(await refuse(new InputFile(pngHeader(2100, 100), "strip.png"))).toBe("Bad Request: PHOTO_INVALID_DIMENSIONS");
    expect(await refuse(new InputFile(Buffer.alloc(10 * 1024 * 1024 + 1), "huge.png"))).toBe("Bad Request: PHOTO_SAVE_FILE_INVALID");
    expect(await refuse("no-such-file-id")).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    expect((await api.sendPhoto(chatId, new InputFile(pngHeader(2000, 100), "ok.png"))).photo?.at(-1)).toMatchObject({ width: 2000, height: 100 });
    expect(emulator.sentMessages(chatId)).toHaveLength(1);
  });

  it("reads the size of PNG, JPEG, GIF and WebP headers; anything else is not an image", () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xf4, 0x03, 0xe8, 0x03, 0, 0, 0, 0]);
    expect(readImageSize(jpeg)).toEqual({ format: "jpeg", width: 1000, height: 500 });
    const gif = Buffer.concat([Buffer.from("GIF89a", "latin1"), Buffer.from([0xe8, 0x03, 0xf4, 0x01])]);
    expect(readImageSize(gif)).toEqual({ format: "gif", width: 1000, height: 500 });
    const webp = Buffer.alloc(30);
    webp.write("RIFF", 0, "latin1");
    webp.write("WEBPVP8X", 8, "latin1");
    webp.writeUIntLE(999, 24, 3);
    webp.writeUIntLE(499, 27, 3);
    expect(readImageSize(webp)).toEqual({ format: "webp", width: 1000, height: 500 });
    expect(readImageSize(Buffer.from("%PDF-1.7 ..............................."))).toBeNull();
    expect(readImageSize(jpeg.subarray(0, 8))).toBeNull();
  });

  it("serves a user's document through getFile and the download route", async () => {
    const { user, chatId } = privateChatWithUser();
    const update = emulator.userSendsDocument(chatId, user, { fileName: "article.txt", content: "The Ministry must report by 2026." });
    const document = update.message.document;
    expect(document?.mime_type).toBe("text/plain");
    const file = await api.getFile(document?.file_id ?? "");
    const response = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path}`);
    expect(await response.text()).toBe("The Ministry must report by 2026.");
  });

  it("stores commands per scope and language", async () => {
    await api.setMyCommands([{ command: "list", description: "All commitments" }]);
    await api.setMyCommands([{ command: "list", description: "Барлық міндеттер" }], { language_code: "kk" });
    expect(await api.getMyCommands()).toEqual([{ command: "list", description: "All commitments" }]);
    expect(emulator.commands({ languageCode: "kk" })[0]?.description).toBe("Барлық міндеттер");
    expect((await grammyError(api.setMyCommands([{ command: "Bad Command", description: "x" }]))).description).toBe("Bad Request: BOT_COMMAND_INVALID");
  });
});

describe("users, groups and membership", () => {
  it("answers 403 after the user blocks the bot, and emits my_chat_member", async () => {
    const { user, chatId } = privateChatWithUser();
    const update = emulator.userBlocksBot(user);
    expect(update.my_chat_member.new_chat_member.status).toBe("kicked");
    const error = await grammyError(api.sendMessage(chatId, "reminder"));
    expect([error.error_code, error.description]).toEqual([403, "Forbidden: bot was blocked by the user"]);
    emulator.userUnblocksBot(user);
    await api.sendMessage(chatId, "welcome back");
  });

  it("migrates a group to a supergroup with Telegram's 400 and service messages", async () => {
    const admin = emulator.createUser({ firstName: "Editor" });
    const group = emulator.createGroup({ title: "Newsroom", admins: [admin], members: [emulator.createUser()] });
    expect(group.id).toBeLessThan(0);
    const supergroup = emulator.migrateGroupToSupergroup(group);
    expect(String(supergroup.id)).toMatch(/^-100\d{10}$/);
    const error = await grammyError(api.sendMessage(group.id, "hi"));
    expect(error.description).toBe("Bad Request: group chat was upgraded to a supergroup chat");
    expect(error.parameters.migrate_to_chat_id).toBe(supergroup.id);
    const updates = await api.getUpdates({});
    expect(updates.map((u) => u.message?.migrate_to_chat_id ?? u.message?.migrate_from_chat_id)).toEqual([supergroup.id, group.id]);
    await api.sendMessage(supergroup.id, "hi");
    expect((await api.getChatAdministrators(supergroup.id)).map((m) => m.status)).toEqual(["creator"]);
    expect((await api.getChatMember(supergroup.id, admin.id)).status).toBe("creator");
  });

  it("tracks the bot being added to and removed from a group", async () => {
    const by = emulator.createUser();
    const group = emulator.createGroup({ title: "Analysts", members: [by], botIsMember: false, id: -1001234567890, type: "supergroup" });
    await grammyError(api.sendMessage(group.id, "hi"));
    const added = emulator.botAddedToGroup(group, by);
    expect([added.my_chat_member.old_chat_member.status, added.my_chat_member.new_chat_member.status]).toEqual(["left", "member"]);
    expect((await api.sendMessage(group.id, "hi")).chat.id).toBe(-1001234567890);
    emulator.botRemovedFromGroup(group, by);
    expect((await grammyError(api.sendMessage(group.id, "hi"))).description).toBe("Forbidden: bot was kicked from the supergroup chat");
  });
});
