import { Composer, InlineKeyboard } from "grammy";
import { setChatLanguage } from "../../chats/chat-settings.ts";
import { decodeCallback, encodeCallback } from "../callback-data.ts";
import type { ManageCheck } from "../chat-admins.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { clipInput } from "../format/html.ts";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from "../i18n/languages.ts";
import { t } from "../i18n/translate.ts";
import { commandArgs, editText } from "../reply.ts";

function languageKeyboard(current: Language): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const lang of LANGUAGES) keyboard.text(`${lang === current ? "✓ " : ""}${LANGUAGE_NAMES[lang]}`, encodeCallback({ type: "language", language: lang }));
  return keyboard;
}

/** "English (en), Русский (ru), Қазақша (kk)". */
function availableList(): string {
  return LANGUAGES.map((lang) => `${LANGUAGE_NAMES[lang]} (${lang})`).join(", ");
}

/**
 * /language [en|ru|kk] and its buttons: the language of every message to this chat, reminders
 * included. In a group only its admins may change it (the same check as follows and settings).
 */
export function createLanguageFeature(deps: BotDeps, canManage: ManageCheck): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const apply = async (ctx: BotContext, lang: Language): Promise<void> => {
    if (!ctx.chat) return;
    await setChatLanguage(deps.db, ctx.chat.id, lang);
    ctx.lang = lang;
    // The rest of this update (the confirmation) speaks the new language too.
    ctx.i18n.useLocale(lang);
  };

  feature.command("language", async (ctx) => {
    const arg = commandArgs(ctx).toLowerCase();
    if (arg === "") {
      await ctx.reply(ctx.t("language-current", { name: LANGUAGE_NAMES[ctx.lang] }), { reply_markup: languageKeyboard(ctx.lang) });
      return;
    }
    const wanted = arg.split(/[-_\s]/)[0] ?? "";
    if (!isLanguage(wanted)) {
      await ctx.reply(ctx.t("language-unknown", { code: clipInput(arg, 32), list: availableList() }), { reply_markup: languageKeyboard(ctx.lang) });
      return;
    }
    if (!(await canManage(ctx))) return;
    await apply(ctx, wanted);
    await ctx.reply(ctx.t("language-set"));
  });

  feature.callbackQuery(/^1:l:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (action?.type !== "language" || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true });
      return;
    }
    if (!(await canManage(ctx))) return;
    await apply(ctx, action.language);
    await ctx.answerCallbackQuery({ text: t(action.language, "language-set-alert") });
    await editText(ctx, ctx.t("language-set"));
  });

  return feature;
}
