// The outbox sweep: claim due rows, send one grouped message per chat, record what Telegram
// accepted. Claim, send, record: a row is marked sent only after Telegram answered with a
// message id, so a crash can repeat a message but never lose one.
import type { Api } from "grammy";
import { todayIn } from "../calendar.ts";
import { markChatInactive, migrateChat } from "../chats/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { languageOrDefault, type Language } from "../bot/i18n/languages.ts";
import type { InlineKeyboardMarkup } from "grammy/types";
import { encodeCallback } from "../bot/callback-data.ts";
import { movedLine, questionText, reminderHeadings, reminderLine, statusLine } from "../bot/i18n/reminder-texts.ts";
import { t } from "../bot/i18n/translate.ts";
import { splitMessage, type Block, type LineCommitment } from "./compose.ts";
import { isFollowed } from "../chats/followers-of.ts";
import { DIGEST_DAYS_AHEAD, loadDeliveryContext, loadDigest, type DeliveryContext, type DeliveryChat, type DeliveryQuestion } from "./delivery-context.ts";
import { sqlRunner } from "./bulk-sql.ts";
import { claimDue, markFailed, skipChat, skipRows, sweepStale, type ClaimedRow } from "./outbox.ts";
import { createSentRecorder, type SentRecorder } from "./sent-recorder.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import { sendWithRetries, type SendPolicy } from "./send.ts";

export interface DeliverOptions extends SendPolicy {
  leaseMs: number;
  maxAttempts: number;
  /**
   * Rows looked at per claim: the claim takes their chats (at most this many) with all their due
   * rows. Small enough that a claim is sent soon after it is made.
   */
  batchSize: number;
  /** Chats sent to at the same time; also the bound on duplicates after a crash. */
  concurrency: number;
  /** A failed row waits this long (times its attempts) before a later tick retries it. */
  failedRetryDelayMs: number;
}

export const DEFAULT_DELIVER_OPTIONS: DeliverOptions = {
  leaseMs: 2 * 60_000,
  maxAttempts: 5,
  batchSize: 300,
  concurrency: 8,
  failedRetryDelayMs: 60_000,
  sendTimeoutMs: 15_000,
  maxTransientRetries: 2,
  backoffMs: 1_000,
  max429: 10,
};

/** A chat that keeps answering "migrated" is a loop, not a migration. */
const MAX_MIGRATIONS_PER_CHAT = 3;

export interface DeliverDeps {
  db: Db;
  api: Api;
  clock: Clock;
  logger: Logger;
  limiter: RateLimiter;
  sleep: (ms: number) => Promise<void>;
  options: DeliverOptions;
}

export interface DeliverReport {
  claimed: number;
  sent: number;
  messages: number;
  failed: number;
  skipped: number;
  chatsGone: number;
  migrated: number;
}

/** One chat's share of a claimed batch, with what its message needs. */
interface ChatJob {
  chatId: bigint;
  rows: ClaimedRow[];
  batch: Batch;
}

/** What the chats of one claim share. */
interface Batch {
  context: DeliveryContext;
  /**
   * Reminder lines written so far, by language, day and commitment: the chats of a batch
   * mostly remind of the same commitments, and a line through Fluent cost about 60 µs, a
   * millisecond of CPU per message of 20 lines at the busy 09:00.
   */
  lines: Map<string, string>;
}

/**
 * Delivers every row due at `now`, batch by batch, until none is left or `shouldStop()` says so.
 * The next batch is claimed while the current one is still sending (when the queue runs low), so
 * the sender never idles between batches; at most about two batches are claimed and unsent.
 */
export async function deliverDue(deps: DeliverDeps, now: Date, shouldStop: () => boolean = () => false): Promise<DeliverReport> {
  const report: DeliverReport = { claimed: 0, sent: 0, messages: 0, failed: 0, skipped: 0, chatsGone: 0, migrated: 0 };
  // Through Prisma's connection: the outbox's state changes never go through the bulk one.
  report.skipped += await sweepStale(sqlRunner(deps.db, null), now);
  const queue: ChatJob[] = [];
  const recorder = createSentRecorder(deps.db, () => deps.clock.now());
  let exhausted = false;
  let claiming: Promise<void> | null = null;
  const claimNext = (): Promise<void> =>
    (claiming ??= (async () => {
      try {
        const rows = await claimDue(deps.db, now, { leaseMs: deps.options.leaseMs, maxAttempts: deps.options.maxAttempts, limit: deps.options.batchSize });
        if (rows.length === 0) {
          exhausted = true;
          return;
        }
        report.claimed += rows.length;
        const batch: Batch = { context: await loadDeliveryContext(deps.db, rows), lines: new Map() };
        const byChat = new Map<bigint, ClaimedRow[]>();
        for (const row of rows) {
          const list = byChat.get(row.chatId);
          if (list) list.push(row);
          else byChat.set(row.chatId, [row]);
        }
        for (const [chatId, chatRows] of byChat) queue.push({ chatId, rows: chatRows, batch });
      } finally {
        claiming = null;
      }
    })());
  // Refill when fewer chats are queued than workers could start in about half a batch.
  const lowWater = Math.max(deps.options.concurrency, Math.floor(deps.options.batchSize / 2));
  const worker = async (): Promise<void> => {
    for (;;) {
      if (!exhausted && !shouldStop() && queue.length <= lowWater) {
        const refill = claimNext();
        if (queue.length === 0) await refill;
      }
      const job = queue.shift();
      if (!job) {
        // A refill that raced the stop still gets sent: claimed rows are never left behind.
        if (claiming) await claiming;
        else if (exhausted || shouldStop()) return;
        continue;
      }
      try {
        await deliverChat(deps, recorder, job.batch, job.chatId, job.rows, now, report);
      } catch (error) {
        // One chat's surprise must not stop the others: its rows retry on a later tick.
        const message = error instanceof Error ? error.message : String(error);
        deps.logger.error({ err: error, chatId: String(job.chatId) }, "delivery to chat failed");
        await failRows(deps, job.rows.map((r) => r.id), message, false);
        report.failed += job.rows.length;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.options.concurrency) }, worker));
  return report;
}

