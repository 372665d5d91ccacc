/**
 * Extraction off the event loop: the bot's /ingest (and anything else that extracts inside a
 * long-running process) must not stall every chat and the scheduler while a large or odd document
 * is read. `extractInWorker` runs the same `extractDocument` in a worker thread and gives up after
 * a time limit, terminating the thread.
 *
 * One thread per call: a terminated thread takes its memory with it, and a document is extracted
 * rarely enough (an admin's /ingest) that the ~0.1-0.3 s start-up does not matter.
 */
import type { ExtractionResult, ExtractOptions } from "../extraction/types.ts";
import { startThread } from "./start-thread.ts";

/** Time limit when the caller gives none. 400 KB of the worst text shape takes about 1 s. */
export const DEFAULT_EXTRACTION_TIMEOUT_MS = 10_000;
/** Heap limit of an extraction thread: a document is at most a few MB of text. */
export const WORKER_HEAP_LIMIT_MB = 256;

/** The extraction did not finish within its time limit; the worker thread was stopped. */
export class ExtractionTimeoutError extends Error {
  override readonly name = "ExtractionTimeoutError";
  constructor(
    readonly timeoutMs: number,
    readonly textChars: number,
  ) {
    super(`extraction stopped after ${timeoutMs} ms without a result (text of ${Math.ceil(textChars / 1024)} KB): the document is too large or too unusual to read in time`);
  }
}

/** The worker thread failed: it threw, ran out of memory, or exited before answering. */
export class ExtractionWorkerError extends Error {
  override readonly name = "ExtractionWorkerError";
}

/** Starts a timer; returns its cancel function. Injected by tests so a timeout needs no waiting. */
export type StartTimer = (ms: number, onTimeout: () => void) => () => void;

const realTimer: StartTimer = (ms, onTimeout) => {
  const handle = setTimeout(onTimeout, ms);
  return () => clearTimeout(handle);
};

export interface WorkerLimits {
  /** Milliseconds before the thread is stopped and the promise rejects with ExtractionTimeoutError. */
  timeoutMs?: number;
  startTimer?: StartTimer;
}

/**
 * `extractDocument(text, options)` in a worker thread. Rejects with ExtractionTimeoutError after
 * `limits.timeoutMs` (default DEFAULT_EXTRACTION_TIMEOUT_MS), with ExtractionWorkerError when the
 * thread fails; never leaves a thread running.
 */
export function extractInWorker(text: string, options: ExtractOptions = {}, limits: WorkerLimits = {}): Promise<ExtractionResult> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_EXTRACTION_TIMEOUT_MS;
  return new Promise<ExtractionResult>((resolve, reject) => {
    const worker = startThread("extraction-thread", { text, options }, { maxOldGenerationSizeMb: WORKER_HEAP_LIMIT_MB });
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      cancel();
      // The thread has answered or is being given up: stop it either way (terminate is idempotent).
      void worker.terminate();
      finish();
    };
    const cancel = (limits.startTimer ?? realTimer)(timeoutMs, () => settle(() => reject(new ExtractionTimeoutError(timeoutMs, text.length))));
    worker.once("message", (message: { ok: true; result: ExtractionResult } | { ok: false; message: string }) =>
      settle(() => (message.ok ? resolve(message.result) : reject(new ExtractionWorkerError(`extraction failed: ${message.message}`)))),
    );
    worker.once("error", (error: Error) => settle(() => reject(new ExtractionWorkerError(`extraction thread failed: ${error.message}`))));
    worker.once("exit", (code) => settle(() => reject(new ExtractionWorkerError(`extraction thread exited with code ${code} before answering`))));
  });
}
