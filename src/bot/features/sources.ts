// Admins: /sources (health), /addsource URL [--links PATTERN] [--every MINUTES], /removesource ID,
// /poll (every source now). The poller runs in the same process (main.ts); these only talk to it.
import { parseArgs } from "node:util";
import { Composer, type Context } from "grammy";
import { addFeed, listFeeds, removeFeed, type FeedHealth } from "../../sources/manage-feeds.ts";
import type { RoundReport } from "../../sources/poller.ts";
import { SourceError } from "../../sources/source-error.ts";
import { ensureAdmin } from "../admin.ts";
import type { BotDeps } from "../deps.ts";
import { html, type Html } from "../format/html.ts";
import { commandArgs, replyHtml } from "../reply.ts";

const ADD_USAGE = "Usage: /addsource URL [--links PATTERN] [--every MINUTES]\nPATTERN picks article links on a news page without a feed: a regular expression, or css:SELECTOR.";

function minute(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never";
}

function feedLines(f: FeedHealth): Html[] {
  const state = f.lastStatus === "error" ? `❌ ${f.failures} failure(s): ${f.lastError ?? ""}` : f.lastStatus === null ? "⏳ not polled yet" : `✅ ${f.lastStatus}${f.lastError ? ` (${f.lastError})` : ""}`;
  return [
    html`<b>#${f.id}</b> ${f.url}${f.linkPattern ? ` (links: ${f.linkPattern})` : ""}`,
    html`   every ${f.everyMinutes} min · last ${minute(f.lastPolledAt)} · next ${minute(f.nextPollAt)} · ${f.itemsSeen} items, ${f.commitmentsFound} commitments`,
    html`   ${state.slice(0, 300)}`,
  ];
}

function roundLines(report: RoundReport): Html[] {
  const lines: Html[] = [
    html`<b>Polled ${report.polled} source(s)</b> in ${(report.durationMs / 1000).toFixed(1)} s: ${report.ok} ok, ${report.notModified} not modified, ${report.failed} failed; ${report.newItems} new item(s), ${report.commitments} commitment(s).`,
  ];
  for (const r of report.reports.filter((x) => x.outcome === "error")) lines.push(html`#${r.feedId}: ${r.error ?? ""}`);
  return lines;
}

/** Splits "/addsource URL --links a b" like a shell would not need to: on spaces, patterns have none. */
function parseAddArgs(text: string): { url: string; links?: string; every?: number } | string {
  try {
    const { values, positionals } = parseArgs({ args: text.split(/\s+/).filter(Boolean), options: { links: { type: "string" }, every: { type: "string" } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) return ADD_USAGE;
    if (values.every !== undefined && !/^\d{1,6}$/.test(values.every)) return "--every takes a whole number of minutes.";
    return { url: positionals[0] as string, links: values.links, every: values.every === undefined ? undefined : Number(values.every) };
  } catch (error) {
    return `${(error as Error).message.split("\n")[0] ?? "bad arguments"}\n${ADD_USAGE}`;
  }
}

export function createSourcesFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const sources = deps.sources;
  const notEnabled = "Live sources are not running in this process.";

  feature.command("sources", async (ctx) => {
    if (!(await ensureAdmin(deps, ctx))) return;
    const feeds = await listFeeds(deps.db);
    if (feeds.length === 0) {
      await ctx.reply("No live sources yet. /addsource URL adds a feed or a news page; `mindet sources add --starter` adds the starter list.");
      return;
    }
    await replyHtml(ctx, [html`<b>Live sources</b> (${feeds.length})`, ...feeds.flatMap(feedLines)]);
  });

  feature.command("addsource", async (ctx) => {
    if (!(await ensureAdmin(deps, ctx))) return;
    const parsed = parseAddArgs(commandArgs(ctx));
    if (typeof parsed === "string") {
      await ctx.reply(parsed);
      return;
    }
    try {
      const result = await addFeed(deps.db, { url: parsed.url, linkPattern: parsed.links, everyMinutes: parsed.every, allowPrivate: sources?.allowPrivate ?? false, now: deps.clock.now() });
      await ctx.reply(result.created ? `Added source #${result.id}: ${result.url}\nIt is read within a minute; /sources shows how it went.` : `${result.url} is already source #${result.id}.`);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      await ctx.reply(`Not added: ${error.message}`);
    }
  });

  feature.command("removesource", async (ctx) => {
    if (!(await ensureAdmin(deps, ctx))) return;
    const match = /^#?(\d{1,9})$/.exec(commandArgs(ctx));
    if (!match) {
      await ctx.reply("Usage: /removesource ID (ids are in /sources)");
      return;
    }
    const id = Number(match[1]);
    await ctx.reply((await removeFeed(deps.db, id)) ? `Removed source #${id}. What it brought stays.` : `There is no source #${id}. /sources lists them.`);
  });

  feature.command("poll", async (ctx) => {
    if (!(await ensureAdmin(deps, ctx))) return;
    if (!sources) {
      await ctx.reply(notEnabled);
      return;
    }
    // "typing…" while the round runs; the answer is one message.
    await ctx.replyWithChatAction("typing");
    await replyHtml(ctx, roundLines(await sources.poller.pollAll()));
  });

  return feature;
}
