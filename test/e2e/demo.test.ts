import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runDemo } from "../../src/cli/demo.ts";

function io() {
  let stdout = "";
  let stderr = "";
  return {
    io: {
      stdout: { write: (t: string) => ((stdout += t), true) },
      stderr: { write: (t: string) => ((stderr += t), true) },
      env: { LOG_LEVEL: "", MINDET_NOW: "2026-01-15T11:00:00+05:00" } as NodeJS.ProcessEnv,
      cwd: process.cwd(),
    },
    out: () => stdout,
    err: () => stderr,
  };
}

describe("mindet demo", () => {
  it("chats with the real bot through piped input: commands, numbered buttons, /quit", async () => {
    const t = io();
    const input = Readable.from(["/start\n", "/list\n", "1\n", "/status 3\n", "7\n", "/quit\n", "/never-read\n"]);
    expect(await runDemo([], t.io, { input })).toBe(0);
    const out = t.out();
    expect(out).toContain("Mindet demo");
    expect(out).toContain("[1] 🔔 Follow all  [2] 📋 Browse");
    expect(out).toMatch(/Tracked commitments, soonest due first \(\d+, page 1 of 2\)/);
    expect(out).toContain("── (edited) ──");
    expect(out).toMatch(/page 2 of 2/);
    expect(out).toContain("#3 ");
    expect(out).toContain("(there is no button 7; the last buttons were 1 to 1)");
    expect(out).not.toContain("I answer commands"); // the lone number was not sent to the bot
    expect(out).toContain("Bye.");
    expect(out).not.toContain("never-read");
  }, 60_000);

  it("/calendar saves the .ics file and lists its events; /done's announcement shows at once; /scorecard's chart is saved", async () => {
    const t = io();
    const files = mkdtempSync(path.join(tmpdir(), "mindet-demo-test-"));
    try {
      const input = Readable.from(["/follow all\n", "/calendar\n", "/done 6\n", "/scorecard\n", "/quit\n"]);
      expect(await runDemo(["--files", files], t.io, { input })).toBe(0);
      const out = t.out();
      expect(out).toContain("The bot's clock says Thu, 15 Jan 2026, 11:00 Astana time");
      expect(out).toContain(`saved to ${path.join(files, "mindet.ics")}`);
      const ics = readFileSync(path.join(files, "mindet.ics"), "utf8");
      expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
      expect(out).toMatch(/\n {2}\d{4}-\d{2}-\d{2} {2}#\d+ /);
      expect(out).toMatch(/#6 marked done[^\n]*\n──\n[^>]*\/c 6/); // the announcement follows the reply
      expect(out).toContain("Scorecard: how each responsible body keeps its commitments");
      expect(out).toMatch(new RegExp(`\\[picture scorecard\\.png, 1000×\\d+\\] saved to ${path.join(files, "scorecard.png").replace(/[.\\/]/g, "\\$&")}`));
      expect(readFileSync(path.join(files, "scorecard.png")).subarray(1, 4).toString("latin1")).toBe("PNG");
    } finally {
      rmSync(files, { recursive: true, force: true });
    }
  }, 60_000);

  it("ends cleanly at the end of input (Ctrl-D), and rejects unknown arguments", async () => {
    const t = io();
    expect(await runDemo([], t.io, { input: Readable.from(["/help\n"]) })).toBe(0);
    expect(t.out()).toContain("/calendar");
    await expect(runDemo(["--bogus"], t.io, { input: Readable.from([]) })).rejects.toThrow(/unknown (argument|option)/);
  }, 60_000);
});
