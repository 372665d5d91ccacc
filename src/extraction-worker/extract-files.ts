/**
 * Extraction of many document files on every core, for `mindet extract DIR`. The calling thread
 * and `threads - 1` worker threads take the files one at a time from a shared counter (a
 * SharedArrayBuffer: a thread that finishes its files takes the next without asking anyone), so
 * a large file never leaves the other threads idle; each reads up to READ_AHEAD_CHARS of text
 * before it extracts what it read (see readBatch). `onResult` is called in file order, whichever
 * thread read which file: the output is the one a single thread gives, byte for byte.
 *
 * The calling thread works too, and starts the workers only once it has spent `startAfterMs` on
 * files and the text left (its files counted at the average size of those read so far) is at
 * least `paybackChars`. A worker is a fresh V8 instance: about 0.1 s to start (more when tsx
 * compiles the sources), then 1.5-2 s of CPU while its 397 patterns are compiled and its code is
 * optimised, on the cores the calling thread uses. Measured on a 2-core machine over the news
 * corpus, two threads against one: 10% slower over 5 MB, the same over 15 MB, 1.3x faster over
 * 30 MB (the extractor allocates a lot, and two threads slow each other down). So by default a
 * worker starts only for 10 MB or more of text left; `--threads` still sets the most threads.
 */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import type { Worker } from "node:worker_threads";
import { DocumentError, readDocumentSync } from "../commitments/read-document.ts";
import { extractDocument } from "../extraction/index.ts";
import type { ExtractedCommitment, ExtractionResult } from "../extraction/types.ts";
import { ExtractionWorkerError } from "./extract-in-worker.ts";
import { startThread } from "./start-thread.ts";

/** What became of one file: its commitments, or the DocumentError that refused it. */
export type FileOutcome = { ok: true; commitments: ExtractedCommitment[] } | { ok: false; error: DocumentError };

/** A FileOutcome as it crosses between threads (a class instance arrives as a plain Error). */
type PostedOutcome = { ok: true; commitments: ExtractedCommitment[] } | { ok: false; file: string; message: string };

/** What a files thread is started with (see files-thread.ts). */
export interface FilesThreadData {
  files: readonly string[];
  /** One Int32: the index of the next file nobody has taken yet. */
  counter: SharedArrayBuffer;
}

/** A file taken and read: its text, or the DocumentError that refused it. */
type ReadFile = { index: number; text: string } | { index: number; error: DocumentError };

/**
 * Reads the files `take()` hands out (an index; files.length or more when none is left) until
 * READ_AHEAD_CHARS characters of text are read, at least one file, or none is left. `read.chars` (when
 * given) grows by the text read. A DocumentError becomes the file's; anything else is thrown.
 * Reading a batch before extracting it, rather than a file before each extraction, made a
 * one-thread `mindet extract` over 5 MB of news 7% faster (1.10-1.16 s -> 1.03-1.06 s in the
 * same process; batches of 64 KB, 1 MB and 8 MB did about as well), most likely because the
 * extractor's code and data then stay in the processor's caches instead of alternating with the
 * kernel's file reads.
 */
function readBatch(files: readonly string[], take: () => number, read?: { chars: number }): ReadFile[] {
  const batch: ReadFile[] = [];
  let size = 0;
  while (size < READ_AHEAD_CHARS) {
    const index = take();
    if (index >= files.length) break;
    try {
      const { text } = readDocumentSync(files[index] ?? "");
      batch.push({ index, text });
      size += text.length;
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      batch.push({ index, error });
    }
  }
  if (read) read.chars += size;
  return batch;
}

/** readBatch after readBatch until one comes back empty: every file `take()` hands out, read ahead. */
function* batches(files: readonly string[], take: () => number, read?: { chars: number }): Generator<ReadFile[]> {
  for (let batch = readBatch(files, take, read); batch.length > 0; batch = readBatch(files, take, read)) yield batch;
}

/** The outcome of a file read: its commitments, or the error that refused it. */
function extractRead(file: ReadFile, extract: (text: string) => ExtractionResult = (text) => extractDocument(text, {})): FileOutcome {
  return "error" in file ? { ok: false, error: file.error } : { ok: true, commitments: extract(file.text).commitments };
}

/** Runs in a files thread: takes files from the counter until none is left, posting each outcome. */
export function serveFiles(data: FilesThreadData, post: (message: { index: number; outcome: PostedOutcome }) => void): void {
  const next = new Int32Array(data.counter);
  const take = (): number => Atomics.add(next, 0, 1);
  for (const batch of batches(data.files, take)) {
    for (const file of batch) {
      const outcome = extractRead(file);
      post({ index: file.index, outcome: outcome.ok ? outcome : { ok: false, file: outcome.error.file, message: outcome.error.message } });
    }
  }
}

