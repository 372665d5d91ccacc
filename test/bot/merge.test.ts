// Issue 9 through the real bot and the emulator: /merge, /split, /questions with their buttons,
// refusals and bad input, and the card of a commitment reported three times in three languages.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerCommands } from "../../src/bot/commands.ts";
import type { Db } from "../../src/db/client.ts";
import { callbackData, commitment, createHarnessFile, pressForged, say, seed, textOf } from "./harness.ts";

const file = createHarnessFile();
let n = 0;

/** Three fresh commitments (each test gets its own; the file shares one database). */
async function three(): Promise<[number, number, number]> {
  n++;
  const ids = await seed(file.db, `merge-${n}.txt`, [
    commitment({ title: `Grid tender ${n}`, quote: `The Ministry of Energy must launch grid tender ${n} by 31 March 2026.` }),
    commitment({ title: `Grid tender again ${n}`, quote: `Energy ministry to launch the grid tender ${n} by 31 March 2026, officials said.` }),
    commitment({ title: `Other duty ${n}`, quote: `The Ministry of Energy must publish tariff rules ${n} by 31 March 2026.` }),
  ]);
  return ids as [number, number, number];
}

/** The first mention of a commitment (ingest may already have written it), then more reports in sources of their own. */
async function ensureFirstMention(db: Db, id: number): Promise<number> {
  const c = await db.commitment.findUniqueOrThrow({ where: { id } });
  const found = await db.mention.findUnique({ where: { sourceId_key: { sourceId: c.sourceId, key: c.key } } });
  if (found) return found.id;
  const m = await db.mention.create({
    data: { commitmentId: id, sourceId: c.sourceId, key: c.key, quote: c.quote, quoteStart: 0, quoteEnd: c.quote.length, dueText: c.dueText, dueOn: c.extractedDueOn, precision: c.precision, publishedOn: c.publishedOn, via: "first" },
  });
  return m.id;
}

async function addReport(db: Db, id: number, r: { title: string; published: string; dueText: string; dueOn: string; precision: string; quote: string }): Promise<number> {
  n++;
  const source = await db.source.create({ data: { file: `report-${n}.txt`, path: `reports/${n}.txt`, contentHash: `r${n}`, content: r.quote, title: r.title, publishedOn: r.published } });
  const m = await db.mention.create({
    data: { commitmentId: id, sourceId: source.id, key: `r${n}`, quote: r.quote, quoteStart: 0, quoteEnd: r.quote.length, dueText: r.dueText, dueOn: r.dueOn, precision: r.precision, publishedOn: r.published, via: "matched", score: 0.52 },
  });
  return m.id;
}

/** The /questions message of question `id` in the admin's chat. */
function questionMessage(id: number) {
  const { h } = file;
  return h.emulator.waitForMessage(h.adminChat, (m) => textOf(m).startsWith(`Question ${id}:`), { timeoutMs: 5000 });
}

beforeAll(async () => {
  await file.setup();
}, 30_000);
afterAll(() => file.teardown());
beforeEach(async () => {
  await file.start();
});
afterEach(() => file.stop());

