import { readFileSync } from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { DocumentError } from "./commitments/read-document.ts";
import { ConfigError } from "./config.ts";
import { CliFailure, defaultIo, println, UsageError, type CliIo } from "./cli/io.ts";

export { defaultIo, type CliIo } from "./cli/io.ts";

export const USAGE = `usage: mindet <command> [options]

commands:
  start                          run the bot and the reminder scheduler (needs BOT_TOKEN)
  extract FILE|DIR... [--json] [--rules] [--threads N]
                                 print the commitments found in documents (no database);
                                 --rules: which rules found each one; --threads: files are
                                 read on at most N threads (default: one per core, for
                                 10 MB or more of text; smaller batches use one)
  ingest [DIR|FILE...]           store documents and their commitments (default: seeds/)
  list [--json] [--status S]     list stored commitments; S: open, overdue, done, missed,
                                 postponed, cancelled, all (default: open and overdue)
  remind --dry-run [--json]      show which reminders would go out now, and to whom
  scorecard [--json] [--body NAME]
                                 per responsible body: tracked, done on time and late (against
                                 the first stated date), missed, overdue, moved, median slip
  sources add|list|remove|poll   live sources: feeds and news pages read by themselves
                                 (\`mindet sources help\`)
  demo                           chat with the real bot in this terminal (no token needed)
  help                           this text; --version prints the version

Configuration comes from the environment and .env (see README).`;

const OWN_HELP = new Set(["start", "extract", "ingest", "list", "scorecard"]);

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

// Each command's code is imported when it runs: `mindet --help` or `mindet extract` never loads
// grammY, Prisma or the database driver (cold start is most of a short command's time).
const COMMANDS: Record<string, Command> = {
  start: async (_args, io) => {
    const { runStart } = await import("./main.ts");
    return runStart(io.env, { stderr: io.stderr });
  },
  extract: async (args, io) => {
    const { runExtractCommand } = await import("./cli/extract-command.ts");
    return runExtractCommand(args, io);
  },
  ingest: async (args, io) => {
    const { runIngestCommand } = await import("./cli/ingest-command.ts");
    return runIngestCommand(args, io);
  },
  list: async (args, io) => {
    const { runListCommand } = await import("./cli/list-command.ts");
    return runListCommand(args, io);
  },
  scorecard: async (args, io) => {
    const { runScorecardCommand } = await import("./cli/scorecard-command.ts");
    return runScorecardCommand(args, io);
  },
  remind: async (args, io) => {
    const { runRemindCommand } = await import("./reminders/cli-remind.ts");
    return runRemindCommand([...args], io);
  },
  sources: async (args, io) => {
    const { runSourcesCommand } = await import("./cli/sources-command.ts");
    return runSourcesCommand(args, io);
  },
  demo: async (args, io) => {
    const { runDemo } = await import("./cli/demo.ts");
    return runDemo([...args], io);
  },
};

/**
 * The `mindet` command line. Returns the exit code: 0 ok, 1 failure, 2 bad usage, bad input or bad
 * configuration (one line on stderr, plus the usage for bad usage). Never prints a stack trace unless
 * LOG_LEVEL=debug.
 */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  // .env fills what the real environment does not set (real variables win).
  dotenv.config({ path: path.join(io.cwd, ".env"), processEnv: io.env, quiet: true });
  const [command, ...args] = argv;
  try {
    if (command === undefined) throw new UsageError("missing command");
    if (command === "help" || command === "--help" || command === "-h") {
      println(io.stdout, USAGE);
      return 0;
    }
    if (command === "--version" || command === "-V") {
      println(io.stdout, `mindet ${readVersion()}`);
      return 0;
    }
    // remind and demo answer --help themselves.
    if (OWN_HELP.has(command) && (args.includes("--help") || args.includes("-h"))) {
      println(io.stdout, USAGE);
      return 0;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) {
      const what = command.startsWith("-") ? "unknown option" : "unknown command";
      throw new UsageError(`${what} "${command.slice(0, 40)}"`);
    }
    return await run(args, io);
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    println(io.stderr, `mindet: ${error.message}`);
    println(io.stderr, USAGE);
    return 2;
  }
  // A bad configuration is bad input too: one line naming the variable, exit 2 (as `start` does).
  if (error instanceof DocumentError || error instanceof ConfigError) {
    println(io.stderr, `mindet: ${error.message}`);
    return 2;
  }
  if (error instanceof CliFailure) {
    println(io.stderr, `mindet: ${error.message}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split("\n").map((l) => l.trim()).find(Boolean) ?? "unknown error";
  println(io.stderr, `mindet: internal error: ${firstLine}`);
  if (io.env.LOG_LEVEL?.trim().toLowerCase() === "debug" && error instanceof Error && error.stack) {
    println(io.stderr, error.stack);
  }
  return 1;
}

function readVersion(): string {
  const file = new URL("../package.json", import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? "unknown";
}
