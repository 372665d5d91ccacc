// /scorecard through the real bot and the emulator: the table as text, the chart as a PNG photo,
// one body, one commitment's date history, unknown bodies and ids, in English, Russian and Kazakh.
import type { Chat, Message, User } from "grammy/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MAX_MESSAGE_CHARS } from "../../src/bot/format/html.ts";
import { pngSize } from "../../src/scorecard/charts/render-png.ts";
import { ENERGY, NOW, seedScorecard, type SeededScorecard } from "../scorecard/seed-scorecard.ts";
import { createHarnessFile, say, textOf, type BotHarness } from "./harness.ts";

const file = createHarnessFile();
let seeded: SeededScorecard;

beforeAll(async () => {
  await file.setup();
  seeded = await seedScorecard(file.db);
}, 30_000);
afterAll(() => file.teardown());
afterEach(() => file.stop());

async function start(): Promise<BotHarness> {
  const h = await file.start();
  h.clock.set(NOW);
  return h;
}

function userIn(h: BotHarness, languageCode: string): { user: User; chat: Chat.PrivateChat } {
  const user = h.emulator.createUser({ firstName: "Dana", languageCode });
  return { user, chat: h.emulator.createPrivateChat(user) };
}

/** The photo the bot sent after `since` in a chat, with the PNG it uploaded. */
async function sentPhoto(h: BotHarness, chat: Chat): Promise<{ message: Message; png: Buffer }> {
  const message = await h.emulator.waitForMessage(chat.id, { hasPhoto: true }, { timeoutMs: 10_000 });
  const largest = message.photo?.at(-1);
  const stored = largest ? h.emulator.world.files.get(largest.file_id) : undefined;
  if (!stored) throw new Error("no photo file stored");
  return { message, png: stored.bytes };
}

function photoCalls(h: BotHarness, chat: Chat): number {
  return h.emulator.getCalls({ method: "sendPhoto" }).filter((c) => Number(c.params.chat_id) === chat.id).length;
}