describe("/merge and /split", () => {
  it("non-admins are refused and nothing changes", async () => {
    const { h } = file;
    const [a, b] = await three();
    for (const command of [`/merge ${a} ${b}`, `/split ${b}`, "/questions"]) {
      expect(textOf(await say(h, h.userChat, h.user, command))).toBe("This command is for Mindet admins only.");
    }
    expect((await file.db.commitment.findUniqueOrThrow({ where: { id: b } })).mergedIntoId).toBeNull();
    const q = await file.db.matchQuestion.create({ data: { commitmentId: b, candidateId: a, score: 0.3, reasons: "[]" } });
    const card = await say(h, h.userChat, h.user, `/status ${a}`);
    const answer = await pressForged(h, card, `1:m:${q.id}:s`, h.user);
    expect(answer).toMatchObject({ text: "Only Mindet admins can do this.", show_alert: true });
    expect((await file.db.matchQuestion.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("open");
  });

  it("/help explains merging to admins only", async () => {
    const { h } = file;
    const help = textOf(await say(h, h.adminChat, h.admin, "/help"));
    expect(help).toContain("/merge ID OTHER_ID — Join two records of one commitment");
    expect(help).toContain("/split ID [REPORT] — Undo a merge, or split a report off");
    expect(help).toContain("/split 15 undoes exactly that");
    expect(textOf(await say(h, h.userChat, h.user, "/help"))).not.toContain("/merge");
    await say(h, h.adminChat, h.admin, "/start"); // the admin's private chat must exist for its menu
    expect(await registerCommands(h.bot.api, [String(h.admin.id)])).toEqual([]);
    const menu = (languageCode?: string) => h.emulator.commands({ scope: { type: "chat", chat_id: h.admin.id }, ...(languageCode ? { languageCode } : {}) });
    expect(menu().filter((c) => ["merge", "split", "questions"].includes(c.command)).map((c) => c.description)).toEqual(["Join two records of one commitment", "Undo a merge, or split a report off", '"Same commitment?" questions to answer']);
    expect(menu("ru").find((c) => c.command === "questions")?.description).toBe("Вопросы «то же обязательство?»");
    expect(h.emulator.commands().map((c) => c.command)).not.toContain("merge");
  });

  it("bad input gets one clear line each", async () => {
    const { h } = file;
    const [a, b, c] = await three();
    const reply = async (text: string) => textOf(await say(h, h.adminChat, h.admin, text));
    expect(await reply("/merge")).toMatch(/^Usage: \/merge ID OTHER_ID/);
    expect(await reply("/merge abc")).toMatch(/^Usage: \/merge/);
    expect(await reply(`/merge ${a} abc`)).toMatch(/^Usage: \/merge/);
    expect(await reply(`/merge ${a} ${b} ${c}`)).toMatch(/^Usage: \/merge/);
    expect(await reply("/merge 5 5")).toBe("A commitment cannot be merged into itself.");
    expect(await reply(`/merge ${a} 999999`)).toBe("There is no commitment #999999.");
    expect(await reply(`/merge 999998 ${a}`)).toBe("There is no commitment #999998.");
    expect(await reply(`/merge #${a} #${b}`)).toContain(`#${b} merged into #${a}`);
    expect(await reply(`/merge ${c} ${b}`)).toBe(`#${b} is already merged into #${a}. /split ${b} first to merge it elsewhere.`);
    expect(await reply(`/merge ${b} ${c}`)).toBe(`#${b} was itself merged into #${a}; merge into #${a} instead.`);
    expect(await reply("/split")).toMatch(/^Usage: \/split ID/);
    expect(await reply("/split abc")).toMatch(/^Usage: \/split/);
    expect(await reply(`/split ${a} x`)).toMatch(/^Usage: \/split/);
    expect(await reply("/split 999999")).toBe("There is no commitment #999999.");
    expect(await reply(`/split ${c}`)).toBe(`Nothing to split off #${c}: no commitment was merged into it and no report joined it by matching.`);
    expect(await reply(`/split ${a} 999999`)).toBe(`#${a} has no report 999999. /split ${a} lists its reports that can be split off.`);
    for (const text of [await reply("/merge 1 2 3 4"), await reply("/split 1 2 3")]) expect(text).not.toContain("\n");
  });

  it("/merge A B moves reports and followers; B's card points to A; /split B gives everything back", async () => {
    const { h } = file;
    const [a, b] = await three();
    await ensureFirstMention(file.db, b);
    await addReport(file.db, b, { title: "Kazinform", published: "2026-02-03", dueText: "by the end of Q2 2026", dueOn: "2026-06-30", precision: "quarter", quote: `The grid tender moves to the second quarter.` });
    expect(textOf(await say(h, h.userChat, h.user, `/follow ${b}`))).toContain(`#${b}`);

    const merged = textOf(await say(h, h.adminChat, h.admin, `/merge ${a} ${b}`));
    expect(merged).toContain(`#${b} merged into #${a}: 2 reports, 1 follower moved.`);
    expect(merged).toContain(`Due date of #${a} now 30 Jun 2026 (was 31 Mar 2026): the latest report's.`);
    expect(merged).toContain(`/split ${b} undoes the merge.`);
    expect(await file.db.follow.findMany({ where: { chatId: BigInt(h.userChat.id) }, select: { commitmentId: true } })).toEqual([{ commitmentId: a }]);

    const goneCard = await say(h, h.userChat, h.user, `/status ${b}`);
    expect(textOf(goneCard)).toContain(`Merged into #${a}: its reports, followers and reminders are there.`);
    expect(callbackData(goneCard)).toEqual([`1:f:c:${a}`, `1:c:${a}`]);
    // Following the merged-away id follows the one that kept its reports.
    const other = h.emulator.createUser({ firstName: "Cy" });
    const otherChat = h.emulator.createPrivateChat(other);
    expect(textOf(await say(h, otherChat, other, `/follow ${b}`))).toContain(`#${a}`);
    expect(await file.db.follow.findMany({ where: { chatId: BigInt(otherChat.id) }, select: { commitmentId: true } })).toEqual([{ commitmentId: a }]);
    await file.db.follow.deleteMany({ where: { chatId: BigInt(otherChat.id) } });
    const keptCard = textOf(await say(h, h.userChat, h.user, `/status ${a}`));
    expect(keptCard).toContain("Reports (3), newest first:");
    expect(keptCard).toContain(`(merged from #${b})`);
    expect(keptCard).toContain("31 Mar 2026 → Q2 2026 (+91 days), per Kazinform, stated 3 Feb 2026");
    expect(keptCard).toContain(`Merges:\n• 15 Jan 2026: #${b} merged in (2 reports) by Ada (@ada_admin)`);

    const options = textOf(await say(h, h.adminChat, h.admin, `/split ${a}`));
    expect(options).toContain(`What can be split off #${a}:`);
    expect(options).toContain(`→ /split ${b}`);

    expect(textOf(await say(h, h.adminChat, h.admin, `/split ${b}`))).toBe(`#${b} split from #${a} again: 2 reports and 1 follower back.`);
    expect(await file.db.follow.findMany({ where: { chatId: BigInt(h.userChat.id) }, select: { commitmentId: true } })).toEqual([{ commitmentId: b }]);
    expect(await file.db.commitment.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ dueOn: "2026-03-31", mergedIntoId: null });
    expect(await file.db.commitment.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ dueOn: "2026-06-30", mergedIntoId: null });
    const afterSplit = textOf(await say(h, h.userChat, h.user, `/status ${a}`));
    expect(afterSplit).not.toContain("Reports (");
    expect(afterSplit).toContain(`• 15 Jan 2026: #${b} split off again by Ada (@ada_admin)`);
    // B is whole again, with the report that had joined it by matching.
    expect(textOf(await say(h, h.adminChat, h.admin, `/split ${b}`))).toMatch(new RegExp(`^What can be split off #${b}:\n• report \\d+: Kazinform, 3 Feb 2026, “by the end of Q2 2026” → /split ${b} \\d+$`));
  });

  it("/split ID REPORT makes a matched report a commitment of its own", async () => {
    const { h } = file;
    const [a] = await three();
    const first = await ensureFirstMention(file.db, a);
    const report = await addReport(file.db, a, { title: "Akorda", published: "2026-02-20", dueText: "by 30 September 2026", dueOn: "2026-09-30", precision: "day", quote: "The President asked for the tender by 30 September 2026." });
    const options = textOf(await say(h, h.adminChat, h.admin, `/split ${a}`));
    expect(options).toContain(`• report ${report}: Akorda, 20 Feb 2026, “by 30 September 2026” → /split ${a} ${report}`);
    expect(textOf(await say(h, h.adminChat, h.admin, `/split ${a} ${first}`))).toBe(`That report is the one #${a} was created from; it cannot be split off.`);
    const done = textOf(await say(h, h.adminChat, h.admin, `/split ${a} ${report}`));
    const created = await file.db.commitment.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(done).toBe(`Report ${report} of #${a} is now commitment #${created.id}. /status ${created.id} shows it.`);
    expect(created).toMatchObject({ dueOn: "2026-09-30", status: "open" });
    expect(textOf(await say(h, h.userChat, h.user, `/status ${created.id}`))).toContain("The President asked for the tender");
  });
});

