import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callbackData, commitment, createHarnessFile, pressForged, say, seed, textOf } from "./harness.ts";
import { followersOf } from "../../src/chats/followers-of.ts";
import { parseIcs } from "./ics-parse.ts";

const file = createHarnessFile();
let energy: number[] = [];
let transport = 0;

beforeAll(async () => {
  await file.setup();
  energy = await seed(file.db, "energy.txt", [
    commitment({ title: "Build a wind farm, near Shelek; phase 1\\2", quote: "A wind farm, near Shelek; phase 1\\2, must be built by 31 March 2026.\nSecond line." }),
    commitment({ title: "Launch the grid tender", quote: "The grid tender is to be launched by 30 April 2026.", due: "2026-04-30", dueText: "by 30 April 2026" }),
  ]);
  [transport] = await seed(file.db, "transport.txt", [
    commitment({
      title: "Open the Aktau container hub with a very long title that keeps going so that the summary line must be folded ünïcödé ✓",
      quote: "The Ministry of Transport must open the Aktau container hub by 30 June 2026.",
      responsible: "Ministry of Transport",
      body: "Ministry of Transport",
      topics: ["transport & logistics"],
      due: "2026-06-30",
      dueText: "by 30 June 2026",
    }),
  ]) as [number];
}, 30_000);
afterAll(() => file.teardown());
beforeEach(async () => {
  await file.start();
  await file.db.follow.deleteMany({});
});
afterEach(() => file.stop());

async function follows(chatId: number): Promise<string[]> {
  const rows = await file.db.follow.findMany({ where: { chatId: BigInt(chatId) }, orderBy: { id: "asc" } });
  return rows.map((r) => `${r.kind}:${r.value}`);
}