async function failRows(deps: DeliverDeps, ids: number[], error: string, permanent: boolean): Promise<void> {
  const at = deps.clock.now();
  await markFailed(deps.db, ids, error, at, new Date(at.getTime() + deps.options.failedRetryDelayMs), permanent, deps.options.maxAttempts);
}

/** Row ids to skip, by reason. */
interface Skips {
  /** The commitment closed, moved or vanished, or a digest has nothing in it. */
  stale: number[];
  /** The chat no longer follows the commitment (or, for a digest, anything). */
  unfollowed: number[];
}

/** A message of its own: a match question with its Same / Different buttons. */
interface ButtonPart {
  text: string;
  rowIds: number[];
  replyMarkup: InlineKeyboardMarkup;
}

function questionPart(lang: Language, q: DeliveryQuestion, rowId: number): ButtonPart {
  const button = (same: boolean) => ({ text: t(lang, same ? "question-same" : "question-different"), callback_data: encodeCallback({ type: "match", questionId: q.id, same }) });
  return { text: questionText(lang, q, q.fresh, q.known), rowIds: [rowId], replyMarkup: { inline_keyboard: [[button(true), button(false)]] } };
}

/**
 * Builds a chat's blocks: announcements first, then reminders by due date, then the digest.
 * Whether the chat still follows is checked here, at claim time, not only when the row was
 * planned: a row planned ahead must not outlive an /unfollow.
 */
async function composeBlocks(deps: DeliverDeps, batch: Batch, chat: DeliveryChat, rows: readonly ClaimedRow[], now: Date): Promise<{ blocks: Block[]; questions: ButtonPart[]; skip: Skips }> {
  const { context } = batch;
  const today = todayIn(chat.timeZone, now);
  // Sent without an update: the chat's stored language, not anyone's Telegram setting.
  const lang = languageOrDefault(chat.language);
  const line = (c: LineCommitment & { id: number }): string => {
    const key = `${lang}|${today}|${c.id}`;
    let text = batch.lines.get(key);
    if (text === undefined) batch.lines.set(key, (text = reminderLine(lang, c, today)));
    return text;
  };
  const follows = context.follows.get(chat.id);
  const status: Block[] = [];
  const fresh: Block[] = [];
  const moved: Block[] = [];
  const questions: ButtonPart[] = [];
  const reminders: { dueOn: string; block: Block }[] = [];
  const digest: Block[] = [];
  const skip: Skips = { stale: [], unfollowed: [] };
  for (const row of rows) {
    const c = row.commitmentId === null ? undefined : context.commitments.get(row.commitmentId);
    if (row.kind === "digest") {
      if (!follows || follows.length === 0) {
        skip.unfollowed.push(row.id);
        continue;
      }
      const contents = await loadDigest(deps.db, chat.id, chat.timeZone, now);
      if (contents.upcoming.length + contents.newlyOverdue.length === 0) skip.stale.push(row.id);
      else digest.push({ lines: digestLines(lang, contents, today), rowIds: [row.id] });
    } else if (row.kind === "question") {
      // To an admin, whether or not the chat follows the commitment; gone once answered.
      const question = row.commitmentId === null ? undefined : context.questions.get(row.commitmentId);
      if (question) questions.push(questionPart(lang, question, row.id));
      else skip.stale.push(row.id);
    } else if (c && !isFollowed(follows, c)) {
      skip.unfollowed.push(row.id);
    } else if (row.kind === "new") {
      // A commitment just read from a live source (src/sources/announce-new.ts).
      if (c && !c.withdrawn) fresh.push({ lines: [line(c)], rowIds: [row.id] });
      else skip.stale.push(row.id);
    } else if (row.kind === "moved") {
      // A later report moved the deadline (src/commitments/add-mention.ts).
      const change = row.dueChangeId === null ? undefined : context.dueChanges.get(row.dueChangeId);
      if (c && !c.withdrawn && change) moved.push({ lines: [movedLine(lang, c, change)], rowIds: [row.id] });
      else skip.stale.push(row.id);
    } else if (row.kind === "status") {
      const change = row.statusChangeId === null ? undefined : context.changes.get(row.statusChangeId);
      if (c && change) status.push({ lines: [statusLine(lang, c, change)], rowIds: [row.id] });
      else skip.stale.push(row.id);
    } else if (c && !c.withdrawn && (c.status === "open" || c.status === "postponed") && c.dueOn === row.dueOn) {
      reminders.push({ dueOn: c.dueOn ?? "", block: { lines: [line(c)], rowIds: [row.id] } });
    } else skip.stale.push(row.id);
  }
  reminders.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const blocks: Block[] = [];
  const heads = reminderHeadings(lang, DIGEST_DAYS_AHEAD);
  // A blank line between sections: the heading of a later section starts with one.
  const heading = (text: string): Block => ({ lines: [blocks.length > 0 ? `\n${text}` : text], rowIds: [] });
  if (fresh.length > 0) blocks.push(heading(t(lang, "fresh-heading")), ...fresh);
  if (moved.length > 0) blocks.push(heading(t(lang, "moved-heading")), ...moved);
  if (status.length > 0) blocks.push(heading(heads.statusChanges), ...status);
  if (reminders.length > 0) blocks.push(heading(heads.reminders), ...reminders.map((r) => r.block));
  blocks.push(...digest);
  return { blocks, questions, skip };
}

