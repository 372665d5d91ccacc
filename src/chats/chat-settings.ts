import type { Db } from "../db/client.ts";
import type { Chat } from "../generated/prisma/client.ts";
import { isValidTimeZone } from "../config.ts";

/** Limits on reminder offsets (days before the due date; negative = after). */
export const MIN_OFFSET_DAYS = -30;
export const MAX_OFFSET_DAYS = 90;
export const MAX_OFFSETS = 8;

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A change to one group of settings, already validated. */
export type SettingsPatch =
  | { timeZone: string }
  | { offsets: string }
  | { digestDay: number | null; digestHour?: number }
  | { quietStart: number | null; quietEnd: number | null }
  | { reminderHour: number }
  | { announceNew: boolean };

/**
 * Either a valid patch or why not: `error` in English (the command line, logs), `key` and `vars`
 * the same sentence as a message key (src/bot/locales) for the chat's language.
 */
export type ParseResult =
  | { ok: true; patch: SettingsPatch }
  | { ok: false; error: string; key: string; vars: Record<string, string | number> };

function refuse(error: string, key: string, vars: Record<string, string | number> = {}): ParseResult {
  return { ok: false, error, key, vars };
}

/** Parses "Europe/Berlin" (case-insensitive on the canonical zone name). */
export function parseTimeZone(text: string): ParseResult {
  const wanted = text.trim();
  if (wanted === "" || !isValidTimeZone(wanted)) {
    return refuse(`"${wanted}" is not a time zone; use an IANA name such as Asia/Almaty or Europe/Berlin.`, "settings-error-zone", { text: wanted });
  }
  // Intl accepts "europe/berlin" and tells the canonical spelling back.
  const canonical = new Intl.DateTimeFormat("en-US", { timeZone: wanted }).resolvedOptions().timeZone;
  return { ok: true, patch: { timeZone: canonical } };
}

/** Parses "14,7,1,0,-1": whole days, -30..90, at most 8, stored sorted descending without repeats. */
export function parseOffsets(text: string): ParseResult {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== "");
  const usage = `Offsets are whole days before the due date from ${MIN_OFFSET_DAYS} to ${MAX_OFFSET_DAYS}, at most ${MAX_OFFSETS}, e.g. 7,1,0,-1 (0 = due day, -1 = a day overdue).`;
  const limits = { min: String(MIN_OFFSET_DAYS), max: String(MAX_OFFSET_DAYS), count: MAX_OFFSETS };
  if (parts.length === 0) return refuse(usage, "settings-error-offsets", limits);
  const values = new Set<number>();
  for (const part of parts) {
    if (!/^[-+]?\d{1,3}$/.test(part)) return refuse(`"${part}" is not a number of days. ${usage}`, "settings-error-offsets-not-number", { ...limits, text: part });
    const value = Number(part);
    if (value < MIN_OFFSET_DAYS || value > MAX_OFFSET_DAYS) return refuse(`${value} is out of range. ${usage}`, "settings-error-offsets-range", { ...limits, text: String(value) });
    values.add(value);
  }
  if (values.size > MAX_OFFSETS) return refuse(`Too many offsets. ${usage}`, "settings-error-offsets-too-many", limits);
  const sorted = [...values].sort((a, b) => b - a);
  return { ok: true, patch: { offsets: sorted.join(",") } };
}

/** Parses "mon 9", "friday 18", "off". The hour defaults to the chat's current digest hour. */
export function parseDigest(text: string): ParseResult {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const usage = "Digest: a weekday (mon..sun) and an hour 0-23, e.g. \"mon 9\", or \"off\".";
  if (words.length === 1 && words[0] === "off") return { ok: true, patch: { digestDay: null } };
  const dayWord = words[0];
  if (!dayWord || words.length > 2) return refuse(usage, "settings-error-digest");
  const dayIndex = WEEKDAYS.findIndex((d) => dayWord.startsWith(d));
  if (dayIndex < 0) return refuse(`"${dayWord}" is not a weekday. ${usage}`, "settings-error-digest-weekday", { text: dayWord });
  if (words[1] === undefined) return { ok: true, patch: { digestDay: dayIndex + 1 } };
  const hour = parseHour(words[1]);
  if (hour === null) return refuse(`"${words[1]}" is not an hour. ${usage}`, "settings-error-digest-hour", { text: words[1] });
  return { ok: true, patch: { digestDay: dayIndex + 1, digestHour: hour } };
}

/** Parses "22-7" (may wrap midnight) or "off". Equal start and end are refused (no window). */
export function parseQuietHours(text: string): ParseResult {
  const wanted = text.trim().toLowerCase();
  const usage = 'Quiet hours: "START-END" in whole local hours, e.g. 22-7, or "off".';
  if (wanted === "off" || wanted === "none") return { ok: true, patch: { quietStart: null, quietEnd: null } };
  const match = /^(\d{1,2})(?::00)?\s*[-–]\s*(\d{1,2})(?::00)?$/.exec(wanted);
  const start = match ? parseHour(match[1] ?? "") : null;
  const end = match ? parseHour(match[2] ?? "") : null;
  if (start === null || end === null) return refuse(usage, "settings-error-quiet");
  if (start === end) return refuse(`Start and end are the same hour. ${usage}`, "settings-error-quiet-same");
  return { ok: true, patch: { quietStart: start, quietEnd: end } };
}

/** Parses the local hour reminders go out at ("9", "09:00"). */
export function parseReminderHour(text: string): ParseResult {
  const hour = parseHour(text.trim().replace(/:00$/, ""));
  if (hour === null) return refuse("Reminder hour: a whole hour 0-23, e.g. 9.", "settings-error-hour");
  return { ok: true, patch: { reminderHour: hour } };
}

function parseHour(text: string): number | null {
  if (!/^\d{1,2}$/.test(text)) return null;
  const hour = Number(text);
  return hour >= 0 && hour <= 23 ? hour : null;
}

/** Applies a validated patch; null when the chat is unknown. */
export async function updateChatSettings(db: Db, chatId: number | bigint, patch: SettingsPatch): Promise<Chat | null> {
  const id = BigInt(chatId);
  const existing = await db.chat.findUnique({ where: { id }, select: { id: true } });
  if (!existing) return null;
  return db.chat.update({ where: { id }, data: patch });
}

/** Stores a chat's language ("en", "ru", "kk"; validated by the caller); null when the chat is unknown. */
export async function setChatLanguage(db: Db, chatId: number | bigint, language: string): Promise<Chat | null> {
  const { count } = await db.chat.updateMany({ where: { id: BigInt(chatId) }, data: { language } });
  return count > 0 ? db.chat.findUnique({ where: { id: BigInt(chatId) } }) : null;
}

/**
 * Sets a chat's first language unless one is stored: a chat keeps what it chose. Returns the
 * language in force (the stored one, the new one, or null when the chat is unknown).
 */
export async function initChatLanguage(db: Db, chatId: number | bigint, language: string): Promise<string | null> {
  const id = BigInt(chatId);
  await db.chat.updateMany({ where: { id, language: null }, data: { language } });
  const row = await db.chat.findUnique({ where: { id }, select: { language: true } });
  return row?.language ?? null;
}
