import type { Chat, ChatMember, Message, Update, User } from "grammy/types";
import type { CallLog } from "./call-log.ts";
import { detectEntities } from "./format-text.ts";
import type {
  CallbackQueryUpdate, ChatRef, CreateGroupOptions, CreateUserOptions, EditedMessageUpdate, InjectOptions,
  MessageRef, MessageUpdate, MyChatMemberUpdate, SendTextOptions, UserDocument, UserRef,
} from "./types.ts";
import { chatIdOf, guessMimeType, messageKey, type BotState, type BotStatus, type ChatState, type World } from "./world.ts";

/** Where a button press waits for the bot's answerCallbackQuery. */
export interface PendingCallbacks {
  register(id: string): Promise<Record<string, unknown>>;
}

/** A button press: the update and the callback query's id. */
export interface ButtonPress {
  update: CallbackQueryUpdate;
  id: string;
}

function memberOf(user: User, status: BotStatus): ChatMember {
  return status === "kicked" ? { status, user, until_date: 0 } : status === "administrator"
    ? { status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
      can_manage_video_chats: false, can_restrict_members: false, can_promote_members: false, can_change_info: false,
      can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
      can_send_welcome_messages: false } as ChatMember
    : { status, user };
}

/**
 * What users do, turned into updates for the bot. Every action first marks the call log, so a
 * following `waitFor*` only looks at what the bot did in response.
 */
export class Scenario {
  private nextCallbackId = 4_000_000_000_000_000_001n;

  constructor(
    readonly world: World,
    protected readonly log: CallLog,
    private readonly callbacks: PendingCallbacks,
    protected readonly defaultToken: string,
  ) {}

  createUser(options: CreateUserOptions = {}): User {
    return this.world.createUser(options);
  }

  createPrivateChat(user: UserRef): Chat.PrivateChat {
    return this.world.privateChat(this.world.user(user)).chat as Chat.PrivateChat;
  }

  createGroup(options: CreateGroupOptions): Chat.GroupChat | Chat.SupergroupChat {
    const type = options.type ?? "group";
    const id = options.id ?? (type === "supergroup" ? this.world.newSupergroupId() : this.world.newGroupId());
    const chat = type === "supergroup"
      ? { id, type, title: options.title, ...(options.username ? { username: options.username } : {}) } as Chat.SupergroupChat
      : { id, type, title: options.title } as Chat.GroupChat;
    const botStatus: BotStatus = options.botIsMember === false ? "left" : options.botIsAdmin ? "administrator" : "member";
    const state = this.world.addChat(chat, botStatus);
    const admins = (options.admins ?? []).map((u) => this.world.user(u));
    admins.forEach((admin, i) => state.members.set(admin.id, i === 0 ? "creator" : "administrator"));
    for (const member of options.members ?? []) {
      const user = this.world.user(member);
      if (!state.members.has(user.id)) state.members.set(user.id, state.members.size === 0 ? "creator" : "member");
    }
    return chat;
  }

  sendText(chat: ChatRef, from: UserRef, text: string, options: SendTextOptions = {}): MessageUpdate {
    const state = this.chat(chat);
    const reply = options.replyTo ? this.world.storedMessage(options.replyTo)?.message : undefined;
    const entities = detectEntities(text, [...(options.entities ?? [])]);
    return this.deliverMessage(state, from, {
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...(reply ? { reply_to_message: reply } : {}),
      ...(options.messageThreadId !== undefined ? { message_thread_id: options.messageThreadId } : {}),
    } as Partial<Message>, options);
  }

  replyTo(message: MessageRef, chat: ChatRef, from: UserRef, text: string, options: InjectOptions = {}): MessageUpdate {
    return this.sendText(chat, from, text, { ...options, replyTo: message });
  }

  editText(message: MessageRef, newText: string, options: InjectOptions = {}): EditedMessageUpdate {
    const stored = this.world.storedMessage(message);
    if (!stored) throw new Error(`editText: message ${JSON.stringify(messageKey(message))} is unknown to the emulator`);
    const entities = detectEntities(newText, []);
    const { entities: _old, ...rest } = stored.message;
    stored.message = { ...rest, text: newText, ...(entities.length > 0 ? { entities } : {}), edit_date: this.world.unixTime() } as Message;
    this.log.mark();
    return this.bot(options).queue.enqueue({ edited_message: stored.message } as Omit<Update, "update_id">) as EditedMessageUpdate;
  }

