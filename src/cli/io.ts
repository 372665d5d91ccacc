/** Where a command writes and what it reads from its surroundings: injected so tests can capture. */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: NodeJS.ProcessEnv;
  /** Working directory that relative paths (and `.env`) are resolved against. */
  cwd: string;
}

export interface CliStream {
  write(text: string): unknown;
  /** Terminal width when the stream is a terminal. */
  columns?: number;
  isTTY?: boolean;
}

export const defaultIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
};

/** Bad command-line usage: printed as one line plus the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** An expected failure with its own exit code (bad document: 2; missing module: 1). Printed as one line. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "CliFailure";
  }
}

/** Writes one line. */
export function println(stream: CliStream, line = ""): void {
  stream.write(`${line}\n`);
}
