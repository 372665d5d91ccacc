import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

const TOKEN = "123456789:AAHfakefakefakefakefakefakefake_-12";

function errorOf(env: NodeJS.ProcessEnv, requireToken = true): ConfigError {
  try {
    loadConfig(env, { requireToken });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN }, { requireToken: true });
    expect(config).toMatchObject({
      botToken: TOKEN,
      databaseUrl: "file:./data/mindet.db",
      telegramApiRoot: "https://api.telegram.org",
      defaultTimeZone: "Asia/Almaty",
      logLevel: "info",
      now: null,
      rateLimits: { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 },
    });
    expect([...config.adminIds]).toEqual([]);
  });

  it("names the variable that is missing or malformed, never echoing the token", () => {
    expect(errorOf({}).variable).toBe("BOT_TOKEN");
    const malformed = errorOf({ BOT_TOKEN: "not-a-token-secret" });
    expect(malformed.variable).toBe("BOT_TOKEN");
    expect(malformed.message).not.toContain("not-a-token-secret");
    expect(errorOf({ BOT_TOKEN: TOKEN, ADMIN_IDS: "12,abc" }).variable).toBe("ADMIN_IDS");
    expect(errorOf({ BOT_TOKEN: TOKEN, DEFAULT_TIMEZONE: "Mars/Olympus" }).variable).toBe("DEFAULT_TIMEZONE");
    expect(errorOf({ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" }).variable).toBe("LOG_LEVEL");
    expect(errorOf({ BOT_TOKEN: TOKEN, MINDET_NOW: "tomorrow" }).variable).toBe("MINDET_NOW");
    expect(errorOf({ BOT_TOKEN: TOKEN, DATABASE_URL: "postgres://x" }).variable).toBe("DATABASE_URL");
    expect(errorOf({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "ftp://x" }).variable).toBe("TELEGRAM_API_ROOT");
    expect(errorOf({ BOT_TOKEN: TOKEN, SEND_RATE_GLOBAL_PER_SECOND: "-3" }).variable).toBe("SEND_RATE_GLOBAL_PER_SECOND");
  });

  it("does not need a token for commands that do not talk to Telegram", () => {
    expect(loadConfig({}, { requireToken: false }).botToken).toBeNull();
  });

  it("parses admin ids as 64-bit integers and the clock override", () => {
    const config = loadConfig(
      { BOT_TOKEN: TOKEN, ADMIN_IDS: " 42, 9007199254740993 ,", MINDET_NOW: "2026-03-01T09:00:00+05:00", TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" },
      { requireToken: true },
    );
    expect([...config.adminIds]).toEqual(["42", "9007199254740993"]);
    expect(config.now?.toISOString()).toBe("2026-03-01T04:00:00.000Z");
    expect(config.telegramApiRoot).toBe("http://127.0.0.1:8081");
  });
});
