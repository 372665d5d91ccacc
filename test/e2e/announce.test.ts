import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";
import { commitment, seed } from "../bot/harness.ts";

// The whole path of an admin's status change, as `mindet start` wires it (createApp): /done in
// the admin's chat -> changeStatus -> onStatusChanged -> the real scheduler's tick -> a message in
// every following chat.
describe("status announcements", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ADMIN_IDS: "42" } });
  }, 30_000);
  afterAll(() => t.close());

  it("a follower hears about /done at once", async () => {
    const [id] = await seed(t.testDb.db, "announce.txt", [commitment({ title: "Open the wind farm" })]);
    const follower = t.emulator.createUser({ firstName: "Fay" });
    const followerChat = t.emulator.createPrivateChat(follower);
    await t.emulator.converse(followerChat, follower, `/follow ${id}`);
    const admin = t.emulator.createUser({ id: 42, firstName: "Ada" });
    const adminChat = t.emulator.createPrivateChat(admin);
    expect((await t.emulator.converse(adminChat, admin, `/done ${id} https://gov.kz/x`)).text).toContain("marked done");
    const announcement = await t.emulator.waitForMessage(followerChat, (m) => /done/i.test(m.text ?? ""), { timeoutMs: 10_000 });
    expect(announcement.text).toContain("Open the wind farm");
    expect(announcement.text).toMatch(/done/i);
  });
});
