import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEARCH_COUNT_MAX } from "../../src/commitments/search-commitments.ts";
import { callbackData, commitment, createHarnessFile, pressForged, say, seed, textOf } from "./harness.ts";

const file = createHarnessFile();
let plants: number[] = [];
let special = 0;
let overdue = 0;
let undated = 0;

beforeAll(async () => {
  await file.setup();
  plants = await seed(
    file.db,
    "plants.txt",
    Array.from({ length: 23 }, (_, i) =>
      commitment({
        title: `Build plant ${i + 1}`,
        quote: `Plant ${i + 1} must be built by ${i + 1} March 2026.`,
        due: `2026-03-${String(i + 1).padStart(2, "0")}`,
        dueText: `by ${i + 1} March 2026`,
      }),
    ),
  );
  [special, overdue, undated] = await seed(file.db, "special.txt", [
    commitment({
      title: "Adopt <b>law</b> on A&B *fast* _now_",
      quote: "The Mazhilis must adopt the <b>law</b> on A&B *fast* _now_ by the end of the 1st quarter of 2026.",
      responsible: "Mazhilis & <Senate>",
      body: "Mazhilis",
      topics: ["justice & law"],
      due: "2026-03-31",
      precision: "quarter",
      dueText: "by the end of the 1st quarter of 2026",
    }),
    commitment({ title: "Open the port hub", quote: "The port hub in Aktau is to open by 10 January 2026.", due: "2026-01-10", dueText: "by 10 January 2026", body: "Ministry of Transport", responsible: "Ministry of Transport", topics: ["transport & logistics"] }),
    commitment({ title: "Create a new ministry", quote: "A new ministry will be created in the coming years.", due: null, dueText: "in the coming years", precision: "vague", undatedReason: "vague phrase" }),
  ]) as [number, number, number];
}, 30_000);
afterAll(() => file.teardown());
beforeEach(async () => {
  await file.start();
});
afterEach(() => file.stop());

describe("start and help", () => {
  it("/start greets with Follow all and Browse buttons and registers the chat", async () => {
    const { h } = file;
    const reply = await say(h, h.userChat, h.user, "/start");
    expect(textOf(reply)).toContain("Mindet");
    expect(reply.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["🔔 Follow all", "📋 Browse"]);
    const chat = await h.testDb.db.chat.findUnique({ where: { id: BigInt(h.user.id) } });
    expect(chat?.type).toBe("private");
    expect(chat?.timeZone).toBe("Asia/Almaty");
  });

  it("Browse opens the list in place", async () => {
    const { h } = file;
    const reply = await say(h, h.userChat, h.user, "/start");
    h.emulator.pressButton(reply, 1);
    const edited = await h.emulator.waitForCall("editMessageText");
    expect(String(edited.params.text)).toContain("Tracked commitments");
  });

  it("/help lists every public command, and admin commands only for admins", async () => {
    const { h } = file;
    const help = textOf(await say(h, h.userChat, h.user, "/help"));
    for (const c of ["/list", "/upcoming", "/overdue", "/status", "/search", "/follow", "/unfollow", "/mine", "/settings", "/calendar"]) {
      expect(help).toContain(c);
    }
    expect(help).not.toContain("/done");
    expect(textOf(await say(h, h.adminChat, h.admin, "/help"))).toContain("/postpone");
  });
});

