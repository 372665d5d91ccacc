// /split: undo a merge (the merged-away commitment gets its reports, follows and reminders back),
// or make one report that joined by matching a commitment of its own.
import type { Db } from "../db/client.ts";
import type { Commitment, Mention } from "../generated/prisma/client.ts";
import { recomputeDue, type Tx } from "./in-force-due.ts";
import { chunks, cleanName, mergedSkipReason, syncWithdrawn, type Actor, type MergeUndo } from "./merge-commitments.ts";

export type SplitErrorCode = "not_found" | "not_merged" | "no_mention" | "first_mention" | "came_with_merge" | "conflict";

export interface SplitError {
  code: SplitErrorCode;
  /** One English sentence; the bot translates by code. */
  message: string;
  id: number;
  /** For came_with_merge: the commitment to split instead; for no_mention: the mention asked for. */
  other?: number;
}

export type SplitResult =
  | { ok: true; keptId: number; splitId: number; mentions: number; followers: number; created: boolean }
  | { ok: false; error: SplitError };

class SplitRefused extends Error {
  constructor(readonly error: SplitError) {
    super(error.message);
  }
}

function refuse(code: SplitErrorCode, id: number, message: string, other?: number): never {
  throw new SplitRefused({ code, id, message, ...(other === undefined ? {} : { other }) });
}

async function run(db: Db, work: (tx: Tx) => Promise<SplitResult>): Promise<SplitResult> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (error instanceof SplitRefused) return { ok: false, error: error.error };
    throw error;
  }
}

/**
 * Undoes the merge of `id` (a commitment merged away by /merge or a "Same" answer), in one
 * transaction: the mentions that came from it (and from commitments merged into it before) go
 * back with their original "first"/"matched" standing, its date changes go back and the one the
 * merge added is removed, chats whose follow moved follow it again (one that followed both gets
 * its follow back if it still follows the other), its reminders skipped by the merge and not yet
 * due are planned again, and both deadlines are recomputed from their mentions.
 */
export async function splitMerged(db: Db, input: Actor & { id: number }): Promise<SplitResult> {
  return run(db, async (tx) => {
    const gone = await find(tx, input.id);
    if (gone.mergedIntoId === null) refuse("not_merged", gone.id, `#${gone.id} is not merged into another commitment.`);
    const keptId = gone.mergedIntoId;
    const claimed = await tx.commitment.updateMany({ where: { id: gone.id, mergedIntoId: keptId }, data: { mergedIntoId: null } });
    if (claimed.count === 0) refuse("conflict", gone.id, `#${gone.id} was just split by someone else.`);

    // Mentions that came from `gone`, or from commitments merged into it earlier (still pointing at it).
    const family = await mergedFamily(tx, gone.id);
    const own = await tx.mention.findMany({ where: { commitmentId: keptId, mergedFromId: gone.id } });
    for (const m of own) {
      const first = m.sourceId === gone.sourceId && m.key === gone.key;
      await tx.mention.update({ where: { id: m.id }, data: { commitmentId: gone.id, mergedFromId: null, via: first ? "first" : "matched" } });
    }
    const carried = await tx.mention.updateMany({ where: { commitmentId: keptId, mergedFromId: { in: family.filter((id) => id !== gone.id) } }, data: { commitmentId: gone.id } });

    const record = await tx.commitmentMerge.findFirst({ where: { keptId, mergedId: gone.id, splitAt: null }, orderBy: { id: "desc" } });
    let followers = 0;
    if (record) {
      const undo = JSON.parse(record.undo) as MergeUndo;
      if (undo.dueChangesMoved.length > 0) await tx.dueChange.updateMany({ where: { id: { in: undo.dueChangesMoved }, commitmentId: keptId }, data: { commitmentId: gone.id } });
      if (undo.dueChangesAdded.length > 0) await tx.dueChange.deleteMany({ where: { id: { in: undo.dueChangesAdded } } });
      // A moved follow goes back if the chat still has it; a dropped one comes back if the chat still follows the kept one.
      for (const ids of chunks(undo.followsMoved)) {
        const moved = await tx.follow.updateMany({ where: { id: { in: ids }, commitmentId: keptId }, data: { value: String(gone.id), commitmentId: gone.id } });
        followers += moved.count;
      }
      const stillKept = new Set((await tx.follow.findMany({ where: { kind: "commitment", commitmentId: keptId }, select: { chatId: true } })).map((f) => String(f.chatId)));
      const back = undo.followsDropped.filter((d) => stillKept.has(d.chatId));
      for (const slice of chunks(back)) {
        const created = await tx.follow.createMany({
          data: slice.map((d) => ({ chatId: BigInt(d.chatId), kind: "commitment", value: String(gone.id), commitmentId: gone.id, createdAt: new Date(d.createdAt) })),
        });
        followers += created.count;
      }
      await tx.commitmentMerge.update({ where: { id: record.id }, data: { splitAt: input.at, splitByName: cleanName(input.byName) } });
    }
    // Reminders that fell due while merged are not sent late; the rest are planned again.
    await tx.delivery.updateMany({
      where: { commitmentId: gone.id, state: "skipped", skipReason: mergedSkipReason(keptId), notBefore: { gt: input.at } },
      data: { state: "pending", skipReason: null, attempts: 0, claimedAt: null, lastError: null, updatedAt: input.at },
    });
    await syncWithdrawn(tx, keptId, input.at);
    await syncWithdrawn(tx, gone.id, input.at);
    await recomputeDue(tx, keptId);
    await recomputeDue(tx, gone.id);
    return { ok: true, keptId, splitId: gone.id, mentions: own.length + carried.count, followers, created: false };
  });
}

