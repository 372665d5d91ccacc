import type { EmulatorCore } from "./core.ts";

/** Operations the control API exposes: each is the core method of the same name. */
export const CONTROL_OPERATIONS = [
  "registerBot", "createUser", "createPrivateChat", "createGroup", "sendText", "replyTo", "editText",
  "pressButton", "sendSticker", "sendPhoto", "userSendsDocument", "botAddedToGroup", "botRemovedFromGroup",
  "userBlocksBot", "userUnblocksBot", "migrateGroupToSupergroup", "failNext", "clearFailures", "setRateLimit",
  "setLatency", "getCalls", "getStats", "sentMessages", "lastMessage", "commands", "mark", "reset",
  "waitForCall", "waitForMessage", "nextReply", "converse", "waitForLongPoll",
] as const;

/** The name of one control operation. */
export type ControlOperation = (typeof CONTROL_OPERATIONS)[number];

const KNOWN = new Set<string>(CONTROL_OPERATIONS);

/** Whether `name` is a control operation. */
export function isControlOperation(name: string): name is ControlOperation {
  return KNOWN.has(name);
}

/** A Buffer crosses the control API as `{ base64 }`. */
export interface EncodedBytes {
  base64: string;
}

function decodeBytes(value: unknown): unknown {
  return typeof value === "object" && value !== null && "base64" in value
    ? Buffer.from(String((value as EncodedBytes).base64), "base64")
    : value;
}

/**
 * Runs one control operation with JSON arguments. Functions cannot cross the wire, so
 * predicates are serialisable filters there, and a button press answers with its id only.
 */
export async function runControlOperation(core: EmulatorCore, op: ControlOperation, args: unknown[]): Promise<unknown> {
  if (op === "userSendsDocument" && typeof args[2] === "object" && args[2] !== null) {
    const document = args[2] as { content: unknown };
    args[2] = { ...document, content: decodeBytes(document.content) };
  }
  if (op === "pressButton") {
    const { update, id } = (core.pressButton as (...a: unknown[]) => ReturnType<EmulatorCore["pressButton"]>)(...args);
    return { update, id };
  }
  const method = core[op] as (...a: unknown[]) => unknown;
  const result = await method.apply(core, args);
  return result === undefined ? null : result;
}
