// The Fluent files checked as data: the same keys everywhere, every message renders with sample
// values, plural and date forms as a native reader writes them, and the longest messages fit.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { commandMenu, helpLine, PUBLIC_COMMANDS, ADMIN_COMMANDS } from "../../src/bot/commands.ts";
import { topicLabel } from "../../src/bot/format/chat.ts";
import { commitmentCard, type CardCommitment } from "../../src/bot/format/commitment.ts";
import { describeDaysLeft, formatDay, formatDue } from "../../src/bot/format/dates.ts";
import { MAX_MESSAGE_CHARS, visibleLength } from "../../src/bot/format/html.ts";
import { LANGUAGES, languageFromTelegram, type Language } from "../../src/bot/i18n/languages.ts";
import { reminderLine, statusLine } from "../../src/bot/i18n/reminder-texts.ts";
import { LOCALES_DIR, t } from "../../src/bot/i18n/translate.ts";
import { parseHtml } from "../../src/testing/emulator/parse-html.ts";

const source = (lang: Language): string => readFileSync(path.join(LOCALES_DIR, `${lang}.ftl`), "utf8");

/** Message ids with their attribute names ("cmd-status.usage"). */
function keysOf(lang: Language): string[] {
  const resource = new FluentResource(source(lang));
  return resource.body.flatMap((m) => [m.id, ...Object.keys(m.attributes).map((a) => `${m.id}.${a}`)]).sort();
}

// Variables that choose a plural form are numbers; every other variable is text.
const NUMERIC = new Set(["days", "count", "total", "shown", "page", "pages", "max", "default", "added", "updated", "open", "overdue", "postponed", "done", "missed", "cancelled", "undated", "withdrawn", "sources", "changes", "chats", "active", "follows", "mentions", "followers"]);

function sampleVars(text: string): Record<string, string | number> {
  const vars: Record<string, string | number> = {};
  for (const [, name] of text.matchAll(/\$([a-z_]+)/g)) if (name) vars[name] = NUMERIC.has(name) ? 3 : `&lt;${name}&gt;`;
  return vars;
}

function bundleFor(lang: Language): FluentBundle {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  expect(bundle.addResource(new FluentResource(source(lang)))).toEqual([]);
  return bundle;
}

describe("the Fluent files", () => {
  it("every key (and attribute) exists in every language", () => {
    const english = keysOf("en");
    expect(english.length).toBeGreaterThan(200);
    for (const lang of LANGUAGES) expect(keysOf(lang)).toEqual(english);
  });

  it("every message renders in every language with sample values: no missing variable, no leftover braces, valid Telegram HTML", () => {
    const english = source("en");
    for (const lang of LANGUAGES) {
      const bundle = bundleFor(lang);
      for (const key of keysOf("en")) {
        const [id = "", attribute] = key.split(".");
        const message = bundle.getMessage(id);
        const pattern = attribute ? message?.attributes[attribute] : message?.value;
        expect(pattern, `${lang} ${key}`).toBeTruthy();
        if (!pattern) continue;
        // The variables a message takes are those its English source names (plus its own).
        const block = new RegExp(`^${id} =[\\s\\S]*?(?=^\\S)`, "m").exec(english + "\nend")?.[0] ?? "";
        const errors: Error[] = [];
        const text = bundle.formatPattern(pattern, sampleVars(block + source(lang)), errors);
        expect(errors.map((e) => `${lang} ${key}: ${e.message}`)).toEqual([]);
        expect(text, `${lang} ${key}`).not.toMatch(/[{}\u2068\u2069]/);
        expect(text.trim(), `${lang} ${key}`).not.toBe("");
        if (/[<>]/.test(text)) expect(() => parseHtml(text, { strictAmpersand: true }), `${lang} ${key}: ${text}`).not.toThrow();
      }
    }
  });

  it("keeps the markup of each message the same in every language", () => {
    const vars = sampleVars(LANGUAGES.map(source).join("\n"));
    const tags = (lang: Language, key: string): string[] => (t(lang, key, vars).match(/<\/?[a-z]+/g) ?? []).sort();
    for (const key of keysOf("en").filter((k) => !k.includes("."))) {
      for (const lang of LANGUAGES) expect(tags(lang, key), `${lang} ${key}`).toEqual(tags("en", key));
    }
  });
});

