import type { BotCommand, ChatFullInfo, ChatMember, File, Update, User, UserFromGetMe } from "grammy/types";
import { ApiError, badRequest, optionalInt, optionalObject, optionalString, requireInt } from "./api-error.ts";
import { readableChat, type MethodContext, type MethodHandler } from "./method-context.ts";
import type { BotStatus, ChatState, MemberRole } from "./world.ts";

const MAX_UPDATES_PER_CALL = 100;
const BOT_COMMAND_PATTERN = /^[a-z0-9_]{1,32}$/;
const MAX_COMMAND_DESCRIPTION_CHARS = 256;

function getMe(ctx: MethodContext): UserFromGetMe {
  return {
    ...ctx.bot.user, username: ctx.bot.user.username ?? "mindet_test_bot", can_join_groups: true,
    can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false,
    has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false,
    can_manage_bots: false, supports_join_request_queries: false,
  };
}

function getUpdates(ctx: MethodContext): Promise<Update[]> {
  if (ctx.bot.webhook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  const limit = Math.min(Math.max(optionalInt(ctx.params, "limit") ?? MAX_UPDATES_PER_CALL, 1), MAX_UPDATES_PER_CALL);
  const allowedUpdates = optionalObject<string[]>(ctx.params, "allowed_updates");
  return ctx.bot.queue.poll({
    offset: optionalInt(ctx.params, "offset"),
    limit,
    timeoutSeconds: optionalInt(ctx.params, "timeout") ?? 0,
    ...(allowedUpdates !== undefined ? { allowedUpdates } : {}),
  }, ctx.signal);
}

function setWebhook(ctx: MethodContext): true {
  const url = optionalString(ctx.params, "url") ?? "";
  if (url === "") {
    ctx.bot.webhook = null;
    return true;
  }
  if (!url.startsWith("https://")) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  const secretToken = optionalString(ctx.params, "secret_token") ?? null;
  if (secretToken !== null && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) throw badRequest("secret token contains unallowed characters");
  ctx.bot.webhook = { url, secretToken, allowedUpdates: optionalObject<string[]>(ctx.params, "allowed_updates") ?? null };
  return true;
}

function deleteWebhook(ctx: MethodContext): true {
  ctx.bot.webhook = null;
  if (ctx.params["drop_pending_updates"] === true || ctx.params["drop_pending_updates"] === "true") ctx.bot.queue.clear();
  return true;
}

function getWebhookInfo(ctx: MethodContext): { url: string; has_custom_certificate: boolean; pending_update_count: number } {
  return { url: ctx.bot.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: ctx.bot.queue.size };
}

function answerCallbackQuery(ctx: MethodContext): true {
  const id = optionalString(ctx.params, "callback_query_id");
  if (id === undefined || !ctx.callbacks.answer(id, ctx.params)) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  return true;
}

function getFile(ctx: MethodContext): File {
  const fileId = optionalString(ctx.params, "file_id");
  const file = fileId === undefined ? undefined : ctx.world.files.get(fileId);
  if (!file) throw badRequest("invalid file_id");
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length, file_path: file.filePath };
}

/** Commands are stored per (scope, language), as Telegram resolves them. */
function commandsKey(ctx: MethodContext): string {
  const scope = optionalObject<Record<string, unknown>>(ctx.params, "scope") ?? { type: "default" };
  return `${JSON.stringify(scope)}|${optionalString(ctx.params, "language_code") ?? ""}`;
}

function setMyCommands(ctx: MethodContext): true {
  const commands = optionalObject<BotCommand[]>(ctx.params, "commands");
  if (!Array.isArray(commands)) throw badRequest("parameter \"commands\" is required");
  if (commands.length > 100) throw badRequest("too many commands specified");
  for (const command of commands) {
    if (!BOT_COMMAND_PATTERN.test(command.command ?? "")) throw badRequest("BOT_COMMAND_INVALID");
    const description = command.description ?? "";
    if (description.length === 0 || description.length > MAX_COMMAND_DESCRIPTION_CHARS) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
  }
  ctx.bot.commands.set(commandsKey(ctx), commands.map(({ command, description }) => ({ command, description })));
  return true;
}

function getMyCommands(ctx: MethodContext): BotCommand[] {
  return ctx.bot.commands.get(commandsKey(ctx)) ?? [];
}

function deleteMyCommands(ctx: MethodContext): true {
  ctx.bot.commands.delete(commandsKey(ctx));
  return true;
}

function getChat(ctx: MethodContext): ChatFullInfo {
  const { chat } = readableChat(ctx);
  return { ...chat, accent_color_id: 0, max_reaction_count: 11 } as ChatFullInfo;
}

function memberObject(user: User, role: MemberRole | BotStatus): ChatMember {
  switch (role) {
    case "creator": return { status: "creator", user, is_anonymous: false };
    case "administrator":
      return {
        status: "administrator", user, can_be_edited: false, is_anonymous: false, can_manage_chat: true,
        can_delete_messages: true, can_manage_video_chats: true, can_restrict_members: true,
        can_promote_members: false, can_change_info: true, can_invite_users: true, can_post_stories: false,
        can_edit_stories: false, can_delete_stories: false, can_pin_messages: true, can_send_welcome_messages: false,
      } as ChatMember;
    case "member": return { status: "member", user };
    case "left": return { status: "left", user };
    case "kicked": return { status: "kicked", user, until_date: 0 };
  }
}

function memberOf(ctx: MethodContext, chat: ChatState, userId: number): ChatMember {
  if (userId === ctx.bot.user.id) return memberObject(ctx.bot.user, ctx.world.botStatus(ctx.bot, chat));
  const user = ctx.world.users.get(userId);
  if (!user) throw badRequest("user not found");
  return memberObject(user, chat.members.get(userId) ?? "left");
}

function getChatMember(ctx: MethodContext): ChatMember {
  const chat = readableChat(ctx);
  return memberOf(ctx, chat, requireInt(ctx.params, "user_id"));
}

function getChatAdministrators(ctx: MethodContext): ChatMember[] {
  const chat = readableChat(ctx);
  if (chat.chat.type === "private") throw badRequest("there are no administrators in the private chat");
  const admins: ChatMember[] = [];
  for (const [userId, role] of chat.members) {
    if (role !== "member") admins.push(memberOf(ctx, chat, userId));
  }
  if (ctx.world.botStatus(ctx.bot, chat) === "administrator") admins.push(memberOf(ctx, chat, ctx.bot.user.id));
  return admins;
}

function getChatMemberCount(ctx: MethodContext): number {
  const chat = readableChat(ctx);
  return chat.members.size + (ctx.world.botStatus(ctx.bot, chat) === "member" || ctx.world.botStatus(ctx.bot, chat) === "administrator" ? 1 : 0);
}

const acceptOnly: MethodHandler = () => true;

/** Everything except messages: identity, updates, callbacks, files, commands, chats. */
export const botMethods: Record<string, MethodHandler> = {
  getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo, answerCallbackQuery, getFile,
  setMyCommands, getMyCommands, deleteMyCommands, getChat, getChatMember, getChatAdministrators,
  getChatMemberCount,
  // Cosmetic settings a bot sets at boot; accepted so that startup code runs unchanged.
  setChatMenuButton: acceptOnly, setMyDescription: acceptOnly, setMyShortDescription: acceptOnly,
  getChatMenuButton: () => ({ type: "commands" }),
};
