// Sentences new to a source: each is a restatement of a stored commitment (a mention of it), a
// commitment of its own, or a commitment of its own that the admins are asked about ("Same as
// #12?"). The matcher (src/merging, through store-index.ts) decides; commitments of the same
// source are never candidates (two duties in one article are two commitments).
import type { DbEngine } from "../db/client.ts";
import type { MatchQuestion } from "../generated/prisma/client.ts";
import { outOfQuietHours } from "../reminders/local-time.ts";
import { addMention, type Tx } from "./add-mention.ts";
import { mentionFields, type ExtractedFields } from "./extracted-fields.ts";
import { matchInputOf, type StoreIndex, type StoreMatch } from "./store-index.ts";

export interface PlaceContext {
  engine: DbEngine;
  now: Date;
  /** Null: no matching, every sentence is a commitment. */
  index: StoreIndex | null;
  /** Telegram user ids of the admins. */
  admins: readonly string[];
}

export interface Placed {
  added: number;
  matched: number;
  questions: number;
  moved: number;
}

/**
 * Stores the new sentences of source `sourceId`: `same` adds a mention (via "matched") to the
 * best match, with its deadline drift (addMention); `ask` and `different` create a commitment
 * with its "first" mention, and `ask` also a MatchQuestion and a "question" row for each admin.
 * `exclude`: commitments that already have a mention in this source.
 */
export async function placeNewCommitments(tx: Tx, sourceId: number, fresh: readonly ExtractedFields[], exclude: ReadonlySet<number>, context: PlaceContext): Promise<Placed> {
  const placed: Placed = { added: 0, matched: 0, questions: 0, moved: 0 };
  const excluded = new Set(exclude);
  const create: { fields: ExtractedFields; ask: StoreMatch | null }[] = [];
  for (const fields of fresh) {
    const matches = context.index ? await liveMatches(tx, context.index.findMatches(matchInputOf(fields), excluded)) : [];
    const best = matches[0];
    if (best?.result.decision === "same") {
      const added = await addMention(tx, {
        commitmentId: best.commitmentId,
        mention: mentionFields(sourceId, fields),
        via: "matched",
        score: best.result.score,
        now: context.now,
        engine: context.engine,
      });
      // One report of a commitment per document: a second sentence like it is another duty.
      excluded.add(best.commitmentId);
      placed.matched++;
      if (added.dueChange) placed.moved++;
      continue;
    }
    create.push({ fields, ask: best ?? null });
  }
  if (create.length === 0) return placed;
  // A commitment row keeps the key of the sentence it was made from; when that sentence has since
  // moved to another commitment (/merge) and changed, the key may be back as a new sentence: the
  // new row then takes the key with a suffix (the mention keeps the real one).
  const taken = new Set((await tx.commitment.findMany({ where: { sourceId, key: { in: create.map((c) => c.fields.key) } }, select: { key: true } })).map((c) => c.key));
  const rowKey = (key: string): string => (taken.has(key) ? `${key}~${Date.now().toString(36)}` : key);
  const keyed = create.map((c) => ({ ...c, rowKey: rowKey(c.fields.key) }));
  const rows = await tx.commitment.createManyAndReturn({
    data: keyed.map(({ fields, rowKey: key }) => ({ ...fields, key, sourceId, status: "open", dueOn: fields.extractedDueOn })),
    select: { id: true, key: true },
  });
  const idByRowKey = new Map(rows.map((r) => [r.key, r.id]));
  const idOf = new Map(keyed.map((c) => [c.fields.key, idByRowKey.get(c.rowKey) as number]));
  const id = (fields: ExtractedFields): number => idOf.get(fields.key) as number;
  await tx.mention.createMany({ data: create.map(({ fields }) => ({ ...mentionFields(sourceId, fields), commitmentId: id(fields), via: "first", createdAt: context.now })) });
  placed.added = create.length;
  for (const { fields, ask } of create) {
    if (!ask) continue;
    const question = await tx.matchQuestion.create({
      data: { commitmentId: id(fields), candidateId: ask.commitmentId, score: ask.result.score, reasons: JSON.stringify(ask.result.reasons), createdAt: context.now },
    });
    await planQuestions(tx, question, context);
    placed.questions++;
  }
  return placed;
}

/**
 * The matches whose commitment is still a candidate as the transaction sees it (the index may
 * lag behind a merge or a withdrawal made since it caught up).
 */
async function liveMatches(tx: Tx, matches: StoreMatch[]): Promise<StoreMatch[]> {
  if (matches.length === 0) return matches;
  const live = await tx.commitment.findMany({
    where: { id: { in: matches.map((m) => m.commitmentId) }, withdrawnAt: null, mergedIntoId: null },
    select: { id: true },
  });
  const ids = new Set(live.map((c) => c.id));
  return matches.filter((m) => ids.has(m.commitmentId));
}

/**
 * A "question" row for each admin's private chat, out of its quiet hours. Admins who never wrote
 * to the bot have no chat (and no language) yet: they are skipped, and see open questions once
 * they do (the rows are planned when the question is made, so those later ones come from the
 * admins' own commands).
 */
async function planQuestions(tx: Tx, question: MatchQuestion, context: PlaceContext): Promise<number> {
  if (context.admins.length === 0) return 0;
  const chats = await tx.chat.findMany({
    where: { id: { in: context.admins.map((a) => BigInt(a)) }, type: "private", active: true, migratedToId: null },
    select: { id: true, timeZone: true, quietStart: true, quietEnd: true },
  });
  const { count } = await tx.delivery.createMany({
    data: chats.map((chat) => ({
      key: `q:${chat.id}:${question.id}`,
      chatId: chat.id,
      commitmentId: question.commitmentId,
      kind: "question",
      notBefore: outOfQuietHours(context.now, chat.timeZone, { start: chat.quietStart, end: chat.quietEnd }),
      createdAt: context.now,
      updatedAt: context.now,
    })),
  });
  return count;
}