describe("/list, /upcoming, /overdue", () => {
  it("pages with ◀ ▶ that edit the same message; data is versioned and ≤ 64 bytes", async () => {
    const { h } = file;
    const reply = await say(h, h.userChat, h.user, "/list");
    expect(textOf(reply)).toContain("page 1 of 3");
    expect(textOf(reply)).toContain(`#${overdue} Open the port hub`); // due 10 Jan: soonest first
    const data = callbackData(reply);
    for (const d of data) {
      expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
      expect(d.startsWith("1:")).toBe(true);
    }
    h.emulator.pressButton(reply, data.at(-1) as string);
    const edited = await h.emulator.waitForCall("editMessageText");
    expect(Number(edited.params.message_id)).toBe(reply.message_id);
    expect(String(edited.params.text)).toContain("page 2 of 3");
    const page2 = h.emulator.world.storedMessage(reply)?.message;
    expect(page2 && textOf(page2)).toContain("page 2 of 3");
    // ◀ goes back; page 1 has only ▶
    h.emulator.pressButton(reply, 0);
    expect(String((await h.emulator.waitForCall("editMessageText")).params.text)).toContain("page 1 of 3");
    await h.emulator.pressButton(reply, 0).answer;
    expect(callbackData(reply)).toEqual(["1:p:a:1"]);
  });

  it("a page past the end (stale button) shows the last page", async () => {
    const { h } = file;
    const reply = await say(h, h.userChat, h.user, "/list");
    const answer = pressForged(h, reply, "1:p:a:99");
    const edited = await h.emulator.waitForCall("editMessageText");
    expect(String(edited.params.text)).toContain("page 3 of 3");
    await answer;
  });

  it("forged or old-version callback data gets a short alert, never an exception", async () => {
    const { h } = file;
    const reply = await say(h, h.userChat, h.user, "/list");
    for (const data of ["0:p:a:1", "1:p:zz:1", "1:p:a:-1", "garbage", "1:f:t:999", "1:s:tz:99", "1:i:y:short", "1:c:abc", "2:x"]) {
      const answer = await pressForged(h, reply, data);
      expect(answer.show_alert).toBe(true);
      // An ingest button is an admin button: a non-admin is told so before its data is read.
      expect(String(answer.text)).toMatch(data.startsWith("1:i:") ? /admins/ : /expired/);
    }
    expect(h.emulator.getCalls({ method: "sendMessage" }).filter((c) => String(c.params.text).includes("went wrong"))).toHaveLength(0);
  });

  it("/upcoming defaults to 30 days and takes 1..365", async () => {
    const { h } = file;
    const soon = textOf(await say(h, h.userChat, h.user, "/upcoming"));
    expect(soon).toContain("Nothing is due in the next 30 days");
    const later = textOf(await say(h, h.userChat, h.user, "/upcoming 60"));
    expect(later).toContain("Due in the next 60 days");
    expect(later).toContain(`#${plants[0]} Build plant 1`);
    expect(later).not.toContain("port hub");
    for (const bad of ["0", "366", "abc", "-5", "10 20", "99999999999"]) {
      expect(textOf(await say(h, h.userChat, h.user, `/upcoming ${bad}`))).toContain("Usage: /upcoming");
    }
    expect(textOf(await say(h, h.userChat, h.user, "/upcoming 400"))).toContain("400 is too far ahead");
  });

  it("/overdue lists open commitments past their date", async () => {
    const { h } = file;
    const text = textOf(await say(h, h.userChat, h.user, "/overdue"));
    expect(text).toContain(`#${overdue} Open the port hub`);
    expect(text).toContain("overdue");
    expect(text).not.toContain("Build plant");
  });
});

