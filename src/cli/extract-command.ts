import path from "node:path";
import v8 from "node:v8";
import { formatDue } from "../commitments/commitment-view.ts";
import type { defaultExtract } from "../commitments/extractor.ts";
import { DocumentError, listDocumentFiles } from "../commitments/read-document.ts";
import { toJsonRecord, type CommitmentJsonRecord } from "../extraction/index.ts";
import type { ExtractedCommitment } from "../extraction/types.ts";
import { extractFiles } from "../extraction-worker/extract-files.ts";
import { formatTable, tableWidth } from "./format-table.ts";
import { println, UsageError, type CliIo } from "./io.ts";
import { parseArgs } from "./parse-args.ts";

/**
 * `mindet extract FILE|DIR... [--json] [--rules] [--threads N]`: no database. Every readable document is
 * extracted; each unreadable one gets a one-line error on stderr and makes the exit code 2 (the
 * output still holds the others, as grep does). `--rules` shows which rules found each commitment.
 * `--threads N` caps the threads that read files (default: the machine's cores, used only for
 * 10 MB or more of text: see extract-files.ts; 1: this one only); the output does not depend on it. An injected `extract` runs on this thread only.
 */
export async function runExtractCommand(args: readonly string[], io: CliIo, extract?: typeof defaultExtract): Promise<number> {
  const { flags, positionals } = parseArgs("extract", args, { booleans: ["--json", "--rules"], values: ["--threads"], aliases: { "-j": "--json" } });
  if (positionals.length === 0) throw new UsageError("extract: missing FILE or DIR");
  const threads = parseThreads(flags.get("--threads"));
  const json = flags.has("--json");
  const rules = flags.has("--rules");
  const files = await listDocumentFiles(positionals.map((p) => path.resolve(io.cwd, p))).catch((error: unknown) => {
    throw relativeError(error, io.cwd);
  });
  compileRegExpsAtOnce();
  const records: CommitmentJsonRecord[] = [];
  let failed = false;
  // Files are read on every core (or --threads), each result handled in file order.
  await extractFiles(files, (index, outcome) => {
    const file = files[index] ?? "";
    if (!outcome.ok) {
      println(io.stderr, `mindet: ${relativeError(outcome.error, io.cwd).message}`);
      failed = true;
      return;
    }
    if (json) for (const c of outcome.commitments) records.push(toJsonRecord(path.basename(file), c, rules));
    else printDocument(io, path.relative(io.cwd, file) || file, outcome.commitments, rules);
  }, { threads, extract });
  if (json) io.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  return failed ? 2 : 0;
}

/**
 * V8 first runs a regular expression in its bytecode interpreter and compiles it to machine code
 * only once it has run: for the extractor's hundreds of large patterns, both compilations and the
 * interpreted runs cost a fresh thread about as much as a whole warm pass over the news corpus
 * (callgrind, import and one pass of the 65 documents: 1.81 G instructions by default, 1.50 G
 * with machine code at once; three passes 2.32 G and 2.00 G, so warm passes cost the same). A
 * batch of files runs every pattern thousands of times, so it compiles them at once; the flag is
 * the process's, so the worker threads have it too. The bot, whose patterns run a few times an
 * hour, keeps V8's default.
 */
function compileRegExpsAtOnce(): void {
  v8.setFlagsFromString("--no-regexp-tier-up");
}

/** --threads: a whole number from 1 to 64 (undefined: not given, so every core). */
function parseThreads(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "string" && /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 64)) throw new UsageError(`extract: --threads needs a whole number from 1 to 64, not "${String(value).slice(0, 20)}"`);
  return n;
}

function printDocument(io: CliIo, name: string, commitments: ExtractedCommitment[], rules: boolean): void {
  const count = commitments.length === 1 ? "1 commitment" : `${commitments.length} commitments`;
  println(io.stdout, `${name}: ${count}`);
  if (commitments.length > 0) {
    const rows = commitments.map((c) => [
      c.due === null ? "undated" : formatDue(c.due, c.precision),
      c.dueText ?? c.undatedReason ?? "",
      c.title,
      c.responsible ?? "",
    ]);
    const columns = [
      { header: "DUE", width: 12 },
      { header: "PHRASE", width: 26 },
      { header: "TITLE", weight: 3 },
      { header: "RESPONSIBLE", weight: 1 },
    ];
    for (const line of formatTable(columns, rows, tableWidth(io.stdout))) println(io.stdout, `  ${line}`);
    if (rules) commitments.forEach((c, i) => println(io.stdout, `  rule ${i + 1}: ${c.rule ?? ""}`));
  }
  println(io.stdout);
}

/** A DocumentError about an absolute path, reworded with the path relative to cwd (as the user typed it). */
export function relativeError(error: unknown, cwd: string): Error {
  if (!(error instanceof DocumentError)) return error as Error;
  const relative = path.relative(cwd, error.file);
  const shown = relative && !relative.startsWith("..") ? relative : error.file;
  return new DocumentError(shown, error.message.slice(error.file.length + 2));
}
