import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Language } from "./i18n/languages.ts";

/** What the bot adds to grammY's context. */
export interface LanguageFlavor {
  /**
   * The language of this chat's messages: the stored one once the chat registry has run, before
   * that (rate limit, gate) the sender's Telegram language.
   */
  lang: Language;
}

/** The context every feature sees: `ctx.t(key, vars)` for plain text, `ctx.lang` for HTML (th). */
export type BotContext = Context & I18nFlavor & LanguageFlavor;
