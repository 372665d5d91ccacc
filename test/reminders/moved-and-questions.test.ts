// What followers and admins receive when reports of one commitment meet (issue 9): the "moved"
// notice in the chat's language, the new date's reminders from the normal planner, and "Same as
// #12?" with its buttons for the admins. Through the real scheduler and the Bot API emulator.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { decodeCallback } from "../../src/bot/callback-data.ts";
import { ingestDirectory } from "../../src/commitments/ingest-directory.ts";
import { ingestSource } from "../../src/commitments/ingest-source.ts";
import { ASK_THRESHOLD, SAME_THRESHOLD } from "../../src/merging/index.ts";
import { SEEDS_DIR } from "../../src/app.ts";
import { describeEachEngine } from "../support/db.ts";
import { DOC_V1, fakeExtract } from "../commitments/fake-extract.ts";
import { addChat, addFollow, useDeliveryHarness } from "./db-helpers.ts";

const PORT_LATER = ["Port plans slip", "Published 2026-02-01", "The Ministry of Transport is to report on the port by 2026-09-30."].join("\n");

// Seed 002 says "the government will develop a single conceptual document, Digital Qazaqstan"
// with no date, and the extractor (rightly) emits no undated plan from it. The same sentence as a
// later outlet would date it is what reaches the matcher here: seed 001's strategy "by 31 December
// 2025", restated on 10 December 2025 for the end of Q1 2026.
const DIGITAL_QAZAQSTAN_LATER = `Digital Qazaqstan concept due next year
Astana, 10 December 2025
To effectively implement this goal, the government will develop a single conceptual document, Digital Qazaqstan, which will combine all initiatives and projects on digitalization and artificial intelligence into a national strategy by the end of the first quarter of 2026.
`;