describe("plurals", () => {
  const NUMBERS = [0, 1, 2, 5, 11, 21, 22, 25, 101];

  it("Russian has one, few and many: день, дня, дней", () => {
    expect(NUMBERS.map((n) => t("ru", "days-left", { days: n }))).toEqual([
      "через 0 дней", "через 1 день", "через 2 дня", "через 5 дней", "через 11 дней", "через 21 день", "через 22 дня", "через 25 дней", "через 101 день",
    ]);
    expect(NUMBERS.map((n) => t("ru", "calendar-caption", { count: n }).split(" в виде")[0])).toEqual([
      "0 сроков", "1 срок", "2 срока", "5 сроков", "11 сроков", "21 срок", "22 срока", "25 сроков", "101 срок",
    ]);
    expect(t("ru", "days-overdue", { days: 22 })).toBe("просрочено на 22 дня");
    expect(t("ru", "offset-before", { days: 21 })).toBe("за 21 день");
    expect(t("ru", "list-title-upcoming", { days: 11 })).toBe("Сроки в ближайшие 11 дней");
  });

  it("Kazakh keeps the noun singular after a number (one/other)", () => {
    expect(NUMBERS.map((n) => t("kk", "days-left", { days: n }))).toEqual(NUMBERS.map((n) => `${n} күннен кейін`));
    expect(NUMBERS.map((n) => t("kk", "days-overdue", { days: n }))).toEqual(NUMBERS.map((n) => `мерзімінен ${n} күн өтті`));
    expect(t("kk", "calendar-caption", { count: 21 })).toMatch(/^21 мерзім /);
  });

  it("English has one and other", () => {
    expect(NUMBERS.map((n) => t("en", "days-left", { days: n }))).toEqual(NUMBERS.map((n) => `in ${n} ${n === 1 ? "day" : "days"}`));
    expect(t("en", "calendar-caption", { count: 1 })).toMatch(/^1 deadline as/);
  });
});

describe("dates as a native reader writes them", () => {
  it("days, months, quarters, seasons, years", () => {
    expect(["en", "ru", "kk"].map((lang) => formatDay(lang as Language, "2025-12-05"))).toEqual(["5 Dec 2025", "5 декабря 2025", "2025 жылғы 5 желтоқсан"]);
    expect(formatDue("ru", "2026-03-31", "month")).toBe("март 2026");
    expect(formatDue("kk", "2026-03-31", "month")).toBe("2026 жылғы наурыз");
    expect(formatDue("ru", "2026-06-30", "quarter")).toBe("II квартал 2026");
    expect(formatDue("kk", "2026-06-30", "quarter")).toBe("2026 жылғы II тоқсан");
    expect(formatDue("en", "2026-06-30", "quarter")).toBe("Q2 2026");
    expect(formatDue("ru", "2026-02-28", "season")).toBe("зима 2025/26");
    expect(formatDue("kk", "2025-11-30", "season")).toBe("2025 жылғы күз");
    expect(formatDue("ru", "2026-12-31", "year")).toBe("2026 год");
    expect(describeDaysLeft("kk", 1)).toBe("ертең");
    expect(describeDaysLeft("ru", 0)).toBe("срок сегодня");
  });

  it("Telegram language codes map to a language, anything else to English", () => {
    expect(["ru", "ru-RU", "kk", "KK", "en", "de", "uk", undefined].map(languageFromTelegram)).toEqual(["ru", "ru", "kk", "kk", "en", "en", "en", "en"]);
  });
});

