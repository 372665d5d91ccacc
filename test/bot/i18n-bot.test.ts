// Russian and Kazakh through the real bot and the emulator: a chat's language from the user's
// Telegram language, /language with buttons and codes, a group's language set by its admins,
// the command menu per language.
import type { User } from "grammy/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerCommands } from "../../src/bot/commands.ts";
import { ADMIN_ID, callbackData, commitment, createHarnessFile, say, seed, textOf } from "./harness.ts";

const file = createHarnessFile();
let ids: number[] = [];

beforeAll(async () => {
  await file.setup();
  ids = await seed(file.db, "energy.txt", [
    commitment({ title: "Build a wind farm", due: "2026-03-05", dueText: "by 5 March 2026" }),
    commitment({ title: "Modernise the grid", due: "2026-06-30", precision: "quarter", dueText: "by the end of the second quarter of 2026" }),
  ]);
}, 30_000);
afterAll(() => file.teardown());
afterEach(() => file.stop());

async function storedLanguage(chatId: number): Promise<string | null | undefined> {
  return (await file.db.chat.findUnique({ where: { id: BigInt(chatId) } }))?.language;
}

describe("a Russian-speaking user", () => {
  it("gets /start, /help, /list and a card in Russian; titles and quotes stay as written", async () => {
    const h = await file.start();
    const user = h.emulator.createUser({ firstName: "Айгерим", languageCode: "ru" });
    const chat = h.emulator.createPrivateChat(user);
    const start = await say(h, chat, user, "/start");
    expect(textOf(start)).toContain("следит за обязательствами государства");
    expect(start.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["🔔 Подписаться на всё", "📋 Посмотреть"]);
    expect(await storedLanguage(chat.id)).toBe("ru");
    expect(textOf(await say(h, chat, user, "/help"))).toContain("/status НОМЕР — Карточка обязательства");
    const list = textOf(await say(h, chat, user, "/list"));
    expect(list).toContain("Все обязательства, ближайшие сроки первыми (2)");
    expect(list).toContain(`#${ids[0]} Build a wind farm · 5 марта 2026 · 🟢 в работе`);
    expect(list).toContain("II квартал 2026");
    const card = textOf(await say(h, chat, user, `/status ${ids[0]}`));
    expect(card).toContain("Срок: 5 марта 2026 (до конца дня по времени Астаны) · через 49 дней");
    expect(card).toContain("В тексте: «by 5 March 2026»");
    expect(card).toContain("The government must build a wind farm by the deadline.");
    expect(textOf(await say(h, chat, user, "/follow all"))).toBe(
      "🔔 Этот чат теперь подписан на всё. Все подписки — в /mine.\n" +
        `Следующее напоминание: 26 февраля 2026, 09:00 — «Build a wind farm» (срок 5 марта 2026) · /c ${ids[0]}`,
    );
    expect(textOf(await say(h, chat, user, "/nosuch"))).toBe("Я не знаю команды /nosuch. Все мои команды — в /help.");
  });

  it("/language kk switches the chat to Kazakh, stored for messages sent without an update", async () => {
    const h = await file.start();
    const user = h.emulator.createUser({ languageCode: "ru" });
    const chat = h.emulator.createPrivateChat(user);
    expect(textOf(await say(h, chat, user, "/language kk"))).toBe("✅ Енді бұл чат қазақ тілінде.");
    expect(await storedLanguage(chat.id)).toBe("kk");
    const list = textOf(await say(h, chat, user, "/list"));
    expect(list).toContain("Барлық міндеттеме");
    expect(list).toContain("2026 жылғы 5 наурыз");
    // The stored choice wins over the user's Telegram language from now on.
    expect(textOf(await say(h, chat, user, "/upcoming 400"))).toMatch(/^Қолданылуы: \/upcoming \[күн\], 1 мен 365 аралығындағы сан/);
  });

  it("/language shows buttons; pressing one switches and confirms in the new language", async () => {
    const h = await file.start();
    const user = h.emulator.createUser({ languageCode: "en" });
    const chat = h.emulator.createPrivateChat(user);
    const menu = await say(h, chat, user, "/language");
    expect(textOf(menu)).toBe("This chat's language: English. Choose another:");
    expect(callbackData(menu)).toEqual(["1:l:en", "1:l:ru", "1:l:kk"]);
    const answer = await h.emulator.pressButton(menu, "1:l:ru").answer;
    expect(answer.text).toBe("Русский");
    const edit = await h.emulator.waitForCall("editMessageText");
    expect(edit.params.text).toBe("✅ Теперь этот чат на русском.");
    expect(await storedLanguage(chat.id)).toBe("ru");
  });

  it("/language xx answers with the languages available, in the chat's language", async () => {
    const h = await file.start();
    const user = h.emulator.createUser({ languageCode: "kk" });
    const chat = h.emulator.createPrivateChat(user);
    expect(textOf(await say(h, chat, user, "/language xx"))).toBe("«xx» тілін білмеймін. Қолжетімді тілдер: English (en), Русский (ru), Қазақша (kk), мысалы /language kk.");
    expect(await storedLanguage(chat.id)).toBe("kk");
  });
});

describe("groups", () => {
  it("speak the language of the admin who added the bot, and what their admins set, whatever each member's language", async () => {
    const h = await file.start();
    const admin = h.emulator.createUser({ firstName: "Асель", languageCode: "kk" });
    const english: User = h.emulator.createUser({ firstName: "Ann", languageCode: "en" });
    const group = h.emulator.createGroup({ title: "Редакция", admins: [admin], members: [english], botIsMember: false });
    h.emulator.botAddedToGroup(group, admin);
    const greeting = await h.emulator.nextReply(group);
    expect(textOf(greeting)).toContain("мемлекеттік міндеттемелерді қадағалайды");
    expect(await storedLanguage(group.id)).toBe("kk");
    // A member who is not an admin cannot change it.
    expect(textOf(await say(h, group, english, "/language en"))).toBe("Топтың жазылымдары мен баптауларын тек оның әкімшілері өзгерте алады.");
    expect(textOf(await say(h, group, admin, "/language ru"))).toBe("✅ Теперь этот чат на русском.");
    expect(textOf(await say(h, group, english, "/list"))).toContain("Все обязательства");
    expect(textOf(await say(h, group, english, `/status ${ids[1]}`))).toContain("Точность срока: квартал: считается последний день");
  });
});

describe("the command menu", () => {
  it("is registered in English (default), Russian and Kazakh, with the admin commands in each language", async () => {
    const h = await file.start();
    const failed = await registerCommands(h.bot.api, [String(ADMIN_ID)]);
    expect(failed).toEqual([]);
    const describe = (languageCode?: string) => h.emulator.commands(languageCode ? { languageCode } : {});
    expect(describe().find((c) => c.command === "list")?.description).toBe("All tracked commitments, soonest first");
    expect(describe("ru").find((c) => c.command === "list")?.description).toBe("Все обязательства, ближайшие сроки первыми");
    expect(describe("kk").find((c) => c.command === "list")?.description).toBe("Барлық міндеттеме, ең жақын мерзімдісі бірінші");
    expect(describe("ru").map((c) => c.command)).toContain("language");
    const adminMenu = h.emulator.commands({ scope: { type: "chat", chat_id: ADMIN_ID }, languageCode: "kk" });
    expect(adminMenu.find((c) => c.command === "postpone")?.description).toBe("Мерзімін ауыстыру");
  });
});
