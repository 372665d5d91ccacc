import { parseUserDate, todayIn } from "../calendar.ts";
import type { Db } from "../db/client.ts";
import type { Commitment, StatusChange } from "../generated/prisma/client.ts";
import type { StoredStatus } from "./statuses.ts";
import { CLOSED_STATUSES, isPending } from "./statuses.ts";

/** What an admin can do: close (done, missed, cancelled), postpone, or reopen ("open"). */
export type StatusAction = "done" | "missed" | "cancelled" | "postponed" | "open";

export const MAX_NOTE_CHARS = 500;
export const MAX_URL_CHARS = 2000;

export interface ChangeStatusInput {
  commitmentId: number;
  to: StatusAction;
  /** The admin's Telegram user id; null for the system (CLI). */
  byUserId: bigint | null;
  byName?: string | null;
  /** An http(s) link to the evidence (optional). */
  evidenceUrl?: string | null;
  /** Free text, at most MAX_NOTE_CHARS after trimming (optional). */
  note?: string | null;
  /** For "postponed": the new due date as typed ("2026-06-30", "30.06.2026", "30 June 2026"). */
  newDueOn?: string | null;
  /** When the change happens (the injected clock). */
  at: Date;
  /** Zone for "a new due date may not be in the past" (default Asia/Almaty). */
  timeZone?: string;
}

export type ChangeStatusErrorCode =
  | "not_found"
  | "invalid_transition"
  | "invalid_date"
  | "date_in_past"
  | "same_date"
  | "invalid_url"
  | "note_too_long"
  | "conflict";

export interface ChangeStatusError {
  code: ChangeStatusErrorCode;
  /** One sentence a person can read. */
  message: string;
}

export type ChangeStatusResult =
  | { ok: true; commitment: Commitment; change: StatusChange }
  | { ok: false; error: ChangeStatusError };

/**
 * Changes a commitment's status and records it in the history (one transaction). Transitions:
 * done / missed / cancelled from open or postponed; postponed (with a new date, today or later)
 * from open or postponed; open (reopen) from done / missed / cancelled, which comes back as
 * "postponed" when a postponement had moved the date. User errors are returned, not thrown.
 */
export async function changeStatus(db: Db, input: ChangeStatusInput): Promise<ChangeStatusResult> {
  const checked = checkExtras(input);
  if ("code" in checked) return fail(checked.code, checked.message);
  const current = await db.commitment.findUnique({ where: { id: validId(input.commitmentId) } });
  if (!current) return fail("not_found", `There is no commitment #${input.commitmentId}.`);
  const plan = planTransition(current, input);
  if ("code" in plan) return fail(plan.code, plan.message);

  return db.$transaction(async (tx): Promise<ChangeStatusResult> => {
    // Guarded on the status we read: a concurrent change by another admin makes this a no-op.
    const { count } = await tx.commitment.updateMany({
      where: { id: current.id, status: current.status, dueOn: current.dueOn },
      data: { status: plan.status, dueOn: plan.dueOn },
    });
    if (count === 0) return fail("conflict", `Commitment #${current.id} was just changed by someone else; try again.`);
    const change = await tx.statusChange.create({
      data: {
        commitmentId: current.id,
        at: input.at,
        byUserId: input.byUserId,
        byName: input.byName?.trim().slice(0, 200) || null,
        fromStatus: current.status,
        toStatus: plan.status,
        fromDueOn: current.dueOn,
        toDueOn: plan.dueOn,
        evidenceUrl: checked.evidenceUrl,
        note: checked.note,
      },
    });
    const commitment = await tx.commitment.findUniqueOrThrow({ where: { id: current.id } });
    return { ok: true, commitment, change };
  });
}

function fail(code: ChangeStatusErrorCode, message: string): ChangeStatusResult {
  return { ok: false, error: { code, message } };
}

// Prisma rejects a non-integer id with an exception; -1 finds nothing, which is the truth.
function validId(id: number): number {
  return Number.isSafeInteger(id) && id > 0 ? id : -1;
}

function checkExtras(input: ChangeStatusInput): ChangeStatusError | { evidenceUrl: string | null; note: string | null } {
  const note = input.note?.trim() || null;
  if (note !== null && note.length > MAX_NOTE_CHARS) {
    return { code: "note_too_long", message: `The note is ${note.length} characters; at most ${MAX_NOTE_CHARS}.` };
  }
  const url = input.evidenceUrl?.trim() || null;
  if (url !== null && !isHttpUrl(url)) {
    return { code: "invalid_url", message: `"${url.slice(0, 80)}" is not an http(s) link.` };
  }
  return { evidenceUrl: url, note };
}

/** True for an absolute http:// or https:// URL with a host, of a sane length. */
export function isHttpUrl(text: string): boolean {
  if (text.length > MAX_URL_CHARS || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

function planTransition(
  c: Commitment,
  input: ChangeStatusInput,
): ChangeStatusError | { status: StoredStatus; dueOn: string | null } {
  const label = `Commitment #${c.id} is ${c.status}`;
  switch (input.to) {
    case "done":
    case "missed":
    case "cancelled":
      if (!isPending(c.status)) return { code: "invalid_transition", message: `${label}; reopen it first.` };
      return { status: input.to, dueOn: c.dueOn };
    case "postponed": {
      if (!isPending(c.status)) return { code: "invalid_transition", message: `${label}; only open commitments can be postponed.` };
      const text = input.newDueOn?.trim() ?? "";
      const date = parseUserDate(text);
      if (date === null) {
        return { code: "invalid_date", message: text ? `"${text.slice(0, 40)}" is not a valid date (try 2026-06-30 or 30.06.2026).` : "A new due date is needed (for example 2026-06-30)." };
      }
      if (date === c.dueOn) return { code: "same_date", message: `Commitment #${c.id} is already due on ${date}.` };
      const today = todayIn(input.timeZone ?? "Asia/Almaty", input.at);
      if (date < today) return { code: "date_in_past", message: `${date} is in the past (today is ${today}).` };
      return { status: "postponed", dueOn: date };
    }
    case "open":
      if (!(CLOSED_STATUSES as readonly string[]).includes(c.status)) {
        return { code: "invalid_transition", message: `${label}; only done, missed or cancelled commitments can be reopened.` };
      }
      return { status: c.dueOn !== c.extractedDueOn ? "postponed" : "open", dueOn: c.dueOn };
    default:
      return { code: "invalid_transition", message: `Unknown status "${String(input.to)}".` };
  }
}