/**
 * Makes mention `mentionId` of commitment `id`, one that joined by matching (the matcher or an
 * admin's "Same" without a merge record), a commitment of its own: same title and topics as `id`
 * (the matcher judged them one duty), the mention's source, sentence and deadline, status open.
 * Date changes it had stated on `id` are removed and `id`'s deadline is recomputed.
 */
export async function splitMention(db: Db, input: Actor & { id: number; mentionId: number }): Promise<SplitResult> {
  return run(db, async (tx) => {
    const owner = await find(tx, input.id);
    const mention = Number.isSafeInteger(input.mentionId) && input.mentionId > 0 ? await tx.mention.findUnique({ where: { id: input.mentionId } }) : null;
    if (!mention || mention.commitmentId !== owner.id) refuse("no_mention", owner.id, `Commitment #${owner.id} has no report ${input.mentionId}.`, input.mentionId);
    if (mention.mergedFromId !== null) {
      refuse("came_with_merge", owner.id, `Report ${mention.id} came with the merge of #${mention.mergedFromId}: /split ${mention.mergedFromId} undoes it.`, mention.mergedFromId);
    }
    if (isFirst(owner, mention)) refuse("first_mention", owner.id, `Report ${mention.id} is the one #${owner.id} was created from; it cannot be split off.`);
    const taken = await tx.commitment.findUnique({ where: { sourceId_key: { sourceId: mention.sourceId, key: mention.key } }, select: { id: true } });
    if (taken) refuse("conflict", owner.id, `The sentence of report ${mention.id} is already commitment #${taken.id}.`, taken.id);
    const created = await tx.commitment.create({
      data: {
        sourceId: mention.sourceId, key: mention.key, article: mention.article, publishedOn: mention.publishedOn, title: owner.title,
        responsible: mention.responsible ?? owner.responsible, body: mention.body ?? owner.body, topics: owner.topics,
        extractedDueOn: mention.dueOn, precision: mention.precision, dueText: mention.dueText, dueOn: mention.dueOn,
        quote: mention.quote, quoteStart: mention.quoteStart, quoteEnd: mention.quoteEnd, status: "open", withdrawnAt: mention.withdrawnAt,
        createdAt: input.at,
      },
    });
    await tx.mention.update({ where: { id: mention.id }, data: { commitmentId: created.id, via: "first", score: null } });
    await tx.dueChange.deleteMany({ where: { commitmentId: owner.id, mentionId: mention.id } });
    await syncWithdrawn(tx, owner.id, input.at);
    await recomputeDue(tx, owner.id);
    return { ok: true, keptId: owner.id, splitId: created.id, mentions: 1, followers: 0, created: true };
  });
}

/** What `/split ID` can take off commitment `id`: commitments merged into it, and reports that joined by matching. */
export interface SplitOptions {
  merged: Array<{ id: number; title: string; mentions: number; byName: string | null; at: Date | null }>;
  matched: Array<Pick<Mention, "id" | "via" | "score" | "publishedOn" | "dueText"> & { source: string }>;
}

export async function splitOptions(db: Db, id: number): Promise<SplitOptions> {
  const owner = await db.commitment.findUnique({ where: { id } });
  if (!owner) return { merged: [], matched: [] };
  const children = await db.commitment.findMany({ where: { mergedIntoId: id }, select: { id: true, title: true }, orderBy: { id: "asc" } });
  const records = await db.commitmentMerge.findMany({ where: { keptId: id, splitAt: null } });
  const mentions = await db.mention.findMany({ where: { commitmentId: id }, include: { source: { select: { file: true, title: true } } }, orderBy: { id: "asc" } });
  return {
    merged: children.map((c) => {
      const record = records.filter((r) => r.mergedId === c.id).at(-1);
      return { id: c.id, title: c.title, mentions: mentions.filter((m) => m.mergedFromId === c.id).length, byName: record?.byName ?? null, at: record?.at ?? null };
    }),
    matched: mentions
      .filter((m) => m.mergedFromId === null && !isFirst(owner, m))
      .map((m) => ({ id: m.id, via: m.via, score: m.score, publishedOn: m.publishedOn, dueText: m.dueText, source: m.source.title ?? m.source.file })),
  };
}

/** The mention a commitment was created from: its own source and key. */
function isFirst(owner: Commitment, m: Pick<Mention, "sourceId" | "key">): boolean {
  return m.sourceId === owner.sourceId && m.key === owner.key;
}

/** `id` and every commitment merged into it, directly or through another. */
async function mergedFamily(tx: Tx, id: number): Promise<number[]> {
  const family = [id];
  for (let i = 0; i < family.length && family.length < 10_000; i++) {
    const children = await tx.commitment.findMany({ where: { mergedIntoId: family[i] }, select: { id: true } });
    family.push(...children.map((c) => c.id));
  }
  return family;
}

async function find(tx: Tx, id: number): Promise<Commitment> {
  const row = Number.isSafeInteger(id) && id > 0 ? await tx.commitment.findUnique({ where: { id } }) : null;
  if (!row) refuse("not_found", id, `There is no commitment #${id}.`);
  return row;
}