function digestLines(lang: Language, contents: Awaited<ReturnType<typeof loadDigest>>, today: string): string[] {
  const heads = reminderHeadings(lang, DIGEST_DAYS_AHEAD);
  const lines = [heads.digest];
  if (contents.upcoming.length > 0) lines.push(heads.digestUpcoming, ...contents.upcoming.map((c) => reminderLine(lang, c, today)));
  if (contents.newlyOverdue.length > 0) lines.push(heads.digestOverdue, ...contents.newlyOverdue.map((c) => reminderLine(lang, c, today)));
  return lines;
}

async function deliverChat(deps: DeliverDeps, recorder: SentRecorder, batch: Batch, chatId: bigint, rows: ClaimedRow[], now: Date, report: DeliverReport): Promise<void> {
  const chat = batch.context.chats.get(chatId);
  if (!chat || !chat.active) {
    await skipRows(deps.db, rows.map((r) => r.id), "chat inactive", deps.clock.now());
    report.skipped += rows.length;
    return;
  }
  const { blocks, questions, skip } = await composeBlocks(deps, batch, chat, rows, now);
  await skipRows(deps.db, skip.stale, "no longer relevant", deps.clock.now());
  await skipRows(deps.db, skip.unfollowed, "unfollowed", deps.clock.now());
  report.skipped += skip.stale.length + skip.unfollowed.length;
  const parts: { text: string; rowIds: number[]; replyMarkup?: InlineKeyboardMarkup }[] = [...splitMessage(blocks), ...questions];
  let target = chatId;
  let migrations = 0;
  const isGroup = chat.type === "group" || chat.type === "supergroup";
  const log = deps.logger.child({ chatId: String(chatId) });
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as (typeof parts)[number];
    const result = await sendWithRetries({ api: deps.api, limiter: deps.limiter, sleep: deps.sleep, policy: deps.options, logger: log }, target, isGroup, part.text, part.replyMarkup);
    if (result.kind === "sent") {
      await recorder.record({ ids: part.rowIds, messageId: result.messageId });
      report.sent += part.rowIds.length;
      report.messages++;
      continue;
    }
    const rest = parts.slice(i).flatMap((p) => p.rowIds);
    if (result.kind === "migrated" && migrations++ < MAX_MIGRATIONS_PER_CHAT) {
      // The rows move with the chat (migrateChat re-keys them); send this part again to the new id.
      log.info({ newChatId: String(result.newChatId) }, "group migrated to a supergroup: following it");
      await migrateChat(deps.db, target, result.newChatId);
      target = result.newChatId;
      report.migrated++;
      i--;
      continue;
    }
    if (result.kind === "gone") {
      log.warn({ reason: result.reason }, "chat unreachable: marked inactive until it writes again");
      await markChatInactive(deps.db, target, result.reason);
      await skipChat(deps.db, target, `chat inactive: ${result.reason}`, deps.clock.now());
      report.chatsGone++;
      report.skipped += rest.length;
      return;
    }
    const error = result.kind === "migrated" ? "migration loop" : result.error;
    log.warn({ error, rows: rest.length }, result.kind === "rejected" ? "message rejected by Telegram" : "send failed; a later tick retries");
    await failRows(deps, result.kind === "rejected" ? part.rowIds : rest, error, result.kind === "rejected");
    report.failed += result.kind === "rejected" ? part.rowIds.length : rest.length;
    if (result.kind !== "rejected") return;
  }
}

