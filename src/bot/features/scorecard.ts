import { Composer, InputFile } from "grammy";
import { scorecardBarChart } from "../../scorecard/charts/bar-chart.ts";
import { renderPng } from "../../scorecard/charts/render-png.ts";
import { commitmentTimelineChart } from "../../scorecard/charts/timeline-chart.ts";
import { getCommitmentTimeline } from "../../scorecard/get-commitment-timeline.ts";
import { findBodyScore, getScorecard, type Scorecard } from "../../scorecard/get-scorecard.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { clipInput, html, type Html } from "../format/html.ts";
import { barChartLabels, bodyBlock, CHART_BODIES, scorecardLines, timelineLabels, timelineLines } from "../format/scorecard.ts";
import { th } from "../i18n/translate.ts";
import { commandArgs, replyHtml } from "../reply.ts";
import { today } from "../today.ts";
import { parseCommitmentId } from "./status.ts";

/** Longest /scorecard argument read (no body name is longer). */
const MAX_ARG_CHARS = 200;

/**
 * /scorecard for everyone: every body (the text and a bar chart), one body (`/scorecard transport`,
 * matched as /follow matches bodies), or one commitment's date history (`/scorecard 12`).
 */
export function createScorecardFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("scorecard", async (ctx) => {
    const arg = clipInput(commandArgs(ctx), MAX_ARG_CHARS);
    const id = parseCommitmentId(arg);
    if (id !== null) {
      await replyTimeline(ctx, deps, id);
      return;
    }
    const card = await getScorecard(deps.db, { now: deps.clock.now(), timeZone: deps.config.defaultTimeZone });
    if (card.total.tracked === 0) {
      await ctx.reply(ctx.t("scorecard-empty"));
      return;
    }
    if (arg === "") {
      await replyHtml(ctx, scorecardLines(ctx.lang, card));
      await replyChart(ctx, deps, card, ctx.t("scorecard-chart-caption"));
      return;
    }
    const found = findBodyScore(card, arg);
    if (!found.ok) {
      const text = arg.replace(/\s+/g, " ");
      const lines: Html[] = [th(ctx.lang, "scorecard-no-body", { text })];
      if (found.suggestions.length > 0) lines.push(th(ctx.lang, "follow-did-you-mean"), ...found.suggestions.map((s) => html`• /scorecard ${s}`));
      else lines.push(th(ctx.lang, "scorecard-try"));
      await replyHtml(ctx, lines);
      return;
    }
    await replyHtml(ctx, [...bodyBlock(ctx.lang, found.score), html``, th(ctx.lang, "scorecard-definitions")]);
    await replyChart(ctx, deps, { ...card, bodies: [found.score] }, ctx.t("scorecard-chart-caption"));
  });

  return feature;
}

async function replyTimeline(ctx: BotContext, deps: BotDeps, id: number): Promise<void> {
  const timeline = await getCommitmentTimeline(deps.db, id, deps.config.defaultTimeZone);
  if (!timeline) {
    await ctx.reply(ctx.t("scorecard-no-commitment", { id: String(id) }));
    return;
  }
  const day = today(deps);
  await replyHtml(ctx, timelineLines(ctx.lang, timeline, day));
  const svg = commitmentTimelineChart(timeline, day, timelineLabels(ctx.lang, timeline));
  await replyPng(ctx, deps, svg, `timeline-${timeline.id}.png`, ctx.t("timeline-caption", { id: String(timeline.id) }));
}

async function replyChart(ctx: BotContext, deps: BotDeps, card: Scorecard, caption: string): Promise<void> {
  const svg = scorecardBarChart(card.bodies.slice(0, CHART_BODIES), barChartLabels(ctx.lang));
  await replyPng(ctx, deps, svg, "scorecard.png", caption);
}

/**
 * Sends a chart as a photo. A chart that cannot be drawn (the renderer's native module missing on
 * an unusual platform) is logged and said in one line: the text before it already has the numbers.
 */
async function replyPng(ctx: BotContext, deps: BotDeps, svg: string, fileName: string, caption: string): Promise<void> {
  let png: Buffer;
  try {
    png = await renderPng(svg);
  } catch (error) {
    deps.logger.error({ err: error }, "chart rendering failed");
    await ctx.reply(ctx.t("scorecard-chart-failed"));
    return;
  }
  await ctx.replyWithPhoto(new InputFile(png, fileName), { caption });
}
