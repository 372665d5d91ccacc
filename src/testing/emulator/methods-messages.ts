import type { Message, PhotoSize } from "grammy/types";
import { badRequest, optionalInt, optionalObject, optionalString, requireInt } from "./api-error.ts";
import { formatText } from "./format-text.ts";
import {
  commonSendFields, readableChat, readEntities, readParseMode, readReplyMarkup, sendableChat,
  type MethodContext, type MethodHandler,
} from "./method-context.ts";
import { readImageSize } from "./image-size.ts";
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

interface SentFile {
  fileId: string;
  fileUniqueId: string;
  fileName?: string;
  mimeType?: string;
  size: number;
  bytes: Buffer;
}

/** The uploaded or referenced file of `field` ("document", "photo"): attach://, a known file_id, else a 400. */
function readUpload(ctx: MethodContext, field: string, folder: string): SentFile {
  const upload = ctx.files.get(field);
  const ref = optionalString(ctx.params, field);
  const attached = ref?.startsWith("attach://") ? ctx.files.get(ref.slice("attach://".length)) : undefined;
  const part = upload ?? attached;
  if (part) {
    const mimeType = guessMimeType(part.fileName, part.mimeType);
    const file = ctx.world.storeFile(part.bytes, part.fileName, mimeType, folder);
    return { fileId: file.fileId, fileUniqueId: file.fileUniqueId, fileName: part.fileName, mimeType, size: part.bytes.length, bytes: part.bytes };
  }
  if (ref === undefined || ref === "") throw badRequest(`there is no ${field} in the request`);
  const known = ctx.world.files.get(ref);
  if (known) {
    return {
      fileId: known.fileId, fileUniqueId: known.fileUniqueId, size: known.bytes.length, bytes: known.bytes,
      ...(known.fileName !== undefined ? { fileName: known.fileName } : {}),
      ...(known.mimeType !== undefined ? { mimeType: known.mimeType } : {}),
    };
  }
  // The emulator has no internet, so a URL can never be fetched.
  if (/^https?:\/\//.test(ref)) throw badRequest("failed to get HTTP URL content");
  throw badRequest("wrong file identifier/HTTP URL specified");
}

/** `caption` formatted like a message text (parse_mode, caption_entities), as the message's fields. */
function readCaption(ctx: MethodContext): Partial<Message> {
  const raw = optionalString(ctx.params, "caption");
  if (raw === undefined) return {};
  const caption = formatText(raw, {
    kind: "caption",
    parseMode: readParseMode(ctx.params),
    entities: readEntities(ctx.params, "caption_entities"),
    strictHtmlAmpersand: ctx.settings.strictHtmlAmpersand,
  });
  return {
    ...(caption.text.length > 0 ? { caption: caption.text } : {}),
    ...(caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
  };
}

function sendDocument(ctx: MethodContext): Message {
  const chat = sendableChat(ctx);
  const document = readUpload(ctx, "document", "documents");
  return ctx.world.appendMessage(chat, {
    ...commonSendFields(ctx, chat),
    document: {
      file_id: document.fileId,
      file_unique_id: document.fileUniqueId,
      file_size: document.size,
      ...(document.fileName !== undefined ? { file_name: document.fileName } : {}),
      ...(document.mimeType !== undefined ? { mime_type: document.mimeType } : {}),
    },
    ...readCaption(ctx),
  }, ctx.bot.token);
}

/** Telegram's limits on a photo (sendPhoto): 10 MB, width + height at most 10,000, sides at most 20 : 1. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_PHOTO_SIDES_SUM = 10_000;
const MAX_PHOTO_RATIO = 20;
/** The longest side of each size Telegram keeps of a photo (s, m, x, y, w). */
const PHOTO_SIZE_BOUNDS = [90, 320, 800, 1280, 2560];

/**
 * A photo: the upload must be an image (PNG, JPEG, GIF or WebP) within Telegram's limits, else the
 * 400s Telegram answers. The message carries the sizes Telegram would make (each under a bound,
 * the last the photo itself or its 2,560-pixel version). The emulator does not scale or re-encode:
 * every size's file holds the bytes the bot uploaded, and the largest size's dimensions are the
 * upload's when it fits.
 */
function sendPhoto(ctx: MethodContext): Message {
  const chat = sendableChat(ctx);
  const photo = readUpload(ctx, "photo", "photos");
  if (photo.size > MAX_PHOTO_BYTES) throw badRequest("PHOTO_SAVE_FILE_INVALID");
  const image = readImageSize(photo.bytes);
  if (!image) throw badRequest("IMAGE_PROCESS_FAILED");
  const { width, height } = image;
  if (width + height > MAX_PHOTO_SIDES_SUM || Math.max(width, height) / Math.min(width, height) > MAX_PHOTO_RATIO) {
    throw badRequest("PHOTO_INVALID_DIMENSIONS");
  }
  const sizes: PhotoSize[] = [];
  for (const bound of PHOTO_SIZE_BOUNDS) {
    const scale = Math.min(1, bound / Math.max(width, height));
    const isLast = scale === 1 || bound === PHOTO_SIZE_BOUNDS.at(-1);
    // The largest size is the upload's own file; the smaller ones get files of their own.
    const file = isLast ? photo : ctx.world.storeFile(photo.bytes, photo.fileName, photo.mimeType, "photos");
    sizes.push({
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      width: Math.max(1, Math.round(width * scale)),
      height: Math.max(1, Math.round(height * scale)),
      file_size: photo.size,
    });
    if (isLast) break;
  }
  return ctx.world.appendMessage(chat, { ...commonSendFields(ctx, chat), photo: sizes, ...readCaption(ctx) }, ctx.bot.token);
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
  sendMessage, sendDocument, sendPhoto, editMessageText, editMessageReplyMarkup, deleteMessage, sendChatAction,
};
