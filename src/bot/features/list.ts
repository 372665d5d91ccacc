import { Composer, type InlineKeyboard } from "grammy";
import { addDays } from "../../calendar.ts";
import { listCommitments, type ListCommitmentsQuery } from "../../commitments/list-commitments.ts";
import { decodeCallback, type ListView } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { commitmentLine } from "../format/commitment.ts";
import type { Html } from "../format/html.ts";
import type { Language } from "../i18n/languages.ts";
import { t, th } from "../i18n/translate.ts";
import { pagerKeyboard } from "../keyboards/pager.ts";
import { commandArgs, editHtml, replyHtml } from "../reply.ts";
import { today } from "../today.ts";

/** Lines per page: ten lines of at most ~200 characters keep a page far below 4,096. */
export const PAGE_SIZE = 10;
export const DEFAULT_UPCOMING_DAYS = 30;
export const MAX_UPCOMING_DAYS = 365;

interface RenderedPage {
  lines: Html[];
  keyboard?: InlineKeyboard;
}

/** One page of a list view; a page past the end (a stale button) shows the last page. */
export async function renderListPage(deps: BotDeps, lang: Language, view: ListView, requestedPage: number): Promise<RenderedPage> {
  const day = today(deps);
  const query = viewQuery(view, day);
  let page = Math.max(0, requestedPage);
  let result = await listCommitments(deps.db, { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (page >= pageCount) {
    page = pageCount - 1;
    result = await listCommitments(deps.db, { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  }
  if (result.total === 0) return { lines: [emptyText(lang, view)] };
  const title = viewTitle(lang, view);
  const header = pageCount > 1 ? th(lang, "list-header-paged", { title, total: result.total, page: page + 1, pages: pageCount }) : th(lang, "list-header", { title, total: result.total });
  const lines = [header, ...result.rows.map((row) => commitmentLine(lang, row, day)), th(lang, "list-footer")];
  return { lines, keyboard: pagerKeyboard(view, page, pageCount) };
}

function viewQuery(view: ListView, day: string): ListCommitmentsQuery {
  if (view.kind === "all") return { status: "all", today: day };
  if (view.kind === "overdue") return { status: "overdue", today: day };
  return { status: "open", today: day, dueFrom: day, dueTo: addDays(day, view.days) };
}

function viewTitle(lang: Language, view: ListView): string {
  if (view.kind === "all") return t(lang, "list-title-all");
  if (view.kind === "overdue") return t(lang, "list-title-overdue");
  return t(lang, "list-title-upcoming", { days: view.days });
}

function emptyText(lang: Language, view: ListView): Html {
  if (view.kind === "all") return th(lang, "list-empty-all");
  if (view.kind === "overdue") return th(lang, "list-empty-overdue");
  return th(lang, "list-empty-upcoming", { days: view.days });
}

/** /list, /upcoming [days], /overdue and their ◀ ▶ buttons. */
export function createListFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("list", async (ctx) => {
    const { lines, keyboard } = await renderListPage(deps, ctx.lang, { kind: "all" }, 0);
    await replyHtml(ctx, lines, { keyboard });
  });

  feature.command("upcoming", async (ctx) => {
    const arg = commandArgs(ctx);
    let days = DEFAULT_UPCOMING_DAYS;
    if (arg !== "") {
      if (!/^\d{1,9}$/.test(arg) || Number(arg) < 1 || Number(arg) > MAX_UPCOMING_DAYS) {
        const tooFar = /^\d{1,9}$/.test(arg) && Number(arg) > MAX_UPCOMING_DAYS;
        const usage = ctx.t("upcoming-usage", { max: MAX_UPCOMING_DAYS, default: DEFAULT_UPCOMING_DAYS });
        await ctx.reply(tooFar ? `${usage} ${ctx.t("upcoming-too-far", { days: arg })}` : usage);
        return;
      }
      days = Number(arg);
    }
    const { lines, keyboard } = await renderListPage(deps, ctx.lang, { kind: "upcoming", days }, 0);
    await replyHtml(ctx, lines, { keyboard });
  });

  feature.command("overdue", async (ctx) => {
    // Most overdue first = earliest due date first, which is the list's order.
    const { lines, keyboard } = await renderListPage(deps, ctx.lang, { kind: "overdue" }, 0);
    await replyHtml(ctx, lines, { keyboard });
  });

  feature.callbackQuery(/^1:p:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (action?.type !== "page") {
      await ctx.answerCallbackQuery({ text: ctx.t("list-expired"), show_alert: true });
      return;
    }
    const { lines, keyboard } = await renderListPage(deps, ctx.lang, action.view, action.page);
    await editHtml(ctx, lines, { keyboard });
    await ctx.answerCallbackQuery();
  });

  return feature;
}
