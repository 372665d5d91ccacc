import { parseArgs as parseNodeArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./io.ts";

export interface ArgSpec {
  /** Flags without a value, e.g. ["--json", "--dry-run"]. */
  booleans?: readonly string[];
  /** Flags that take a value, e.g. ["--status"] ("--status done" or "--status=done"). */
  values?: readonly string[];
  /** Short aliases: { "-j": "--json" }. */
  aliases?: Readonly<Record<string, string>>;
}

export interface ParsedArgs {
  /** Keyed by the long flag as written in the spec ("--json"). */
  flags: Map<string, string | true>;
  positionals: string[];
}

/**
 * Strict parsing of one command's arguments with node:util's parseArgs: an unknown flag, a flag
 * given twice, or a value flag without its value is a UsageError naming it. "--" ends the flags.
 * This wrapper only turns parseArgs' errors into one-line usage errors in Mindet's words and
 * refuses repeats (parseArgs lets the last one win, which hides a typo).
 */
export function parseArgs(command: string, argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const flag of spec.booleans ?? []) options[flag.slice(2)] = { type: "boolean" };
  for (const flag of spec.values ?? []) options[flag.slice(2)] = { type: "string" };
  for (const [alias, flag] of Object.entries(spec.aliases ?? {})) {
    const option = options[flag.slice(2)];
    if (option) option.short = alias.slice(1);
  }
  let tokens;
  try {
    ({ tokens } = parseNodeArgs({ args: [...argv], options, strict: true, allowPositionals: true, tokens: true }));
  } catch (error) {
    throw new UsageError(`${command}: ${describe(error)}`);
  }
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const name = `--${token.name}`;
    if (flags.has(name)) throw new UsageError(`${command}: ${name} given twice`);
    if (token.value === undefined) {
      if (token.inlineValue === undefined) flags.set(name, true);
      continue;
    }
    if (token.value === "" || (!token.inlineValue && token.value.startsWith("--"))) throw new UsageError(`${command}: ${name} needs a value`);
    flags.set(name, token.value);
  }
  return { flags, positionals };
}

/** parseArgs' messages, shortened to what a person typed. */
function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(" ")[0] ?? "";
  const shown = option.length > 40 ? `${option.slice(0, 40)}…` : option;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${shown}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /argument missing|ambiguous/.test(message) ? `${shown} needs a value` : `${shown} takes no value`;
  }
  return message.split("\n")[0] ?? "bad arguments";
}
