import { randomBytes } from "node:crypto";
import { InlineKeyboard } from "grammy";
import type { Document, Message } from "grammy/types";
import { ingestSource } from "../../commitments/ingest-source.ts";
import { decodeDocument, DocumentError } from "../../commitments/read-document.ts";
import { declaresTooMuch, readCapped } from "../../http/read-capped.ts";
import { DEFAULT_EXTRACTION_TIMEOUT_MS, ExtractionTimeoutError, extractInWorker } from "../../extraction-worker/extract-in-worker.ts";
import type { ExtractionResult } from "../../extraction/types.ts";
import type { AdminComposer } from "../admin.ts";
import { isCommandForMe } from "../command-target.ts";
import { decodeCallback, encodeCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDeps } from "../deps.ts";
import { dueLabel } from "../format/dates.ts";
import type { Language } from "../i18n/languages.ts";
import { t, th } from "../i18n/translate.ts";
import { html, truncate, type Html } from "../format/html.ts";
import { editHtml, replyHtml } from "../reply.ts";
import { today } from "../today.ts";

export const DEFAULT_MAX_INGEST_BYTES = 1024 * 1024;
export const DEFAULT_INGEST_TTL_MS = 15 * 60_000;
const MAX_PENDING = 100;
const PREVIEW_ITEMS = 15;

interface PendingIngest {
  chatId: number;
  file: string;
  text: string;
  extraction: ExtractionResult;
  expiresAt: number;
}

/** A document the admin pointed at, or a message (in the chat's language) saying why there is none. */
type Found = { ok: true; file: string; text: string } | { ok: false; message: string };

/** /ingest (reply to a text or a .txt, or a .txt with /ingest as caption), then Confirm/Cancel. */
export function registerIngestCommands(deps: BotDeps, admin: AdminComposer): void {
  const pending = new Map<string, PendingIngest>();
  const maxBytes = deps.maxIngestBytes ?? DEFAULT_MAX_INGEST_BYTES;
  const ttl = deps.ingestTtlMs ?? DEFAULT_INGEST_TTL_MS;

  const handleIngest = async (ctx: BotContext): Promise<void> => {
    if (!ctx.message || !ctx.chat) return;
    const found = await findDocument(deps, ctx, ctx.message, maxBytes);
    if (!found.ok) {
      await ctx.reply(found.message);
      return;
    }
    let extraction: ExtractionResult;
    const timeoutMs = deps.extractionTimeoutMs ?? DEFAULT_EXTRACTION_TIMEOUT_MS;
    try {
      // In a worker thread with a time limit: a megabyte of odd text must not stall every chat
      // and the scheduler. A pasted article without a date line is read as published today.
      extraction = await extractInWorker(found.text, { reference: today(deps), timeZone: deps.config.defaultTimeZone }, { timeoutMs });
    } catch (error) {
      if (error instanceof ExtractionTimeoutError) {
        deps.logger.warn({ bytes: found.text.length, timeoutMs }, "extraction hit its time limit");
        await ctx.reply(ctx.t("ingest-timeout", { seconds: String(Math.ceil(timeoutMs / 1000)) }));
        return;
      }
      deps.logger.error({ err: error }, "extraction failed");
      await ctx.reply(ctx.t("ingest-failed"));
      return;
    }
    if (extraction.commitments.length === 0) {
      await ctx.reply(ctx.t("ingest-none"));
      return;
    }
    const now = deps.clock.now().getTime();
    for (const [key, item] of pending) if (item.expiresAt <= now || pending.size >= MAX_PENDING) pending.delete(key);
    const token = randomBytes(6).toString("base64url");
    pending.set(token, { chatId: ctx.chat.id, file: found.file, text: found.text, extraction, expiresAt: now + ttl });
    const keyboard = new InlineKeyboard()
      .text(ctx.t("ingest-add"), encodeCallback({ type: "ingest", confirm: true, token }))
      .text(ctx.t("ingest-cancel"), encodeCallback({ type: "ingest", confirm: false, token }));
    await replyHtml(ctx, previewLines(ctx.lang, found.file, extraction), { keyboard });
  };

  admin.command("ingest", handleIngest);
  // A .txt sent with "/ingest" as its caption; matched on the caption text as well, since not
  // every client marks a caption's command as a bot_command entity. "/ingest@otherbot" is not ours.
  admin.on("message:document", (ctx) => isCommandForMe(ctx, "ingest"), handleIngest);

  admin.callbackQuery(/^1:i:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (action?.type !== "ingest") {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true });
      return;
    }
    const item = pending.get(action.token);
    if (!item || item.expiresAt <= deps.clock.now().getTime() || item.chatId !== ctx.chat?.id) {
      pending.delete(action.token);
      await ctx.answerCallbackQuery({ text: ctx.t("ingest-expired"), show_alert: true });
      return;
    }
    pending.delete(action.token);
    if (!action.confirm) {
      await ctx.answerCallbackQuery({ text: ctx.t("ingest-cancelled-alert") });
      await editHtml(ctx, [th(ctx.lang, "ingest-cancelled")]);
      return;
    }
    const result = await ingestSource(deps.db, {
      file: item.file,
      text: item.text,
      now: deps.clock.now(),
      extract: () => item.extraction,
      admins: deps.config.adminIds,
    });
    await ctx.answerCallbackQuery({ text: ctx.t("ingest-added-alert") });
    const detail = result.status === "unchanged" ? ctx.t("ingest-unchanged") : ctx.t("ingest-counts", { added: result.added, updated: result.updated });
    await editHtml(ctx, [th(ctx.lang, "ingest-stored", { file: item.file, detail })]);
  });
}

