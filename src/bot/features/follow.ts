import { Composer, InlineKeyboard, type Context } from "grammy";
import { follow, listFollows, resolveFollowTarget, unfollow, type FollowTarget } from "../../chats/follow.ts";
import { TOPICS } from "../../extraction/types.ts";
import { decodeCallback, encodeCallback, type FollowButtonTarget } from "../callback-data.ts";
import type { ManageCheck } from "../chat-admins.ts";
import type { BotDeps } from "../deps.ts";
import { describeFollow } from "../format/chat.ts";
import { clipInput, html, truncate, type Html } from "../format/html.ts";
import { commandArgs, replyHtml } from "../reply.ts";

/** Bodies offered as buttons: those with the most commitments. */
export const BODY_BUTTONS = 8;
/** Longest /follow argument read (no body name or topic is longer). */
const MAX_ARG_CHARS = 200;

/**
 * Everything, every topic, then the busiest responsible bodies. A body button carries the id of
 * one of its commitments (a body's name may not fit in 64 bytes, and ids do not shift when new
 * bodies appear).
 */
async function followKeyboard(deps: BotDeps): Promise<InlineKeyboard> {
  const keyboard = new InlineKeyboard().text("🔔 Everything", encodeCallback({ type: "follow", target: "all" })).row();
  TOPICS.forEach((topic, i) => {
    keyboard.text(topic, encodeCallback({ type: "follow", target: { topic: i } }));
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

async function unfollowKeyboard(deps: BotDeps, chatId: number): Promise<InlineKeyboard | null> {
  const follows = await listFollows(deps.db, chatId);
  if (follows.length === 0) return null;
  const keyboard = new InlineKeyboard();
  for (const f of follows.slice(0, 30)) {
    keyboard.text(`✖ ${truncate(describeFollow(f), 40)}`, encodeCallback({ type: "unfollow", followId: f.id })).row();
  }
  return keyboard.text("✖ Stop everything", encodeCallback({ type: "unfollowAll" }));
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

function followedText(target: FollowTarget, added: boolean): string {
  const what = target.kind === "commitment" ? `commitment #${target.commitmentId}` : describeFollow(target);
  return added ? `🔔 This chat now follows ${what}.` : `This chat already follows ${what}.`;
}

/** /follow, /unfollow and their buttons. */
export function createFollowFeature(deps: BotDeps, canManage: ManageCheck): Composer<Context> {
  const feature = new Composer<Context>();

  feature.command("follow", async (ctx) => {
    const arg = commandArgs(ctx);
    if (arg === "") {
      await replyHtml(ctx, html`What should this chat follow? Pick one, or send /follow ID, /follow TOPIC or /follow MINISTRY.`, {
        keyboard: await followKeyboard(deps),
      });
      return;
    }
    if (!(await canManage(ctx))) return;
    const resolved = await resolveFollowTarget(deps.db, clipInput(arg, MAX_ARG_CHARS));
    if (!resolved.ok) {
      await replyHtml(ctx, notFoundText(resolved.error, resolved.suggestions, "follow"));
      return;
    }
    const added = await follow(deps.db, ctx.chat.id, resolved.target);
    await ctx.reply(followedText(resolved.target, added) + (added ? " /mine shows all it follows." : ""));
  });

  feature.command("unfollow", async (ctx) => {
    const arg = commandArgs(ctx);
    if (arg === "") {
      const keyboard = await unfollowKeyboard(deps, ctx.chat.id);
      if (!keyboard) await ctx.reply("This chat follows nothing yet. /follow to start.");
      else await replyHtml(ctx, html`Tap what this chat should stop following:`, { keyboard });
      return;
    }
    if (!(await canManage(ctx))) return;
    const resolved = await resolveFollowTarget(deps.db, clipInput(arg, MAX_ARG_CHARS));
    if (!resolved.ok) {
      await replyHtml(ctx, notFoundText(resolved.error, resolved.suggestions, "unfollow"));
      return;
    }
    const removed = await unfollow(deps.db, ctx.chat.id, resolved.target);
    if (resolved.target.kind === "all") {
      await ctx.reply(removed > 0 ? "🔕 Done: this chat follows nothing now and gets no reminders." : "This chat followed nothing.");
    } else {
      await ctx.reply(removed > 0 ? `🔕 No longer following ${describeFollow(resolved.target)}.` : `This chat did not follow ${describeFollow(resolved.target)}.`);
    }
  });

  feature.callbackQuery(/^1:f:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    const target = action?.type === "follow" ? await targetFromButton(deps, action.target) : null;
    if (!target || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: "This button has expired; send /follow again.", show_alert: true });
      return;
    }
    if (!(await canManage(ctx))) return;
    const added = await follow(deps.db, ctx.chat.id, target);
    await ctx.answerCallbackQuery({ text: followedText(target, added) });
    if (added) await ctx.reply(followedText(target, true));
  });

  feature.callbackQuery(/^1:u:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if ((action?.type !== "unfollow" && action?.type !== "unfollowAll") || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: "This button has expired; send /unfollow again.", show_alert: true });
      return;
    }
    if (!(await canManage(ctx))) return;
    const chatId = BigInt(ctx.chat.id);
    let text: string;
    if (action.type === "unfollowAll") {
      await deps.db.follow.deleteMany({ where: { chatId } });
      text = "This chat follows nothing now.";
    } else {
      // The follow must belong to this chat: a forged id from another chat removes nothing.
      const { count } = await deps.db.follow.deleteMany({ where: { id: action.followId, chatId } });
      text = count > 0 ? "Unfollowed." : "Already gone.";
    }
    await ctx.answerCallbackQuery({ text });
    const keyboard = await unfollowKeyboard(deps, ctx.chat.id);
    if (keyboard) await ctx.editMessageReplyMarkup({ reply_markup: keyboard });
    else await ctx.editMessageText("This chat follows nothing now. /follow to start again.");
  });

  return feature;
}

function notFoundText(error: string, suggestions: string[], command: string): Html[] {
  const lines = [html`${error}`];
  if (suggestions.length > 0) {
    lines.push(html`Did you mean:`, ...suggestions.map((s) => html`• /${command} ${s}`));
  } else {
    lines.push(html`Try /${command} all, /${command} 12 (an id from /list), a topic such as /${command} digital, or a ministry.`);
  }
  return lines;
}
