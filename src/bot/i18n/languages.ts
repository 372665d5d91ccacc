/** The languages every message exists in. English is the fallback for everything else. */
export const LANGUAGES = ["en", "ru", "kk"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** How each language names itself (the /language buttons). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: "English", ru: "Русский", kk: "Қазақша" };

/** BCP 47 tags for Intl: English dates as in the rest of the product ("5 Dec 2025"). */
export const INTL_LOCALES: Readonly<Record<Language, string>> = { en: "en-GB", ru: "ru-RU", kk: "kk-KZ" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** A chat's stored language, or English when none (or an unknown one) is stored. */
export function languageOrDefault(value: string | null | undefined): Language {
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

/** The language for a Telegram `language_code` ("ru", "ru-RU", "kk"): anything else is English. */
export function languageFromTelegram(code: string | undefined): Language {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
}
