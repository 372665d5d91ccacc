import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli.ts";
import type { CliIo } from "../../src/cli/io.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A captured io: what the command wrote, with a clean environment plus `env`. */
export function captureIo(cwd: string, env: NodeJS.ProcessEnv = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env: { PATH: process.env.PATH, ...env },
    cwd,
  };
}

/** Runs `main(args)` in-process with captured output. */
export async function runMain(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const io = captureIo(cwd, env);
  const code = await main(args, io);
  return { code, stdout: io.out.join(""), stderr: io.err.join("") };
}

const BIN = path.resolve("bin/mindet.mjs");

/** Runs the real `mindet` binary in a child process. */
export function runBin(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, maxBuffer: 20 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A temp directory with the bad inputs every document command must refuse. */
export function makeBadInputs(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "mindet-cli-"));
  writeFileSync(path.join(dir, "empty.txt"), "");
  writeFileSync(path.join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
  writeFileSync(path.join(dir, "latin1.txt"), Buffer.from("Minist\xe8re: caf\xe9", "latin1"));
  const big = path.join(dir, "big.txt");
  writeFileSync(big, "");
  // Sparse: 50 MB on paper, no disk used; the reader must refuse it by size.
  truncateSync(big, 50 * 1024 * 1024);
  mkdirSync(path.join(dir, "no-docs"));
  writeFileSync(path.join(dir, "no-docs", "scan.pdf"), "%PDF");
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
