import { parseUserDate } from "../../calendar.ts";
import { changeStatus, type StatusAction } from "../../commitments/change-status.ts";
import { senderName, type AdminComposer } from "../admin.ts";
import { commandText, leadingCommand } from "../command-target.ts";
import type { BotDeps } from "../deps.ts";
import { formatDate } from "../format/commitment.ts";
import { commandArgs } from "../reply.ts";
import { parseCommitmentId } from "./status.ts";

interface ParsedStatusCommand {
  id: number;
  evidenceUrl: string | null;
  newDueOn: string | null;
  note: string | null;
}

type StatusCommand = "done" | "missed" | "postpone" | "reopen";

/** Splits "12 https://x signed by decree" or "12 30 June 2026 by decree" into its parts. */
export function parseStatusCommand(command: string, text: string): ParsedStatusCommand | null {
  const words = text.split(/\s+/).filter(Boolean);
  const id = parseCommitmentId(words.shift() ?? "");
  if (id === null) return null;
  let evidenceUrl: string | null = null;
  let newDueOn: string | null = null;
  if (command === "done" && words[0] && /^https?:\/\//i.test(words[0])) evidenceUrl = words.shift() ?? null;
  if (command === "postpone") {
    if (words.length === 0) return null;
    // A date may be one to three words ("30.06.2026", "30 June 2026", "June 30, 2026").
    const length = [3, 2, 1].find((n) => n <= words.length && parseUserDate(words.slice(0, n).join(" ")) !== null) ?? 1;
    newDueOn = words.splice(0, length).join(" ");
  }
  const note = words.join(" ").trim();
  return { id, evidenceUrl, newDueOn, note: note === "" ? null : note };
}

// A Map keyed by the command the admin typed; "constructor" finds nothing.
const ACTIONS: ReadonlyMap<string, { command: StatusCommand; to: StatusAction }> = new Map([
  ["done", { command: "done", to: "done" }],
  ["missed", { command: "missed", to: "missed" }],
  ["postpone", { command: "postpone", to: "postponed" }],
  ["reopen", { command: "reopen", to: "open" }],
]);

/** /done, /missed, /postpone, /reopen: recorded in the history, then announced to followers. */
export function registerAdminStatusCommands(deps: BotDeps, admin: AdminComposer): void {
  admin.command([...ACTIONS.keys()], async (ctx) => {
    const action = ACTIONS.get(leadingCommand(commandText(ctx))?.name ?? "");
    if (!action) return;
    const parsed = parseStatusCommand(action.command, commandArgs(ctx));
    if (!parsed) {
      await ctx.reply(ctx.t(`admin-usage-${action.command}`));
      return;
    }
    const result = await changeStatus(deps.db, {
      commitmentId: parsed.id,
      to: action.to,
      byUserId: BigInt(ctx.from?.id ?? 0),
      byName: senderName(ctx),
      evidenceUrl: parsed.evidenceUrl,
      note: parsed.note,
      newDueOn: parsed.newDueOn,
      at: deps.clock.now(),
      timeZone: deps.config.defaultTimeZone,
    });
    if (!result.ok) {
      // The store explains in English, with detail; other languages get the code's sentence.
      await ctx.reply(ctx.lang === "en" ? result.error.message : ctx.t(`admin-error-${result.error.code}`, { id: String(parsed.id) }));
      return;
    }
    deps.onStatusChanged?.(parsed.id);
    await ctx.reply(ctx.t(`admin-changed-${action.to}`, { id: String(parsed.id), date: formatDate(ctx.lang, result.commitment.dueOn) }));
  });
}
