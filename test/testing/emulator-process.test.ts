import { Api, Bot, GrammyError } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorProcess, type EmulatorProcess } from "../../src/testing/emulator-control-client.ts";

let server: EmulatorProcess;

beforeAll(async () => {
  server = await startEmulatorProcess();
});

afterAll(async () => {
  await server.stop();
});

describe("emulator in its own process, driven over the control API", () => {
  it("round-trips a command through a real grammY bot", async () => {
    const { client } = server;
    const bot = new Bot(server.token, { client: { apiRoot: server.apiRoot } });
    bot.command("status", (ctx) => ctx.reply(`Commitment ${ctx.match}: <b>open</b>`, {
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "Source", callback_data: `src:${ctx.match}` }]] },
    }));
    bot.callbackQuery(/^src:/, (ctx) => ctx.answerCallbackQuery({ text: "Quoted sentence" }));
    const polling = bot.start({ timeout: 10 });
    const user = await client.createUser({ firstName: "Dana" });
    const chat = await client.createPrivateChat(user);
    const reply = await client.converse(chat, user, "/status 3");
    expect(reply.text).toBe("Commitment 3: open");
    const press = await client.pressButton(reply, "src:3", user);
    expect(await press.answer()).toMatchObject({ text: "Quoted sentence" });
    const update = await client.userSendsDocument(chat, user, { fileName: "a.bin", content: Buffer.from([0, 255, 10, 13]) });
    const file = await bot.api.getFile(update.message.document?.file_id ?? "");
    const bytes = Buffer.from(await (await fetch(`${server.apiRoot}/file/bot${server.token}/${file.file_path}`)).arrayBuffer());
    expect([...bytes]).toEqual([0, 255, 10, 13]);
    await bot.stop();
    await polling;
    expect((await client.getStats()).sendMessageAccepted).toBe(1);
    expect((await client.sentMessages(chat.id)).map((m) => m.text)).toEqual(["Commitment 3: open"]);
  });

  it("keeps its state when a bot process is killed, and serves failures set remotely", async () => {
    const { client } = server;
    const user = await client.createUser();
    const chat = await client.createPrivateChat(user);
    await client.failNext("sendMessage", { kind: "429", retryAfter: 3 }, { chatId: chat.id });
    // A bot in another process, killed with SIGKILL while it holds a long poll.
    const script = `import { Bot } from "grammy";
      const bot = new Bot(process.env.T, { client: { apiRoot: process.env.R } });
      bot.on("message", () => {});
      void bot.start({ timeout: 30 });`;
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, T: server.token, R: server.apiRoot }, stdio: "ignore", cwd: process.cwd(),
    });
    await client.waitForLongPoll({ timeoutMs: 10_000 });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    // The next instance takes over at once: its poll ends any stale one.
    const api = new Api(server.token, { apiRoot: server.apiRoot });
    expect(await api.getUpdates({ timeout: 0 })).toEqual([]);
    const error = await api.sendMessage(chat.id, "hi").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).parameters.retry_after).toBe(3);
    const calls = await client.getCalls({ method: "sendMessage" });
    expect(calls.at(-1)?.injected).toBe("429");
  });
});
