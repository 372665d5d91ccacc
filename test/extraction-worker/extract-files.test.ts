/**
 * Many files on several threads (`mindet extract DIR`): the same outcomes, in the same order, as
 * one thread gives, bad files included; and the command's output does not depend on --threads.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractFiles, type FileOutcome } from "../../src/extraction-worker/extract-files.ts";
import { runMain } from "../cli/run-cli.ts";

const SEEDS = path.join(import.meta.dirname, "../../seeds");
const dir = mkdtempSync(path.join(tmpdir(), "mindet-files-"));
// The seeds four times over, refused files among them, and first three long run-on texts: the
// calling thread takes the first file, and the worker thread starts (tsx compiling the sources in
// it) well before the calling thread is through them, so both threads read files (one run-on text,
// 0.6 s, was not always enough with another test file running beside this one).
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();
for (let copy = 0; copy < 4; copy++) for (const f of seeds) copyFileSync(path.join(SEEDS, f), path.join(dir, `c${copy}-${f}`));
const RUN_ON = "-run-on.txt";
for (const n of ["a", "b", "c"]) writeFileSync(path.join(dir, `${n}${RUN_ON}`), "item the ministry will deliver it by March 2027 and ".repeat(20_000));
writeFileSync(path.join(dir, "c1-empty.txt"), "");
writeFileSync(path.join(dir, "c2-binary.txt"), Buffer.from([0x41, 0x00, 0x42]));
const files = readdirSync(dir).sort().map((f) => path.join(dir, f));
/** The same without the run-on text: for what needs no second thread at work. */
const light = files.filter((f) => !f.endsWith(RUN_ON));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every outcome in the order onResult saw it, with its index. */
async function collect(threads: number, startAfterMs = 0, list = files, paybackChars = 0): Promise<{ seen: { index: number; outcome: FileOutcome }[]; workers: number; byWorkers: number }> {
  const seen: { index: number; outcome: FileOutcome }[] = [];
  const { workers, byWorkers } = await extractFiles(list, (index, outcome) => seen.push({ index, outcome }), { threads, startAfterMs, paybackChars });
  return { seen, workers, byWorkers };
}

describe("extractFiles", () => {
  it("gives one thread's outcomes, in file order, when two threads share the files", async () => {
    const { seen: one, workers: none } = await collect(1);
    const { seen: two, workers, byWorkers } = await collect(2);
    expect(none).toBe(0);
    expect(workers).toBe(1);
    // Both threads read files: the worker some, the calling thread the rest.
    expect(byWorkers).toBeGreaterThan(0);
    expect(byWorkers).toBeLessThan(files.length);
    expect(one.map((r) => r.index)).toEqual(files.map((_f, i) => i));
    expect(two).toEqual(one);
    const refused = one.filter((r) => !r.outcome.ok).map((r) => (r.outcome.ok ? "" : r.outcome.error.message));
    expect(refused).toEqual([`${files[files.findIndex((f) => f.endsWith("c1-empty.txt"))]}: file is empty`, expect.stringMatching(/c2-binary\.txt: looks binary/)]);
    expect(one.filter((r) => r.outcome.ok).flatMap((r) => (r.outcome.ok ? r.outcome.commitments : [])).length).toBeGreaterThan(4 * seeds.length);
  });

  it("starts no worker before the calling thread has worked startAfterMs, with the same outcomes", async () => {
    const { seen: one } = await collect(1, 0, light);
    const { seen: late, workers } = await collect(2, 60_000, light);
    expect(workers).toBe(0);
    expect(late).toEqual(one);
  });

  it("starts no worker when less text is left than paybackChars, and one when more is", async () => {
    const { seen: one } = await collect(1, 0, files);
    // The run-on texts come first (1 MB each): from the second file on, 1 MB a file is expected.
    const { seen: alone, workers } = await collect(2, 0, files, 100 * 1024 * 1024);
    expect(workers).toBe(0);
    expect(alone).toEqual(one);
    const { seen: two, workers: started } = await collect(2, 0, files, 10 * 1024 * 1024);
    expect(started).toBe(1);
    expect(two).toEqual(one);
  });

  it("rejects with what onResult throws", async () => {
    const error = await extractFiles(light, (index) => {
      if (index === 5) throw new Error("stdout closed");
    }, { threads: 2, startAfterMs: 0, paybackChars: 0 }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("stdout closed");
  });
});

describe("mindet extract --threads", () => {
  it("prints the same JSON, table and errors with one thread or two", async () => {
    for (const args of [["--json", "--rules"], []]) {
      const one = await runMain(["extract", ...light, "--threads", "1", ...args], dir);
      const two = await runMain(["extract", ...light, "--threads", "2", ...args], dir);
      expect(one.code).toBe(2);
      expect(two).toEqual(one);
    }
  });

  it.each(["0", "65", "two", "1.5"])("--threads %s: one line, exit 2", async (value) => {
    const run = await runMain(["extract", ...light, "--threads", value], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(`mindet: extract: --threads needs a whole number from 1 to 64, not "${value}"`);
  });
});
