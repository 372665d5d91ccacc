/** Extraction in a worker thread: the same result as in-process, and a time limit that stops the thread. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/extraction/index.ts";
import { ExtractionTimeoutError, extractInWorker, type StartTimer } from "../../src/extraction-worker/extract-in-worker.ts";

const SEED = readFileSync(path.join(import.meta.dirname, "../../seeds/001_b17d1aeaaec29999.txt"), "utf8");

describe("extractInWorker", () => {
  it("gives what extractDocument gives, off the event loop", async () => {
    const options = { reference: "2025-11-25" };
    await expect(extractInWorker(SEED, options, { timeoutMs: 20_000 })).resolves.toEqual(extractDocument(SEED, options));
  });

  it("rejects with a typed error and a clear message when the time limit is hit", async () => {
    // An injected timer that fires at once: the limit is reached before the thread can answer.
    const fireAtOnce: StartTimer = (_ms, onTimeout) => {
      queueMicrotask(onTimeout);
      return () => undefined;
    };
    const error = await extractInWorker(SEED, {}, { timeoutMs: 1500, startTimer: fireAtOnce }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractionTimeoutError);
    expect((error as ExtractionTimeoutError).timeoutMs).toBe(1500);
    expect((error as Error).message).toMatch(/^extraction stopped after 1500 ms without a result \(text of \d+ KB\)/);
  });

  it("stops a real extraction that runs past its limit", async () => {
    const runOn = "item the ministry will deliver it by March 2027 and ".repeat(40_000);
    const error = await extractInWorker(runOn, { reference: "2025-01-01" }, { timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractionTimeoutError);
  });
});
