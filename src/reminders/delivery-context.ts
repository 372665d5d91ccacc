// What the deliverer reads to write a claimed batch's messages: the chats, the commitments and
// the status changes the rows refer to, what each chat follows now, and each digest's contents.
import { addDays, todayIn, type IsoDate } from "../calendar.ts";
import type { Db } from "../db/client.ts";
import type { LineCommitment, LineStatusChange } from "./compose.ts";
import type { AnnouncedDueChange, QuestionCommitment } from "../bot/i18n/reminder-texts.ts";
import type { ClaimedRow } from "./outbox.ts";
import { isFollowed, type FollowedCommitment, type FollowRule } from "../chats/followers-of.ts";

/** A digest covers what is due this many days ahead. */
export const DIGEST_DAYS_AHEAD = 14;
const IDS_PER_QUERY = 900;

export interface DeliveryChat {
  id: bigint;
  type: string;
  title: string | null;
  timeZone: string;
  active: boolean;
  /** The chat's stored language (null: not chosen; English). */
  language: string | null;
}

export interface DeliveryContext {
  chats: Map<bigint, DeliveryChat>;
  commitments: Map<number, LineCommitment & FollowedCommitment & { withdrawn: boolean }>;
  changes: Map<number, LineStatusChange>;
  /** The DueChanges that "moved" rows announce, by id. */
  dueChanges: Map<number, AnnouncedDueChange>;
  /** The open match questions that "question" rows put, by the new commitment's id. */
  questions: Map<number, DeliveryQuestion>;
  /**
   * What each of the batch's chats follows at claim time (no entry: nothing). Rows were planned
   * up to 36 h ahead; a chat that unfollowed since must not get them.
   */
  follows: Map<bigint, FollowRule[]>;
}

/** A match question as its message shows it (MatchReason's fields it reads). */
export interface DeliveryQuestion {
  id: number;
  score: number;
  reasons: { feature: string; detail: string }[];
  fresh: QuestionCommitment;
  known: QuestionCommitment;
}

const COMMITMENT_SELECT = { id: true, title: true, dueOn: true, extractedDueOn: true, precision: true, status: true, withdrawnAt: true } as const;

async function inChunks<T, R>(values: readonly T[], load: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < values.length; start += IDS_PER_QUERY) out.push(...(await load(values.slice(start, start + IDS_PER_QUERY))));
  return out;
}

/** Loads everything the claimed rows refer to, a few queries per batch (one for all the chats' follows). */
export async function loadDeliveryContext(db: Db, rows: readonly ClaimedRow[]): Promise<DeliveryContext> {
  const chatIds = [...new Set(rows.map((r) => r.chatId))];
  const commitmentIds = [...new Set(rows.flatMap((r) => (r.commitmentId === null ? [] : [r.commitmentId])))];
  const changeIds = [...new Set(rows.flatMap((r) => (r.statusChangeId === null ? [] : [r.statusChangeId])))];
  const dueChangeIds = [...new Set(rows.flatMap((r) => (r.dueChangeId === null ? [] : [r.dueChangeId])))];
  const asked = [...new Set(rows.flatMap((r) => (r.kind === "question" && r.commitmentId !== null ? [r.commitmentId] : [])))];
  const [chats, commitments, changes, follows, dueChanges, questions] = await Promise.all([
    inChunks(chatIds, (ids) => db.chat.findMany({ where: { id: { in: ids } }, select: { id: true, type: true, title: true, timeZone: true, active: true, language: true } })),
    inChunks(commitmentIds, (ids) => db.commitment.findMany({ where: { id: { in: ids } }, select: { ...COMMITMENT_SELECT, topics: true, body: true } })),
    inChunks(changeIds, (ids) =>
      db.statusChange.findMany({ where: { id: { in: ids } }, select: { id: true, toStatus: true, fromStatus: true, toDueOn: true, evidenceUrl: true, note: true } }),
    ),
    inChunks(chatIds, (ids) => db.follow.findMany({ where: { chatId: { in: ids } }, select: { chatId: true, kind: true, value: true, commitmentId: true } })),
    inChunks(dueChangeIds, (ids) => loadDueChanges(db, ids)),
    inChunks(asked, (ids) => loadQuestions(db, ids)),
  ]);
  const byChat = new Map<bigint, FollowRule[]>();
  for (const f of follows) {
    const list = byChat.get(f.chatId);
    if (list) list.push(f);
    else byChat.set(f.chatId, [f]);
  }
  return {
    chats: new Map(chats.map((c) => [c.id, c])),
    commitments: new Map(commitments.map(({ withdrawnAt, ...c }) => [c.id, { ...c, withdrawn: withdrawnAt !== null }])),
    changes: new Map(changes.map((c) => [c.id, c])),
    dueChanges: new Map(dueChanges),
    questions: new Map(questions.map((q) => [q.fresh.id, q])),
    follows: byChat,
  };
}

