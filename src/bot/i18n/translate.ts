import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { LanguageFlavor } from "../context.ts";
import type { Context } from "grammy";
import { Html, escapeHtml } from "../format/html.ts";
import { DEFAULT_LANGUAGE, type Language } from "./languages.ts";

/** One .ftl file per language: src/bot/locales/en.ftl, ru.ftl, kk.ftl. */
export const LOCALES_DIR = fileURLToPath(new URL("../locales", import.meta.url));

/** Values a message takes: strings are text, numbers choose plural forms, Html is inserted as is. */
export type MessageVars = Record<string, string | number | Html>;

/**
 * The one I18n instance (the files are read once, synchronously, at import). Fluent's isolation
 * marks (U+2068/U+2069 around every variable) are off: they would end up inside Telegram's
 * entities and commands ("/c 12" would no longer be a command).
 */
export const i18n = new I18n<Context & LanguageFlavor>({
  defaultLocale: DEFAULT_LANGUAGE,
  // The chat registry has set ctx.lang (the chat's stored language) before this runs.
  localeNegotiator: (ctx) => ctx.lang,
  directory: LOCALES_DIR,
  useSession: false,
  fluentBundleOptions: { useIsolating: false },
  fluentOptions: {
    // A missing key is a bug the tests catch; in production it falls back to English silently.
    warningHandler: () => undefined,
  },
});

/**
 * A message in a language, as plain text (for replies sent without parse_mode, button labels and
 * alerts). Usable outside grammY: reminders, digests and announcements pass the chat's stored
 * language. Numbers select plural forms and are formatted for the language (1 000 in Russian),
 * so ids and years must be passed as strings.
 */
export function t(lang: Language, key: string, vars: MessageVars = {}): string {
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(vars)) plain[name] = value instanceof Html ? value.value : value;
  return i18n.t(lang, key, plain);
}

/**
 * A message as HTML: the message's own markup (<b>, <i>) is kept, every string variable is
 * escaped, Html variables are inserted as they are.
 */
export function th(lang: Language, key: string, vars: MessageVars = {}): Html {
  const escaped: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(vars)) {
    escaped[name] = value instanceof Html ? value.value : typeof value === "string" ? escapeHtml(value) : value;
  }
  return new Html(i18n.t(lang, key, escaped));
}
