// Admins: /sources (health), /addsource URL [--links PATTERN] [--every MINUTES], /removesource ID,
// /poll (every source now). The poller runs in the same process (createApp); these only talk to it.
import { parseArgs } from "node:util";
import { addFeed, listFeeds, removeFeed, type FeedHealth } from "../../sources/manage-feeds.ts";
import type { FailingSourceNotice } from "../../sources/poll-source.ts";
import type { RoundReport } from "../../sources/poller.ts";
import { SourceError } from "../../sources/source-error.ts";
import type { AdminComposer } from "../admin.ts";
import type { BotDeps } from "../deps.ts";
import { clipInput, type Html } from "../format/html.ts";
import type { Language } from "../i18n/languages.ts";
import { t, th } from "../i18n/translate.ts";
import { commandArgs, replyHtml } from "../reply.ts";

/** "2026-11-25 09:30 UTC": polling times are the machine's, not a chat's, so UTC says so. */
function minute(lang: Language, date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : t(lang, "sources-never");
}

function feedLines(lang: Language, f: FeedHealth): Html[] {
  const state =
    f.lastStatus === "error"
      ? th(lang, "sources-state-error", { failures: f.failures, error: clipInput(f.lastError ?? "", 300) })
      : f.lastStatus === null
        ? th(lang, "sources-state-new")
        : th(lang, "sources-state-ok", { status: f.lastStatus, note: f.lastError ? ` (${clipInput(f.lastError, 200)})` : "" });
  return [
    th(lang, f.linkPattern ? "sources-feed-links" : "sources-feed", { id: String(f.id), url: f.url, links: f.linkPattern ?? "" }),
    th(lang, "sources-feed-health", {
      every: f.everyMinutes,
      last: minute(lang, f.lastPolledAt),
      next: minute(lang, f.nextPollAt),
      items: f.itemsSeen,
      commitments: f.commitmentsFound,
    }),
    state,
  ];
}

function roundLines(lang: Language, report: RoundReport): Html[] {
  const lines: Html[] = [
    th(lang, "sources-round", {
      polled: report.polled,
      seconds: (report.durationMs / 1000).toFixed(1),
      ok: report.ok,
      unchanged: report.notModified,
      failed: report.failed,
      items: report.newItems,
      commitments: report.commitments,
    }),
  ];
  for (const r of report.reports.filter((x) => x.outcome === "error")) lines.push(th(lang, "sources-round-error", { id: String(r.feedId), error: clipInput(r.error ?? "", 300) }));
  return lines;
}

type AddArgs = { url: string; links?: string; every?: number };

/** "/addsource URL --links PATTERN --every 30": split on spaces (URLs and patterns have none). */
function parseAddArgs(text: string): AddArgs | { errorKey: string } {
  try {
    const { values, positionals } = parseArgs({
      args: text.split(/\s+/).filter(Boolean),
      options: { links: { type: "string" }, every: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) return { errorKey: "sources-add-usage" };
    if (values.every !== undefined && !/^\d{1,6}$/.test(values.every)) return { errorKey: "sources-add-every" };
    return { url: positionals[0] as string, links: values.links, every: values.every === undefined ? undefined : Number(values.every) };
  } catch {
    return { errorKey: "sources-add-usage" };
  }
}

export function registerSourcesCommands(deps: BotDeps, admin: AdminComposer): void {
  const sources = deps.sources;

  admin.command("sources", async (ctx) => {
    const feeds = await listFeeds(deps.db);
    if (feeds.length === 0) {
      await replyHtml(ctx, [th(ctx.lang, "sources-none")]);
      return;
    }
    await replyHtml(ctx, [th(ctx.lang, "sources-title", { count: feeds.length }), ...feeds.flatMap((f) => feedLines(ctx.lang, f))]);
  });

  admin.command("addsource", async (ctx) => {
    const parsed = parseAddArgs(commandArgs(ctx));
    if ("errorKey" in parsed) {
      await replyHtml(ctx, [th(ctx.lang, parsed.errorKey)]);
      return;
    }
    try {
      const result = await addFeed(deps.db, {
        url: parsed.url,
        linkPattern: parsed.links,
        everyMinutes: parsed.every,
        allowPrivate: sources?.allowPrivate ?? false,
        now: deps.clock.now(),
      });
      const key = result.created ? "sources-added" : "sources-exists";
      await replyHtml(ctx, [th(ctx.lang, key, { id: String(result.id), url: result.url })]);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      // The reason is the store's own sentence (English, like a log line), quoted as it is.
      await replyHtml(ctx, [th(ctx.lang, "sources-not-added", { reason: clipInput(error.message, 300) })]);
    }
  });

  admin.command("removesource", async (ctx) => {
    const match = /^#?(\d{1,9})$/.exec(commandArgs(ctx));
    if (!match) {
      await replyHtml(ctx, [th(ctx.lang, "sources-remove-usage")]);
      return;
    }
    const id = Number(match[1]);
    const removed = await removeFeed(deps.db, id);
    await replyHtml(ctx, [th(ctx.lang, removed ? "sources-removed" : "sources-no-such", { id: String(id) })]);
  });

  admin.command("poll", async (ctx) => {
    if (!sources) {
      await replyHtml(ctx, [th(ctx.lang, "sources-not-running")]);
      return;
    }
    // "typing…" while the round runs; the answer is one message.
    await ctx.replyWithChatAction("typing");
    await replyHtml(ctx, roundLines(ctx.lang, await sources.poller.pollAll()));
  });
}

/** The once-only warning about a source that keeps failing, as plain text in `lang`. */
export function failingSourceText(lang: Language, notice: FailingSourceNotice): string {
  return t(lang, "sources-failing", {
    id: String(notice.feedId),
    url: notice.url,
    failures: notice.failures,
    reason: notice.reason,
    next: minute(lang, notice.nextTry),
  });
}
