import { findBodyScore, getScorecard, type BodyScore, type Scorecard } from "../scorecard/get-scorecard.ts";
import { formatTable, tableWidth } from "./format-table.ts";
import { CliFailure, println, UsageError, type CliIo } from "./io.ts";
import { withStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

/** Longest --body value read (no body name is longer). */
const MAX_BODY_CHARS = 200;

/** `mindet scorecard --json`: the scorecard as computed (definitions in src/scorecard/compute-scorecard.ts). */
export interface ScorecardJson {
  today: string;
  timeZone: string;
  bodies: BodyScore[];
  total: BodyScore;
}

/** `mindet scorecard [--json] [--body NAME]`: per responsible body, how commitments were kept. */
export async function runScorecardCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs("scorecard", args, { booleans: ["--json"], values: ["--body"], aliases: { "-j": "--json" } });
  if (positionals.length > 0) throw new UsageError(`scorecard: unexpected argument "${positionals[0]!.slice(0, 40)}" (a body goes after --body)`);
  const bodyFlag = flags.get("--body");
  const wanted = typeof bodyFlag === "string" ? bodyFlag.trim().slice(0, MAX_BODY_CHARS) : null;
  if (wanted === "") throw new UsageError("scorecard: --body needs a name");
  return withStore(io, async ({ db, clock, config }) => {
    let card = await getScorecard(db, { now: clock.now(), timeZone: config.defaultTimeZone });
    if (wanted !== null) {
      const found = findBodyScore(card, wanted);
      if (!found.ok) {
        const hint = found.suggestions.length > 0 ? `; did you mean ${found.suggestions.map((s) => `"${s}"`).join(", ")}?` : "; `mindet scorecard` lists them";
        throw new CliFailure(`scorecard: no responsible body matches "${wanted.slice(0, 60)}"${hint}`, 2);
      }
      card = { ...card, bodies: [found.score], total: found.score };
    }
    if (flags.has("--json")) {
      const json: ScorecardJson = { today: card.today, timeZone: card.timeZone, bodies: card.bodies, total: card.total };
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      return 0;
    }
    printScorecard(io, card, wanted !== null);
    return 0;
  });
}

/** "+45 d", "-10 d", "+60.5 d"; "-" when nothing moved. */
export function formatSlip(days: number | null): string {
  if (days === null) return "-";
  return `${days > 0 ? "+" : ""}${days} d`;
}

function printScorecard(io: CliIo, card: Scorecard, oneBody: boolean): void {
  if (card.total.tracked === 0) {
    println(io.stdout, "No commitments tracked yet. (Run `mindet ingest` to read the seed documents.)");
    return;
  }
  const columns = [
    { header: "RESPONSIBLE BODY", weight: 1 },
    { header: "TRACKED", width: 7, align: "right" as const },
    { header: "ON TIME", width: 7, align: "right" as const },
    { header: "LATE", width: 5, align: "right" as const },
    { header: "MISSED", width: 6, align: "right" as const },
    { header: "OVERDUE", width: 7, align: "right" as const },
    { header: "MOVED", width: 5, align: "right" as const },
    { header: "MEDIAN SLIP", width: 11, align: "right" as const },
  ];
  const line = (name: string, b: BodyScore): string[] => [
    name, String(b.tracked), String(b.onTime), String(b.late), String(b.missed), String(b.overdue), String(b.moved), formatSlip(b.medianSlipDays),
  ];
  const rows = card.bodies.map((b) => line(b.body ?? "(no body named)", b));
  if (!oneBody && card.bodies.length > 1) rows.push(line("All bodies", card.total));
  for (const text of formatTable(columns, rows, tableWidth(io.stdout))) println(io.stdout, text);
  const t = card.total;
  println(io.stdout, `${t.tracked} commitment${t.tracked === 1 ? "" : "s"} tracked (${t.undated} undated), today ${card.today} (${card.timeZone}).`);
  println(io.stdout, "On time / late: done on or before / after the first stated due date; overdue: open past the due date in force;");
  println(io.stdout, "moved: a later report or a postponement changed the date; median slip: due in force minus first stated, in days.");
}
