import type { Chat, Follow } from "../../generated/prisma/client.ts";
import { weekdayName } from "../../chats/chat-settings.ts";
import { html, type Html } from "./html.ts";

/** "everything", "topic “energy”", "“Ministry of Energy”", "#12". */
export function describeFollow(f: Pick<Follow, "kind" | "value">): string {
  switch (f.kind) {
    case "all":
      return "everything";
    case "topic":
      return `topic “${f.value}”`;
    case "body":
      return `“${f.value}”`;
    case "commitment":
      return `commitment #${f.value}`;
    default:
      return `${f.kind} ${f.value}`;
  }
}

/** "7 days before, 1 day before, on the due day, 1 day after". */
export function describeOffsets(offsets: string): string {
  const parts = offsets
    .split(",")
    .filter((p) => p.trim() !== "")
    .map(Number)
    .map((d) => {
      if (d === 0) return "on the due day";
      const n = Math.abs(d);
      return `${n} day${n === 1 ? "" : "s"} ${d > 0 ? "before" : "after"}`;
    });
  return parts.length > 0 ? parts.join(", ") : "none";
}

const hh = (h: number): string => `${String(h).padStart(2, "0")}:00`;

/** The chat's reminder settings, one line each. */
export function settingsLines(chat: Chat): Html[] {
  const digest = chat.digestDay === null ? "off" : `${weekdayName(chat.digestDay)} at ${hh(chat.digestHour)}`;
  const quiet = chat.quietStart === null || chat.quietEnd === null ? "none" : `${hh(chat.quietStart)}–${hh(chat.quietEnd)}`;
  return [
    html`<b>Time zone:</b> ${chat.timeZone}`,
    html`<b>Reminders:</b> ${describeOffsets(chat.offsets)}, at ${hh(chat.reminderHour)}`,
    html`<b>Weekly digest:</b> ${digest}`,
    html`<b>Quiet hours:</b> ${quiet}`,
    html`<b>New commitments:</b> ${chat.announceNew ? "announced" : "not announced"}`,
  ];
}