  /** Presses an inline button by its callback_data or its position (row by row, from 0). */
  pressButton(message: MessageRef, button: string | number, from?: UserRef, options: InjectOptions = {}): ButtonPress & { answer: Promise<Record<string, unknown>> } {
    const stored = this.world.storedMessage(message);
    if (!stored || stored.deleted) throw new Error(`pressButton: message ${JSON.stringify(messageKey(message))} is unknown or deleted`);
    const buttons = stored.message.reply_markup?.inline_keyboard.flat() ?? [];
    const pressed = typeof button === "number" ? buttons[button] : buttons.find((b) => "callback_data" in b && b.callback_data === button);
    if (!pressed || !("callback_data" in pressed)) {
      const available = buttons.map((b, i) => `${i}: ${b.text} ${"callback_data" in b ? `(${b.callback_data})` : "(no callback_data)"}`);
      throw new Error(`pressButton: no callback button ${JSON.stringify(button)}; the message has [${available.join(", ")}]`);
    }
    const chat = stored.message.chat;
    const user = from !== undefined ? this.world.user(from) : chat.type === "private" ? this.world.user(chat.id) : undefined;
    if (!user) throw new Error("pressButton: say who presses the button in a group");
    const id = String(this.nextCallbackId++);
    const answer = this.callbacks.register(id);
    this.log.mark();
    const update = this.bot(options).queue.enqueue({
      callback_query: {
        id, from: user, message: stored.message, chat_instance: String(Math.abs(chat.id) * 7919 % 2 ** 52),
        data: pressed.callback_data,
      },
    } as Omit<Update, "update_id">) as CallbackQueryUpdate;
    return { update, id, answer };
  }

  /** A button under a message sent in inline mode: the update has inline_message_id and no message. */
  pressInlineButton(from: UserRef, data: string, options: InjectOptions = {}): ButtonPress & { answer: Promise<Record<string, unknown>> } {
    const user = this.world.user(from);
    const id = String(this.nextCallbackId++);
    const answer = this.callbacks.register(id);
    this.log.mark();
    const update = this.bot(options).queue.enqueue({
      callback_query: { id, from: user, inline_message_id: `inline-${id}`, chat_instance: String(user.id * 7919 % 2 ** 52), data },
    } as Omit<Update, "update_id">) as CallbackQueryUpdate;
    return { update, id, answer };
  }

  sendSticker(chat: ChatRef, from: UserRef, options: InjectOptions = {}): MessageUpdate {
    const file = this.world.storeFile(Buffer.from("RIFF-webp-sticker"), "sticker.webp", "image/webp", "stickers");
    return this.deliverMessage(this.chat(chat), from, {
      sticker: {
        file_id: file.fileId, file_unique_id: file.fileUniqueId, type: "regular", width: 512, height: 512,
        is_animated: false, is_video: false, emoji: "👍", file_size: file.bytes.length,
      },
    }, options);
  }

