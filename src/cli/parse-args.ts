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
  flags: Map<string, string | true>;
  positionals: string[];
}

/**
 * Strict parsing of one command's arguments: an unknown flag, a flag given twice, or a value flag
 * without its value is a UsageError naming it. "--" ends the flags ("-" alone is a positional).
 */
export function parseArgs(command: string, argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  const booleans = new Set(spec.booleans ?? []);
  const values = new Set(spec.values ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const rawName = eq === -1 ? arg : arg.slice(0, eq);
    const name = spec.aliases?.[rawName] ?? rawName;
    if (flags.has(name)) throw new UsageError(`${command}: ${name} given twice`);
    if (booleans.has(name)) {
      if (eq !== -1) throw new UsageError(`${command}: ${name} takes no value`);
      flags.set(name, true);
    } else if (values.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === "" || (eq === -1 && value.startsWith("--"))) {
        throw new UsageError(`${command}: ${name} needs a value`);
      }
      flags.set(name, value);
    } else {
      throw new UsageError(`${command}: unknown option ${shorten(rawName)}`);
    }
  }
  return { flags, positionals };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
