import type { ParseResult } from "../chats/chat-settings.ts";

/** "/settings new on|off": whether commitments newly read from live sources are announced to the chat. */
export function parseAnnounceNew(text: string): ParseResult {
  const wanted = text.trim().toLowerCase();
  if (["on", "yes", "true"].includes(wanted)) return { ok: true, patch: { announceNew: true } };
  if (["off", "no", "false"].includes(wanted)) return { ok: true, patch: { announceNew: false } };
  return {
    ok: false,
    error: "Say /settings new on or /settings new off (announce new commitments from live sources).",
    key: "settings-error-new",
    vars: {},
  };
}
