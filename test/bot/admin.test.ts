import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commitment, createHarnessFile, pressForged, say, seed, textOf } from "./harness.ts";

const file = createHarnessFile();
let ids: number[] = [];

const ARTICLE =
  "Grid tender announced\n\nASTANA, 12 January 2026. The Ministry of Energy must launch the national grid tender by 30 April 2026. " +
  "The Ministry of Transport is to open the Aktau container hub by the end of 2026.\n";

beforeAll(async () => {
  await file.setup();
  ids = await seed(file.db, "admin.txt", [
    commitment({ title: "Commitment one", quote: "One must be done by 31 March 2026." }),
    commitment({ title: "Commitment two", quote: "Two must be done by 31 March 2026." }),
    commitment({ title: "Commitment three", quote: "Three must be done by 31 March 2026." }),
  ]);
}, 30_000);
afterAll(() => file.teardown());
beforeEach(async () => {
  await file.start();
});
afterEach(() => file.stop());

describe("status commands", () => {
  it("a non-admin is refused and nothing changes", async () => {
    const { h } = file;
    for (const command of [`/done ${ids[0]}`, `/missed ${ids[0]}`, `/postpone ${ids[0]} 2026-06-30`, `/reopen ${ids[0]}`, "/ingest", "/stats"]) {
      expect(textOf(await say(h, h.userChat, h.user, command))).toContain("for Mindet admins only");
    }
    expect(await file.db.statusChange.count()).toBe(0);
    expect(h.statusChanged).toEqual([]);
  });

  it("/done with evidence and a note, recorded in the history and announced", async () => {
    const { h } = file;
    const id = ids[0] as number;
    const reply = await say(h, h.adminChat, h.admin, `/done ${id} https://gov.kz/news/1?a=1&b=2 signed by decree`);
    expect(textOf(reply)).toContain(`#${id} marked done`);
    expect(h.statusChanged).toEqual([id]);
    const change = await file.db.statusChange.findFirstOrThrow({ where: { commitmentId: id } });
    expect(change).toMatchObject({ fromStatus: "open", toStatus: "done", evidenceUrl: "https://gov.kz/news/1?a=1&b=2", note: "signed by decree", byUserId: BigInt(h.admin.id) });
    const card = await say(h, h.userChat, h.user, `/status ${id}`);
    expect(textOf(card)).toContain("done");
    expect(textOf(card)).toContain("open → done");
    expect(card.entities?.some((e) => e.type === "text_link" && e.url === "https://gov.kz/news/1?a=1&b=2")).toBe(true);
    expect(textOf(await say(h, h.adminChat, h.admin, `/done ${id}`))).toContain("reopen it first");
    expect(textOf(await say(h, h.adminChat, h.admin, `/reopen ${id}`))).toContain("reopened");
    expect(h.statusChanged).toEqual([id, id]);
  });

  it("/missed and /postpone with user dates; bad dates and ids explained", async () => {
    const { h } = file;
    const id = ids[1] as number;
    expect(textOf(await say(h, h.adminChat, h.admin, `/postpone ${id} 31.02.2026`))).toContain('"31.02.2026" is not a valid date');
    expect(textOf(await say(h, h.adminChat, h.admin, `/postpone ${id} 2025-01-01`))).toContain("in the past");
    expect(textOf(await say(h, h.adminChat, h.admin, `/postpone ${id}`))).toContain("Usage: /postpone");
    expect(textOf(await say(h, h.adminChat, h.admin, "/postpone abc 2026-06-30"))).toContain("Usage: /postpone");
    expect(textOf(await say(h, h.adminChat, h.admin, "/missed 999999"))).toContain("no commitment #999999");
    expect(textOf(await say(h, h.adminChat, h.admin, "/done"))).toContain("Usage: /done");
    expect(h.statusChanged).toEqual([]);
    expect(textOf(await say(h, h.adminChat, h.admin, `/postpone ${id} 30 June 2026 new schedule`))).toContain("postponed 🕓 to 30 Jun 2026");
    const row = await file.db.commitment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "postponed", dueOn: "2026-06-30" });
    expect((await file.db.statusChange.findFirstOrThrow({ where: { commitmentId: id } })).note).toBe("new schedule");
    expect(textOf(await say(h, h.adminChat, h.admin, `/missed ${ids[2]} never started`))).toContain("marked missed");
    expect(h.statusChanged).toEqual([id, ids[2]]);
  });

  it("/stats for admins", async () => {
    const { h } = file;
    const text = textOf(await say(h, h.adminChat, h.admin, "/stats"));
    expect(text).toContain("Commitments:");
    expect(text).toContain("Chats:");
  });
});

