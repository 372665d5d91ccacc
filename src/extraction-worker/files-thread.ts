/**
 * The body of a files thread (see extract-files.ts): extracts files taken from the shared counter
 * until none is left, posting each outcome with its index, then ends.
 */
import { parentPort, workerData } from "node:worker_threads";
import { serveFiles, type FilesThreadData } from "./extract-files.ts";

serveFiles(workerData as FilesThreadData, (message) => parentPort?.postMessage(message));