describe("message length headroom", () => {
  const long = (n: number, word = "Министерство "): string => word.repeat(Math.ceil(n / word.length)).slice(0, n);
  const worstCard: CardCommitment = {
    id: 999999999, title: long(400), quote: long(3000, "Құжат мәтіні "), responsible: long(400), body: long(400), dueText: long(400),
    dueOn: "2026-06-30", extractedDueOn: "2026-03-31", precision: "quarter", status: "postponed", undatedReason: null, article: long(400),
    publishedOn: "2026-01-10", topics: "", withdrawnAt: new Date(), sourceId: 1, key: "k", createdAt: new Date(), updatedAt: new Date(),
    source: { file: `telegram/-1001234567890/${"9".repeat(12)}.txt`, title: long(400), publishedOn: "2026-01-10" },
    // A live source's page (shown cut at 100 characters).
    url: `https://www.gov.kz/memleket/entities/economy/press/news/details/${"9".repeat(200)}?lang=kk`,
    history: Array.from({ length: 20 }, (_, i) => ({
      id: i, commitmentId: 1, at: new Date("2026-02-01T00:00:00Z"), fromStatus: "open", toStatus: "postponed", fromDueOn: "2026-03-31", toDueOn: "2026-06-30",
      byUserId: 1n, byName: long(100), evidenceUrl: `https://gov.kz/${"x".repeat(200)}`, note: long(300),
    })),
  } as unknown as CardCommitment;

  // Issue 9: the same commitment reported 30 times, its date moved 20 times, 10 merges made and undone, since merged away.
  const worstReported: CardCommitment = {
    ...worstCard,
    mergedIntoId: 999999998,
    mentions: Array.from({ length: 30 }, (_, i) => ({
      id: i + 1, publishedOn: `2026-01-${String(10 + (i % 18)).padStart(2, "0")}`, dueText: long(400), dueOn: "2026-06-30", precision: "quarter",
      quote: long(3000, "Құжат мәтіні "), article: long(400), via: "merged", mergedFromId: 999999997, withdrawnAt: new Date(),
      source: { file: `telegram/-1001234567890/${"9".repeat(12)}.txt`, title: long(400), publishedOn: "2026-01-10" },
      url: `https://www.gov.kz/memleket/entities/economy/press/news/details/${"9".repeat(200)}?lang=kk`,
    })),
    dueChanges: Array.from({ length: 20 }, (_, i) => ({
      id: i + 1, fromDueOn: "2025-12-31", fromPrecision: "season", toDueOn: "2026-12-31", toPrecision: "season", statedOn: "2026-02-03", at: new Date(Date.UTC(2026, 1, 1 + i)),
      source: { file: `telegram/-1001234567890/${"9".repeat(12)}.txt`, title: long(400), publishedOn: "2026-01-10" },
    })),
    mergesKept: Array.from({ length: 10 }, (_, i) => ({
      id: i + 1, mergedId: 999999990 + i, via: "merged", byName: long(100), at: new Date(Date.UTC(2026, 1, 1 + i)), mentions: 999, splitAt: new Date(Date.UTC(2026, 2, 1 + i)), splitByName: long(100),
    })),
  } as unknown as CardCommitment;

  it("a commitment with many reports and date changes fits: the newest reports, then \"and K more\"", () => {
    for (const lang of LANGUAGES) {
      const lines = commitmentCard(lang, worstReported, "2026-03-01", "Asia/Almaty").map((l) => l.value);
      const length = visibleLength(lines.join("\n"));
      expect(length, lang).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      const shown = lines.filter((l) => l.startsWith("<blockquote>")).length;
      expect(shown, lang).toBeGreaterThanOrEqual(1);
      expect(lines.at(-1), lang).toContain(String(30 - shown));
      process.stdout.write(`${lang}: card with 30 reports, 20 date changes and 10 merges undone ${length} of ${MAX_MESSAGE_CHARS}, ${shown} reports shown\n`);
    }
  });

  it("the longest messages fit in one Telegram message in every language", () => {
    const report: string[] = [];
    for (const lang of LANGUAGES) {
      const card = visibleLength(commitmentCard(lang, worstCard, "2026-03-01", "Asia/Almaty").map((l) => l.value).join("\n"));
      const help = visibleLength([...PUBLIC_COMMANDS, ...ADMIN_COMMANDS].map((c) => helpLine(lang, c)).join("\n")) + visibleLength(t(lang, "help-merge-note")) + 200;
      const settingsUsage = visibleLength(t(lang, "settings-usage")) + visibleLength(t(lang, "settings-error-offsets-range", { text: "999", min: "-30", max: "90", count: 8 }));
      const reminder = visibleLength(reminderLine(lang, { id: 999999999, title: long(400), dueOn: "2026-06-30", extractedDueOn: "2026-06-30", precision: "season" }, "2026-01-01"));
      const announcement = visibleLength(statusLine(lang, { id: 999999999, title: long(400), dueOn: "2026-06-30", extractedDueOn: "2026-03-31", precision: "quarter" }, { toStatus: "postponed", fromStatus: "open", toDueOn: "2026-06-30", evidenceUrl: "https://gov.kz", note: long(600) }));
      const longest = Math.max(card, help, settingsUsage);
      report.push(`${lang}: card ${card}, /help ${help}, settings ${settingsUsage}, reminder line ${reminder}, announcement ${announcement} of ${MAX_MESSAGE_CHARS}`);
      expect.soft(longest, report.at(-1)).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(commandMenu(lang, PUBLIC_COMMANDS).every((c) => c.description.length <= 256 && c.description.length >= 3)).toBe(true);
    }
    process.stdout.write(`longest rendered messages (characters):\n${report.join("\n")}\n`);
  });
});

