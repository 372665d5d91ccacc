import type { Chat, Follow } from "../../generated/prisma/client.ts";
import { TOPICS } from "../../extraction/types.ts";
import { LANGUAGE_NAMES, languageOrDefault, type Language } from "../i18n/languages.ts";
import { t, th } from "../i18n/translate.ts";
import { weekdayShort } from "./dates.ts";
import type { Html } from "./html.ts";

// Topic names are stored in English ("digital & AI"); each has a message key for its label.
const TOPIC_KEYS: ReadonlyMap<string, string> = new Map(TOPICS.map((topic) => [topic, `topic-${topic.split(/[ &]+/)[0] ?? topic}`]));

/** A topic as a reader of `lang` names it; an unknown topic shows as stored. */
export function topicLabel(lang: Language, topic: string): string {
  const key = TOPIC_KEYS.get(topic);
  return key ? t(lang, key) : topic;
}

/**
 * "everything", "topic “energy”", "“Ministry of Energy”", "commitment #12". `form` "what" is
 * the object of "follows …" (Russian needs the accusative there), "item" a line in a list.
 */
export function describeFollow(lang: Language, f: Pick<Follow, "kind" | "value">, form: "what" | "item" = "what"): string {
  switch (f.kind) {
    case "all":
      return t(lang, `follow-${form}-all`);
    case "topic":
      return t(lang, `follow-${form}-topic`, { topic: topicLabel(lang, f.value) });
    case "body":
      return t(lang, `follow-${form}-body`, { body: f.value });
    case "commitment":
      return t(lang, `follow-${form}-commitment`, { id: f.value });
    default:
      return `${f.kind} ${f.value}`;
  }
}

/** "7 days before, 1 day before, on the due day, 1 day after". */
export function describeOffsets(lang: Language, offsets: string): string {
  const parts = offsets
    .split(",")
    .filter((p) => p.trim() !== "")
    .map(Number)
    .map((d) => (d === 0 ? t(lang, "offset-due-day") : t(lang, d > 0 ? "offset-before" : "offset-after", { days: Math.abs(d) })));
  return parts.length > 0 ? parts.join(", ") : t(lang, "offsets-none");
}

const hh = (h: number): string => `${String(h).padStart(2, "0")}:00`;

/** The chat's reminder settings and language, one line each. */
export function settingsLines(lang: Language, chat: Chat): Html[] {
  const digest = chat.digestDay === null ? t(lang, "settings-digest-off") : t(lang, "settings-digest-at", { day: weekdayShort(lang, chat.digestDay), hour: hh(chat.digestHour) });
  const quiet = chat.quietStart === null || chat.quietEnd === null ? t(lang, "settings-quiet-none") : `${hh(chat.quietStart)}–${hh(chat.quietEnd)}`;
  return [
    th(lang, "settings-time-zone", { zone: chat.timeZone }),
    th(lang, "settings-reminders", { offsets: describeOffsets(lang, chat.offsets), hour: hh(chat.reminderHour) }),
    th(lang, "settings-digest", { digest }),
    th(lang, "settings-quiet", { quiet }),
    th(lang, "settings-new", { state: t(lang, chat.announceNew ? "settings-new-on" : "settings-new-off") }),
    th(lang, "settings-language", { language: LANGUAGE_NAMES[languageOrDefault(chat.language)] }),
  ];
}
