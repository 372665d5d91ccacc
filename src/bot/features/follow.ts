import { todayIn } from "../../calendar.ts";
import { nextReminder } from "../../reminders/next-reminder.ts";
import { Composer, InlineKeyboard } from "grammy";
import { follow, listFollows, resolveFollowTarget, unfollow, type FollowTarget } from "../../chats/follow.ts";
import { TOPICS } from "../../extraction/types.ts";
import { decodeCallback, encodeCallback, type FollowButtonTarget } from "../callback-data.ts";
import type { ManageCheck } from "../chat-admins.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { describeFollow, topicLabel } from "../format/chat.ts";
import { formatDay } from "../format/dates.ts";
import { clipInput, html, truncate, type Html } from "../format/html.ts";
import type { Language } from "../i18n/languages.ts";
import { t, th } from "../i18n/translate.ts";
import { commandArgs, editText, replyHtml } from "../reply.ts";

/** Bodies offered as buttons: those with the most commitments. */
export const BODY_BUTTONS = 8;
/** Longest /follow argument read (no body name or topic is longer). */
const MAX_ARG_CHARS = 200;

/**
 * Everything, every topic, then the busiest responsible bodies. A body button carries the id of
 * one of its commitments (a body's name may not fit in 64 bytes, and ids do not shift when new
 * bodies appear). Body names stay as the source wrote them.
 */