const dir = mkdtempSync(path.join(tmpdir(), "mindet-moved-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachEngine("moved notices and match questions", (engine) => {
  const h = useDeliveryHarness("2026-02-05T06:00:00Z", engine);

  it("tells each follower in its language, and the planner plans the new date's reminders", async () => {
    await ingestSource(h.t.db, { file: "a.txt", text: DOC_V1, now: new Date("2026-01-20T06:00:00Z"), extract: fakeExtract });
    await addChat(h.t.db, 501);
    await addChat(h.t.db, 502);
    await h.t.db.chat.update({ where: { id: 502n }, data: { language: "ru" } });
    await addFollow(h.t.db, 501, "all");
    await addFollow(h.t.db, 502, "all");
    await ingestSource(h.t.db, { file: "b.txt", text: PORT_LATER, now: h.clock.now(), extract: fakeExtract });
    const port = await h.t.db.commitment.findFirstOrThrow({ where: { quote: { contains: "report on the port" } } });
    await h.scheduler.tick();
    expect(h.texts(501)).toEqual([`⏩ Deadlines moved\nDeadline moved: 30 Jun 2026 → 30 Sept 2026 (+92 days), per Port plans slip: ${port.title} · /c ${port.id}`]);
    expect(h.texts(502)[0]).toContain("Срок перенесён: 30 июня 2026 → 30 сентября 2026 (+92 дня), по данным «Port plans slip»");
    expect(await h.t.db.delivery.count({ where: { kind: "moved", state: "sent" } })).toBe(2);

    // A week before the new date the normal reminder goes out; nothing is planned for the old one.
    h.clock.set("2026-09-23T03:59:00Z");
    await h.scheduler.tick();
    h.clock.set("2026-09-23T04:00:00Z");
    await h.scheduler.tick();
    const rows = await h.t.db.delivery.findMany({ where: { commitmentId: port.id, chatId: 501n, kind: { in: ["before", "due", "overdue"] } } });
    expect(rows.filter((r) => r.dueOn === "2026-06-30" && r.state === "sent")).toEqual([]);
    expect(rows.find((r) => r.key === `r:501:${port.id}:before-7:2026-09-30`)?.state).toBe("sent");
    expect(h.texts(501).at(-1)).toContain(`30 Sept 2026, in 7 days · /c ${port.id}`);
  });

  it("Digital Qazaqstan (seeds 001 and 002): one commitment with two mentions, its deadline moved to Q1 2026", async () => {
    const extra = path.join(dir, `dq-${engine}.txt`);
    writeFileSync(extra, DIGITAL_QAZAQSTAN_LATER);
    await addChat(h.t.db, 501);
    await addFollow(h.t.db, 501, "all");
    const report = await ingestDirectory(h.t.db, [SEEDS_DIR, extra], { now: h.clock.now() });
    expect(report.failures).toEqual([]);
    expect(report.results.at(-1)).toMatchObject({ added: 0, matched: 1, moved: 1 });
    const strategy = await h.t.db.commitment.findFirstOrThrow({ where: { quote: { contains: "Digital Qazaqstan" } }, include: { mentions: true, dueChanges: true } });
    expect(strategy.mentions.map((m) => [m.via, m.dueOn, m.precision, m.publishedOn])).toEqual([
      ["first", "2025-12-31", "day", "2025-11-26"],
      ["matched", "2026-03-31", "quarter", "2025-12-10"],
    ]);
    expect(strategy.dueChanges.map((c) => [c.fromDueOn, c.toDueOn, c.toPrecision, c.kind, c.statedOn])).toEqual([["2025-12-31", "2026-03-31", "quarter", "slip", "2025-12-10"]]);
    expect(strategy).toMatchObject({ dueOn: "2026-03-31", precision: "quarter" });
    await h.scheduler.tick();
    expect(h.texts(501).join("\n")).toContain(`Deadline moved: 31 Dec 2025 → Q1 2026 (+90 days), per Digital Qazaqstan concept due next year: ${strategy.title.slice(0, 40)}`);
  });

  it("asks the admins who talked to the bot about a doubtful match, with Same / Different buttons", async () => {
    await addChat(h.t.db, 555);
    const report = await ingestDirectory(h.t.db, SEEDS_DIR, { now: h.clock.now(), admins: ["555", "666"] });
    const questions = await h.t.db.matchQuestion.findMany({ include: { commitment: true, candidate: true } });
    expect(questions.length).toBeGreaterThan(0);
    expect(report.results.reduce((n, r) => n + r.questions, 0)).toBe(questions.length);
    for (const q of questions) {
      expect(q.score).toBeGreaterThanOrEqual(ASK_THRESHOLD);
      expect(q.score).toBeLessThan(SAME_THRESHOLD);
      expect(q.status).toBe("open");
      expect(JSON.parse(q.reasons)).toEqual(expect.arrayContaining([expect.objectContaining({ feature: "body" }), expect.objectContaining({ feature: "threshold", value: "ask" })]));
    }
    // Admin 666 never wrote to the bot: no chat, no row (see the README).
    expect(await h.t.db.delivery.findMany({ where: { kind: "question" }, select: { chatId: true } })).toEqual(questions.map(() => ({ chatId: 555n })));
    await h.scheduler.tick();
    const sent = h.emulator.sentMessages(555);
    expect(sent).toHaveLength(questions.length);
    const [q] = questions;
    const message = sent[0]!;
    expect(message.text).toContain(`Same as #${q!.candidateId}?`);
    expect(message.text).toContain(`New #${q!.commitmentId}: ${q!.commitment.title.slice(0, 30)}`);
    expect(message.text).toContain(`Known #${q!.candidateId}: ${q!.candidate.title.slice(0, 30)}`);
    expect(message.text).toMatch(/Why: body: .*date: /);
    const buttons = (message.reply_markup?.inline_keyboard ?? []).flat();
    expect(buttons.map((b) => [b.text, "callback_data" in b ? decodeCallback(b.callback_data) : null])).toEqual([
      ["✅ Same", { type: "match", questionId: q!.id, same: true }],
      ["✖ Different", { type: "match", questionId: q!.id, same: false }],
    ]);
  });
});
