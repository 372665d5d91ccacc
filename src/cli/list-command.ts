import { todayIn, type IsoDate } from "../calendar.ts";
import { viewCommitment, type CommitmentView } from "../commitments/commitment-view.ts";
import { listCommitments, MAX_PAGE_SIZE } from "../commitments/list-commitments.ts";
import { isStatusFilter, STATUS_FILTERS, type StatusFilter } from "../commitments/statuses.ts";
import { decodeTopics } from "../commitments/topics.ts";
import type { Db } from "../db/client.ts";
import type { Commitment } from "../generated/prisma/client.ts";
import { documentUrls } from "../sources/document-urls.ts";
import { formatTable, tableWidth } from "./format-table.ts";
import { println, UsageError, type CliIo } from "./io.ts";
import { withStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

/** Filters `--status` accepts ("active" is the default: open and overdue). */
const LIST_STATUSES = STATUS_FILTERS.filter((s) => s !== "active");

/** One commitment as `mindet list --json` prints it. */
export interface ListJsonRecord {
  id: number;
  title: string;
  responsible: string | null;
  body: string | null;
  topics: string[];
  /** Display status: open, overdue, postponed, done, missed, cancelled. */
  status: string;
  dueOn: string | null;
  extractedDueOn: string | null;
  precision: string;
  dueText: string | null;
  /** The due date as a person reads it ("Q1 2026"). */
  due: string;
  /** Days left (negative: overdue); null when undated or closed. */
  daysLeft: number | null;
  quote: string;
  file: string;
  article: string | null;
  published: string | null;
  /** The page the commitment was read from, for commitments from live sources; else null. */
  url: string | null;
  /** Every report of it, oldest publication first: the first one and the restatements. */
  mentions: ListJsonMention[];
  /** Deadline drift stated by later reports, in the order recorded. */
  dueChanges: ListJsonDueChange[];
}

export interface ListJsonMention {
  file: string;
  article: string | null;
  quote: string;
  dueText: string | null;
  due: string | null;
  precision: string;
  published: string | null;
  /** first | matched | answered | merged. */
  via: string;
  /** True when its document no longer says it. */
  withdrawn: boolean;
}

export interface ListJsonDueChange {
  from: string | null;
  fromPrecision: string;
  to: string | null;
  toPrecision: string;
  /** slip | pull-in | dated */
  kind: string;
  /** The day it was stated (the report's publication date). */
  at: string | null;
  /** The file of the report that stated it. */
  source: string | null;
}

/** `mindet list [--json] [--status open|overdue|done|missed|postponed|cancelled|all]`. */
export async function runListCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs("list", args, { booleans: ["--json"], values: ["--status"], aliases: { "-j": "--json" } });
  if (positionals.length > 0) throw new UsageError(`list: unexpected argument "${positionals[0]!.slice(0, 40)}"`);
  const statusFlag = flags.get("--status");
  const status: StatusFilter = typeof statusFlag === "string" ? parseStatus(statusFlag) : "active";
  return withStore(io, async ({ db, clock, config }) => {
    const today = todayIn(config.defaultTimeZone, clock.now());
    const rows = await listAll(db, status, today);
    const files = await sourceFiles(db, rows);
    const urls = await documentUrls(db, rows.map((r) => r.sourceId));
    const views = rows.map((c) => viewCommitment(c, today));
    if (flags.has("--json")) {
      const history = await mentionsAndChanges(db, rows.map((r) => r.id));
      const records: ListJsonRecord[] = views.map((v) => ({
        ...toListJson(v, files),
        url: urls.get(v.commitment.sourceId) ?? null,
        mentions: history.mentions.get(v.commitment.id) ?? [],
        dueChanges: history.dueChanges.get(v.commitment.id) ?? [],
      }));
      io.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
      return 0;
    }
    printTable(io, views, status, today);
    return 0;
  });
}

function parseStatus(value: string): StatusFilter {
  const status = value.toLowerCase();
  if (isStatusFilter(status) && status !== "active") return status;
  throw new UsageError(`list: --status must be one of ${LIST_STATUSES.join(", ")} (got "${value.slice(0, 30)}")`);
}

