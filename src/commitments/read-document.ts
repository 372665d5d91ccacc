import { closeSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";

/** Documents larger than this are refused (by size, before reading a byte). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Extensions a directory is scanned for. A file named explicitly may have any extension. */
export const DOCUMENT_EXTENSIONS = [".txt", ".md"] as const;

/**
 * A document that cannot be read as text: missing, empty, binary, not UTF-8, too large, or a
 * directory without documents. `message` is one line naming the path, safe to print as is.
 */
export class DocumentError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "DocumentError";
  }
}

export interface DocumentText {
  /** The path as given (or joined from the directory given). */
  path: string;
  /** Base name: the stable name a Source is stored under. */
  file: string;
  /** The text: UTF-8 decoded, BOM stripped, line ends normalised to "\n". */
  text: string;
}

/**
 * Expands paths into document files: a file stays itself, a directory becomes its .txt/.md files
 * (not recursive, sorted by name). Throws DocumentError for a missing path or a directory with
 * no documents, so a typo never looks like "nothing to do".
 */
export async function listDocumentFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await statOrNull(given);
    if (!info) throw new DocumentError(given, "no such file or directory");
    if (!info.isDirectory()) {
      files.push(given);
      continue;
    }
    const entries = await readdir(given, { withFileTypes: true });
    const found = entries
      .filter((e) => e.isFile() && DOCUMENT_EXTENSIONS.some((ext) => e.name.toLowerCase().endsWith(ext)))
      .map((e) => e.name)
      .sort();
    if (found.length === 0) throw new DocumentError(given, `directory has no ${DOCUMENT_EXTENSIONS.join(" or ")} files`);
    files.push(...found.map((name) => path.join(given, name)));
  }
  return files;
}

/**
 * Reads one document as text with checks that end in a one-line DocumentError: missing, not a
 * regular file, empty (or only white space), larger than MAX_DOCUMENT_BYTES (checked with stat,
 * so a huge file never enters memory), binary (NUL bytes), not valid UTF-8.
 */
export async function readDocument(filePath: string, maxBytes = MAX_DOCUMENT_BYTES): Promise<DocumentText> {
  const info = await statOrNull(filePath);
  checkReadable(filePath, info, maxBytes);
  // Read at most maxBytes + 1 through a handle: the file may have grown since stat.
  const handle = await open(filePath, "r");
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) throw new DocumentError(filePath, `file is over the ${formatBytes(maxBytes)} limit`);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  return { path: filePath, file: path.basename(filePath), text: decodeDocument(filePath, bytes) };
}

/**
 * readDocument without the event loop: one stat and one read, no await. For the command line,
 * which reads documents one after another and has nothing else to do meanwhile (four awaits per
 * file cost 1-2 s of a 7 s `mindet extract` over 5 MB of small files). Same checks, same errors.
 */
export function readDocumentSync(filePath: string, maxBytes = MAX_DOCUMENT_BYTES): DocumentText {
  const info = statSyncOrNull(filePath);
  checkReadable(filePath, info, maxBytes);
  // Read at most maxBytes + 1: the file may have grown since stat.
  const fd = openSync(filePath, "r");
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    const bytesRead = readSync(fd, buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) throw new DocumentError(filePath, `file is over the ${formatBytes(maxBytes)} limit`);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    closeSync(fd);
  }
  return { path: filePath, file: path.basename(filePath), text: decodeDocument(filePath, bytes) };
}

/** The checks made on a file's stat before a byte is read (one DocumentError each). */
function checkReadable(filePath: string, info: Stats | null, maxBytes: number): asserts info is Stats {
  if (!info) throw new DocumentError(filePath, "no such file");
  if (info.isDirectory()) throw new DocumentError(filePath, "is a directory, not a document");
  if (!info.isFile()) throw new DocumentError(filePath, "is not a regular file");
  if (info.size > maxBytes) {
    throw new DocumentError(filePath, `file is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit`);
  }
  if (info.size === 0) throw new DocumentError(filePath, "file is empty");
}

function statSyncOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    if (code === "EACCES") throw new DocumentError(p, "permission denied");
    throw error;
  }
}

/** Decodes document bytes (same checks as readDocument, minus the file system ones). */
export function decodeDocument(name: string, bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new DocumentError(name, "looks binary (contains NUL bytes), expected a text document");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError(name, "is not valid UTF-8 text");
  }
  // TextDecoder drops a leading BOM by default (ignoreBOM: false); strip again in case of a double one.
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new DocumentError(name, "file is empty (only white space)");
  return text;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${bytes} bytes`;
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await stat(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    if (code === "EACCES") throw new DocumentError(p, "permission denied");
    throw error;
  }
}
