// `mindet sources add|list|remove|poll`: live sources from the command line.
import { parseArgs } from "node:util";
import type { Db } from "../db/client.ts";
import { createSourceFetcher } from "../sources/fetcher.ts";
import { addFeed, listFeeds, removeFeed, type FeedHealth } from "../sources/manage-feeds.ts";
import { createSourcePoller, type RoundReport } from "../sources/poller.ts";
import { SourceError } from "../sources/source-error.ts";
import { loadSourcesConfig, type SourcesConfig } from "../sources/sources-config.ts";
import { STARTER_SOURCES } from "../sources/starter-list.ts";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import { createLogger } from "../logger.ts";
import { formatTable, tableWidth } from "./format-table.ts";
import { failingSourceText } from "../bot/features/sources.ts";
import { CliFailure, println, UsageError, type CliIo } from "./io.ts";
import { withStore } from "./open-store.ts";

export const SOURCES_USAGE = `usage: mindet sources <subcommand>

  add URL [--links PATTERN] [--every MINUTES]   add a feed (RSS, RDF, Atom), or with --links a news
                                                page whose article links match PATTERN (a regular
                                                expression, or css:SELECTOR); polled every MINUTES
                                                (default 30, at least 5)
  add --starter                                 add the starter list of official sources
  list [--json]                                 each source's health
  remove ID                                     stop polling a source (what it brought stays)
  poll [--once]                                 poll on schedule until stopped; --once: every source now, then exit`;

type Values = Record<string, string | boolean | undefined>;

/** parseArgs with its errors turned into one-line usage errors. */
function parse(sub: string, args: readonly string[], options: Record<string, { type: "string" | "boolean" }>): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (error) {
    const message = (error as Error).message.split("\n")[0]?.replace(/^Unknown option '(.+?)'.*/, 'unknown option "$1"') ?? "bad arguments";
    throw new UsageError(`sources ${sub}: ${message}`);
  }
}

export async function runSourcesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined) {
    println(io.stderr, "mindet: sources: missing subcommand (add, list, remove, poll)");
    println(io.stderr, SOURCES_USAGE);
    return 2;
  }
  if (sub === "help" || sub === "--help" || sub === "-h") {
    println(io.stdout, SOURCES_USAGE);
    return 0;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    println(io.stdout, SOURCES_USAGE);
    return 0;
  }
  switch (sub) {
    case "add":
      return runAdd(rest, io);
    case "list":
      return runList(rest, io);
    case "remove":
      return runRemove(rest, io);
    case "poll":
      return runPoll(rest, io);
    default:
      throw new UsageError(`sources: unknown subcommand "${sub.slice(0, 40)}" (add, list, remove, poll)`);
  }
}

async function runAdd(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse("add", args, { links: { type: "string" }, every: { type: "string" }, starter: { type: "boolean" } });
  const sources = loadSourcesConfig(io.env);
  if (values.starter) {
    if (positionals.length > 0 || values.links !== undefined || values.every !== undefined) throw new UsageError("sources add --starter takes no URL, --links or --every");
    return withStore(io, async ({ db, clock }) => {
      for (const s of STARTER_SOURCES) {
        const result = await addFeed(db, { url: s.url, linkPattern: s.linkPattern, everyMinutes: s.everyMinutes, starter: true, allowPrivate: sources.allowPrivate, now: clock.now() });
        println(io.stdout, `${result.created ? "added" : "already there"}  #${result.id}  ${s.publisher}  ${result.url}`);
      }
      println(io.stdout, `${STARTER_SOURCES.length} starter sources; \`mindet sources poll --once\` reads them now.`);
      return 0;
    });
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "sources add: missing URL (or --starter)" : "sources add: one URL at a time");
  const every = values.every === undefined ? null : parseWhole(String(values.every), "--every");
  return withStore(io, async ({ db, clock }) => {
    const result = await addFeed(db, { url: positionals[0] as string, linkPattern: values.links as string | undefined, everyMinutes: every, allowPrivate: sources.allowPrivate, now: clock.now() }).catch(asBadInput);
    println(io.stdout, result.created ? `added #${result.id} ${result.url}; it is polled at the next round (\`mindet sources poll --once\` polls now)` : `${result.url} is already source #${result.id}`);
    return 0;
  });
}

function parseWhole(text: string, flag: string): number {
  if (!/^\d{1,6}$/.test(text.trim())) throw new UsageError(`sources add: ${flag} must be a whole number of minutes (got "${text.slice(0, 20)}")`);
  return Number(text);
}

/** A SourceError from bad input (a private URL, a bad pattern) is exit code 2, one line. */
function asBadInput(error: unknown): never {
  if (error instanceof SourceError) throw new CliFailure(error.message, 2);
  throw error;
}

