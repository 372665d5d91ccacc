import { describe, expect, it } from "vitest";
import { decodeCallback, encodeCallback, type CallbackAction } from "../../src/bot/callback-data.ts";
import { clipInput, escapeHtml, html, splitHtmlLines, truncate, truncateUnits, visibleLength, type Html } from "../../src/bot/format/html.ts";
import { leadingCommand } from "../../src/bot/command-target.ts";
import { buildIcs, escapeText, foldLine } from "../../src/bot/format/ics.ts";
import { parseStatusCommand } from "../../src/bot/features/admin-status.ts";
import { parseDigest, parseOffsets, parseQuietHours, parseTimeZone } from "../../src/chats/chat-settings.ts";
import { resolveTopic } from "../../src/chats/topics.ts";
import { parseIcs } from "./ics-parse.ts";

describe("callback data", () => {
  const actions: CallbackAction[] = [
    { type: "page", view: { kind: "all" }, page: 0 },
    { type: "page", view: { kind: "upcoming", days: 365 }, page: 999_999_999 },
    { type: "page", view: { kind: "overdue" }, page: 3 },
    { type: "follow", target: "all" },
    { type: "follow", target: { topic: 9 } },
    { type: "follow", target: { commitment: 999_999_999 } },
    { type: "unfollow", followId: 999_999_999 },
    { type: "unfollowAll" },
    { type: "settings", field: "offsets", choice: 3 },
    { type: "ingest", confirm: true, token: "AbC_-123" },
    { type: "card", commitmentId: 12 },
  ];
  it("round-trips every action within 64 bytes", () => {
    for (const action of actions) {
      const data = encodeCallback(action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeCallback(data)).toEqual(action);
    }
  });
  it("rejects forged, stale and oversized data", () => {
    for (const data of [undefined, "", "1", "1:p", "1:p:a", "1:p:u0:1", "1:p:u366:1", "1:p:a:1:2", "0:f:a", "1:f:x", "1:u:", "1:s:tz:", "1:s:color:1", "1:i:y:a b", "1:c:", "x".repeat(65), "1:p:a:" + "9".repeat(60)]) {
      expect(decodeCallback(data)).toBeNull();
    }
  });
});

describe("HTML", () => {
  it("escapes every interpolated value once", () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    expect(html`<b>${"1 < 2 & *3* _4_"}</b>`.value).toBe("<b>1 &lt; 2 &amp; *3* _4_</b>");
    expect(html`${html`<i>x</i>`}`.value).toBe("<i>x</i>");
  });
  it("splits at line boundaries, never over 4,096 characters", () => {
    const lines: Html[] = Array.from({ length: 500 }, (_, i) => html`<b>line ${i}</b> ${"&".repeat(20)}`);
    const chunks = splitHtmlLines(lines);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      // Telegram counts the text after parsing: "&amp;" is one character, tags none.
      expect(visibleLength(chunk)).toBeLessThanOrEqual(4096);
      expect(chunk.startsWith("<b>line")).toBe(true);
    }
    expect(chunks.join("\n").split("\n")).toHaveLength(500);
    // Packed tightly: only the last chunk may be much shorter than the limit.
    for (const chunk of chunks.slice(0, -1)) expect(visibleLength(chunk)).toBeGreaterThan(4096 - 40);
    const huge = splitHtmlLines([html`${"<".repeat(10_000)}`]);
    expect(huge).toHaveLength(1);
    expect(visibleLength(huge[0] ?? "")).toBe(4096);
    expect(splitHtmlLines([html`a`, html``, html`b`])).toEqual(["a\n\nb"]);
  });
});

describe("iCalendar", () => {
  it("escapes TEXT and folds at 75 octets without splitting a character", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const folded = foldLine(`SUMMARY:${"ü".repeat(100)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"ü".repeat(100)}`);
  });
  it("builds all-day events that parse back", () => {
    const ics = buildIcs(
      [{ id: 7, title: "Year end, Dec 31", dueOn: "2026-12-31", responsible: null, dueText: null, quote: "q", source: "s.txt" }],
      new Date("2026-01-15T06:00:00.000Z"),
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    const [event] = parseIcs(ics);
    expect(event).toMatchObject({
      UID: "commitment-7@mindet",
      "DTSTART;VALUE=DATE": "20261231",
      "DTEND;VALUE=DATE": "20270101",
      DTSTAMP: "20260115T060000Z",
      SUMMARY: "#7 Year end, Dec 31",
    });
  });
});

