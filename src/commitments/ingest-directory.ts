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
  // Two documents with the same base name would overwrite each other's Source: refuse the second.
  const seen = new Map<string, string>();
  for (const filePath of files) {
    let failure: IngestFailure | undefined;
    let result: IngestResult | undefined;
    try {
      const doc = await readDocument(filePath);
      const earlier = seen.get(doc.file);
      if (earlier !== undefined) throw new DocumentError(filePath, `same file name as ${earlier}; rename one of them`);
      seen.set(doc.file, filePath);
      result = await ingestSource(db, { file: doc.file, text: doc.text, now: options.now, extract: options.extract });
      report.results.push(result);
    } catch (error) {
      failure = toFailure(filePath, error);
      report.failures.push(failure);
    }
    options.onDocument?.({ path: filePath, result, failure });
  }
  return report;
}

function toFailure(filePath: string, error: unknown): IngestFailure {
  const file = filePath.split(/[\\/]/).pop() ?? filePath;
  if (error instanceof DocumentError) return { path: filePath, file, message: error.message, kind: "document" };
  const text = error instanceof Error ? error.message : String(error);
  // Prisma messages span many lines; the last non-empty one says what went wrong.
  const line = text.split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? "unknown error";
  return { path: filePath, file, message: `${filePath}: ${line}`, kind: "store" };
}
