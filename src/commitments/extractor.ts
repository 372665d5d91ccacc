import { extractDocument } from "../extraction/index.ts";
import type { ExtractionResult } from "../extraction/types.ts";

/** Text -> commitments. The store takes it as a parameter so tests can inject failures. */
export type ExtractFn = (text: string) => ExtractionResult;

/** The real extractor (src/extraction); the document supplies its own reference dates. */
export const defaultExtract: ExtractFn = (text) => extractDocument(text, {});

// Extraction off the event loop, with a time limit: for the bot and anything long-running.
export {
  DEFAULT_EXTRACTION_TIMEOUT_MS,
  ExtractionTimeoutError,
  ExtractionWorkerError,
  extractInWorker,
  type WorkerLimits,
} from "../extraction-worker/extract-in-worker.ts";
