import { Composer, InlineKeyboard } from "grammy";
import { getCommitment } from "../../commitments/get-commitment.ts";
import { documentUrls } from "../../sources/document-urls.ts";
import { decodeCallback, encodeCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { commitmentCard, type CardCommitment } from "../format/commitment.ts";
import { commandArgs, replyHtml } from "../reply.ts";
import { today } from "../today.ts";

/** "12", "#12" -> 12; null for anything else. */
export function parseCommitmentId(text: string): number | null {
  const m = /^#?(\d{1,9})$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** Replies with a commitment's card and a Follow button, or says why there is none. */
export async function replyWithCard(ctx: BotContext, deps: BotDeps, id: number): Promise<void> {
  const commitment = await getCommitment(deps.db, id);
  if (!commitment) {
    await ctx.reply(ctx.t("status-not-found", { id: String(id) }));
    return;
  }
  // A merged-away commitment is followed through the one it joined.
  const target = commitment.mergedIntoId ?? id;
  const keyboard = new InlineKeyboard().text(ctx.t("card-follow"), encodeCallback({ type: "follow", target: { commitment: target } }));
  if (commitment.mergedIntoId !== null) keyboard.text(ctx.t("card-open-merged", { id: String(target) }), encodeCallback({ type: "card", commitmentId: target }));
  const urls = await documentUrls(deps.db, [commitment.sourceId, ...commitment.mentions.map((m) => m.sourceId)]);
  const card: CardCommitment = {
    ...commitment,
    url: urls.get(commitment.sourceId) ?? null,
    mentions: commitment.mentions.map((m) => ({ ...m, url: urls.get(m.sourceId) ?? null })),
    dueChanges: commitment.dueChanges.map((d) => ({ ...d, source: d.mention?.source ?? null })),
  };
  await replyHtml(ctx, commitmentCard(ctx.lang, card, today(deps), deps.config.defaultTimeZone), { keyboard });
}

/** /status ID and its alias /c ID. */
export function createStatusFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(["status", "c"], async (ctx) => {
    const arg = commandArgs(ctx);
    if (arg === "") {
      await ctx.reply(ctx.t("status-usage"));
      return;
    }
    const id = parseCommitmentId(arg);
    if (id === null) {
      await ctx.reply(ctx.t("status-not-a-number"));
      return;
    }
    await replyWithCard(ctx, deps, id);
  });

  feature.callbackQuery(/^1:c:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (action?.type !== "card") {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await replyWithCard(ctx, deps, action.commitmentId);
  });

  return feature;
}
