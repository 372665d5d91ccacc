import { Composer } from "grammy";
import {
  parseDigest,
  parseOffsets,
  parseQuietHours,
  parseReminderHour,
  parseTimeZone,
  updateChatSettings,
  type ParseResult,
} from "../../chats/chat-settings.ts";
import { getChat } from "../../chats/upsert-chat.ts";
import { parseAnnounceNew } from "../../sources/announce-setting.ts";
import { decodeCallback } from "../callback-data.ts";
import type { ManageCheck } from "../chat-admins.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { settingsLines } from "../format/chat.ts";
import { clipInput, html, truncate, type Html } from "../format/html.ts";
import type { Language } from "../i18n/languages.ts";
import { th } from "../i18n/translate.ts";
import { choiceLabel, SETTINGS_CHOICES, settingsKeyboard } from "../keyboards/settings.ts";
import { commandArgs, editHtml, replyHtml } from "../reply.ts";

// A Map, not an object literal: "/settings constructor" must not find Object.prototype's.
const PARSERS: ReadonlyMap<string, (text: string) => ParseResult> = new Map([
  ["tz", parseTimeZone],
  ["timezone", parseTimeZone],
  ["zone", parseTimeZone],
  ["offsets", parseOffsets],
  ["reminders", parseOffsets],
  ["digest", parseDigest],
  ["quiet", parseQuietHours],
  ["hour", parseReminderHour],
  ["new", parseAnnounceNew],
]);

async function settingsView(deps: BotDeps, lang: Language, chatId: number, notice?: Html): Promise<Html[]> {
  const chat = await getChat(deps.db, chatId);
  const lines: Html[] = notice ? [notice, html``] : [];
  lines.push(th(lang, "settings-title"));
  if (chat) lines.push(...settingsLines(lang, chat));
  return [...lines, html``, th(lang, "settings-usage")];
}

/** /settings with buttons or short arguments. */
export function createSettingsFeature(deps: BotDeps, canManage: ManageCheck): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("settings", async (ctx) => {
    const arg = commandArgs(ctx);
    if (arg === "") {
      await replyHtml(ctx, await settingsView(deps, ctx.lang, ctx.chat.id), { keyboard: settingsKeyboard(ctx.lang) });
      return;
    }
    const [name = "", ...rest] = arg.split(/\s+/);
    const parse = PARSERS.get(name.toLowerCase());
    if (!parse) {
      await replyHtml(ctx, [th(ctx.lang, "settings-unknown", { name: truncate(name, 40) }), th(ctx.lang, "settings-usage")]);
      return;
    }
    const parsed = parse(clipInput(rest.join(" "), 200));
    if (!parsed.ok) {
      await ctx.reply(ctx.t(parsed.key, parsed.vars));
      return;
    }
    if (!(await canManage(ctx))) return;
    await updateChatSettings(deps.db, ctx.chat.id, parsed.patch);
    await replyHtml(ctx, await settingsView(deps, ctx.lang, ctx.chat.id, th(ctx.lang, "settings-saved")));
  });

  feature.callbackQuery(/^1:s:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    const choice = action?.type === "settings" ? SETTINGS_CHOICES[action.field][action.choice] : undefined;
    if (!choice || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: ctx.t("settings-expired"), show_alert: true });
      return;
    }
    if (!(await canManage(ctx))) return;
    await updateChatSettings(deps.db, ctx.chat.id, choice.patch);
    await ctx.answerCallbackQuery({ text: ctx.t("settings-saved-alert", { choice: choiceLabel(ctx.lang, choice) }) });
    await editHtml(ctx, await settingsView(deps, ctx.lang, ctx.chat.id), { keyboard: settingsKeyboard(ctx.lang) });
  });

  return feature;
}
