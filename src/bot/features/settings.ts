import { Composer, type Context } from "grammy";
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
import type { BotDeps } from "../deps.ts";
import { settingsLines } from "../format/chat.ts";
import { html, type Html } from "../format/html.ts";
import { SETTINGS_CHOICES, settingsKeyboard } from "../keyboards/settings.ts";
import { commandArgs, editHtml, replyHtml } from "../reply.ts";

const PARSERS: Record<string, (text: string) => ParseResult> = {
  tz: parseTimeZone,
  timezone: parseTimeZone,
  zone: parseTimeZone,
  offsets: parseOffsets,
  reminders: parseOffsets,
  digest: parseDigest,
  quiet: parseQuietHours,
  hour: parseReminderHour,
  new: parseAnnounceNew,
};

const USAGE: Html[] = [
  html`Change with buttons, or:`,
  html`/settings tz Europe/Berlin`,
  html`/settings offsets 7,1,0,-1 <i>(days before; 0 = due day, -1 = a day after)</i>`,
  html`/settings hour 9 <i>(when reminders go out)</i>`,
  html`/settings digest mon 9 · /settings digest off`,
  html`/settings quiet 22-7 · /settings quiet off`,
  html`/settings new off <i>(no announcements of new commitments from live sources)</i>`,
];

async function settingsView(deps: BotDeps, chatId: number, notice?: Html): Promise<Html[]> {
  const chat = await getChat(deps.db, chatId);
  const lines: Html[] = notice ? [notice, html``] : [];
  lines.push(html`<b>Settings of this chat</b>`);
  if (chat) lines.push(...settingsLines(chat));
  return [...lines, html``, ...USAGE];
}

/** /settings with buttons or short arguments. */
export function createSettingsFeature(deps: BotDeps, canManage: ManageCheck): Composer<Context> {
  const feature = new Composer<Context>();

  feature.command("settings", async (ctx) => {
    const arg = commandArgs(ctx);
    if (arg === "") {
      await replyHtml(ctx, await settingsView(deps, ctx.chat.id), { keyboard: settingsKeyboard() });
      return;
    }
    const [name = "", ...rest] = arg.split(/\s+/);
    const parse = PARSERS[name.toLowerCase()];
    if (!parse) {
      await replyHtml(ctx, [html`Unknown setting “${name.slice(0, 40)}”.`, ...USAGE]);
      return;
    }
    const parsed = parse(rest.join(" ").slice(0, 200));
    if (!parsed.ok) {
      await ctx.reply(parsed.error);
      return;
    }
    if (!(await canManage(ctx))) return;
    await updateChatSettings(deps.db, ctx.chat.id, parsed.patch);
    await replyHtml(ctx, await settingsView(deps, ctx.chat.id, html`✅ Saved.`));
  });

  feature.callbackQuery(/^1:s:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    const choice = action?.type === "settings" ? SETTINGS_CHOICES[action.field][action.choice] : undefined;
    if (!choice || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: "This button has expired; send /settings again.", show_alert: true });
      return;
    }
    if (!(await canManage(ctx))) return;
    await updateChatSettings(deps.db, ctx.chat.id, choice.patch);
    await ctx.answerCallbackQuery({ text: `Saved: ${choice.label}` });
    await editHtml(ctx, await settingsView(deps, ctx.chat.id), { keyboard: settingsKeyboard() });
  });

  return feature;
}
