// "Same as #12?": the pairs the matcher could not decide, listed for admins and answered by them.
import type { Db } from "../db/client.ts";
import type { Commitment, MatchQuestion, Source } from "../generated/prisma/client.ts";
import { mergeInTx, MergeRefused, type Actor, type MergeError, type MergeSummary } from "./merge-commitments.ts";

type Side = Pick<Commitment, "id" | "title" | "dueOn" | "extractedDueOn" | "precision" | "dueText" | "quote" | "publishedOn" | "mergedIntoId" | "body"> & {
  source: Pick<Source, "file" | "title" | "publishedOn">;
};

export type QuestionDetail = MatchQuestion & { commitment: Side; candidate: Side };

const SIDE = {
  select: {
    id: true, title: true, dueOn: true, extractedDueOn: true, precision: true, dueText: true, quote: true, publishedOn: true, mergedIntoId: true, body: true,
    source: { select: { file: true, title: true, publishedOn: true } },
  },
} as const;

/** The oldest `limit` open questions and how many are open in all. */
export async function listOpenQuestions(db: Db, limit: number): Promise<{ total: number; questions: QuestionDetail[] }> {
  const [total, questions] = await Promise.all([
    db.matchQuestion.count({ where: { status: "open" } }),
    db.matchQuestion.findMany({ where: { status: "open" }, orderBy: { id: "asc" }, take: limit, include: { commitment: SIDE, candidate: SIDE } }),
  ]);
  return { total, questions };
}

/** One question with both sides, or null. */
export async function getQuestion(db: Db, id: number): Promise<QuestionDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return db.matchQuestion.findUnique({ where: { id }, include: { commitment: SIDE, candidate: SIDE } });
}

export type AnswerResult =
  | { ok: true; same: boolean; merge: MergeSummary | null }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "answered"; status: string; answeredBy: bigint | null; answeredAt: Date | null; byName: string | null }
  | { ok: false; code: "merge_refused"; error: MergeError };

/**
 * Answers a question once. "Same" merges the new commitment into the candidate (the stored one
 * keeps its id, followers and history; the new report becomes its mention, via "answered") in
 * the same transaction that closes the question; "different" only closes it. A second answer, by
 * anyone, is refused with the first one's author and time; a merge the store refuses (one side
 * merged away meanwhile) leaves the question open.
 */
export async function answerQuestion(db: Db, input: Actor & { questionId: number; same: boolean }): Promise<AnswerResult> {
  const question = await getQuestion(db, input.questionId);
  if (!question) return { ok: false, code: "not_found" };
  try {
    const result = await db.$transaction(async (tx): Promise<AnswerResult | MatchQuestion> => {
      const closed = await tx.matchQuestion.updateMany({
        where: { id: question.id, status: "open" },
        data: { status: input.same ? "same" : "different", answeredBy: input.byUserId, answeredAt: input.at },
      });
      // Already answered: read who did after the transaction (it writes nothing).
      if (closed.count === 0) return tx.matchQuestion.findUniqueOrThrow({ where: { id: question.id } });
      if (!input.same) return { ok: true, same: false, merge: null };
      const merge = await mergeInTx(tx, { keepId: question.candidateId, mergeId: question.commitmentId, via: "answered", byUserId: input.byUserId, byName: input.byName, at: input.at });
      return { ok: true, same: true, merge };
    });
    return "ok" in result ? result : await answered(result, db);
  } catch (error) {
    if (error instanceof MergeRefused) return { ok: false, code: "merge_refused", error: error.error };
    throw error;
  }
}

/** Who answered first: the merge record's name for "same", else the answering admin's private chat. */
async function answered(q: MatchQuestion, db: Db): Promise<AnswerResult> {
  let byName: string | null = null;
  if (q.status === "same") {
    byName = (await db.commitmentMerge.findFirst({ where: { mergedId: q.commitmentId, keptId: q.candidateId }, orderBy: { id: "desc" }, select: { byName: true } }))?.byName ?? null;
  }
  if (byName === null && q.answeredBy !== null) {
    const chat = await db.chat.findUnique({ where: { id: q.answeredBy }, select: { title: true, username: true } });
    byName = chat ? [chat.title, chat.username ? `(@${chat.username})` : null].filter(Boolean).join(" ") || null : null;
  }
  return { ok: false, code: "answered", status: q.status, answeredBy: q.answeredBy, answeredAt: q.answeredAt, byName };
}