describe("/ingest", () => {
  it("as a reply to a text message: preview, then Confirm stores it", async () => {
    const { h } = file;
    const article = h.emulator.sendText(h.adminChat, h.admin, ARTICLE);
    await h.emulator.nextReply(h.adminChat); // the bot's hint for plain text
    const preview = await h.emulator.converse(h.adminChat, h.admin, "/ingest", { replyTo: article.message });
    expect(textOf(preview)).toContain("Found 2 commitments");
    expect(textOf(preview)).toContain("Launch the national grid tender");
    expect(textOf(preview)).toContain(`telegram/${h.adminChat.id}/${article.message.message_id}.txt`);
    const answer = await h.emulator.pressButton(preview, 0).answer;
    expect(answer.text).toBe("Added");
    await h.emulator.waitForCall("editMessageText");
    const stored = h.emulator.world.storedMessage(preview)?.message;
    expect(stored && textOf(stored)).toContain("2 added");
    const source = await file.db.source.findUniqueOrThrow({ where: { path: `telegram/${h.adminChat.id}/${article.message.message_id}.txt` } });
    expect(await file.db.commitment.count({ where: { sourceId: source.id } })).toBe(2);
    // the same button again: the preview is gone
    const again = await pressForged(h, preview, String(preview.reply_markup?.inline_keyboard[0]?.[0] && "callback_data" in preview.reply_markup.inline_keyboard[0][0] ? preview.reply_markup.inline_keyboard[0][0].callback_data : ""));
    expect(String(again.text)).toContain("expired");
  });

  it("a .txt document with Cancel stores nothing; expired previews say so", async () => {
    const { h } = file;
    const before = await file.db.source.count();
    const doc = h.emulator.userSendsDocument(h.adminChat, h.admin, { fileName: "article.txt", content: ARTICLE.replace("Grid", "Power"), caption: "/ingest" });
    const preview = await h.emulator.nextReply(h.adminChat);
    expect(textOf(preview)).toContain(`telegram/${h.adminChat.id}/${doc.message.message_id}.txt`);
    await h.emulator.pressButton(preview, 1).answer;
    await h.emulator.waitForCall("editMessageText");
    const stored = h.emulator.world.storedMessage(preview)?.message;
    expect(stored && textOf(stored)).toContain("Cancelled");
    expect(await file.db.source.count()).toBe(before);
    // reply to a document, then let the preview expire
    const doc2 = h.emulator.userSendsDocument(h.adminChat, h.admin, { fileName: "other.txt", content: ARTICLE.replace("Grid", "Gas") });
    await h.emulator.nextReply(h.adminChat);
    const preview2 = await h.emulator.converse(h.adminChat, h.admin, "/ingest", { replyTo: doc2.message });
    expect(textOf(preview2)).toContain("Found 2 commitments");
    h.clock.advance(16 * 60_000);
    const answer = await h.emulator.pressButton(preview2, 0).answer;
    expect(String(answer.text)).toContain("expired");
    expect(await file.db.source.count()).toBe(before);
  });

  it("stops an extraction that runs past its time limit and says so; nothing is added", async () => {
    const { h } = file;
    await file.stop();
    // 1 ms: the worker thread cannot even start in that time, so the limit is always hit.
    await file.start({ extractionTimeoutMs: 1 });
    const before = await file.db.source.count();
    const article = h.emulator.sendText(file.h.adminChat, file.h.admin, ARTICLE);
    await h.emulator.nextReply(file.h.adminChat);
    const reply = await h.emulator.converse(file.h.adminChat, file.h.admin, "/ingest", { replyTo: article.message });
    expect(textOf(reply)).toBe("Reading this text took longer than 1 s, so it was stopped; nothing was added. Split it into smaller parts and try again.");
    expect(await file.db.source.count()).toBe(before);
  });

  it("refuses what it cannot read", async () => {
    const { h } = file;
    expect(textOf(await say(h, h.adminChat, h.admin, "/ingest"))).toContain("as a reply to a text message or a .txt");
    const pdf = h.emulator.userSendsDocument(h.adminChat, h.admin, { fileName: "a.pdf", content: "%PDF-1.4" });
    await h.emulator.nextReply(h.adminChat);
    expect(textOf(await h.emulator.converse(h.adminChat, h.admin, "/ingest", { replyTo: pdf.message }))).toContain("Only .txt");
    const big = h.emulator.userSendsDocument(h.adminChat, h.admin, { fileName: "big.txt", content: "x".repeat(1024 * 1024 + 1) });
    await h.emulator.nextReply(h.adminChat);
    expect(textOf(await h.emulator.converse(h.adminChat, h.admin, "/ingest", { replyTo: big.message }))).toContain("over the 1024 KB limit");
    const binary = h.emulator.userSendsDocument(h.adminChat, h.admin, { fileName: "bin.txt", content: Buffer.from([0, 1, 2, 3]) });
    await h.emulator.nextReply(h.adminChat);
    expect(textOf(await h.emulator.converse(h.adminChat, h.admin, "/ingest", { replyTo: binary.message }))).toContain("binary");
    const none = h.emulator.sendText(h.adminChat, h.admin, "Nice weather today.");
    await h.emulator.nextReply(h.adminChat);
    expect(textOf(await h.emulator.converse(h.adminChat, h.admin, "/ingest", { replyTo: none.message }))).toContain("no commitments");
  });
});
