/**
 * The body of an extraction worker thread (see extract-in-worker.ts): extracts the text it was
 * started with and posts the result, or the error's message, back once. Nothing else runs here.
 */
import { parentPort, workerData } from "node:worker_threads";
import { extractDocument } from "../extraction/index.ts";
import type { ExtractOptions } from "../extraction/types.ts";

const { text, options } = workerData as { text: string; options: ExtractOptions };
try {
  parentPort?.postMessage({ ok: true, result: extractDocument(text, options) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