/** DueChanges with the name of the source that stated them: the article, the document's title, its file. */
async function loadDueChanges(db: Db, ids: number[]): Promise<[number, AnnouncedDueChange][]> {
  const rows = await db.dueChange.findMany({
    where: { id: { in: ids } },
    select: { id: true, fromDueOn: true, fromPrecision: true, toDueOn: true, toPrecision: true, mention: { select: { article: true, source: { select: { title: true, file: true } } } } },
  });
  return rows.map(({ id, mention, ...change }) => [id, { ...change, source: mention?.article ?? mention?.source.title ?? mention?.source.file ?? "?" }]);
}

const QUESTION_SIDE = { id: true, title: true, quote: true, dueOn: true, extractedDueOn: true, precision: true } as const;

/** The open questions about these new commitments (answered ones are not asked again). */
async function loadQuestions(db: Db, commitmentIds: number[]): Promise<DeliveryQuestion[]> {
  const rows = await db.matchQuestion.findMany({
    where: { commitmentId: { in: commitmentIds }, status: "open" },
    select: { id: true, score: true, reasons: true, commitment: { select: QUESTION_SIDE }, candidate: { select: QUESTION_SIDE } },
    orderBy: { id: "asc" },
  });
  return rows.map((q) => ({ id: q.id, score: q.score, reasons: parseReasons(q.reasons), fresh: q.commitment, known: q.candidate }));
}

function parseReasons(json: string): { feature: string; detail: string }[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((r): r is { feature: string; detail: string } => typeof r?.feature === "string" && typeof r?.detail === "string") : [];
  } catch {
    return [];
  }
}

export interface DigestContents {
  upcoming: LineCommitment[];
  newlyOverdue: LineCommitment[];
}

/**
 * A chat's weekly digest on `today` (its local date): followed pending commitments due within
 * 14 days, and those that became overdue since its previous digest (or within the last week).
 */
export async function loadDigest(db: Db, chatId: bigint, timeZone: string, now: Date): Promise<DigestContents> {
  const today: IsoDate = todayIn(timeZone, now);
  const previous = await db.delivery.findFirst({
    where: { chatId, kind: "digest", state: "sent", dueOn: { lt: today } },
    orderBy: { dueOn: "desc" },
    select: { dueOn: true },
  });
  const overdueFrom = previous?.dueOn ?? addDays(today, -7);
  const follows = await db.follow.findMany({ where: { chatId }, select: { chatId: true, kind: true, value: true, commitmentId: true } });
  const rows = await db.commitment.findMany({
    where: { status: { in: ["open", "postponed"] }, withdrawnAt: null, precision: { not: "vague" }, dueOn: { gte: overdueFrom, lte: addDays(today, DIGEST_DAYS_AHEAD) } },
    select: { ...COMMITMENT_SELECT, topics: true, body: true },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
  });
  const followed = rows.filter((c) => isFollowed(follows, c));
  return {
    upcoming: followed.filter((c) => c.dueOn !== null && c.dueOn >= today),
    newlyOverdue: followed.filter((c) => c.dueOn !== null && c.dueOn < today),
  };
}
