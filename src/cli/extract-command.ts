import path from "node:path";
import { formatDue } from "../commitments/commitment-view.ts";
import { defaultExtract } from "../commitments/extractor.ts";
import { DocumentError, listDocumentFiles, readDocumentSync } from "../commitments/read-document.ts";
import { toJsonRecord, type CommitmentJsonRecord } from "../extraction/index.ts";
import type { ExtractedCommitment } from "../extraction/types.ts";
import { formatTable, tableWidth } from "./format-table.ts";
import { println, UsageError, type CliIo } from "./io.ts";
import { parseArgs } from "./parse-args.ts";

/**
 * `mindet extract FILE|DIR... [--json] [--rules]`: no database. Every readable document is
 * extracted; each unreadable one gets a one-line error on stderr and makes the exit code 2 (the
 * output still holds the others, as grep does). `--rules` shows which rules found each commitment.
 */
export async function runExtractCommand(args: readonly string[], io: CliIo, extract?: typeof defaultExtract): Promise<number> {
  const { flags, positionals } = parseArgs("extract", args, { booleans: ["--json", "--rules"], aliases: { "-j": "--json" } });
  if (positionals.length === 0) throw new UsageError("extract: missing FILE or DIR");
  const json = flags.has("--json");
  const rules = flags.has("--rules");
  const files = await listDocumentFiles(positionals.map((p) => path.resolve(io.cwd, p))).catch((error: unknown) => {
    throw relativeError(error, io.cwd);
  });
  const run = extract ?? defaultExtract;
  const records: CommitmentJsonRecord[] = [];
  let failed = false;
  for (const file of files) {
    let commitments: ExtractedCommitment[];
    try {
      const doc = readDocumentSync(file);
      commitments = run(doc.text).commitments;
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      println(io.stderr, `mindet: ${relativeError(error, io.cwd).message}`);
      failed = true;
      continue;
    }
    if (json) records.push(...commitments.map((c) => toJsonRecord(path.basename(file), c, rules)));
    else printDocument(io, path.relative(io.cwd, file) || file, commitments, rules);
  }
  if (json) io.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  return failed ? 2 : 0;
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
