import { describe, expect, it } from "vitest";
import { createOutboundLimiter, type SendPriority } from "../../src/telegram/outbound-limiter.ts";
import { createVirtualTime } from "./virtual-time.ts";

const TELEGRAM = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };
const noMargin = { marginShare: 0, marginMs: 0, perChatMarginMs: 0 };

/** A limiter on virtual time and a log of who got a slot when (ms from the start). */
function setup(limits = TELEGRAM) {
  const time = createVirtualTime(0);
  const limiter = createOutboundLimiter({ limits, now: time.now, sleep: time.sleep, ...noMargin });
  const granted: { label: string; at: number }[] = [];
  const send = (label: string, chatId: number, priority: SendPriority, isGroup = false): Promise<void> =>
    limiter.acquire(chatId, isGroup, priority).then(() => {
      granted.push({ label, at: time.now() });
    });
  return { time, limiter, granted, send };
}

describe("the outbound limiter's priorities", () => {
  it("replies queued after reminders still go first, reminders take the slots left", async () => {
    const { time, granted, send } = setup({ globalPerSecond: 10, perChatPerSecond: 1, perGroupPerMinute: 20 });
    const all = [
      ...Array.from({ length: 5 }, (_, i) => send(`reminder ${i}`, 100 + i, "background")),
      ...Array.from({ length: 5 }, (_, i) => send(`reply ${i}`, 200 + i, "reply")),
    ];
    await time.drive(Promise.all(all));
    // The first reminder found the limiter idle and left at once; then every reply, then the rest.
    expect(granted.map((g) => g.label)).toEqual([
      "reminder 0", "reply 0", "reply 1", "reply 2", "reply 3", "reply 4", "reminder 1", "reminder 2", "reminder 3", "reminder 4",
    ]);
    // 10 a second, evenly: one every 100 ms.
    expect(granted.map((g) => g.at)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });

  it("a reply overtakes reminders waiting for the same chat; each priority keeps its order", async () => {
    const { time, granted, send } = setup();
    const all = [
      send("reminder a", 7, "background"),
      send("reminder b", 7, "background"),
      send("reply a", 7, "reply"),
      send("reply b", 7, "reply"),
    ];
    await time.drive(Promise.all(all));
    expect(granted).toEqual([
      { label: "reminder a", at: 0 },
      { label: "reply a", at: 1000 },
      { label: "reply b", at: 2000 },
      { label: "reminder b", at: 3000 },
    ]);
  });

  it("a chat waiting for its second does not hold back other chats", async () => {
    const { time, granted, send } = setup();
    await time.drive(Promise.all([send("a1", 1, "reply"), send("a2", 1, "reply"), send("b1", 2, "reply"), send("c1", 3, "background")]));
    expect(granted.map((g) => g.label)).toEqual(["a1", "b1", "c1", "a2"]);
    [0, 1000 / 30, 2000 / 30, 1000].forEach((at, i) => expect(granted[i]?.at).toBeCloseTo(at, 6));
  });

  it("a sender arriving while the limiter waits for a busy chat goes at once", async () => {
    const { time, granted, send } = setup();
    const first = [send("a1", 1, "reply"), send("a2", 1, "reply")];
    await time.advance(300);
    const late = send("b1", 2, "reply");
    await time.drive(Promise.all([...first, late]));
    expect(granted).toEqual([
      { label: "a1", at: 0 },
      { label: "b1", at: 300 },
      { label: "a2", at: 1000 },
    ]);
  });

  it("keeps a group to 20 a minute across both priorities", async () => {
    const { time, granted, send } = setup();
    const all = Array.from({ length: 22 }, (_, i) => send(`m${i}`, -100, i % 2 === 0 ? "reply" : "background", true));
    await time.drive(Promise.all(all));
    // Paced evenly: one every 3 s (60 s / 20), so no minute ever holds more than 20.
    expect(granted.map((g) => g.at)).toEqual(Array.from({ length: 22 }, (_, i) => i * 3000));
    for (let i = 20; i < granted.length; i++) expect((granted[i]?.at ?? 0) - (granted[i - 20]?.at ?? 0)).toBeGreaterThanOrEqual(60_000);
  });
});

describe("the margins", () => {
  it("a chat's second gets 100 ms of room by default, a tenth of the spacing at most", async () => {
    const time = createVirtualTime(0);
    const telegram = createOutboundLimiter({ limits: TELEGRAM, now: time.now, sleep: time.sleep, marginShare: 0 });
    await time.drive(Promise.all([telegram.acquire(1, false, "reply"), telegram.acquire(1, false, "reply")]));
    expect(time.now()).toBe(1100);
    const fast = createOutboundLimiter({ limits: { globalPerSecond: 10_000, perChatPerSecond: 1000, perGroupPerMinute: 60_000 }, now: time.now, sleep: time.sleep, marginShare: 0 });
    const start = time.now();
    await time.drive(Promise.all([fast.acquire(1, false), fast.acquire(1, false)]));
    expect(time.now() - start).toBeCloseTo(1.1, 6);
  });
});

describe("pauseAll (a 429's retry_after)", () => {
  it("holds every sender of both priorities until the pause ends, then paces again", async () => {
    const { time, limiter, granted, send } = setup();
    await time.drive(send("before", 1, "reply"));
    limiter.pauseAll(5_000);
    const all = [send("reminder", 2, "background"), send("reply", 3, "reply"), send("reply 2", 4, "reply")];
    await time.drive(Promise.all(all));
    expect(granted.map((g) => g.label)).toEqual(["before", "reply", "reply 2", "reminder"]);
    [0, 5_000, 5_000 + 1000 / 30, 5_000 + 2000 / 30].forEach((at, i) => expect(granted[i]?.at).toBeCloseTo(at, 6));
  });

  it("a shorter pause never ends a longer one early", async () => {
    const { time, limiter, granted, send } = setup();
    limiter.pauseAll(10_000);
    limiter.pauseAll(2_000);
    await time.drive(send("x", 1, "background"));
    expect(granted).toEqual([{ label: "x", at: 10_000 }]);
  });

  it("counts who is waiting, by priority", async () => {
    const { time, limiter, send } = setup();
    limiter.pauseAll(1_000);
    const all = [send("a", 1, "reply"), send("b", 2, "background"), send("c", 3, "background")];
    await time.advance(0);
    expect(limiter.waiting()).toEqual({ reply: 1, background: 2 });
    await time.drive(Promise.all(all));
    expect(limiter.waiting()).toEqual({ reply: 0, background: 0 });
  });
});