describe("/scorecard", () => {
  it("sends the table for every body as text, then a bar chart as a PNG photo", async () => {
    const h = await start();
    const { user, chat } = userIn(h, "en");
    const reply = await say(h, chat, user, "/scorecard");
    const text = textOf(reply);
    expect(text).toContain("Scorecard: how each responsible body keeps its commitments");
    expect(text).toContain(`${ENERGY} · 8 tracked\n✅ 1 on time · ⏰ 2 late · ❌ 1 missed · 🔴 1 overdue\n↪️ 2 moved, median 60.5 days later`);
    expect(text).toContain("Ministry of Transport · 3 tracked\n✅ 1 on time · ⏰ 0 late · ❌ 0 missed · 🔴 0 overdue\n↪️ none moved");
    expect(text).toContain("no body named · 1 tracked");
    expect(text).toContain("All bodies · 12 tracked\n✅ 2 on time · ⏰ 2 late · ❌ 1 missed · 🔴 2 overdue");
    expect(text.indexOf(ENERGY)).toBeLessThan(text.indexOf("Ministry of Transport"));
    const { message, png } = await sentPhoto(h, chat);
    expect(message.caption).toBe("On time, late, missed and overdue, per responsible body.");
    // A real PNG, 1,000 pixels wide, one bar per body (three) under the title and legend.
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(pngSize(png)).toEqual({ width: 1000, height: 228 });
    expect(message.photo?.at(-1)).toMatchObject({ width: 1000, height: 228 });
  });

  it("one body by part of its name: its lines and a chart with its one bar", async () => {
    const h = await start();
    const { user, chat } = userIn(h, "en");
    const text = textOf(await say(h, chat, user, "/scorecard energy"));
    expect(text.startsWith(`${ENERGY} · 8 tracked`)).toBe(true);
    expect(text).not.toContain("Ministry of Transport");
    const { png } = await sentPhoto(h, chat);
    expect(pngSize(png)).toEqual({ width: 1000, height: 160 });
  });

  it("a commitment's date history: first stated, the slip, in force, how it ended, and a timeline chart", async () => {
    const h = await start();
    const { user, chat } = userIn(h, "en");
    const id = seeded.ids.E3!;
    const text = textOf(await say(h, chat, user, `/scorecard #${id}`));
    expect(text.split("\n")).toEqual([
      `#${id} Commitment E3`,
      `Responsible: ${ENERGY}`,
      "First stated on 5 Jan 2026: due Q1 2026",
      "1 Feb 2026: moved later, due Q2 2026",
      "In force: Q2 2026 (✅ done)",
      "Moved 91 days later in all.",
      "Closed on 10 May 2026: done, late.",
    ]);
    const { message, png } = await sentPhoto(h, chat);
    expect(message.caption).toBe(`#${id}: every date it was given, and today.`);
    // Rows: first stated, the slip, in force.
    expect(pngSize(png)).toEqual({ width: 1000, height: 116 + 3 * 44 + 60 });
    // A postponed commitment, now overdue.
    const postponed = textOf(await say(h, chat, user, `/scorecard ${seeded.ids.E5}`));
    expect(postponed).toContain("20 Mar 2026: postponed, due 1 May 2026");
    expect(postponed).toContain("In force: 1 May 2026 (🔴 overdue)");
    await sentPhoto(h, chat);
  });

  it("an unknown body gets suggestions, an unknown id one line, and neither a chart", async () => {
    const h = await start();
    const { user, chat } = userIn(h, "en");
    expect(textOf(await say(h, chat, user, "/scorecard Ministry of Enrgy"))).toBe(
      `No responsible body is called "Ministry of Enrgy".\nDid you mean:\n• /scorecard ${ENERGY}\n• /scorecard Ministry of Transport`,
    );
    expect(textOf(await say(h, chat, user, "/scorecard Zzyzx"))).toBe(
      'No responsible body is called "Zzyzx".\nTry /scorecard alone for every body, /scorecard transport, or /scorecard 12 for one commitment\'s dates.',
    );
    expect(textOf(await say(h, chat, user, "/scorecard 999999"))).toBe("There is no commitment #999999. /list shows the ids.");
    expect(textOf(await say(h, chat, user, `/scorecard <b>${"x".repeat(500)}`))).toMatch(/^No responsible body is called "<b>x+"\./);
    expect(photoCalls(h, chat)).toBe(0);
  });

  it("speaks Russian and Kazakh: the table, the history and the messages for what is unknown", async () => {
    const h = await start();
    const ru = userIn(h, "ru");
    const ruText = textOf(await say(h, ru.chat, ru.user, "/scorecard"));
    expect(ruText).toContain("Итоги: как ответственные органы выполняют обязательства");
    expect(ruText).toContain(`${ENERGY} · всего 8\n✅ 1 в срок · ⏰ 2 с опозданием · ❌ 1 не выполнено · 🔴 1 просрочено\n↪️ срок сдвигался: 2, медиана — на 60,5 дня позже`);
    expect(ruText).toContain("орган не указан · всего 1");
    expect((await sentPhoto(h, ru.chat)).message.caption).toBe("В срок, с опозданием, не выполнено и просрочено — по ответственным органам.");
    expect(textOf(await say(h, ru.chat, ru.user, `/scorecard ${seeded.ids.E3}`))).toContain("Впервые названо 5 января 2026: срок I квартал 2026");
    expect((await sentPhoto(h, ru.chat)).message.caption).toBe(`№${seeded.ids.E3}: все названные сроки и сегодняшний день.`);
    expect(textOf(await say(h, ru.chat, ru.user, "/scorecard Zzyzx"))).toContain("Ответственного органа «Zzyzx» нет.");
    expect(textOf(await say(h, ru.chat, ru.user, "/scorecard 999999"))).toBe("Обязательства №999999 нет. Номера — в /list.");

    const kk = userIn(h, "kk");
    const kkText = textOf(await say(h, kk.chat, kk.user, "/scorecard"));
    expect(kkText).toContain("Қорытынды: жауапты органдар міндеттемелерді қалай орындайды");
    expect(kkText).toContain("✅ 1 мерзімінде · ⏰ 2 кешігіп · ❌ 1 орындалмады · 🔴 1 мерзімі өткен\n↪️ мерзімі жылжыған: 2, медианасы — 60,5 күн кейін");
    expect((await sentPhoto(h, kk.chat)).message.caption).toBe("Мерзімінде, кешігіп, орындалмаған және мерзімі өткен — жауапты органдар бойынша.");
    expect(textOf(await say(h, kk.chat, kk.user, `/scorecard ${seeded.ids.E3}`))).toContain("Қолданыстағы мерзім: 2026 жылғы II тоқсан (✅ орындалды)");
    expect((await sentPhoto(h, kk.chat)).message.caption).toBe(`№${seeded.ids.E3}: аталған барлық мерзімдер және бүгінгі күн.`);
    expect(textOf(await say(h, kk.chat, kk.user, "/scorecard Zzyzx"))).toContain("«Zzyzx» деген жауапты орган жоқ.");
    expect(textOf(await say(h, kk.chat, kk.user, "/scorecard 999999"))).toBe("№999999 міндеттеме жоқ. Нөмірлер — /list ішінде.");
  });

  // Last: it adds bodies to the file's store.
  it("with many bodies: the busiest that fit in one message, how many more, and twelve bars", async () => {
    const source = await file.db.source.findFirstOrThrow();
    for (let i = 0; i < 60; i++) {
      const body = `Akimat of the Region With a Deliberately Long Official Name, District Number ${String(i + 1).padStart(2, "0")}`;
      await file.db.commitment.create({
        data: { sourceId: source.id, key: `many-${i}`, title: `Many ${i}`, body, responsible: body, extractedDueOn: "2026-01-31", dueOn: "2026-01-31", precision: "day", quote: "q", quoteStart: 0, quoteEnd: 1 },
      });
    }
    const h = await start();
    const { user, chat } = userIn(h, "en");
    const text = textOf(await say(h, chat, user, "/scorecard"));
    expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(text).toMatch(/…and \d+ more bodies: \/scorecard NAME shows one\./);
    expect(text).toContain("All bodies · 72 tracked");
    expect(h.emulator.getCalls({ method: "sendMessage" }).filter((c) => Number(c.params.chat_id) === chat.id)).toHaveLength(1);
    const { png } = await sentPhoto(h, chat);
    expect(pngSize(png)).toEqual({ width: 1000, height: 96 + 12 * 34 + 30 });
  });
});