describe("settings parsers", () => {
  it("accepts what the help shows", () => {
    expect(parseTimeZone("asia/almaty")).toEqual({ ok: true, patch: { timeZone: "Asia/Almaty" } });
    expect(parseOffsets("7, 1,0 -1 7")).toEqual({ ok: true, patch: { offsets: "7,1,0,-1" } });
    expect(parseOffsets("90,-30")).toEqual({ ok: true, patch: { offsets: "90,-30" } });
    expect(parseDigest("Friday 18")).toEqual({ ok: true, patch: { digestDay: 5, digestHour: 18 } });
    expect(parseDigest("sun")).toEqual({ ok: true, patch: { digestDay: 7 } });
    expect(parseQuietHours("22:00-07:00")).toEqual({ ok: true, patch: { quietStart: 22, quietEnd: 7 } });
  });
  it("refuses the rest", () => {
    for (const bad of ["", "91", "-31", "1.5", "1,2,3,4,5,6,7,8,9"]) expect(parseOffsets(bad).ok).toBe(false);
    for (const bad of ["", "Mars/Base", "GMT+25"]) expect(parseTimeZone(bad).ok).toBe(false);
    for (const bad of ["", "mon 24", "xyz", "mon 9 10"]) expect(parseDigest(bad).ok).toBe(false);
    for (const bad of ["", "25-3", "3", "5-5"]) expect(parseQuietHours(bad).ok).toBe(false);
  });
});

describe("argument parsing", () => {
  it("topics by alias", () => {
    expect(resolveTopic("digital")).toBe("digital & AI");
    expect(resolveTopic("Justice")).toBe("justice & law");
    expect(resolveTopic("economy and trade")).toBe("economy & trade");
    expect(resolveTopic("weather")).toBeNull();
  });
  it("status commands", () => {
    expect(parseStatusCommand("done", "12 https://x.kz/a signed")).toEqual({ id: 12, evidenceUrl: "https://x.kz/a", newDueOn: null, note: "signed" });
    expect(parseStatusCommand("postpone", "#3 31 March 2026 new plan")).toEqual({ id: 3, evidenceUrl: null, newDueOn: "31 March 2026", note: "new plan" });
    expect(parseStatusCommand("postpone", "3 31.02.2026")).toEqual({ id: 3, evidenceUrl: null, newDueOn: "31.02.2026", note: null });
    expect(parseStatusCommand("postpone", "3")).toBeNull();
    expect(parseStatusCommand("missed", "abc")).toBeNull();
  });
});

describe("cutting text", () => {
  const wellFormed = (text: string): boolean => !/\p{Cs}/u.test(text);

  it("truncate counts graphemes and never splits an emoji, a flag or a family", () => {
    expect(truncate("🔥".repeat(41), 40)).toBe(`${"🔥".repeat(39)}…`);
    expect(truncate("🔥".repeat(40), 40)).toBe("🔥".repeat(40));
    expect(truncate("🇰🇿👨‍👩‍👧abc", 3)).toBe("🇰🇿👨‍👩‍👧…");
    for (let n = 1; n < 30; n++) expect(wellFormed(truncate(`x${"👨‍👩‍👧🔥".repeat(20)}`, n))).toBe(true);
  });

  it("truncateUnits and clipInput fit a UTF-16 budget on a grapheme boundary", () => {
    for (let units = 1; units < 40; units++) {
      const cut = truncateUnits("🔥".repeat(50), units);
      expect(cut.length).toBeLessThanOrEqual(units);
      expect(wellFormed(cut)).toBe(true);
      const clipped = clipInput(`x${"🔥".repeat(50)}`, units);
      expect(clipped.length).toBeLessThanOrEqual(units);
      expect(wellFormed(clipped)).toBe(true);
    }
    expect(clipInput("short", 200)).toBe("short");
  });

  it("a line longer than a message is cut whole emoji by whole emoji", () => {
    const [chunk] = splitHtmlLines([html`${"🔥".repeat(3000)}`]);
    expect(chunk && wellFormed(chunk)).toBe(true);
    expect(chunk && visibleLength(chunk)).toBeLessThanOrEqual(4096);
  });

  it("leadingCommand reads /name@bot, lower case", () => {
    expect(leadingCommand("/List@OtherBot x")).toEqual({ name: "list", bot: "OtherBot" });
    expect(leadingCommand("/ingest")).toEqual({ name: "ingest", bot: null });
    expect(leadingCommand("hello /list")).toBeNull();
  });
});