export interface ExtractFilesOptions {
  /** Threads in all, the calling one included (default: the machine's cores; 1: no worker threads). */
  threads?: number;
  /** The extractor; a custom one runs on the calling thread only. */
  extract?: (text: string) => ExtractionResult;
  /** Milliseconds of work on the calling thread before worker threads are started (default 100). */
  startAfterMs?: number;
  /** Characters of text that must be left for worker threads to start (default WORKER_PAYBACK_CHARS; 0: any). */
  paybackChars?: number;
}

/** Work the calling thread does alone before it starts worker threads (see the file comment). */
export const START_WORKERS_AFTER_MS = 100;
/** Text that must be left for worker threads to be worth starting (see the file comment). */
export const WORKER_PAYBACK_CHARS = 10 * 1024 * 1024;
/** Text a thread reads before it extracts what it read (see readBatch). */
export const READ_AHEAD_CHARS = 64 * 1024;

/**
 * Extracts `files`, calling `onResult(index, outcome)` once per file in file order. Rejects with
 * ExtractionWorkerError when a worker thread fails, and with whatever extraction or `onResult`
 * throws; stops every worker thread before it settles. Resolves to how many worker threads were
 * started and how many files they read (the calling thread read the rest).
 */
export async function extractFiles(files: readonly string[], onResult: (index: number, outcome: FileOutcome) => void, options: ExtractFilesOptions = {}): Promise<{ workers: number; byWorkers: number }> {
  const wanted = options.extract ? 1 : (options.threads ?? availableParallelism());
  const threads = Math.max(1, Math.min(wanted, files.length));
  const counter = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const next = new Int32Array(counter);
  const outcomes: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(files.length);
  let emitted = 0;
  let byWorkers = 0;
  const flush = (): void => {
    for (let outcome = outcomes[emitted]; outcome !== undefined; outcome = outcomes[emitted]) {
      outcomes[emitted] = undefined;
      onResult(emitted++, outcome);
    }
  };

  if (threads === 1) {
    let taken = 0;
    const take = (): number => taken++;
    for (const batch of batches(files, take)) {
      for (const file of batch) {
        outcomes[file.index] = extractRead(file, options.extract);
        flush();
      }
    }
    return { workers: 0, byWorkers: 0 };
  }

  const workers: Worker[] = [];
  let failed = false;
  let fail: (error: unknown) => void = () => undefined;
  let done: () => void = () => undefined;
  const allDone = new Promise<void>((resolve, reject) => {
    done = resolve;
    fail = (error) => {
      failed = true;
      reject(error);
    };
  });
  // A rejection is awaited below; until then it must not count as unhandled.
  allDone.catch(() => undefined);
  const settleIfDone = (): void => {
    if (emitted === files.length) done();
  };
  const data: FilesThreadData = { files, counter };
  const startWorkers = (): void => {
    for (let i = 1; i < threads; i++) {
      const worker = startThread("files-thread", data);
      worker.on("message", (message: { index: number; outcome: PostedOutcome }) => {
        // After a failure nothing more is handed on: the promise is settled and workers are stopping.
        if (failed) return;
        const { index, outcome } = message;
        byWorkers++;
        outcomes[index] = outcome.ok ? outcome : { ok: false, error: new DocumentError(outcome.file, outcome.message.slice(outcome.file.length + 2)) };
        try {
          flush();
          settleIfDone();
        } catch (error) {
          fail(error);
        }
      });
      worker.on("error", (error: Error) => fail(new ExtractionWorkerError(`extraction thread failed: ${error.message}`)));
      worker.on("exit", (code) => {
        if (code !== 0) fail(new ExtractionWorkerError(`extraction thread exited with code ${code}`));
      });
      workers.push(worker);
    }
  };
  const startAt = performance.now() + (options.startAfterMs ?? START_WORKERS_AFTER_MS);
  const paybackChars = options.paybackChars ?? WORKER_PAYBACK_CHARS;
  const read = { chars: 0 };
  /** Whether workers are worth starting before file `index` (see the file comment). */
  const workersPay = (index: number): boolean =>
    files.length - index >= 2 && performance.now() >= startAt && (paybackChars === 0 || (files.length - index) * (read.chars / Math.max(1, index)) >= paybackChars);
  const take = (): number => Atomics.add(next, 0, 1);
  try {
    // This thread takes files too; once the workers run, it lets their results in between two of its own.
    while (!failed) {
      if (workers.length === 0 && workersPay(Atomics.load(next, 0))) startWorkers();
      const batch = readBatch(files, take, read);
      if (batch.length === 0) break;
      for (const file of batch) {
        if (failed) break;
        outcomes[file.index] = extractRead(file);
        flush();
        if (workers.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    settleIfDone();
    if (workers.length > 0) await allDone;
    return { workers: workers.length, byWorkers };
  } finally {
    // Workers still starting (all files were done without them) or stopped by a failure: nothing
    // of theirs is wanted any more, and the process need not wait for them to wind down.
    for (const worker of workers) {
      worker.unref();
      void worker.terminate();
    }
  }
}
