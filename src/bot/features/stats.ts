import { getStats } from "../../commitments/get-stats.ts";
import type { AdminComposer } from "../admin.ts";
import type { BotDeps } from "../deps.ts";
import { html } from "../format/html.ts";
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
    const outbox = deliveries.map((d) => `${d.state} ${d._count._all}`).join(", ") || "empty";
    await replyHtml(ctx, [
      html`<b>Mindet stats</b>`,
      html`Commitments: ${stats.total} (open ${s.open}, overdue ${s.overdue}, postponed ${s.postponed}, done ${s.done}, missed ${s.missed}, cancelled ${s.cancelled}); undated ${stats.undated}, withdrawn ${stats.withdrawn}`,
      html`Sources: ${stats.sources}; status changes: ${stats.statusChanges}`,
      html`Chats: ${chats} (${activeChats} active); follows: ${follows}`,
      html`Reminder outbox: ${outbox}`,
    ]);
  });
}