describe("/questions", () => {
  it("lists open questions with Same/Different; an answer merges or keeps apart, a second tap says who answered", async () => {
    const { h } = file;
    await file.db.matchQuestion.updateMany({ where: { status: "open" }, data: { status: "different" } });
    expect(textOf(await say(h, h.adminChat, h.admin, "/questions"))).toBe("No open questions: the matcher has nothing to ask.");
    const [a, b, c] = await three();
    const reasons = JSON.stringify([{ feature: "body", value: "same", detail: "bodies: same (Ministry of Energy)" }, { feature: "date", value: "same-window", detail: "deadlines overlap" }]);
    const q1 = await file.db.matchQuestion.create({ data: { commitmentId: b, candidateId: a, score: 0.31, reasons } });
    const q2 = await file.db.matchQuestion.create({ data: { commitmentId: c, candidateId: a, score: 0.26, reasons: "not json" } });

    const header = await say(h, h.adminChat, h.admin, "/questions");
    expect(textOf(header)).toBe("Same commitment? 2 open questions, oldest first.");
    const first = await questionMessage(q1.id);
    const second = await questionMessage(q2.id);
    expect(textOf(first)).toContain(`Question ${q1.id}: is #${b} the same commitment as #${a}? (score 0.31)`);
    expect(textOf(first)).toContain("Why asked: bodies: same (Ministry of Energy); deadlines overlap");
    expect(textOf(first)).toContain(`Stored #${a}: Grid tender`);
    expect(callbackData(first)).toEqual([`1:m:${q1.id}:s`, `1:m:${q1.id}:d`]);
    expect(textOf(second)).not.toContain("Why asked");

    const same = await h.emulator.pressButton(first, 0, h.admin).answer;
    expect(same.text).toBe(`Merged #${b} into #${a}.`);
    await h.emulator.waitForCall("editMessageText");
    expect(textOf(h.emulator.world.storedMessage(first)!.message)).toContain(`✅ Ada (@ada_admin) answered Same: #${b} merged into #${a}. /split ${b} undoes it.`);
    expect(await file.db.matchQuestion.findUniqueOrThrow({ where: { id: q1.id } })).toMatchObject({ status: "same", answeredBy: BigInt(h.admin.id) });
    expect(await file.db.commitment.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ mergedIntoId: a });

    const again = await pressForged(h, first, `1:m:${q1.id}:d`, h.admin);
    expect(again).toMatchObject({ show_alert: true });
    expect(String(again.text)).toMatch(/^Already answered by Ada \(@ada_admin\): same, /);

    const different = await h.emulator.pressButton(second, 1, h.admin).answer;
    expect(different.text).toBe("Kept apart.");
    await h.emulator.waitForMessage(h.adminChat, (m) => textOf(m).includes("answered Different"), { timeoutMs: 5000 });
    expect(await file.db.matchQuestion.findUniqueOrThrow({ where: { id: q2.id } })).toMatchObject({ status: "different" });
    expect((await file.db.commitment.findUniqueOrThrow({ where: { id: c } })).mergedIntoId).toBeNull();
    expect(textOf(await say(h, h.adminChat, h.admin, "/questions"))).toBe("No open questions: the matcher has nothing to ask.");

    const gone = await pressForged(h, second, "1:m:999999:s", h.admin);
    expect(gone).toMatchObject({ text: "This question no longer exists.", show_alert: true });
  });

  it("a Same answer the store refuses (the candidate was merged away meanwhile) says why and leaves the question open", async () => {
    const { h } = file;
    const [a, b, c] = await three();
    const q = await file.db.matchQuestion.create({ data: { commitmentId: c, candidateId: b, score: 0.3, reasons: "[]" } });
    expect(textOf(await say(h, h.adminChat, h.admin, `/merge ${a} ${b}`))).toContain("merged into");
    const header = await say(h, h.adminChat, h.admin, "/questions");
    expect(textOf(header)).toContain("open question");
    const message = await questionMessage(q.id);
    expect(textOf(message)).toContain(`(since merged into #${a})`);
    const answer = await h.emulator.pressButton(message, 0, h.admin).answer;
    expect(answer).toMatchObject({ text: `#${b} was itself merged into #${a}; merge into #${a} instead.`, show_alert: true });
    expect((await file.db.matchQuestion.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("open");
    await file.db.matchQuestion.update({ where: { id: q.id }, data: { status: "different" } });
  });
});

describe("the card of a commitment reported three times", () => {
  it("lists the reports newest first with phrase, source and date, and the date history, in en, ru and kk", async () => {
    const { h } = file;
    const [a] = await three();
    await ensureFirstMention(file.db, a);
    const kazinform = await addReport(file.db, a, { title: "Kazinform", published: "2026-02-03", dueText: "by the end of Q2 2026", dueOn: "2026-06-30", precision: "quarter", quote: "The tender is now expected by the end of the second quarter." });
    const akorda = await addReport(file.db, a, { title: "Akorda", published: "2026-02-20", dueText: "by 30 September 2026", dueOn: "2026-09-30", precision: "day", quote: "The President asked for the tender by 30 September 2026." });
    await file.db.dueChange.createMany({
      data: [
        { commitmentId: a, mentionId: kazinform, fromDueOn: "2026-03-31", fromPrecision: "day", toDueOn: "2026-06-30", toPrecision: "quarter", kind: "slip", statedOn: "2026-02-03", at: new Date("2026-02-03T10:00:00Z") },
        { commitmentId: a, mentionId: akorda, fromDueOn: "2026-06-30", fromPrecision: "quarter", toDueOn: "2026-09-30", toPrecision: "day", kind: "slip", statedOn: "2026-02-20", at: new Date("2026-02-20T10:00:00Z") },
      ],
    });
    await file.db.commitment.update({ where: { id: a }, data: { dueOn: "2026-09-30", extractedDueOn: "2026-09-30", precision: "day", dueText: "by 30 September 2026" } });

    const expected = {
      en: ["Reports (3), newest first:", "• 20 Feb 2026 · Akorda", "“by 30 September 2026”", "Date history:", "• 31 Mar 2026 → Q2 2026 (+91 days), per Kazinform, stated 3 Feb 2026", "• Q2 2026 → 30 Sept 2026 (+92 days), per Akorda, stated 20 Feb 2026"],
      ru: ["Публикации (3), сначала новые:", "• 20 февраля 2026 · Akorda", "«by 30 September 2026»", "История сроков:", "• 31 марта 2026 → II квартал 2026 (+91 день), по данным: Kazinform, заявлено 3 февраля 2026", "(+92 дня), по данным: Akorda"],
      kk: ["Жарияланымдар (3), алдымен жаңалары:", "• 2026 жылғы 20 ақпан · Akorda", "Мерзім тарихы:", "• 2026 жылғы 31 наурыз → 2026 жылғы II тоқсан (+91 күн), дереккөзі: Kazinform, 2026 жылғы 3 ақпан мәлімделді"],
    } as const;
    for (const lang of ["en", "ru", "kk"] as const) {
      const user = h.emulator.createUser({ languageCode: lang });
      const chat = h.emulator.createPrivateChat(user);
      const text = textOf(await say(h, chat, user, `/status ${a}`));
      for (const part of expected[lang]) expect(text, lang).toContain(part);
      // Newest first: Akorda (20 Feb), Kazinform (3 Feb), then the first report (10 Jan).
      const order = ["The President asked", "expected by the end of the second quarter", "must launch grid tender"].map((q) => text.indexOf(q));
      expect(order.every((i) => i >= 0), lang).toBe(true);
      expect([...order].sort((x, y) => x - y), lang).toEqual(order);
    }
  });
});
