import type { PlanChat, PlanCommitment, PlanFollow, PlanInput } from "../../src/reminders/types.ts";

export function chat(overrides: Partial<PlanChat> = {}): PlanChat {
  return {
    id: 1001n,
    type: "private",
    timeZone: "Asia/Almaty",
    offsets: "7,1,0,-1",
    reminderHour: 9,
    digestDay: null,
    digestHour: 9,
    quietStart: null,
    quietEnd: null,
    ...overrides,
  };
}

export function commitment(overrides: Partial<PlanCommitment> = {}): PlanCommitment {
  return {
    id: 42,
    dueOn: "2026-03-31",
    precision: "day",
    status: "open",
    topics: "|energy|",
    body: "Ministry of Energy",
    withdrawn: false,
    changedAt: null,
    ...overrides,
  };
}

export function followAll(chatId: bigint = 1001n): PlanFollow {
  return { chatId, kind: "all", value: "", commitmentId: null };
}

export function input(overrides: Partial<PlanInput> & Pick<PlanInput, "now">): PlanInput {
  return { since: null, chats: [chat()], commitments: [commitment()], follows: [followAll()], ...overrides };
}

export const at = (iso: string): Date => new Date(iso);
