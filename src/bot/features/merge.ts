// Admins: /merge A B (B's reports join A), /split ID [REPORT] (undo a merge, or split a matched
// report off), /questions ("Same commitment?" pairs from the matcher) and their Same/Different
// buttons. The store does the work (src/commitments/merge-commitments.ts, split-commitment.ts,
// match-questions.ts); these parse, call one operation and reply.
import { InlineKeyboard } from "grammy";
import { answerQuestion, getQuestion, listOpenQuestions, type QuestionDetail } from "../../commitments/match-questions.ts";
import { mergeCommitments, type MergeError } from "../../commitments/merge-commitments.ts";
import { splitMention, splitMerged, splitOptions, type SplitError } from "../../commitments/split-commitment.ts";
import { senderName, type AdminComposer } from "../admin.ts";
import { decodeCallback, encodeCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { formatDate } from "../format/commitment.ts";
import { dueLabel } from "../format/dates.ts";
import { html, type Html, truncate } from "../format/html.ts";
import type { Language } from "../i18n/languages.ts";
import { t, th } from "../i18n/translate.ts";
import { commandArgs, editHtml, replyHtml } from "../reply.ts";
import { parseCommitmentId } from "./status.ts";

/** Questions /questions shows at once (one message each, with its buttons). */
export const QUESTIONS_PER_REPLY = 5;
const QUESTION_QUOTE_CHARS = 300;

function words(ctx: BotContext): string[] {
  return commandArgs(ctx).split(/\s+/).filter(Boolean);
}

function actor(ctx: BotContext, deps: BotDeps) {
  return { byUserId: ctx.from ? BigInt(ctx.from.id) : null, byName: senderName(ctx), at: deps.clock.now() };
}

function mergeErrorText(lang: Language, error: MergeError): string {
  return t(lang, `merge-error-${error.code}`, { id: String(error.id), into: String(error.into ?? "") });
}

function splitErrorText(lang: Language, error: SplitError): string {
  const key = error.code === "conflict" && error.other !== undefined ? "split-error-taken" : `split-error-${error.code}`;
  return t(lang, key, { id: String(error.id), other: String(error.other ?? "") });
}

export function registerMergeCommands(deps: BotDeps, admin: AdminComposer): void {
  admin.command("merge", async (ctx) => {
    const args = words(ctx);
    const ids = args.map(parseCommitmentId);
    const [keepId, mergeId] = ids;
    if (ids.length !== 2 || keepId === null || keepId === undefined || mergeId === null || mergeId === undefined) {
      await ctx.reply(ctx.t("merge-usage"));
      return;
    }
    const result = await mergeCommitments(deps.db, { keepId, mergeId, ...actor(ctx, deps) });
    if (!result.ok) {
      await ctx.reply(mergeErrorText(ctx.lang, result.error));
      return;
    }
    const m = result.merge;
    const lines = [ctx.t("merge-done", { kept: String(m.keptId), merged: String(m.mergedId), mentions: m.mentions, followers: m.followers })];
    if (m.dueAfter !== m.dueBefore) lines.push(ctx.t("merge-due-moved", { kept: String(m.keptId), date: formatDate(ctx.lang, m.dueAfter), before: formatDate(ctx.lang, m.dueBefore) }));
    lines.push(ctx.t("merge-undo-hint", { kept: String(m.keptId), merged: String(m.mergedId) }));
    await ctx.reply(lines.join("\n"));
  });

  admin.command("split", async (ctx) => {
    const args = words(ctx);
    const id = parseCommitmentId(args[0] ?? "");
    const mentionId = args[1] === undefined ? undefined : /^\d{1,9}$/.test(args[1]) ? Number(args[1]) : null;
    if (id === null || mentionId === null || args.length > 2) {
      await ctx.reply(ctx.t("split-usage"));
      return;
    }
    if (mentionId !== undefined) {
      const result = await splitMention(deps.db, { id, mentionId, ...actor(ctx, deps) });
      await ctx.reply(result.ok ? ctx.t("split-mention-done", { id: String(result.splitId), kept: String(result.keptId), mention: String(mentionId) }) : splitErrorText(ctx.lang, result.error));
      return;
    }
    const result = await splitMerged(deps.db, { id, ...actor(ctx, deps) });
    if (result.ok) {
      await ctx.reply(ctx.t("split-done", { id: String(result.splitId), kept: String(result.keptId), mentions: result.mentions, followers: result.followers }));
      return;
    }
    if (result.error.code !== "not_merged") {
      await ctx.reply(splitErrorText(ctx.lang, result.error));
      return;
    }
    // Not merged away: list what can be split off it, each with the exact command.
    await replyHtml(ctx, await splitOptionLines(deps, ctx.lang, id));
  });

  admin.command("questions", async (ctx) => {
    const { total, questions } = await listOpenQuestions(deps.db, QUESTIONS_PER_REPLY);
    if (total === 0) {
      await ctx.reply(ctx.t("questions-none"));
      return;
    }
    await replyHtml(ctx, [th(ctx.lang, "questions-title", { total }), ...(total > questions.length ? [th(ctx.lang, "questions-more", { shown: questions.length })] : [])]);
    for (const q of questions) await replyHtml(ctx, questionLines(ctx.lang, q), { keyboard: questionKeyboard(ctx.lang, q.id) });
  });

  admin.callbackQuery(/^1:m:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (action?.type !== "match") {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true });
      return;
    }
    const result = await answerQuestion(deps.db, { questionId: action.questionId, same: action.same, ...actor(ctx, deps) });
    if (!result.ok) {
      if (result.code === "not_found") await ctx.answerCallbackQuery({ text: ctx.t("match-gone"), show_alert: true });
      else if (result.code === "merge_refused") await ctx.answerCallbackQuery({ text: mergeErrorText(ctx.lang, result.error), show_alert: true });
      else {
        const name = result.byName ?? (result.answeredBy !== null ? String(result.answeredBy) : ctx.t("match-someone"));
        const answer = ctx.t(result.status === "same" ? "match-word-same" : "match-word-different");
        const when = result.answeredAt ? formatDate(ctx.lang, result.answeredAt.toISOString().slice(0, 10)) : "";
        await ctx.answerCallbackQuery({ text: ctx.t("match-already", { name, answer, date: when }), show_alert: true });
      }
      return;
    }
    const q = await getQuestion(deps.db, action.questionId);
    const name = senderName(ctx) ?? ctx.t("match-someone");
    const ids = { new: String(q?.commitmentId ?? ""), old: String(q?.candidateId ?? ""), name };
    await ctx.answerCallbackQuery({ text: ctx.t(result.same ? "match-alert-same" : "match-alert-different", ids) });
    if (q) await editHtml(ctx, [...questionLines(ctx.lang, q), html``, th(ctx.lang, result.same ? "match-answered-same" : "match-answered-different", ids)]);
  });
}

