import { describe, expect, it } from "vitest";
import { isPacedMethod, pacedTarget } from "../../src/telegram/paced-methods.ts";

describe("which calls count as messages", () => {
  it.each(["sendMessage", "sendDocument", "sendPhoto", "sendMediaGroup", "copyMessage", "forwardMessage", "SENDMESSAGE"])("%s is paced", (method) => {
    expect(isPacedMethod(method)).toBe(true);
  });

  it.each(["getUpdates", "getMe", "answerCallbackQuery", "setMyCommands", "sendChatAction", "editMessageText", "deleteMessage", "getChatMember"])("%s is not", (method) => {
    expect(isPacedMethod(method)).toBe(false);
  });
});

describe("the chat a message counts against", () => {
  it("tells groups from private chats by the id", () => {
    expect(pacedTarget("sendMessage", { chat_id: 42, text: "x" })).toEqual({ chatId: "42", isGroup: false });
    expect(pacedTarget("sendMessage", { chat_id: -1001234567890, text: "x" })).toEqual({ chatId: "-1001234567890", isGroup: true });
    expect(pacedTarget("sendMessage", { chat_id: "-100123", text: "x" })).toEqual({ chatId: "-100123", isGroup: true });
    expect(pacedTarget("sendMessage", { chat_id: "@news_channel", text: "x" })).toEqual({ chatId: "@news_channel", isGroup: true });
    expect(pacedTarget("sendMessage", { chat_id: "42", text: "x" })).toEqual({ chatId: "42", isGroup: false });
  });

  it("is none for calls that are not messages or name no chat", () => {
    expect(pacedTarget("answerCallbackQuery", { callback_query_id: "1" })).toBeNull();
    expect(pacedTarget("sendMessage", { text: "no chat" })).toBeNull();
    expect(pacedTarget("sendMessage", { chat_id: " ", text: "x" })).toBeNull();
    expect(pacedTarget("sendMessage", undefined)).toBeNull();
  });
});
