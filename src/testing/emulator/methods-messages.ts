import type { Message } from "grammy/types";
import { badRequest, optionalInt, optionalObject, optionalString, requireInt } from "./api-error.ts";
import { formatText } from "./format-text.ts";
import {
  commonSendFields, readableChat, readEntities, readParseMode, readReplyMarkup, sendableChat,
  type MethodContext, type MethodHandler,
} from "./method-context.ts";
import { guessMimeType, type StoredMessage } from "./world.ts";

function sendMessage(ctx: MethodContext): Message {
  const chat = sendableChat(ctx);
  const raw = optionalString(ctx.params, "text");
  if (raw === undefined || raw === "") throw badRequest("message text is empty");
  const formatted = formatText(raw, {
    kind: "text",
    parseMode: readParseMode(ctx.params),
    entities: readEntities(ctx.params, "entities"),
    strictHtmlAmpersand: ctx.settings.strictHtmlAmpersand,
  });
  const linkPreview = optionalObject<Message["link_preview_options"]>(ctx.params, "link_preview_options");
  return ctx.world.appendMessage(chat, {
    ...commonSendFields(ctx, chat),
    text: formatted.text,
    ...(formatted.entities.length > 0 ? { entities: formatted.entities } : {}),
    ...(linkPreview ? { link_preview_options: linkPreview } : {}),
  }, ctx.bot.token);
}

/** The uploaded or referenced file of `document`: attach://, a known file_id, else a 400. */
function readDocument(ctx: MethodContext): { fileId: string; fileUniqueId: string; fileName?: string; mimeType?: string; size: number } {
  const upload = ctx.files.get("document");
  const ref = optionalString(ctx.params, "document");
  const attached = ref?.startsWith("attach://") ? ctx.files.get(ref.slice("attach://".length)) : undefined;
  const part = upload ?? attached;
  if (part) {
    const mimeType = guessMimeType(part.fileName, part.mimeType);
    const file = ctx.world.storeFile(part.bytes, part.fileName, mimeType, "documents");
    return { fileId: file.fileId, fileUniqueId: file.fileUniqueId, fileName: part.fileName, mimeType, size: part.bytes.length };
  }
  if (ref === undefined || ref === "") throw badRequest("there is no document in the request");
  const known = ctx.world.files.get(ref);
  if (known) {
    return {
      fileId: known.fileId, fileUniqueId: known.fileUniqueId, size: known.bytes.length,
      ...(known.fileName !== undefined ? { fileName: known.fileName } : {}),
      ...(known.mimeType !== undefined ? { mimeType: known.mimeType } : {}),
    };
  }
  // The emulator has no internet, so a URL can never be fetched.
  if (/^https?:\/\//.test(ref)) throw badRequest("failed to get HTTP URL content");
  throw badRequest("wrong file identifier/HTTP URL specified");
}

function sendDocument(ctx: MethodContext): Message {
  const chat = sendableChat(ctx);
  const document = readDocument(ctx);
  const rawCaption = optionalString(ctx.params, "caption");
  const caption = rawCaption === undefined
    ? undefined
    : formatText(rawCaption, {
      kind: "caption",
      parseMode: readParseMode(ctx.params),
      entities: readEntities(ctx.params, "caption_entities"),
      strictHtmlAmpersand: ctx.settings.strictHtmlAmpersand,
    });
  return ctx.world.appendMessage(chat, {
    ...commonSendFields(ctx, chat),
    document: {
      file_id: document.fileId,
      file_unique_id: document.fileUniqueId,
      file_size: document.size,
      ...(document.fileName !== undefined ? { file_name: document.fileName } : {}),
      ...(document.mimeType !== undefined ? { mime_type: document.mimeType } : {}),
    },
    ...(caption && caption.text.length > 0 ? { caption: caption.text } : {}),
    ...(caption && caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
  }, ctx.bot.token);
}

/** The bot's own message addressed by chat_id + message_id, for editing. */
function editableMessage(ctx: MethodContext): StoredMessage {
  if (ctx.params["inline_message_id"] !== undefined) throw badRequest("message to edit not found");
  const chat = readableChat(ctx);
  const messageId = optionalInt(ctx.params, "message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  const stored = chat.messages.get(messageId);
  if (!stored || stored.deleted) throw badRequest("message to edit not found");
  if (stored.sentBy !== ctx.bot.token) throw badRequest("message can't be edited");
  return stored;
}

const NOT_MODIFIED = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Replaces the stored message with a new object, so earlier snapshots in `calls` stay as sent. */
function replaceMessage(stored: StoredMessage, next: Message, unixTime: number): Message {
  const edited = { ...next, edit_date: unixTime } as Message;
  stored.message = edited;
  return edited;
}

function editMessageText(ctx: MethodContext): Message {
  const stored = editableMessage(ctx);
  const current = stored.message;
  const raw = optionalString(ctx.params, "text");
  if (raw === undefined || raw === "") throw badRequest("message text is empty");
  if (current.text === undefined) throw badRequest("there is no text in the message to edit");
  const formatted = formatText(raw, {
    kind: "text",
    parseMode: readParseMode(ctx.params),
    entities: readEntities(ctx.params, "entities"),
    strictHtmlAmpersand: ctx.settings.strictHtmlAmpersand,
  });
  // Like Telegram, an edit without reply_markup removes the inline keyboard.
  const markup = readReplyMarkup(ctx.params);
  const entities = formatted.entities.length > 0 ? formatted.entities : undefined;
  if (current.text === formatted.text && sameJson(current.entities, entities) && sameJson(current.reply_markup, markup)) {
    throw badRequest(NOT_MODIFIED);
  }
  const { entities: _oldEntities, reply_markup: _oldMarkup, ...rest } = current;
  return replaceMessage(stored, {
    ...rest,
    text: formatted.text,
    ...(entities ? { entities } : {}),
    ...(markup ? { reply_markup: markup } : {}),
  } as Message, ctx.world.unixTime());
}

function editMessageReplyMarkup(ctx: MethodContext): Message {
  const stored = editableMessage(ctx);
  const markup = readReplyMarkup(ctx.params);
  if (sameJson(stored.message.reply_markup, markup)) throw badRequest(NOT_MODIFIED);
  const { reply_markup: _old, ...rest } = stored.message;
  return replaceMessage(stored, { ...rest, ...(markup ? { reply_markup: markup } : {}) } as Message, ctx.world.unixTime());
}

function deleteMessage(ctx: MethodContext): true {
  const chat = readableChat(ctx);
  const stored = chat.messages.get(requireInt(ctx.params, "message_id"));
  if (!stored || stored.deleted) throw badRequest("message to delete not found");
  stored.deleted = true;
  return true;
}

const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
  "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

function sendChatAction(ctx: MethodContext): true {
  sendableChat(ctx);
  const action = optionalString(ctx.params, "action");
  if (action === undefined || !CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
  return true;
}

/** Sending, editing and deleting messages. */
export const messageMethods: Record<string, MethodHandler> = {
  sendMessage, sendDocument, editMessageText, editMessageReplyMarkup, deleteMessage, sendChatAction,
};