function questionKeyboard(lang: Language, questionId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t(lang, "match-same"), encodeCallback({ type: "match", questionId, same: true }))
    .text(t(lang, "match-different"), encodeCallback({ type: "match", questionId, same: false }));
}

/** "Question 7: is #15 the same commitment as #12?", both sides with date, source and quote, and why it was asked. */
export function questionLines(lang: Language, q: QuestionDetail): Html[] {
  const lines: Html[] = [th(lang, "match-head", { id: String(q.id), new: String(q.commitmentId), old: String(q.candidateId), score: q.score.toFixed(2) })];
  for (const [key, side] of [["match-side-new", q.commitment], ["match-side-old", q.candidate]] as const) {
    lines.push(th(lang, key, { id: String(side.id), title: truncate(side.title, 200) }));
    if (side.mergedIntoId !== null) lines.push(th(lang, "match-side-merged", { id: String(side.mergedIntoId) }));
    const published = side.publishedOn ?? side.source.publishedOn;
    lines.push(th(lang, "match-side-detail", {
      due: dueLabel(lang, side),
      body: truncate(side.body ?? t(lang, "card-not-named"), 100),
      source: truncate(side.source.title ?? side.source.file, 100),
      date: published ? formatDate(lang, published) : t(lang, "card-published-unknown"),
    }));
    lines.push(html`<blockquote>${truncate(side.quote, QUESTION_QUOTE_CHARS)}</blockquote>`);
  }
  const reasons = readableReasons(q.reasons);
  if (reasons) lines.push(th(lang, "match-reasons", { reasons: truncate(reasons, 400) }));
  return lines;
}

/** The matcher's reasons (a JSON list of { feature, detail }, or an object holding one) as one line. */
function readableReasons(json: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return "";
  }
  const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === "object" && Array.isArray((parsed as { reasons?: unknown }).reasons) ? (parsed as { reasons: unknown[] }).reasons : [];
  return list
    .map((r) => (r && typeof r === "object" && typeof (r as { detail?: unknown }).detail === "string" ? (r as { detail: string }).detail : ""))
    .filter((d) => d !== "")
    .join("; ");
}

async function splitOptionLines(deps: BotDeps, lang: Language, id: number): Promise<Html[]> {
  const options = await splitOptions(deps.db, id);
  if (options.merged.length === 0 && options.matched.length === 0) return [th(lang, "split-nothing", { id: String(id) })];
  const lines: Html[] = [th(lang, "split-options-title", { id: String(id) })];
  for (const m of options.merged) {
    lines.push(th(lang, "split-option-merged", {
      merged: String(m.id), title: truncate(m.title, 80), mentions: m.mentions,
      by: m.byName ? truncate(m.byName, 40) : t(lang, "match-someone"), date: m.at ? formatDate(lang, m.at.toISOString().slice(0, 10)) : "",
    }));
  }
  for (const m of options.matched) {
    lines.push(th(lang, "split-option-matched", {
      id: String(id), mention: String(m.id), source: truncate(m.source, 80),
      date: m.publishedOn ? formatDate(lang, m.publishedOn) : t(lang, "card-published-unknown"),
      phrase: m.dueText ? truncate(m.dueText, 80) : t(lang, "card-mention-no-phrase"),
    }));
  }
  return lines;
}
