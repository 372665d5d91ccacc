import { extractDocument } from "../extraction/index.ts";
import type { ExtractionResult } from "../extraction/types.ts";
import { extractInWorker } from "../extraction-worker/extract-in-worker.ts";

/**
 * Text -> commitments. The store takes it as a parameter so tests can inject failures, and so a
 * long-running process can extract in a worker thread (asynchronously) instead of on its event loop.
 */
export type ExtractFn = (text: string) => ExtractionResult | Promise<ExtractionResult>;

/** The real extractor (src/extraction); the document supplies its own reference dates. */
export const defaultExtract = (text: string): ExtractionResult => extractDocument(text, {});

/** The real extractor in a worker thread with a time limit: what the bot's process uses. */
export const extractOffThread: ExtractFn = (text) => extractInWorker(text, {});

// Extraction off the event loop, with a time limit: for the bot and anything long-running.
export {
  DEFAULT_EXTRACTION_TIMEOUT_MS,
  ExtractionTimeoutError,
  ExtractionWorkerError,
  extractInWorker,
  type WorkerLimits,
} from "../extraction-worker/extract-in-worker.ts";
