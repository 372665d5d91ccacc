// Which Bot API calls the outbound limiter paces, and to which chat they count.
//
// Telegram's bot FAQ ("My bot is hitting limits, how do I avoid this?") states its flood limits
// in MESSAGES: about 30 a second over all chats, about one a second in one chat (short bursts
// tolerated, then 429s), at most 20 a minute in one group. So what is paced is every method that
// puts a new message into a chat: the send* family, forwards and copies, media groups.
// Not paced, because they put no message in a chat and the FAQ counts none of them:
// - getUpdates, getMe, getFile, getChat*, setMyCommands and the other reads and settings;
// - answerCallbackQuery: the answer to a button press (a toast), which the user's client waits
//   for with a spinner; holding it behind a second of message pacing would look like a hang;
// - sendChatAction ("typing..."), deleteMessage, and edits of a message already in the chat
//   (editMessageText etc.): the FAQ is silent on edits; ours answer a button press in a
//   message the user is looking at, a few at most, and the emulator counts them as Telegram's
//   FAQ does (not at all). A 429 on any of them still pauses every sender (see the transformer).

/** Lower-case names: Telegram's method names are case-insensitive. */
const PACED_METHODS = new Set([
  "sendmessage", "sendphoto", "sendaudio", "senddocument", "sendvideo", "sendanimation", "sendvoice",
  "sendvideonote", "sendpaidmedia", "sendmediagroup", "sendlocation", "sendvenue", "sendcontact",
  "sendpoll", "sendchecklist", "senddice", "sendsticker", "sendinvoice", "sendgame",
  "forwardmessage", "forwardmessages", "copymessage", "copymessages",
]);

/** Whether Telegram counts `method` against its flood limits (see the file comment). */
export function isPacedMethod(method: string): boolean {
  return PACED_METHODS.has(method.toLowerCase());
}

/** The chat a paced call writes to. */
export interface PacedTarget {
  chatId: string;
  /** Groups, supergroups and channels: the 20-a-minute limit applies. */
  isGroup: boolean;
}

/**
 * The chat a call counts against, or null when it is not paced (or names no chat). Group,
 * supergroup and channel ids are negative and a "@name" is a public group or channel, so the
 * id alone tells a group from a private chat: no look-up on the way out.
 */
export function pacedTarget(method: string, payload: unknown): PacedTarget | null {
  if (!isPacedMethod(method) || typeof payload !== "object" || payload === null) return null;
  const raw = (payload as { chat_id?: unknown }).chat_id;
  if (typeof raw === "number" || typeof raw === "bigint") return { chatId: String(raw), isGroup: raw < 0 };
  if (typeof raw !== "string" || raw.trim() === "") return null;
  const id = raw.trim();
  return { chatId: id, isGroup: id.startsWith("@") || id.startsWith("-") };
}