async function runList(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse("list", args, { json: { type: "boolean" } });
  if (positionals.length > 0) throw new UsageError(`sources list: unexpected argument "${positionals[0]?.slice(0, 40)}"`);
  return withStore(io, async ({ db }) => {
    const feeds = await listFeeds(db);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(feeds.map(feedJson), null, 2)}\n`);
      return 0;
    }
    if (feeds.length === 0) {
      println(io.stdout, "No sources yet. `mindet sources add URL` adds one; `mindet sources add --starter` adds the starter list.");
      return 0;
    }
    const columns = [
      { header: "ID", width: 4, align: "right" as const },
      { header: "URL", weight: 3 },
      { header: "LAST POLL", width: 17 },
      { header: "NEXT POLL", width: 17 },
      { header: "ITEMS", width: 6, align: "right" as const },
      { header: "FOUND", width: 6, align: "right" as const },
      { header: "LAST ERROR", weight: 2 },
    ];
    const rows = feeds.map((f) => [String(f.id), f.url, minute(f.lastPolledAt), minute(f.nextPollAt), String(f.itemsSeen), String(f.commitmentsFound), health(f)]);
    for (const line of formatTable(columns, rows, tableWidth(io.stdout))) println(io.stdout, line);
    return 0;
  });
}

function minute(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")}Z` : "never";
}

function health(f: FeedHealth): string {
  if (f.lastStatus === "error") return `${f.failures}× ${f.lastError ?? ""}`;
  return f.lastError ?? (f.lastStatus === null ? "not polled yet" : "");
}

function feedJson(f: FeedHealth) {
  return {
    id: f.id, url: f.url, kind: f.kind, links: f.linkPattern, everyMinutes: f.everyMinutes, title: f.title,
    lastPoll: f.lastPolledAt?.toISOString() ?? null, nextPoll: f.nextPollAt.toISOString(), lastStatus: f.lastStatus,
    lastError: f.lastError, failures: f.failures, itemsSeen: f.itemsSeen, commitmentsFound: f.commitmentsFound, starter: f.starter,
  };
}

async function runRemove(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parse("remove", args, {});
  const id = positionals.length === 1 && /^#?\d{1,9}$/.test(positionals[0] ?? "") ? Number(positionals[0]?.replace("#", "")) : null;
  if (id === null) throw new UsageError("sources remove: give one source id (see `mindet sources list`)");
  return withStore(io, async ({ db }) => {
    if (!(await removeFeed(db, id))) throw new CliFailure(`no source #${id} (see \`mindet sources list\`)`, 1);
    println(io.stdout, `removed source #${id}; its documents and commitments stay`);
    return 0;
  });
}

async function runPoll(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse("poll", args, { once: { type: "boolean" } });
  if (positionals.length > 0) throw new UsageError(`sources poll: unexpected argument "${positionals[0]?.slice(0, 40)}"`);
  const sources = loadSourcesConfig(io.env);
  return withStore(io, async ({ db, clock, config }) => {
    const poller = buildPoller(db, clock, config, sources, io);
    if (values.once) {
      const report = await poller.pollAll();
      printRound(io, report);
      return report.failed > 0 ? 1 : 0;
    }
    println(io.stdout, "polling sources on their schedule; Ctrl-C stops");
    poller.start();
    await new Promise<void>((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    });
    await poller.stop();
    return 0;
  });
}

function buildPoller(db: Db, clock: Clock, config: Config, sources: SourcesConfig, io: CliIo) {
  // Warnings only unless LOG_LEVEL asks for more: the lines printed here are the report.
  const logger = createLogger(io.env.LOG_LEVEL ? config.logLevel : "warn");
  return createSourcePoller({
    db, clock, logger, timeZone: config.defaultTimeZone, concurrency: sources.concurrency, notifyAfterFailures: sources.notifyAfterFailures,
    fetcher: createSourceFetcher({ config: sources, clock }),
    notifyAdmins: async (notice) => void println(io.stderr, failingSourceText("en", notice)),
    admins: config.adminIds,
  });
}

function printRound(io: CliIo, report: RoundReport): void {
  if (report.polled === 0) {
    println(io.stdout, "No sources to poll. `mindet sources add URL` adds one.");
    return;
  }
  for (const r of report.reports) {
    const what = r.outcome === "error" ? `error: ${r.error}` : r.outcome === "not-modified" ? "not modified" : `${r.newItems} new item(s), ${r.commitments} commitment(s)`;
    println(io.stdout, `#${r.feedId} ${r.url}: ${what}`);
  }
  println(io.stdout, `${report.polled} source(s) polled in ${(report.durationMs / 1000).toFixed(1)} s: ${report.ok} ok, ${report.notModified} not modified, ${report.failed} failed; ${report.newItems} new item(s), ${report.commitments} commitment(s)`);
}
