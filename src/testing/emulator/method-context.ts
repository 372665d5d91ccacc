import type { InlineKeyboardMarkup, Message, MessageEntity, ReplyParameters } from "grammy/types";
import { badRequest, forbidden, optionalBool, optionalInt, optionalObject, optionalString } from "./api-error.ts";
import type { UploadedPart } from "./multipart.ts";
import type { ApiParams } from "./types.ts";
import type { BotState, ChatState, World } from "./world.ts";

/** Answers to callback queries, shared between the API handler and `pressButton`. */
export interface CallbackRegistry {
  /** Delivers an answer; false when the id is unknown or already answered. */
  answer(id: string, params: ApiParams): boolean;
}

/** Everything a Bot API method handler may use. */
export interface MethodContext {
  world: World;
  bot: BotState;
  params: ApiParams;
  files: Map<string, UploadedPart>;
  /** Aborted when the client goes away or the emulator closes. */
  signal: AbortSignal;
  settings: { autoCreateChats: boolean; strictHtmlAmpersand: boolean };
  callbacks: CallbackRegistry;
}

/** A Bot API method: returns the `result` or throws an ApiError. */
export type MethodHandler = (ctx: MethodContext) => unknown;

const MAX_CALLBACK_DATA_BYTES = 64;

function findChat(ctx: MethodContext, name = "chat_id"): ChatState | undefined {
  const raw = ctx.params[name];
  if (typeof raw === "string" && raw.startsWith("@")) {
    const username = raw.slice(1).toLowerCase();
    for (const state of ctx.world.chats.values()) {
      if ("username" in state.chat && state.chat.username?.toLowerCase() === username) return state;
    }
    return undefined;
  }
  const id = optionalInt(ctx.params, name);
  if (id === undefined) throw badRequest(`${name} is empty`);
  const state = ctx.world.chats.get(id);
  if (state || !ctx.settings.autoCreateChats) return state;
  // Only positive ids can be private chats; a made-up negative id becomes a group.
  if (id > 0) return ctx.world.privateChat(ctx.world.user(id));
  return ctx.world.addChat({ id, type: id < -1_000_000_000_000 ? "supergroup" : "group", title: `Chat ${id}` }, "member");
}

/** The chat of `chat_id` for reading (getChat, getChatMember): 400 when unknown or migrated. */
export function readableChat(ctx: MethodContext): ChatState {
  const state = findChat(ctx);
  if (!state) throw badRequest("chat not found");
  if (state.migratedTo !== undefined) {
    throw badRequest("group chat was upgraded to a supergroup chat", { migrate_to_chat_id: state.migratedTo });
  }
  return state;
}

/** The chat of `chat_id` for sending: also 403 when the bot was blocked, removed or never added. */
export function sendableChat(ctx: MethodContext): ChatState {
  const state = readableChat(ctx);
  const status = ctx.world.botStatus(ctx.bot, state);
  if (state.chat.type === "private") {
    if (status === "kicked") throw forbidden("bot was blocked by the user");
    return state;
  }
  const kind = state.chat.type === "supergroup" ? "supergroup chat" : state.chat.type === "channel" ? "channel chat" : "group chat";
  if (status === "kicked") throw forbidden(`bot was kicked from the ${kind}`);
  if (status === "left") throw forbidden(`bot is not a member of the ${kind}`);
  return state;
}

/** Validates `reply_markup` like Telegram: callback_data must be 1-64 bytes. */
export function readReplyMarkup(params: ApiParams): InlineKeyboardMarkup | undefined {
  const markup = optionalObject<InlineKeyboardMarkup | Record<string, unknown>>(params, "reply_markup");
  if (!markup || !("inline_keyboard" in markup)) return undefined;
  const rows = (markup as InlineKeyboardMarkup).inline_keyboard;
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
    throw badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
  }
  for (const button of rows.flat()) {
    if (typeof button.text !== "string" || button.text.length === 0) throw badRequest("text buttons are unallowed in the inline keyboard");
    if ("callback_data" in button) {
      const bytes = Buffer.byteLength(String(button.callback_data), "utf8");
      if (bytes === 0 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
    } else if ("url" in button && !/^(https?|tg):\/\//i.test(String(button.url))) {
      throw badRequest("BUTTON_URL_INVALID");
    }
  }
  return markup as InlineKeyboardMarkup;
}

/** Explicit `entities`/`caption_entities` (a JSON string in form fields). */
export function readEntities(params: ApiParams, name: string): MessageEntity[] | undefined {
  return optionalObject<MessageEntity[]>(params, name);
}

/** The message a send replies to, per reply_parameters or the older reply_to_message_id. */
export function readReplyTarget(ctx: MethodContext, chat: ChatState): Message | undefined {
  const parameters = optionalObject<ReplyParameters>(ctx.params, "reply_parameters");
  const messageId = parameters?.message_id ?? optionalInt(ctx.params, "reply_to_message_id");
  if (messageId === undefined) return undefined;
  const targetChat = parameters?.chat_id !== undefined ? ctx.world.chats.get(Number(parameters.chat_id)) : chat;
  const stored = targetChat?.messages.get(Number(messageId));
  if (stored && !stored.deleted) {
    // Telegram does not nest replies: the replied-to message comes without its own reply.
    const { reply_to_message: _nested, ...target } = stored.message;
    return target as Message;
  }
  const allowWithout = parameters?.allow_sending_without_reply ?? optionalBool(ctx.params, "allow_sending_without_reply");
  if (allowWithout) return undefined;
  throw badRequest("message to be replied not found");
}

/** Fields every sent message shares: sender, thread, reply, keyboard. */
export function commonSendFields(ctx: MethodContext, chat: ChatState): Partial<Message> {
  const replyTo = readReplyTarget(ctx, chat);
  const replyMarkup = readReplyMarkup(ctx.params);
  const threadId = optionalInt(ctx.params, "message_thread_id");
  return {
    from: ctx.bot.user,
    ...(threadId !== undefined ? { message_thread_id: threadId } : {}),
    ...(replyTo ? { reply_to_message: replyTo } : {}),
    ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
  } as Partial<Message>;
}

/** `parse_mode` as a string, if given. */
export function readParseMode(params: ApiParams): string | undefined {
  return optionalString(params, "parse_mode");
}
