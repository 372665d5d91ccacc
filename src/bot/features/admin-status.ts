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

const USAGE: Readonly<Record<StatusCommand, string>> = {
  done: "Usage: /done ID [evidence URL] [note], e.g. /done 12 https://gov.kz/news/1 signed",
  missed: "Usage: /missed ID [note]",
  postpone: "Usage: /postpone ID DATE [note], e.g. /postpone 12 2026-06-30 or /postpone 12 30.06.2026",
  reopen: "Usage: /reopen ID [note]",
};

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

const ACTIONS: ReadonlyMap<string, { command: StatusCommand; to: StatusAction; verb: string }> = new Map([
  ["done", { command: "done", to: "done", verb: "marked done ✅" }],
  ["missed", { command: "missed", to: "missed", verb: "marked missed ❌" }],
  ["postpone", { command: "postpone", to: "postponed", verb: "postponed 🕓" }],
  ["reopen", { command: "reopen", to: "open", verb: "reopened" }],
]);

/** /done, /missed, /postpone, /reopen: recorded in the history, then announced to followers. */
export function registerAdminStatusCommands(deps: BotDeps, admin: AdminComposer): void {
  admin.command([...ACTIONS.keys()], async (ctx) => {
    const action = ACTIONS.get(leadingCommand(commandText(ctx))?.name ?? "");
    if (!action) return;
    const parsed = parseStatusCommand(action.command, commandArgs(ctx));
    if (!parsed) {
      await ctx.reply(USAGE[action.command]);
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
      await ctx.reply(result.error.message);
      return;
    }
    deps.onStatusChanged?.(parsed.id);
    const newDate = action.to === "postponed" ? ` to ${formatDate(result.commitment.dueOn)}` : "";
    await ctx.reply(`#${parsed.id} ${action.verb}${newDate}. Following chats will be told. /status ${parsed.id} shows the history.`);
  });
}
