import path from "node:path";
import type { IngestFailure, IngestDirectoryReport } from "../commitments/ingest-directory.ts";
import { ingestDirectory } from "../commitments/ingest-directory.ts";
import type { IngestResult } from "../commitments/ingest-source.ts";
import { DocumentError, listDocumentFiles } from "../commitments/read-document.ts";
import type { ExtractFn } from "../commitments/extractor.ts";
import { relativeError } from "./extract-command.ts";
import { println, type CliIo } from "./io.ts";
import { withStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

export const DEFAULT_SEEDS_DIR = "seeds";

/**
 * `mindet ingest [DIR|FILE...]` (default seeds/): one line per document and a summary. Exit 2 when
 * a document is not a readable text document, 1 when storing one failed, else 0; either way the
 * other documents are ingested (one transaction each).
 */
export async function runIngestCommand(args: readonly string[], io: CliIo, extract?: ExtractFn): Promise<number> {
  const { positionals } = parseArgs("ingest", args, {});
  const given = positionals.length > 0 ? positionals : [DEFAULT_SEEDS_DIR];
  const paths = given.map((p) => path.resolve(io.cwd, p));
  // Check the paths before opening (and creating) the database: a typo must not leave a DB file behind.
  await listDocumentFiles(paths).catch((error: unknown) => {
    throw relativeError(error, io.cwd);
  });
  const report = await withStore(io, ({ db, clock, config }) =>
    ingestDirectory(db, paths, {
      now: clock.now(),
      admins: config.adminIds,
      extract,
      onDocument: ({ result, failure }) => {
        if (result) println(io.stdout, describeResult(result));
        if (failure) println(io.stderr, `mindet: ${describeFailure(failure, io.cwd)}`);
      },
    }),
  );
  println(io.stdout, summarise(report));
  if (report.failures.some((f) => f.kind === "document")) return 2;
  return report.failures.length > 0 ? 1 : 0;
}

function describeResult(r: IngestResult): string {
  const status = r.status.padEnd(9);
  if (r.status === "unchanged") return `${status} ${r.file}  ${plural(r.unchanged, "commitment")}`;
  if (r.status === "created") return `${status} ${r.file}  ${plural(r.added, "commitment")}${describeMerging(r)}`;
  const parts = [`${r.added} added`, `${r.updated} updated`, `${r.withdrawn} withdrawn`, `${r.unchanged} unchanged`];
  return `${status} ${r.file}  ${parts.join(", ")}${describeMerging(r)}`;
}

/** ", 2 restating stored ones (1 date moved), 1 put to the admins": only what happened. */
function describeMerging(r: IngestResult): string {
  const parts: string[] = [];
  if (r.matched > 0) parts.push(`${r.matched} restating stored ones${r.moved > 0 ? ` (${plural(r.moved, "date")} moved)` : ""}`);
  else if (r.moved > 0) parts.push(`${plural(r.moved, "date")} moved`);
  if (r.questions > 0) parts.push(`${r.questions} put to the admins`);
  return parts.length > 0 ? `, ${parts.join(", ")}` : "";
}

function describeFailure(f: IngestFailure, cwd: string): string {
  if (f.kind !== "document") return `${f.message.replace(f.path, path.relative(cwd, f.path) || f.path)} (not ingested)`;
  const error = relativeError(new DocumentError(f.path, f.message.slice(f.path.length + 2)), cwd);
  return `${error.message} (not ingested)`;
}

function summarise(report: IngestDirectoryReport): string {
  const count = (s: IngestResult["status"]) => report.results.filter((r) => r.status === s).length;
  const sum = (key: "added" | "updated" | "withdrawn") => report.results.reduce((n, r) => n + r[key], 0);
  const documents = report.results.length + report.failures.length;
  return (
    `${plural(documents, "document")}: ${count("created")} created, ${count("updated")} updated, ` +
    `${count("unchanged")} unchanged, ${report.failures.length} failed; ` +
    `commitments: ${sum("added")} added, ${sum("updated")} updated, ${sum("withdrawn")} withdrawn`
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