describe("/follow and /unfollow", () => {
  it("follows all, an id, a topic alias and a body (case-insensitive)", async () => {
    const { h } = file;
    const chat = h.userChat.id;
    const followed = textOf(await say(h, h.userChat, h.user, "/follow all"));
    expect(followed).toContain("now follows everything");
    // What the planner will send first, so a new follower knows when to expect Mindet.
    expect(followed).toMatch(/\nNext reminder: \d{1,2} \w{3} 20\d\d, 09:00, for “.+” \(due \d{1,2} \w{3} 20\d\d\) · \/c \d+$/);
    expect(textOf(await say(h, h.userChat, h.user, `/follow ${energy[1]}`))).toContain(`commitment #${energy[1]}`);
    expect(textOf(await say(h, h.userChat, h.user, "/follow digital"))).toContain("digital & AI");
    expect(textOf(await say(h, h.userChat, h.user, "/follow ministry of TRANSPORT"))).toContain("“Ministry of Transport”");
    expect(textOf(await say(h, h.userChat, h.user, "/follow all"))).toContain("already follows everything");
    expect(await follows(chat)).toEqual(["all:", `commitment:${energy[1]}`, "topic:digital & AI", "body:Ministry of Transport"]);
    const mine = textOf(await say(h, h.userChat, h.user, "/mine"));
    expect(mine).toContain("everything");
    expect(mine).toContain("Time zone: Asia/Almaty");
    expect(mine).toContain("7 days before, 1 day before, on the due day, 1 day after");
  });

  it("/follow nonsense explains, and a near miss suggests bodies", async () => {
    const { h } = file;
    const nonsense = textOf(await say(h, h.userChat, h.user, "/follow nonsense"));
    expect(nonsense).toContain('Nothing called "nonsense"');
    expect(nonsense).toContain("/follow all");
    const nearMiss = textOf(await say(h, h.userChat, h.user, "/follow Ministry of Energie"));
    expect(nearMiss).toContain("Did you mean");
    expect(nearMiss).toContain("/follow Ministry of Energy");
    expect(textOf(await say(h, h.userChat, h.user, "/follow 999999"))).toContain("no commitment #999999");
    expect(await follows(h.userChat.id)).toEqual([]);
  });

  it("without an argument offers buttons; pressing one follows", async () => {
    const { h } = file;
    const reply = await say(h, h.userChat, h.user, "/follow");
    const data = callbackData(reply);
    expect(data).toContain("1:f:a");
    expect(data).toContain("1:f:t:7"); // energy
    const answer = await h.emulator.pressButton(reply, "1:f:t:7").answer;
    expect(String(answer.text)).toContain("topic “energy”");
    expect(await follows(h.userChat.id)).toEqual(["topic:energy"]);
    await expect(followersOf(file.db, { id: energy[0] as number, topics: "|energy|", body: null })).resolves.toEqual([BigInt(h.userChat.id)]);
  });

  it("/unfollow buttons remove one follow or everything, only this chat's", async () => {
    const { h } = file;
    await say(h, h.userChat, h.user, "/follow all");
    await say(h, h.userChat, h.user, "/follow energy");
    const reply = await say(h, h.userChat, h.user, "/unfollow");
    expect(reply.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["✖ everything", "✖ topic “energy”", "✖ Stop everything"]);
    await h.emulator.pressButton(reply, 0).answer;
    expect(await follows(h.userChat.id)).toEqual(["topic:energy"]);
    // a forged follow id of another chat removes nothing
    const other = await file.db.chat.create({ data: { id: 5n, type: "private" } });
    const foreign = await file.db.follow.create({ data: { chatId: other.id, kind: "all", value: "" } });
    const ans = await pressForged(h, reply, `1:u:${foreign.id}`);
    expect(ans.text).toBe("Already gone.");
    expect(await file.db.follow.count({ where: { chatId: 5n } })).toBe(1);
    expect(textOf(await say(h, h.userChat, h.user, "/unfollow all"))).toContain("follows nothing now");
    expect(await follows(h.userChat.id)).toEqual([]);
    expect(textOf(await say(h, h.userChat, h.user, "/unfollow"))).toContain("follows nothing yet");
  });

  it("/unfollow by argument: a topic, an id, a body, all", async () => {
    const { h } = file;
    await say(h, h.userChat, h.user, "/follow justice");
    expect(textOf(await say(h, h.userChat, h.user, "/unfollow law"))).toContain("No longer following topic “justice & law”");
    expect(textOf(await say(h, h.userChat, h.user, "/unfollow law"))).toContain("did not follow");
    await say(h, h.userChat, h.user, `/follow #${transport}`);
    await say(h, h.userChat, h.user, "/follow Ministry of Energy");
    await say(h, h.userChat, h.user, "/follow energy");
    expect(textOf(await say(h, h.userChat, h.user, `/unfollow ${transport}`))).toContain(`No longer following commitment #${transport}`);
    expect(textOf(await say(h, h.userChat, h.user, "/unfollow ministry of energy"))).toContain("No longer following “Ministry of Energy”");
    expect(await follows(h.userChat.id)).toEqual(["topic:energy"]);
    expect(textOf(await say(h, h.userChat, h.user, "/unfollow nonsense"))).toContain('Nothing called "nonsense"');
    expect(textOf(await say(h, h.userChat, h.user, "/unfollow all"))).toContain("follows nothing now");
    expect(await follows(h.userChat.id)).toEqual([]);
  });

  it("the /follow buttons offer everything, every topic and the responsible bodies; a body button follows that body", async () => {
    const { h } = file;
    const reply = await say(h, h.userChat, h.user, "/follow");
    const labels = reply.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
    expect(labels).toEqual(expect.arrayContaining(["🔔 Everything", "digital & AI", "education", "🏛 Ministry of Energy", "🏛 Ministry of Transport"]));
    for (const data of callbackData(reply)) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    const bodyButton = labels.indexOf("🏛 Ministry of Transport");
    const answer = await h.emulator.pressButton(reply, bodyButton).answer;
    expect(String(answer.text)).toContain("now follows “Ministry of Transport”");
    await h.emulator.pressButton(reply, 0).answer;
    expect(await follows(h.userChat.id)).toEqual(["body:Ministry of Transport", "all:"]);
    // a body button whose commitment is gone has expired
    const stale = await pressForged(h, reply, "1:f:b:999999");
    expect(String(stale.text)).toContain("expired");
  });
});

