// `mindet remind --dry-run [--json]`: what would go out now and to whom, without writing or sending.
import { withStore } from "../cli/open-store.ts";
import type { CliIo } from "../cli/io.ts";
import { ConfigError } from "../config.ts";
import type { Db } from "../db/client.ts";
import { toDbTime } from "../db/time.ts";
import { createPlannerState, loadPlanInput } from "./load-plan-input.ts";
import { planReminders } from "./plan.ts";
import type { PlannedDelivery } from "./types.ts";

const USAGE = "usage: mindet remind --dry-run [--json]   (sending happens in `mindet start`)";

/** One message line as the dry run lists it. */
export interface DryRunItem {
  chatId: string;
  chatTitle: string | null;
  chatType: string;
  kind: string;
  /** "before-7", "due", "overdue-1", "status", "digest". */
  stage: string;
  commitmentId: number | null;
  title: string | null;
  dueOn: string | null;
  notBefore: string;
  /** "planned": the next tick would create it; "pending"/"failed": already in the outbox, due. */
  state: string;
}

/** Runs the remind command; returns the exit code (2 for usage errors). */
export async function runRemindCommand(args: string[], io: CliIo): Promise<number> {
  const known = new Set(["--dry-run", "--json", "--help", "-h"]);
  const unknown = args.find((a) => !known.has(a));
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (unknown !== undefined) return usageError(io, `remind: unknown argument "${unknown.slice(0, 40)}"`);
  if (!args.includes("--dry-run")) {
    return usageError(io, "remind: only --dry-run is supported here; reminders are sent by the running bot (`mindet start`)");
  }
  try {
    return await withStore(io, async ({ db, clock }) => {
      const now = clock.now();
      const items = await dryRun(db, now);
      if (args.includes("--json")) io.stdout.write(`${JSON.stringify({ now: now.toISOString(), items }, null, 2)}\n`);
      else printItems(io, items, now);
      return 0;
    });
  } catch (error) {
    if (error instanceof ConfigError) return usageError(io, error.message);
    throw error;
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`${message}\n${USAGE}\n`);
  return 2;
}

/**
 * What a tick at `now` would send: every chat's current reminder not yet in the outbox, plus
 * rows already due in it. Reads only.
 */
export async function dryRun(db: Db, now: Date): Promise<DryRunItem[]> {
  const { input } = await loadPlanInput(db, createPlannerState(), now);
  const planned = planReminders(input).filter((r) => r.notBefore <= now);
  const existing = new Set<string>();
  for (let i = 0; i < planned.length; i += 900) {
    const keys = planned.slice(i, i + 900).map((r) => r.key);
    for (const row of await db.delivery.findMany({ where: { key: { in: keys } }, select: { key: true } })) existing.add(row.key);
  }
  const due = await db.$queryRawUnsafe<(PlannedDelivery & { state: string })[]>(
    `SELECT key, chatId, commitmentId, kind, offsetDays, dueOn, statusChangeId, notBefore, state FROM Delivery
     WHERE (state = 'pending' OR state = 'failed') AND notBefore <= ? ORDER BY notBefore LIMIT 10000`,
    toDbTime(now),
  );
  const rows = [...due, ...planned.filter((r) => !existing.has(r.key)).map((r) => ({ ...r, state: "planned" }))];
  const chats = new Map((await db.chat.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.chatId))] } }, select: { id: true, title: true, type: true } })).map((c) => [c.id, c]));
  const titles = new Map((await db.commitment.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => (r.commitmentId === null ? [] : [r.commitmentId])))] } }, select: { id: true, title: true } })).map((c) => [c.id, c.title]));
  return rows
    .map((r) => ({
      chatId: String(r.chatId),
      chatTitle: chats.get(r.chatId)?.title ?? null,
      chatType: chats.get(r.chatId)?.type ?? "unknown",
      kind: r.kind,
      stage: r.key.startsWith("r:") ? (r.key.split(":")[3] ?? r.kind) : r.kind,
      commitmentId: r.commitmentId,
      title: r.commitmentId === null ? null : (titles.get(r.commitmentId) ?? null),
      dueOn: r.dueOn,
      notBefore: new Date(r.notBefore).toISOString(),
      state: r.state,
    }))
    .sort((a, b) => a.chatId.localeCompare(b.chatId) || a.notBefore.localeCompare(b.notBefore));
}

function printItems(io: CliIo, items: readonly DryRunItem[], now: Date): void {
  const chats = [...new Set(items.map((i) => i.chatId))];
  io.stdout.write(`Dry run at ${now.toISOString()}: ${items.length} reminder(s) to ${chats.length} chat(s) would go out now (nothing is sent or written).\n`);
  let current = "";
  for (const item of items) {
    if (item.chatId !== current) {
      current = item.chatId;
      io.stdout.write(`\nchat ${item.chatId}${item.chatTitle ? ` "${item.chatTitle}"` : ""} (${item.chatType})\n`);
    }
    const what = item.commitmentId === null ? "weekly digest" : `#${item.commitmentId} ${(item.title ?? "").slice(0, 70)}`;
    io.stdout.write(`  ${item.stage.padEnd(10)} ${what}${item.dueOn ? ` (due ${item.dueOn})` : ""}  since ${item.notBefore} [${item.state}]\n`);
  }
}