describe("messages sent without an update, in a chat's stored language", () => {
  const c = { id: 42, title: "Build <a> & wind farm", dueOn: "2026-03-31", extractedDueOn: "2026-03-31", precision: "quarter" };

  it("reminder lines count days in the chat's language and keep the title as written", () => {
    expect(reminderLine("en", c, "2026-03-24")).toBe("• Build &lt;a&gt; &amp; wind farm — Q1 2026, in 7 days · /c 42");
    expect(reminderLine("ru", c, "2026-03-24")).toBe("• Build &lt;a&gt; &amp; wind farm — I квартал 2026, через 7 дней · /c 42");
    expect(reminderLine("kk", c, "2026-03-31")).toBe("• Build &lt;a&gt; &amp; wind farm — 2026 жылғы I тоқсан, <b>мерзімі бүгін</b> · /c 42");
  });

  it("announcements name the new status and date; the evidence link and the note are escaped", () => {
    const change = { toStatus: "postponed", fromStatus: "open", toDueOn: "2026-06-30", evidenceUrl: "https://gov.kz/a?b=1&c=2", note: "by <decree>" };
    expect(statusLine("ru", c, change)).toBe(
      "📅 Срок перенесён на 30 июня 2026: Build &lt;a&gt; &amp; wind farm · /c 42\n  <a href=\"https://gov.kz/a?b=1&amp;c=2\">подтверждение</a>\n  by &lt;decree&gt;",
    );
    expect(statusLine("kk", c, { ...change, toStatus: "done", toDueOn: null })).toMatch(/^✅ Орындалды: Build/);
    expect(statusLine("en", c, { ...change, toStatus: "open", fromStatus: "open" })).toMatch(/^📅 New due date to 30 Jun 2026: /);
  });
});

describe("keys the code uses", () => {
  const english = new Set(keysOf("en"));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));

  it("every literal key passed to t(), th() or ctx.t() exists", () => {
    const code = [...files("src/bot"), "src/chats/chat-settings.ts"].map((f) => readFileSync(f, "utf8")).join("\n");
    const used = [...code.matchAll(/\b(?:t|th|ctx\.t|refuse)\((?:[^()"]*?, )?"([a-z][a-z0-9_.-]+)"/g)].map((m) => m[1] ?? "");
    expect(used.length).toBeGreaterThan(100);
    expect([...new Set(used)].filter((key) => !english.has(key))).toEqual([]);
  });

  it("every key built from data exists: statuses, precisions, topics, admin errors and actions", () => {
    const codes = [...readFileSync("src/commitments/change-status.ts", "utf8").matchAll(/^\s*\| "([a-z_]+)"/gm)].map((m) => `admin-error-${m[1]}`);
    expect(codes.length).toBeGreaterThanOrEqual(8);
    const built = [
      ...codes,
      ...["open", "overdue", "done", "missed", "postponed", "cancelled"].map((s) => `status-${s}`),
      ...["day", "month", "quarter", "season", "year"].map((p) => `precision-${p}`),
      ...["done", "missed", "postponed", "open"].map((a) => `admin-changed-${a}`),
      ...["done", "missed", "postpone", "reopen"].map((c) => `admin-usage-${c}`),
      ...["done", "missed", "cancelled", "postponed", "open"].map((s) => `announce-${s}`),
      ...["all", "topic", "body", "commitment"].flatMap((k) => [`follow-what-${k}`, `follow-item-${k}`]),
      ...[...PUBLIC_COMMANDS, ...ADMIN_COMMANDS].map((c) => `cmd-${c}`),
    ];
    expect(built.filter((key) => !english.has(key))).toEqual([]);
    expect(LANGUAGES.map((lang) => topicLabel(lang, "digital & AI"))).toEqual(["digital & AI", "цифровизация и ИИ", "цифрландыру және ЖИ"]);
  });
});
