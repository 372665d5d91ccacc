import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";
import { commitment, seed } from "../bot/harness.ts";

// Reminders are sent without an update, so they speak the chat's stored language: a Russian
// user's reminder comes in Russian, and after /language kk the next one comes in Kazakh. The
// whole path as `mindet start` wires it: createApp, the real scheduler, the t.emulator.
describe("reminders in the chat's language", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, 30_000);
  afterAll(() => t.close());

  it("a Russian user's reminder is Russian; after /language kk the next one is Kazakh", async () => {
    const [id] = await seed(t.testDb.db, "language.txt", [commitment({ title: "Open the Aktau hub", due: "2026-01-23", dueText: "by 23 January 2026" })]);
    const user = t.emulator.createUser({ firstName: "Айгерим", languageCode: "ru" });
    const chat = t.emulator.createPrivateChat(user);
    await t.emulator.converse(chat, user, "/start");
    expect((await t.emulator.converse(chat, user, `/follow ${id}`)).text).toContain("подписан");

    // The 7-day reminder: 16 January, 09:00 in Almaty.
    t.clock.set("2026-01-16T04:00:00Z");
    await t.app.scheduler.tick();
    const russian = await t.emulator.waitForMessage(chat, (m) => /Напоминания/.test(m.text ?? ""), { timeoutMs: 10_000 });
    expect(russian.text).toContain("Open the Aktau hub — 23 января 2026, через 7 дней");

    expect((await t.emulator.converse(chat, user, "/language kk")).text).toMatch(/қазақ/i);

    // The 1-day reminder: 22 January, 09:00 in Almaty.
    t.clock.set("2026-01-22T04:00:00Z");
    await t.app.scheduler.tick();
    const kazakh = await t.emulator.waitForMessage(chat, (m) => /Еске салулар/.test(m.text ?? ""), { timeoutMs: 10_000 });
    expect(kazakh.text).toContain("Open the Aktau hub — 2026 жылғы 23 қаңтар");
  });
});
