import { InlineKeyboard } from "grammy";
import type { SettingsPatch } from "../../chats/chat-settings.ts";
import { encodeCallback } from "../callback-data.ts";

interface Choice {
  label: string;
  patch: SettingsPatch;
}

/** Ready-made choices behind the /settings buttons; anything else via arguments. */
export const SETTINGS_CHOICES: Record<"tz" | "offsets" | "digest" | "quiet", readonly Choice[]> = {
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
    { label: "Digest off", patch: { digestDay: null } },
    { label: "Mon 09:00", patch: { digestDay: 1, digestHour: 9 } },
    { label: "Fri 17:00", patch: { digestDay: 5, digestHour: 17 } },
  ],
  quiet: [
    { label: "No quiet hours", patch: { quietStart: null, quietEnd: null } },
    { label: "Quiet 22–07", patch: { quietStart: 22, quietEnd: 7 } },
    { label: "Quiet 21–08", patch: { quietStart: 21, quietEnd: 8 } },
  ],
};

const ROW_TITLES: Record<keyof typeof SETTINGS_CHOICES, string> = {
  tz: "🌐 ",
  offsets: "⏰ ",
  digest: "📰 ",
  quiet: "🌙 ",
};

/** One row of choices per setting. */
export function settingsKeyboard(): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const field of Object.keys(SETTINGS_CHOICES) as Array<keyof typeof SETTINGS_CHOICES>) {
    SETTINGS_CHOICES[field].forEach((choice, i) => {
      keyboard.text(ROW_TITLES[field] + choice.label, encodeCallback({ type: "settings", field, choice: i }));
      if (field === "tz" && i === 2) keyboard.row();
    });
    keyboard.row();
  }
  return keyboard;
}