function previewLines(lang: Language, file: string, extraction: ExtractionResult): Html[] {
  const items = extraction.commitments;
  const lines: Html[] = [th(lang, "ingest-found", { count: items.length, file })];
  for (const c of items.slice(0, PREVIEW_ITEMS)) {
    const due = dueLabel(lang, { dueOn: c.due, extractedDueOn: c.due, precision: c.precision });
    lines.push(html`• ${truncate(c.title, 120)} — <b>${due}</b>${c.responsible ? ` · ${truncate(c.responsible, 60)}` : ""}`);
  }
  if (items.length > PREVIEW_ITEMS) lines.push(th(lang, "ingest-more", { count: items.length - PREVIEW_ITEMS }));
  lines.push(html``, th(lang, "ingest-ask"));
  return lines;
}

async function findDocument(deps: BotDeps, ctx: BotContext, message: Message, maxBytes: number): Promise<Found> {
  const chatId = message.chat.id;
  const replied = message.reply_to_message;
  const document = message.document ?? replied?.document;
  const sourceMessageId = message.document ? message.message_id : replied?.message_id;
  const file = `telegram/${chatId}/${sourceMessageId ?? message.message_id}.txt`;
  if (document) return downloadDocument(deps, ctx, document, file, maxBytes);
  const text = replied?.text ?? replied?.caption;
  if (!text || text.trim() === "") {
    return { ok: false, message: ctx.t("ingest-how") };
  }
  return { ok: true, file, text };
}

async function downloadDocument(deps: BotDeps, ctx: BotContext, document: Document, file: string, maxBytes: number): Promise<Found> {
  const name = document.file_name ?? "document";
  const isText = name.toLowerCase().endsWith(".txt") || document.mime_type === "text/plain";
  if (!isText) return { ok: false, message: ctx.t("ingest-only-txt") };
  const tooBig = ctx.t("ingest-too-big", { limit: String(Math.round(maxBytes / 1024)) });
  if (document.file_size !== undefined && document.file_size > maxBytes) return { ok: false, message: tooBig };
  const info = await ctx.api.getFile(document.file_id);
  if (!info.file_path) return { ok: false, message: ctx.t("ingest-no-file") };
  if (info.file_size !== undefined && info.file_size > maxBytes) return { ok: false, message: tooBig };
  const response = await fetch(`${deps.apiRoot}/file/bot${deps.token}/${info.file_path}`, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) {
    deps.logger.warn({ status: response.status }, "file download failed");
    return { ok: false, message: ctx.t("ingest-download-failed") };
  }
  // The size is checked before the download (the document's and the file's declared size, then
  // Content-Length) and while reading: a body larger than declared is cut off, not read whole.
  if (declaresTooMuch(response.headers.get("content-length"), maxBytes)) {
    await response.body?.cancel();
    return { ok: false, message: tooBig };
  }
  const bytes = response.body ? await readCapped(response.body, maxBytes) : Buffer.alloc(0);
  if (bytes === null) return { ok: false, message: tooBig };
  try {
    return { ok: true, file, text: decodeDocument(name, bytes) };
  } catch (error) {
    // The reader explains in English; other languages wrap its reason in their own sentence.
    if (error instanceof DocumentError) return { ok: false, message: ctx.lang === "en" ? error.message : t(ctx.lang, "ingest-bad-document", { reason: error.message }) };
    throw error;
  }
}