describe("/status and /c", () => {
  it("shows the full card, with a title containing < & * _ as written", async () => {
    const { h } = file;
    const reply = await say(h, h.userChat, h.user, `/status ${special}`);
    const text = textOf(reply);
    expect(text).toContain("Adopt <b>law</b> on A&B *fast* _now_");
    expect(text).toContain("Mazhilis & <Senate>");
    // due date with its precision, the exact day it counts as, and whose day it is
    expect(text).toContain("Due: Q1 2026, counted as 31 Mar 2026 (end of day, Astana time) · in 75 days");
    expect(text).toContain("Precision: quarter: the last day counts");
    expect(text).toContain("As written: “by the end of the 1st quarter of 2026”");
    expect(text).toContain("Status: 🟢 open");
    expect(text).toContain("History: no changes");
    // the document is named by its title and file; an article line only when it differs
    expect(text).toContain("Source document: Energy reform (special.txt)");
    expect(text).toContain("Published: 10 Jan 2026");
    expect(text).toContain("Quoted sentence:\nThe Mazhilis must adopt the <b>law</b> on A&B *fast* _now_");
    const quote = reply.entities?.find((e) => e.type === "blockquote");
    expect(quote && text.slice(quote.offset, quote.offset + quote.length)).toBe(
      "The Mazhilis must adopt the <b>law</b> on A&B *fast* _now_ by the end of the 1st quarter of 2026.",
    );
    // the title is bold as a whole, with its markup characters as plain text
    const bold = reply.entities?.find((e) => e.type === "bold" && e.offset === 0);
    expect(bold && text.slice(0, bold.length)).toBe(`#${special} Adopt <b>law</b> on A&B *fast* _now_`);
  });

  it("a day-precise card says 'exact day'; a long history and a huge quote stay within one message", async () => {
    const { h } = file;
    const id = plants[4] as number;
    await file.db.statusChange.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        commitmentId: id,
        at: new Date(Date.UTC(2026, 0, 1 + i, 20)), // 20:00 UTC is already the next day in Astana
        fromStatus: i % 2 === 0 ? "open" : "done",
        toStatus: i % 2 === 0 ? "done" : "open",
        byName: "A".repeat(100),
        evidenceUrl: `https://gov.kz/${"x".repeat(300)}`,
        note: "n".repeat(1000),
      })),
    });
    await file.db.commitment.update({ where: { id }, data: { quote: "q <&> ".repeat(2000), article: "Plants, part two" } });
    try {
      const reply = await say(h, h.userChat, h.user, `/status ${id}`);
      const text = textOf(reply);
      expect(text).toContain("Due: 5 Mar 2026 (end of day, Astana time) · in 49 days");
      expect(text).toContain("Precision: exact day");
      expect(text).toContain("Article: Plants, part two");
      expect(text).toContain("History: (latest 5 of 12)");
      expect(text).toContain("13 Jan 2026: done → open"); // the last entry, on Astana's calendar
      expect(callbackData(reply)).toEqual([`1:f:c:${id}`]);
      // one message, accepted by the emulator (which refuses text over 4,096 after parsing)
      const sent = h.emulator.getCalls({ method: "sendMessage" });
      expect(sent).toHaveLength(1);
      expect(sent[0]?.outcome.kind === "response" && sent[0].outcome.body.ok).toBe(true);
      expect(text.length).toBeLessThanOrEqual(4096);
      expect(text).toContain("q <&> q <&>");
    } finally {
      await file.db.statusChange.deleteMany({ where: { commitmentId: id } });
      await file.db.commitment.update({ where: { id }, data: { quote: "Plant 5 must be built by 5 March 2026.", article: "Energy reform" } });
    }
  });

  it("the card's Follow button follows that one commitment", async () => {
    const { h } = file;
    const card = await say(h, h.userChat, h.user, `/c ${overdue}`);
    const answer = await h.emulator.pressButton(card, 0).answer;
    expect(String(answer.text)).toContain(`now follows commitment #${overdue}`);
    const rows = await file.db.follow.findMany({ where: { chatId: BigInt(h.userChat.id) } });
    expect(rows.map((r) => `${r.kind}:${r.value}`)).toEqual([`commitment:${overdue}`]);
    await file.db.follow.deleteMany({});
  });

  it("/c is an alias; overdue and undated cards say so", async () => {
    const { h } = file;
    expect(textOf(await say(h, h.userChat, h.user, `/c ${overdue}`))).toMatch(/5 days overdue/);
    const undatedCard = textOf(await say(h, h.userChat, h.user, `/c #${undated}`));
    expect(undatedCard).toContain("no date");
    expect(undatedCard).toContain("in the coming years");
  });

  it("bad ids get a clear message", async () => {
    const { h } = file;
    expect(textOf(await say(h, h.userChat, h.user, "/status abc"))).toContain("A commitment id is a number");
    expect(textOf(await say(h, h.userChat, h.user, "/status 999999"))).toContain("There is no commitment #999999");
    expect(textOf(await say(h, h.userChat, h.user, "/status"))).toContain("Usage: /status ID");
    expect(textOf(await say(h, h.userChat, h.user, "/status 99999999999999999999"))).toContain("A commitment id is a number");
  });
});