async function followKeyboard(deps: BotDeps, lang: Language): Promise<InlineKeyboard> {
  const keyboard = new InlineKeyboard().text(t(lang, "follow-everything-button"), encodeCallback({ type: "follow", target: "all" })).row();
  TOPICS.forEach((topic, i) => {
    keyboard.text(topicLabel(lang, topic), encodeCallback({ type: "follow", target: { topic: i } }));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row();
  const bodies = await deps.db.commitment.groupBy({
    by: ["body"],
    where: { body: { not: null }, withdrawnAt: null },
    _count: { _all: true },
    _min: { id: true },
    orderBy: [{ _count: { body: "desc" } }, { body: "asc" }],
    take: BODY_BUTTONS,
  });
  for (const b of bodies) {
    if (!b.body || b._min.id === null) continue;
    keyboard.text(`🏛 ${truncate(b.body, 40)}`, encodeCallback({ type: "follow", target: { bodyOf: b._min.id } })).row();
  }
  return keyboard;
}

async function unfollowKeyboard(deps: BotDeps, lang: Language, chatId: number): Promise<InlineKeyboard | null> {
  const follows = await listFollows(deps.db, chatId);
  if (follows.length === 0) return null;
  const keyboard = new InlineKeyboard();
  for (const f of follows.slice(0, 30)) {
    keyboard.text(`✖ ${truncate(describeFollow(lang, f, "item"), 40)}`, encodeCallback({ type: "unfollow", followId: f.id })).row();
  }
  return keyboard.text(t(lang, "unfollow-stop-everything"), encodeCallback({ type: "unfollowAll" }));
}

async function targetFromButton(deps: BotDeps, target: FollowButtonTarget): Promise<FollowTarget | null> {
  if (target === "all") return { kind: "all", value: "" };
  if ("topic" in target) {
    const topic = TOPICS[target.topic];
    return topic ? { kind: "topic", value: topic } : null;
  }
  if ("bodyOf" in target) {
    const row = await deps.db.commitment.findUnique({ where: { id: target.bodyOf }, select: { body: true } });
    return row?.body ? { kind: "body", value: row.body } : null;
  }
  const row = await deps.db.commitment.findUnique({ where: { id: target.commitment }, select: { id: true, title: true } });
  return row ? { kind: "commitment", value: String(row.id), commitmentId: row.id, title: row.title } : null;
}

/**
 * "Next reminder: 26 Feb 2026, 09:00, for “Title” (due 5 Mar 2026) · /c 12": what the planner
 * will send first for everything this chat follows now (src/reminders/next-reminder.ts uses the
 * planner's own stage instants), so a new follower knows when to expect Mindet.
 */
async function nextReminderText(deps: BotDeps, lang: Language, chatId: number): Promise<string> {
  const next = await nextReminder(deps.db, chatId, deps.clock.now());
  if (!next) return t(lang, "follow-next-none");
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: next.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(next.at);
  return t(lang, "follow-next", {
    day: formatDay(lang, todayIn(next.timeZone, next.at)),
    time,
    title: truncate(next.title, 120),
    due: formatDay(lang, next.dueOn),
    id: String(next.commitmentId),
  });
}

function followedText(lang: Language, target: FollowTarget, added: boolean): string {
  return t(lang, added ? "follow-added" : "follow-already", { what: describeFollow(lang, target) });
}

/** /follow, /unfollow and their buttons. */
export function createFollowFeature(deps: BotDeps, canManage: ManageCheck): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("follow", async (ctx) => {
    const arg = commandArgs(ctx);
    if (arg === "") {
      await replyHtml(ctx, th(ctx.lang, "follow-prompt"), { keyboard: await followKeyboard(deps, ctx.lang) });
      return;
    }
    if (!(await canManage(ctx))) return;
    const wanted = clipInput(arg, MAX_ARG_CHARS);
    const resolved = await resolveFollowTarget(deps.db, wanted);
    if (!resolved.ok) {
      await replyHtml(ctx, notFoundText(ctx.lang, wanted, resolved.suggestions, "follow"));
      return;
    }
    const added = await follow(deps.db, ctx.chat.id, resolved.target, deps.clock.now());
    const text = followedText(ctx.lang, resolved.target, added) + (added ? ` ${ctx.t("follow-mine-hint")}` : "");
    await ctx.reply(added ? `${text}\n${await nextReminderText(deps, ctx.lang, ctx.chat.id)}` : text);
  });

  feature.command("unfollow", async (ctx) => {
    const arg = commandArgs(ctx);
    if (arg === "") {
      const keyboard = await unfollowKeyboard(deps, ctx.lang, ctx.chat.id);
      if (!keyboard) await ctx.reply(ctx.t("unfollow-nothing-yet"));
      else await replyHtml(ctx, th(ctx.lang, "unfollow-prompt"), { keyboard });
      return;
    }
    if (!(await canManage(ctx))) return;
    const wanted = clipInput(arg, MAX_ARG_CHARS);
    const resolved = await resolveFollowTarget(deps.db, wanted);
    if (!resolved.ok) {
      await replyHtml(ctx, notFoundText(ctx.lang, wanted, resolved.suggestions, "unfollow"));
      return;
    }
    const removed = await unfollow(deps.db, ctx.chat.id, resolved.target);
    if (resolved.target.kind === "all") {
      await ctx.reply(ctx.t(removed > 0 ? "unfollow-all-done" : "unfollow-all-none"));
    } else {
      await ctx.reply(ctx.t(removed > 0 ? "unfollow-done" : "unfollow-not-followed", { what: describeFollow(ctx.lang, resolved.target) }));
    }
  });

  feature.callbackQuery(/^1:f:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    const target = action?.type === "follow" ? await targetFromButton(deps, action.target) : null;
    if (!target || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: ctx.t("follow-expired"), show_alert: true });
      return;
    }
    if (!(await canManage(ctx))) return;
    const added = await follow(deps.db, ctx.chat.id, target, deps.clock.now());
    await ctx.answerCallbackQuery({ text: followedText(ctx.lang, target, added) });
    if (added) await ctx.reply(followedText(ctx.lang, target, true));
  });

  feature.callbackQuery(/^1:u:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if ((action?.type !== "unfollow" && action?.type !== "unfollowAll") || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: ctx.t("unfollow-expired"), show_alert: true });
      return;
    }
    if (!(await canManage(ctx))) return;
    const chatId = BigInt(ctx.chat.id);
    let text: string;
    if (action.type === "unfollowAll") {
      await deps.db.follow.deleteMany({ where: { chatId } });
      text = ctx.t("unfollow-alert-all");
    } else {
      // The follow must belong to this chat: a forged id from another chat removes nothing.
      const { count } = await deps.db.follow.deleteMany({ where: { id: action.followId, chatId } });
      text = ctx.t(count > 0 ? "unfollow-alert-one" : "unfollow-alert-gone");
    }
    await ctx.answerCallbackQuery({ text });
    const keyboard = await unfollowKeyboard(deps, ctx.lang, ctx.chat.id);
    if (keyboard) await ctx.editMessageReplyMarkup({ reply_markup: keyboard });
    else await editText(ctx, ctx.t("unfollow-now-empty"));
  });

  return feature;
}

/**
 * Why the text matched nothing, in the chat's language. The store explains in English; the
 * two cases are told apart here the way it tells them apart (an id, or anything else).
 */
function notFoundText(lang: Language, wanted: string, suggestions: string[], command: string): Html[] {
  const text = wanted.trim().replace(/\s+/g, " ");
  const id = /^#?(\d{1,9})$/.exec(text)?.[1];
  const lines = [id !== undefined ? th(lang, "follow-no-commitment", { id }) : th(lang, "follow-nothing-called", { text })];
  if (suggestions.length > 0) {
    lines.push(th(lang, "follow-did-you-mean"), ...suggestions.map((s) => html`• /${command} ${s}`));
  } else {
    lines.push(th(lang, "follow-try", { command }));
  }
  return lines;
}