  sendPhoto(chat: ChatRef, from: UserRef, options: InjectOptions & { caption?: string } = {}): MessageUpdate {
    const file = this.world.storeFile(Buffer.from("\xff\xd8\xff-jpeg", "latin1"), "photo.jpg", "image/jpeg", "photos");
    return this.deliverMessage(this.chat(chat), from, {
      photo: [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, width: 90, height: 90, file_size: file.bytes.length }],
      ...(options.caption ? { caption: options.caption } : {}),
    }, options);
  }

  userSendsDocument(chat: ChatRef, from: UserRef, document: UserDocument, options: InjectOptions = {}): MessageUpdate {
    const bytes = typeof document.content === "string" ? Buffer.from(document.content, "utf8") : Buffer.from(document.content);
    const mimeType = guessMimeType(document.fileName, document.mimeType);
    const file = this.world.storeFile(bytes, document.fileName, mimeType, "documents");
    return this.deliverMessage(this.chat(chat), from, {
      document: { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_name: document.fileName, mime_type: mimeType, file_size: bytes.length },
      ...(document.caption ? { caption: document.caption } : {}),
    }, options);
  }

  botAddedToGroup(group: ChatRef, by: UserRef, options: InjectOptions & { asAdmin?: boolean } = {}): MyChatMemberUpdate {
    const state = this.chat(group);
    const bot = this.bot(options);
    const user = this.world.user(by);
    if (!state.members.has(user.id)) state.members.set(user.id, "member");
    const update = this.changeBotStatus(bot, state, user, options.asAdmin ? "administrator" : "member");
    this.deliverMessage(state, user, { new_chat_members: [bot.user] }, options);
    return update;
  }

  botRemovedFromGroup(group: ChatRef, by: UserRef, options: InjectOptions = {}): MyChatMemberUpdate {
    const state = this.chat(group);
    // Telegram reports a removal from a basic group as "left", from a supergroup as "kicked".
    return this.changeBotStatus(this.bot(options), state, this.world.user(by), state.chat.type === "supergroup" ? "kicked" : "left");
  }

  userBlocksBot(user: UserRef, options: InjectOptions = {}): MyChatMemberUpdate {
    const u = this.world.user(user);
    const bot = this.bot(options);
    const state = this.world.privateChat(u);
    const update = this.changeBotStatus(bot, state, u, "kicked");
    bot.blockedBy.add(u.id);
    return update;
  }

  userUnblocksBot(user: UserRef, options: InjectOptions = {}): MyChatMemberUpdate {
    const u = this.world.user(user);
    const bot = this.bot(options);
    const state = this.world.privateChat(u);
    const update = this.changeBotStatus(bot, state, u, "member");
    bot.blockedBy.delete(u.id);
    return update;
  }

  /** Upgrades a basic group: new -100… id, service messages in both chats, old id answers 400. */
  migrateGroupToSupergroup(group: ChatRef, options: InjectOptions & { newId?: number } = {}): Chat.SupergroupChat {
    const old = this.chat(group);
    if (old.chat.type !== "group") throw new Error(`migrateGroupToSupergroup: chat ${old.chat.id} is a ${old.chat.type}, not a group`);
    const chat: Chat.SupergroupChat = { id: options.newId ?? this.world.newSupergroupId(), type: "supergroup", title: old.chat.title };
    const next = this.world.addChat(chat, old.defaultBotStatus);
    for (const [userId, role] of old.members) next.members.set(userId, role);
    for (const bot of this.world.bots.values()) {
      const status = bot.status.get(old.chat.id);
      if (status) bot.status.set(chat.id, status);
    }
    const creatorId = [...old.members].find(([, role]) => role === "creator")?.[0] ?? [...old.members.keys()][0];
    const creator = creatorId !== undefined ? this.world.user(creatorId) : this.bot(options).user;
    this.deliverMessage(old, creator, { migrate_to_chat_id: chat.id }, options);
    old.migratedTo = chat.id;
    this.deliverMessage(next, creator, { migrate_from_chat_id: old.chat.id, sender_chat: chat }, options);
    return chat;
  }

  private changeBotStatus(bot: BotState, state: ChatState, by: User, status: BotStatus): MyChatMemberUpdate {
    const before = this.world.botStatus(bot, state);
    if (state.chat.type !== "private") bot.status.set(state.chat.id, status);
    this.log.mark();
    return bot.queue.enqueue({
      my_chat_member: {
        chat: state.chat, from: by, date: this.world.unixTime(),
        old_chat_member: memberOf(bot.user, before), new_chat_member: memberOf(bot.user, status),
      },
    } as Omit<Update, "update_id">) as MyChatMemberUpdate;
  }

  private deliverMessage(state: ChatState, from: UserRef, fields: Partial<Message>, options: InjectOptions): MessageUpdate {
    const user = this.world.user(from);
    if (state.chat.type !== "private" && !state.members.has(user.id)) state.members.set(user.id, "member");
    const message = this.world.appendMessage(state, { from: user, ...fields } as Omit<Message, "message_id" | "date" | "chat">);
    this.log.mark();
    return this.bot(options).queue.enqueue({ message } as Omit<Update, "update_id">) as MessageUpdate;
  }

  private chat(ref: ChatRef): ChatState {
    const state = this.world.chats.get(chatIdOf(ref));
    if (!state) throw new Error(`chat ${chatIdOf(ref)} is unknown; create it with createPrivateChat/createGroup first`);
    return state;
  }

  private bot(options: InjectOptions): BotState {
    return this.world.bot(options.token ?? this.defaultToken);
  }
}

