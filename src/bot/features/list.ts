import { Composer, type Context, type InlineKeyboard } from "grammy";
import { addDays } from "../../calendar.ts";
import { listCommitments, type ListCommitmentsQuery } from "../../commitments/list-commitments.ts";
import { decodeCallback, type ListView } from "../callback-data.ts";
import type { BotDeps } from "../deps.ts";
import { commitmentLine } from "../format/commitment.ts";
import { html, type Html } from "../format/html.ts";
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
export async function renderListPage(deps: BotDeps, view: ListView, requestedPage: number): Promise<RenderedPage> {
  const day = today(deps);
  const query = viewQuery(view, day);
  let page = Math.max(0, requestedPage);
  let result = await listCommitments(deps.db, { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (page >= pageCount) {
    page = pageCount - 1;
    result = await listCommitments(deps.db, { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  }
  if (result.total === 0) return { lines: [emptyText(view)] };
  const header = html`<b>${viewTitle(view)}</b> (${result.total}${pageCount > 1 ? `, page ${page + 1} of ${pageCount}` : ""})`;
  const lines = [header, ...result.rows.map((row) => commitmentLine(row, day)), html`<i>/status ID for the full card</i>`];
  return { lines, keyboard: pagerKeyboard(view, page, pageCount) };
}

function viewQuery(view: ListView, day: string): ListCommitmentsQuery {
  if (view.kind === "all") return { status: "all", today: day };
  if (view.kind === "overdue") return { status: "overdue", today: day };
  return { status: "open", today: day, dueFrom: day, dueTo: addDays(day, view.days) };
}

function viewTitle(view: ListView): string {
  if (view.kind === "all") return "Tracked commitments, soonest due first";
  if (view.kind === "overdue") return "Overdue commitments";
  return `Due in the next ${view.days} days`;
}

function emptyText(view: ListView): Html {
  if (view.kind === "all") return html`No commitments are tracked yet.`;
  if (view.kind === "overdue") return html`Nothing is overdue. 🎉`;
  return html`Nothing is due in the next ${view.days} days. Try /upcoming 90 or /list.`;
}

/** /list, /upcoming [days], /overdue and their ◀ ▶ buttons. */
export function createListFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();

  feature.command("list", async (ctx) => {
    const { lines, keyboard } = await renderListPage(deps, { kind: "all" }, 0);
    await replyHtml(ctx, lines, { keyboard });
  });

  feature.command("upcoming", async (ctx) => {
    const arg = commandArgs(ctx);
    let days = DEFAULT_UPCOMING_DAYS;
    if (arg !== "") {
      if (!/^\d{1,9}$/.test(arg) || Number(arg) < 1 || Number(arg) > MAX_UPCOMING_DAYS) {
        const tooFar = /^\d{1,9}$/.test(arg) && Number(arg) > MAX_UPCOMING_DAYS;
        const hint = tooFar ? ` ${arg} is too far ahead: /list shows everything, soonest first.` : "";
        await ctx.reply(`Usage: /upcoming [days], a number from 1 to ${MAX_UPCOMING_DAYS} (default ${DEFAULT_UPCOMING_DAYS}).${hint}`);
        return;
      }
      days = Number(arg);
    }
    const { lines, keyboard } = await renderListPage(deps, { kind: "upcoming", days }, 0);
    await replyHtml(ctx, lines, { keyboard });
  });

  feature.command("overdue", async (ctx) => {
    // Most overdue first = earliest due date first, which is the list's order.
    const { lines, keyboard } = await renderListPage(deps, { kind: "overdue" }, 0);
    await replyHtml(ctx, lines, { keyboard });
  });

  feature.callbackQuery(/^1:p:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (action?.type !== "page") {
      await ctx.answerCallbackQuery({ text: "This button has expired; send /list again.", show_alert: true });
      return;
    }
    const { lines, keyboard } = await renderListPage(deps, action.view, action.page);
    await editHtml(ctx, lines, { keyboard });
    await ctx.answerCallbackQuery();
  });

  return feature;
}
