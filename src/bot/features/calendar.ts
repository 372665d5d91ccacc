import { Composer, InputFile } from "grammy";
import { listFollows } from "../../chats/follow.ts";
import type { BotContext } from "../context.ts";
import { followedCommitmentsWhere } from "../../chats/followers-of.ts";
import type { BotDeps } from "../deps.ts";
import { formatDate } from "../format/commitment.ts";
import { buildIcs, type IcsCommitment } from "../format/ics.ts";

/** Most events in one file (a calendar app chokes long before Telegram's 50 MB). */
export const MAX_CALENDAR_EVENTS = 2000;

/** The dated, still-pending commitments a chat follows (directly, by topic, body or "all"). */
export async function followedForCalendar(deps: BotDeps, chatId: number): Promise<IcsCommitment[]> {
  const follows = await listFollows(deps.db, chatId);
  if (follows.length === 0) return [];
  // Who follows what is decided in one place (chats/followers-of.ts).
  const followed = followedCommitmentsWhere(follows);
  if (followed === null) return [];
  const rows = await deps.db.commitment.findMany({
    where: {
      withdrawnAt: null,
      dueOn: { not: null },
      status: { in: ["open", "postponed"] },
      ...followed,
    },
    include: { source: { select: { file: true, title: true, publishedOn: true } } },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: MAX_CALENDAR_EVENTS,
  });
  return rows.map((c) => {
    const published = c.publishedOn ?? c.source.publishedOn;
    const source = [c.source.title ?? c.source.file, c.article && c.article !== c.source.title ? c.article : null, published ? `published ${formatDate("en", published)}` : null]
      .filter((p): p is string => p !== null)
      .join(" · ");
    return {
      id: c.id,
      title: c.title,
      dueOn: c.dueOn as string,
      responsible: c.responsible ?? c.body,
      dueText: c.dueText,
      quote: c.quote,
      source: `${source} (${c.source.file})`,
    };
  });
}

/** /calendar: an .ics file of what this chat follows. */
export function createCalendarFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("calendar", async (ctx) => {
    const items = await followedForCalendar(deps, ctx.chat.id);
    if (items.length === 0) {
      await ctx.reply(ctx.t("calendar-empty"));
      return;
    }
    const ics = buildIcs(items, deps.clock.now(), ctx.lang);
    await ctx.replyWithDocument(new InputFile(Buffer.from(ics, "utf8"), "mindet.ics"), {
      caption: ctx.t("calendar-caption", { count: items.length }),
    });
  });
  return feature;
}