async function listAll(db: Db, status: StatusFilter, today: IsoDate): Promise<Commitment[]> {
  const rows: Commitment[] = [];
  for (;;) {
    const page = await listCommitments(db, { status, today, limit: MAX_PAGE_SIZE, offset: rows.length });
    rows.push(...page.rows);
    if (page.rows.length < MAX_PAGE_SIZE || rows.length >= page.total) return rows;
  }
}

async function sourceFiles(db: Db, rows: Commitment[]): Promise<Map<number, string>> {
  const ids = [...new Set(rows.map((r) => r.sourceId))];
  const sources = await db.source.findMany({ where: { id: { in: ids } }, select: { id: true, file: true } });
  return new Map(sources.map((s) => [s.id, s.file]));
}

/** The mentions and due changes of these commitments, by commitment id (a few queries in all). */
async function mentionsAndChanges(db: Db, ids: number[]): Promise<{ mentions: Map<number, ListJsonMention[]>; dueChanges: Map<number, ListJsonDueChange[]> }> {
  const mentions = new Map<number, ListJsonMention[]>();
  const dueChanges = new Map<number, ListJsonDueChange[]>();
  const push = <T>(map: Map<number, T[]>, id: number, value: T): void => {
    const list = map.get(id);
    if (list) list.push(value);
    else map.set(id, [value]);
  };
  for (let start = 0; start < ids.length; start += 900) {
    const chunk = ids.slice(start, start + 900);
    const [ms, cs] = await Promise.all([
      db.mention.findMany({ where: { commitmentId: { in: chunk } }, include: { source: { select: { file: true } } }, orderBy: { id: "asc" } }),
      db.dueChange.findMany({ where: { commitmentId: { in: chunk } }, include: { mention: { select: { source: { select: { file: true } } } } }, orderBy: { id: "asc" } }),
    ]);
    // Oldest statement first; undated articles after the dated ones, in the order read.
    ms.sort((a, b) => (a.publishedOn ?? "9999").localeCompare(b.publishedOn ?? "9999") || a.id - b.id);
    for (const m of ms) {
      push(mentions, m.commitmentId, {
        file: m.source.file, article: m.article, quote: m.quote, dueText: m.dueText, due: m.dueOn, precision: m.precision,
        published: m.publishedOn, via: m.via, withdrawn: m.withdrawnAt !== null,
      });
    }
    for (const c of cs) {
      push(dueChanges, c.commitmentId, {
        from: c.fromDueOn, fromPrecision: c.fromPrecision, to: c.toDueOn, toPrecision: c.toPrecision, kind: c.kind, at: c.statedOn, source: c.mention?.source.file ?? null,
      });
    }
  }
  return { mentions, dueChanges };
}

function toListJson(v: CommitmentView, files: Map<number, string>): Omit<ListJsonRecord, "url" | "mentions" | "dueChanges"> {
  const c = v.commitment;
  return {
    id: c.id,
    title: c.title,
    responsible: c.responsible,
    body: c.body,
    topics: decodeTopics(c.topics),
    status: v.status,
    dueOn: c.dueOn,
    extractedDueOn: c.extractedDueOn,
    precision: c.precision,
    dueText: c.dueText,
    due: v.due,
    daysLeft: v.daysLeft,
    quote: c.quote,
    file: files.get(c.sourceId) ?? "",
    article: c.article,
    published: c.publishedOn,
  };
}

function printTable(io: CliIo, views: CommitmentView[], status: StatusFilter, today: IsoDate): void {
  const label = status === "active" ? "open and overdue" : status;
  if (views.length === 0) {
    println(io.stdout, `No ${label} commitments. (Run \`mindet ingest\` to read the seed documents.)`);
    return;
  }
  const columns = [
    { header: "ID", width: 4, align: "right" as const },
    { header: "DUE", width: 14 },
    { header: "LEFT", width: 16 },
    { header: "STATUS", width: 9 },
    { header: "TITLE", weight: 3 },
    { header: "RESPONSIBLE", weight: 1 },
  ];
  const rows = views.map((v) => [String(v.commitment.id), v.due, v.daysText, v.status, v.commitment.title, v.commitment.responsible ?? ""]);
  for (const line of formatTable(columns, rows, tableWidth(io.stdout))) println(io.stdout, line);
  println(io.stdout, `${views.length} ${label} commitment${views.length === 1 ? "" : "s"} (today ${today})`);
}
