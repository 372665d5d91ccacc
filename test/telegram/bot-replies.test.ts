// The real bot (grammY, runner, HTTP client) with the shared limiter on virtual time: its
// replies are paced per chat and go before reminders waiting in the same limiter.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createOutboundLimiter } from "../../src/telegram/outbound-limiter.ts";
import { createHarnessFile, textOf } from "../bot/harness.ts";
import { createVirtualTime } from "./virtual-time.ts";

const file = createHarnessFile();
beforeAll(() => file.setup(), 30_000);
afterAll(() => file.teardown());
afterEach(() => file.stop());

function sharedLimiter() {
  const time = createVirtualTime(0);
  const limiter = createOutboundLimiter({
    limits: { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 },
    now: time.now,
    sleep: time.sleep,
    marginShare: 0,
    perChatMarginMs: 0,
  });
  return { time, limiter };
}

describe("the bot's replies in the shared limiter", () => {
  it("a second command in the same second is answered a second after the first", async () => {
    const { time, limiter } = sharedLimiter();
    const h = await file.start({ outbound: limiter });
    const first = h.emulator.sendText(h.userChat, h.user, "/help");
    const second = h.emulator.sendText(h.userChat, h.user, "/start");
    await h.handled(first);
    await vi.waitFor(() => expect(limiter.waiting().reply).toBe(1));
    await time.advance(999);
    expect(h.emulator.sentMessages(h.userChat.id)).toHaveLength(1);
    await time.advance(1);
    await h.handled(second);
    expect(h.emulator.sentMessages(h.userChat.id).map((m) => textOf(m).split("\n")[0])).toEqual(["Commands", expect.stringContaining("Mindet")]);
  });

  it("another user's reply is not held by that chat's second, and goes before waiting reminders", async () => {
    const { time, limiter } = sharedLimiter();
    const h = await file.start({ outbound: limiter });
    await h.handled(h.emulator.sendText(h.userChat, h.user, "/help"));
    // A reminder for this chat waits for its second; a new user's command arrives meanwhile.
    const reminder = limiter.acquire(h.userChat.id, false, "background");
    const other = h.emulator.createUser({ firstName: "Cy" });
    const otherChat = h.emulator.createPrivateChat(other);
    const otherHelp = h.emulator.sendText(otherChat, other, "/help");
    // A global slot comes free 1/30 s after the first reply: long before the busy chat's second.
    await time.advance(100);
    await h.handled(otherHelp);
    expect(h.emulator.sentMessages(otherChat.id)).toHaveLength(1);
    expect(limiter.waiting()).toEqual({ reply: 0, background: 1 });
    const followUp = h.emulator.sendText(h.userChat, h.user, "/start");
    await vi.waitFor(() => expect(limiter.waiting()).toEqual({ reply: 1, background: 1 }));
    await time.advance(1000);
    // The reply took the chat's next second; the reminder waits for the one after.
    await h.handled(followUp);
    expect(limiter.waiting()).toEqual({ reply: 0, background: 1 });
    await time.advance(1000);
    await reminder;
    expect(limiter.waiting()).toEqual({ reply: 0, background: 0 });
  });
});