describe("/settings", () => {
  it("short arguments change settings; bad values explain what is accepted", async () => {
    const { h } = file;
    expect(textOf(await say(h, h.userChat, h.user, "/settings tz europe/berlin"))).toContain("Time zone: Europe/Berlin");
    expect(textOf(await say(h, h.userChat, h.user, "/settings offsets 14,7,1,0,-1"))).toContain("14 days before");
    expect(textOf(await say(h, h.userChat, h.user, "/settings digest mon 9"))).toContain("Weekly digest: Mon at 09:00");
    expect(textOf(await say(h, h.userChat, h.user, "/settings quiet 22-7"))).toContain("Quiet hours: 22:00–07:00");
    expect(textOf(await say(h, h.userChat, h.user, "/settings hour 8"))).toContain("at 08:00");
    const chat = await file.db.chat.findUniqueOrThrow({ where: { id: BigInt(h.userChat.id) } });
    expect(chat).toMatchObject({ timeZone: "Europe/Berlin", offsets: "14,7,1,0,-1", digestDay: 1, digestHour: 9, quietStart: 22, quietEnd: 7, reminderHour: 8 });
    expect(textOf(await say(h, h.userChat, h.user, "/settings digest off"))).toContain("Weekly digest: off");
    for (const [bad, message] of [
      ["tz Mars/Olympus", "not a time zone"],
      ["offsets 100", "out of range"],
      ["offsets 9,8,7,6,5,4,3,2,1", "Too many"],
      ["offsets a,b", "not a number"],
      ["digest someday 9", "not a weekday"],
      ["digest mon 25", "not an hour"],
      ["quiet 7-7", "same hour"],
      ["quiet late", "Quiet hours"],
      ["colour blue", "Unknown setting"],
    ] as const) {
      expect(textOf(await say(h, h.userChat, h.user, `/settings ${bad}`))).toContain(message);
    }
  });

  it("buttons change all four settings in place (the same message is edited)", async () => {
    const { h } = file;
    const reply = await say(h, h.userChat, h.user, "/settings");
    const afterReply = h.emulator.mark();
    const presses: Array<[string, string, string]> = [
      ["1:s:tz:3", "Europe/Berlin", "Time zone: Europe/Berlin"],
      ["1:s:offsets:1", "14,7,1,0,-1", "Reminders: 14 days before, 7 days before, 1 day before, on the due day, 1 day after"],
      ["1:s:digest:2", "Fri 17:00", "Weekly digest: Fri at 17:00"],
      ["1:s:quiet:1", "Quiet 22–07", "Quiet hours: 22:00–07:00"],
    ];
    for (const [data, label, line] of presses) {
      expect(callbackData(reply)).toContain(data);
      const answer = await h.emulator.pressButton(reply, data).answer;
      expect(answer.text).toBe(`Saved: ${label}`);
      const edit = await h.emulator.waitForCall("editMessageText");
      expect(Number(edit.params.message_id)).toBe(reply.message_id);
      const stored = h.emulator.world.storedMessage(reply)?.message;
      expect(stored && textOf(stored)).toContain(line);
      expect(stored && callbackData(stored)).toEqual(callbackData(reply)); // the keyboard stays
    }
    const chat = await file.db.chat.findUniqueOrThrow({ where: { id: BigInt(h.userChat.id) } });
    expect(chat).toMatchObject({ timeZone: "Europe/Berlin", offsets: "14,7,1,0,-1", digestDay: 5, digestHour: 17, quietStart: 22, quietEnd: 7 });
    await h.emulator.pressButton(reply, "1:s:digest:0").answer;
    await h.emulator.pressButton(reply, "1:s:quiet:0").answer;
    expect(await file.db.chat.findUniqueOrThrow({ where: { id: BigInt(h.userChat.id) } })).toMatchObject({ digestDay: null, quietStart: null, quietEnd: null });
    expect(h.emulator.getCalls({ method: "sendMessage", since: afterReply })).toHaveLength(0); // no new messages, only edits
  });
});

describe("/calendar", () => {
  it("without follows says so instead of sending an empty file", async () => {
    const { h } = file;
    expect(textOf(await say(h, h.userChat, h.user, "/calendar"))).toContain("follows no dated open commitments");
  });

  it("sends an RFC 5545 file: CRLF, folded lines, escaped text, all-day events, stable UIDs", async () => {
    const { h } = file;
    await say(h, h.userChat, h.user, "/follow energy");
    await say(h, h.userChat, h.user, `/follow ${transport}`);
    const reply = await say(h, h.userChat, h.user, "/calendar");
    expect(reply.document?.file_name).toBe("mindet.ics");
    const stored = h.emulator.world.files.get(reply.document?.file_id as string);
    const raw = stored?.bytes.toString("utf8") ?? "";
    expect(raw.endsWith("\r\n")).toBe(true);
    expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of raw.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(raw).toMatch(/\r\n /); // something was folded
    const events = parseIcs(raw);
    expect(events).toHaveLength(3);
    const first = events.find((e) => e.UID === `commitment-${energy[0]}@mindet`);
    expect(first?.["DTSTART;VALUE=DATE"]).toBe("20260331");
    expect(first?.["DTEND;VALUE=DATE"]).toBe("20260401");
    expect(first?.DTSTAMP).toBe("20260115T060000Z");
    expect(first?.SUMMARY).toBe(`#${energy[0]} Build a wind farm, near Shelek; phase 1\\2`);
    expect(first?.DESCRIPTION).toContain("Responsible: Ministry of Energy");
    expect(first?.DESCRIPTION).toContain("Deadline as written: by 31 March 2026");
    expect(first?.DESCRIPTION).toContain("phase 1\\2, must be built by 31 March 2026.\nSecond line.");
    expect(first?.DESCRIPTION).toContain("Source: Energy reform");
    const hub = events.find((e) => e.UID === `commitment-${transport}@mindet`);
    expect(hub?.SUMMARY).toContain("ünïcödé ✓");
  });
});
