import { describe, expect, it } from "vitest";
import { createManualClock, createOffsetClock } from "../src/clock.ts";
import { createLogger } from "../src/logger.ts";
import { Writable } from "node:stream";
import { pino } from "pino";

describe("clocks", () => {
  it("an offset clock starts at the given instant and runs with the real one", () => {
    const real = createManualClock("2030-01-01T00:00:00Z");
    const clock = createOffsetClock(new Date("2026-03-01T04:00:00Z"), real);
    expect(clock.now().toISOString()).toBe("2026-03-01T04:00:00.000Z");
    real.advance(90_000);
    expect(clock.now().toISOString()).toBe("2026-03-01T04:01:30.000Z");
  });

  it("a manual clock moves only when told", () => {
    const clock = createManualClock("2026-01-01T00:00:00Z");
    clock.advance(1000);
    expect(clock.now().toISOString()).toBe("2026-01-01T00:00:01.000Z");
    clock.set("2026-02-01T00:00:00Z");
    expect(clock.now().toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });
});

describe("logger", () => {
  it("never writes the bot token, even inside error messages and URLs", () => {
    const token = "123456789:AAHsecretsecretsecretsecretsecret";
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger("info", token, sink);
    logger.error({ err: new Error(`request to https://api.telegram.org/bot${token}/getMe failed`) }, "boom");
    logger.info({ url: `https://api.telegram.org/bot${token}/sendMessage` }, `calling bot${token}`);
    const out = lines.join("");
    expect(out).toContain("[redacted]");
    expect(out).not.toContain("secretsecret");
    expect(pino.levels.values.info).toBe(30);
  });
});
