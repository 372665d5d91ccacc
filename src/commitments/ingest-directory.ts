import path from "node:path";
import type { Db } from "../db/client.ts";
import type { ExtractFn } from "./extractor.ts";
import { ingestSource, type IngestResult } from "./ingest-source.ts";
import { DocumentError, listDocumentFiles, readDocument } from "./read-document.ts";

export interface IngestFailure {
  /** The path of the document that failed. */
  path: string;
  file: string;
  /** One line, safe to print. */
  message: string;
  /** "document": the file is not a readable text document (bad input); "store": extraction or the database failed. */
  kind: "document" | "store";
}

export interface IngestDirectoryReport {
  results: IngestResult[];
  failures: IngestFailure[];
}

export interface IngestDirectoryOptions {
  now: Date;
  extract?: ExtractFn;
  /** See IngestSourceInput.matching (default true). */
  matching?: boolean;
  /** Telegram user ids of the admins, asked about doubtful matches (IngestSourceInput.admins). */
  admins?: Iterable<string>;
  /** Called after each document, in order (progress lines in the CLI). */
  onDocument?(outcome: { path: string; result?: IngestResult; failure?: IngestFailure }): void;
}

/**
 * Ingests every document of a directory (or of several paths: files or directories), one
 * transaction per document. A document that fails is reported and rolled back on its own; the
 * others go on. Throws DocumentError only when a path itself is wrong (missing, no documents).
 */
export async function ingestDirectory(
  db: Db,
  dir: string | readonly string[],
  options: IngestDirectoryOptions,
): Promise<IngestDirectoryReport> {
  const files = await listDocumentFiles(typeof dir === "string" ? [dir] : dir);
  const report: IngestDirectoryReport = { results: [], failures: [] };
  // A file named twice (itself and through its directory) is one document, ingested once.
  const seen = new Set<string>();
  for (const filePath of files) {
    const key = sourcePath(filePath);
    if (seen.has(key)) continue;
    seen.add(key);
    let failure: IngestFailure | undefined;
    let result: IngestResult | undefined;
    try {
      const doc = await readDocument(filePath);
      result = await ingestSource(db, { file: doc.file, path: key, text: doc.text, now: options.now, extract: options.extract, matching: options.matching, admins: options.admins });
      report.results.push(result);
    } catch (error) {
      failure = toFailure(filePath, error);
      report.failures.push(failure);
    }
    options.onDocument?.({ path: filePath, result, failure });
  }
  return report;
}

/**
 * A document's identity: its absolute path with "/" separators, the same whatever the working
 * directory or the spelling (./a/x.txt, a/x.txt). Not the real path: a symlinked folder of news
 * is its own source.
 */
export function sourcePath(filePath: string): string {
  return path.resolve(filePath).split(path.sep).join("/");
}

function toFailure(filePath: string, error: unknown): IngestFailure {
  const file = filePath.split(/[\\/]/).pop() ?? filePath;
  if (error instanceof DocumentError) return { path: filePath, file, message: error.message, kind: "document" };
  const text = error instanceof Error ? error.message : String(error);
  // Prisma messages span many lines; the last non-empty one says what went wrong.
  const line = text.split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? "unknown error";
  return { path: filePath, file, message: `${filePath}: ${line}`, kind: "store" };
}
