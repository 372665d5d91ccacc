import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runStart } from "../../src/main.ts";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";

function capture(): { stderr: { write(text: string): boolean }; text: () => string } {
  let text = "";
  return { stderr: { write: (t: string) => ((text += t), true) }, text: () => text };
}

describe("runStart configuration", () => {
  it("a missing BOT_TOKEN exits 2 with one line naming it", async () => {
    const out = capture();
    expect(await runStart({ DATABASE_URL: "file:./.tmp/test/never.db" }, { stderr: out.stderr })).toBe(2);
    expect(out.text()).toMatch(/^mindet: BOT_TOKEN: missing.*\n$/);
  });

  it("a malformed BOT_TOKEN exits 2 naming it, without printing the token", async () => {
    const out = capture();
    const secret = "12345:tooShortSecretValue";
    expect(await runStart({ BOT_TOKEN: secret }, { stderr: out.stderr })).toBe(2);
    expect(out.text()).toContain("BOT_TOKEN: malformed");
    expect(out.text()).not.toContain("tooShortSecretValue");
    expect(out.text().trim().split("\n")).toHaveLength(1);
  });

  it("another bad variable is named too", async () => {
    const out = capture();
    expect(await runStart({ BOT_TOKEN: "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", DEFAULT_TIMEZONE: "Mars/Base" }, { stderr: out.stderr })).toBe(2);
    expect(out.text()).toContain("DEFAULT_TIMEZONE");
  });
});

describe("mindet start against the emulator (a real process)", () => {
  let emulator: BotApiEmulator;
  const dir = path.resolve(".tmp/test", `start-${randomUUID()}`);

  beforeAll(async () => {
    emulator = await createBotApiEmulator({ bot: { username: "mindet_e2e_bot" } });
    mkdirSync(dir, { recursive: true });
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("migrates, ingests seeds, registers commands, answers, and stops cleanly on SIGTERM without logging the token", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/e2e/fixtures/run-start.ts"], {
      env: {
        PATH: process.env.PATH,
        BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        DATABASE_URL: `file:${path.join(dir, "mindet.db")}`,
        ADMIN_IDS: "42",
        LOG_LEVEL: "debug",
        MINDET_NOW: "2026-01-15T11:00:00+05:00",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await emulator.waitForCall("setMyCommands", undefined, { timeoutMs: 60_000, since: 0 });
      await emulator.waitForLongPoll({ timeoutMs: 30_000 });
      const user = emulator.createUser({ id: 42, firstName: "Ada" });
      const chat = emulator.createPrivateChat(user);
      const list = await emulator.converse(chat, user, "/list", { timeoutMs: 10_000 });
      expect(list.text).toMatch(/Tracked commitments, soonest due first \(\d+/);
      // MINDET_NOW is the bot's today (15 Jan 2026, Astana): every day-precise line's badge agrees.
      const lines = [...(list.text ?? "").matchAll(/· (\d{1,2} \w{3} \d{4}) · (🟢 open|🔴 overdue)/g)];
      expect(lines.length).toBeGreaterThan(2);
      for (const [, date, badge] of lines) {
        const due = new Date(`${date} UTC`).toISOString().slice(0, 10);
        expect(`${date}: ${badge}`).toBe(`${date}: ${due < "2026-01-15" ? "🔴 overdue" : "🟢 open"}`);
      }
      expect(lines.some(([, , badge]) => badge === "🟢 open")).toBe(true);
      expect(emulator.commands({ scope: { type: "chat", chat_id: 42 } }).map((c) => c.command)).toContain("done");
      // An update the bot acknowledged (it asked for the next offset) and is still handling when
      // the signal arrives is answered before the process exits: its reply is held for 700 ms.
      emulator.failNext("sendMessage", { kind: "timeout", ms: 700 });
      emulator.sendText(chat, user, "/help");
      await emulator.waitForCall("sendMessage", (c) => c.injected === "timeout" && c.params.chat_id === chat.id, { timeoutMs: 10_000 });
      // The bot holds a new long poll: it asked for updates after /help (acknowledging it).
      await emulator.waitForLongPoll({ timeoutMs: 10_000 });
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(emulator.sentMessages(chat.id).some((m) => (m.text ?? "").includes("Commands"))).toBe(true);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    expect(stderr).toContain("MINDET_NOW is set");
    expect(stderr).toContain("shutting down");
    expect(stderr).not.toContain(emulator.token.split(":")[1] as string);
  }, 90_000);

  it("stops cleanly on SIGINT too (Ctrl-C)", async () => {
    // A fresh emulator: the first process's abandoned long poll must not hold this one up.
    const emulator = await createBotApiEmulator({ bot: { username: "mindet_e2e_bot" } });
    const child = spawn(process.execPath, ["--import", "tsx", "test/e2e/fixtures/run-start.ts"], {
      env: { PATH: process.env.PATH, BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: `file:${path.join(dir, "sigint.db")}`, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await emulator.waitForLongPoll({ timeoutMs: 30_000 });
      const user = emulator.createUser({ firstName: "Ed" });
      const reply = await emulator.converse(emulator.createPrivateChat(user), user, "/help", { timeoutMs: 10_000 });
      expect(reply.text).toContain("Commands");
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await emulator.close();
    }
    expect(stderr).toMatch(/"reason":"SIGINT".*shutting down|shutting down.*"reason":"SIGINT"/);
  }, 90_000);
});
