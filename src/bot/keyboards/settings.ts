import { InlineKeyboard } from "grammy";
import type { SettingsPatch } from "../../chats/chat-settings.ts";
import { encodeCallback } from "../callback-data.ts";
import type { Language } from "../i18n/languages.ts";
import { t } from "../i18n/translate.ts";

interface Choice {
  /** A literal label (a zone name, offsets), or the message key of a translated one. */
  label: string | { key: string };
  patch: SettingsPatch;
}

/** Ready-made choices behind the /settings buttons; anything else via arguments. */
export const SETTINGS_CHOICES: Readonly<Record<"tz" | "offsets" | "digest" | "quiet", readonly Choice[]>> = {
  tz: [
    { label: "Asia/Almaty", patch: { timeZone: "Asia/Almaty" } },
    { label: "Asia/Aqtobe", patch: { timeZone: "Asia/Aqtobe" } },
    { label: "Europe/Moscow", patch: { timeZone: "Europe/Moscow" } },
    { label: "Europe/Berlin", patch: { timeZone: "Europe/Berlin" } },
    { label: "UTC", patch: { timeZone: "UTC" } },
  ],
  offsets: [
    { label: "7,1,0,-1", patch: { offsets: "7,1,0,-1" } },
    { label: "14,7,1,0,-1", patch: { offsets: "14,7,1,0,-1" } },
    { label: "1,0", patch: { offsets: "1,0" } },
    { label: "0,-1", patch: { offsets: "0,-1" } },
  ],
  digest: [
    { label: { key: "settings-choice-digest-off" }, patch: { digestDay: null } },
    { label: { key: "settings-choice-digest-mon" }, patch: { digestDay: 1, digestHour: 9 } },
    { label: { key: "settings-choice-digest-fri" }, patch: { digestDay: 5, digestHour: 17 } },
  ],
  quiet: [
    { label: { key: "settings-choice-quiet-none" }, patch: { quietStart: null, quietEnd: null } },
    { label: { key: "settings-choice-quiet-22" }, patch: { quietStart: 22, quietEnd: 7 } },
    { label: { key: "settings-choice-quiet-21" }, patch: { quietStart: 21, quietEnd: 8 } },
  ],
};

/** A choice's button label in `lang`. */
export function choiceLabel(lang: Language, choice: Choice): string {
  return typeof choice.label === "string" ? choice.label : t(lang, choice.label.key);
}

const ROW_TITLES: Record<keyof typeof SETTINGS_CHOICES, string> = {
  tz: "🌐 ",
  offsets: "⏰ ",
  digest: "📰 ",
  quiet: "🌙 ",
};

/** One row of choices per setting. */
export function settingsKeyboard(lang: Language): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const field of Object.keys(SETTINGS_CHOICES) as Array<keyof typeof SETTINGS_CHOICES>) {
    SETTINGS_CHOICES[field].forEach((choice, i) => {
      keyboard.text(ROW_TITLES[field] + choiceLabel(lang, choice), encodeCallback({ type: "settings", field, choice: i }));
      if (field === "tz" && i === 2) keyboard.row();
    });
    keyboard.row();
  }
  return keyboard;
}