describe("/search", () => {
  it("finds by title, body or quote words", async () => {
    const { h } = file;
    const text = textOf(await say(h, h.userChat, h.user, "/search port aktau"));
    expect(text).toContain("1 found");
    expect(text).toContain(`#${overdue}`);
    expect(textOf(await say(h, h.userChat, h.user, "/search zzzqqq"))).toContain("Nothing matches");
    expect(textOf(await say(h, h.userChat, h.user, "/search"))).toContain("Usage: /search");
  });

  it("5,000 characters of input are handled without error and the reply stays short", async () => {
    const { h } = file;
    const reply = await say(h, h.userChat, h.user, `/search ${"plant ".repeat(833)}`);
    expect(textOf(reply).length).toBeLessThanOrEqual(4096);
    expect(textOf(reply)).toContain("first 200 characters");
  });

  it("a search with many results is cut to a short list", async () => {
    const { h } = file;
    const text = textOf(await say(h, h.userChat, h.user, "/search plant"));
    expect(text).toContain("23 found");
    expect(text).toContain("first 15");
  });

  it("more matches than are counted say 'more than', with the soonest due first", async () => {
    const { h } = file;
    const source = await file.db.source.create({ data: { path: "/docs/many.txt", file: "many.txt", contentHash: "many", content: "text" } });
    const count = SEARCH_COUNT_MAX + 1;
    await file.db.commitment.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        sourceId: source.id,
        key: `many${i}`,
        title: `Pave zephyr road ${count - i}`,
        quote: "The roads must be paved.",
        precision: "day",
        quoteStart: 0,
        quoteEnd: 1,
        extractedDueOn: `2027-01-${String((i % 28) + 1).padStart(2, "0")}`,
        dueOn: `2027-01-${String((i % 28) + 1).padStart(2, "0")}`,
      })),
    });
    try {
      const text = textOf(await say(h, h.userChat, h.user, "/search zephyr"));
      expect(text).toContain(`More than ${SEARCH_COUNT_MAX.toLocaleString("en")} found for “zephyr”`);
      expect(text).toContain("first 15");
      expect(text.match(/Pave zephyr road \d+/g)).toHaveLength(15);
      expect(text).toContain(`Pave zephyr road ${count}`); // i = 0: due 2027-01-01, the lowest id
      const one = textOf(await say(h, h.userChat, h.user, `/search zephyr ${count}`));
      expect(one).toContain("1 found");
    } finally {
      await file.db.commitment.deleteMany({ where: { sourceId: source.id } });
      await file.db.source.delete({ where: { id: source.id } });
    }
  });
});

describe("everything else", () => {
  it("unknown commands, plain text, stickers, photos and edits get a short hint in private chats", async () => {
    const { h } = file;
    expect(textOf(await say(h, h.userChat, h.user, "/frobnicate"))).toContain("I don't know /frobnicate");
    expect(textOf(await say(h, h.userChat, h.user, "hello there"))).toContain("/help");
    h.emulator.sendSticker(h.userChat, h.user);
    expect(textOf(await h.emulator.nextReply(h.userChat))).toContain("only read text commands");
    h.emulator.sendPhoto(h.userChat, h.user, { caption: "look" });
    expect(textOf(await h.emulator.nextReply(h.userChat))).toContain("only read text commands");
    const original = h.emulator.sendText(h.userChat, h.user, "/list");
    await h.emulator.nextReply(h.userChat);
    h.emulator.editText(original.message, "/status 1");
    expect(textOf(await h.emulator.nextReply(h.userChat))).toContain("edited messages");
  });

  it("no message the bot sent is over 4,096 characters, and all HTML parsed", async () => {
    const { h } = file;
    await say(h, h.userChat, h.user, "/list");
    await say(h, h.userChat, h.user, `/status ${special}`);
    await say(h, h.userChat, h.user, "/search plant");
    for (const call of h.emulator.getCalls({ method: "sendMessage" })) {
      expect(call.outcome.kind === "response" && call.outcome.body.ok).toBe(true);
      expect(String(call.params.text).length).toBeLessThanOrEqual(4096);
    }
  });
});
