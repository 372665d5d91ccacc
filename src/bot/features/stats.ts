import { getStats } from "../../commitments/get-stats.ts";
import type { AdminComposer } from "../admin.ts";
import type { BotDeps } from "../deps.ts";
import { th } from "../i18n/translate.ts";
import { replyHtml } from "../reply.ts";
import { today } from "../today.ts";

/** /stats (admins): the store, the chats and the reminder outbox in numbers. */
export function registerStatsCommand(deps: BotDeps, admin: AdminComposer): void {
  admin.command("stats", async (ctx) => {
    const [stats, chats, activeChats, follows, deliveries] = await Promise.all([
      getStats(deps.db, today(deps)),
      deps.db.chat.count(),
      deps.db.chat.count({ where: { active: true } }),
      deps.db.follow.count(),
      deps.db.delivery.groupBy({ by: ["state"], _count: { _all: true } }),
    ]);
    const s = stats.byStatus;
    // Outbox states are the stored words (pending, sent, ...): what an admin greps the logs for.
    const outbox = deliveries.map((d) => `${d.state} ${d._count._all}`).join(", ") || ctx.t("stats-outbox-empty");
    const lang = ctx.lang;
    await replyHtml(ctx, [
      th(lang, "stats-title"),
      th(lang, "stats-commitments", { total: stats.total, open: s.open, overdue: s.overdue, postponed: s.postponed, done: s.done, missed: s.missed, cancelled: s.cancelled, undated: stats.undated, withdrawn: stats.withdrawn }),
      th(lang, "stats-sources", { sources: stats.sources, changes: stats.statusChanges }),
      th(lang, "stats-chats", { chats, active: activeChats, follows }),
      th(lang, "stats-outbox", { outbox }),
    ]);
  });
}
