/**
 * Step 2: split a (normalised) document into articles, each with a title and a reference date.
 *
 * Shapes, tried in this order:
 * 1. a header line " date YYYY-MM-DD": the document's publication date;
 * 2. a digest: items that start with a stamp "DD.MM.YYYY, HH:MM NNNNN" (NNNNN: view count)
 *    followed by the item's title line; the stamp date is the item's reference date (the first
 *    stamp may sit on the header line itself);
 * 3. plain text: the first line is the title when it reads like one (no closing full stop); a
 *    title repeated on the next line is skipped; later headline-like lines between blank lines
 *    ("Three cassation courts to be created in Astana") start a new article. Section headings
 *    ("Rule-making", "International cooperation") do not: they hold no verb.
 * An article with no date of its own takes the document's (header, else the first article's prose
 * date), else the caller's fallback reference.
 */
import { makeDate, parseIsoDate, toIsoDate } from "../calendar.ts";
import { findProseDate } from "./published-date.js";
import type { IsoDate } from "./types.js";
import { endsWithStop, wordCount } from "./line-shape.js";

/** An article located in the NORMALISED text. `bodyStart` is where sentences begin (after the title). */
export interface ArticleSpan {
  title: string | null;
  published: IsoDate | null;
  start: number;
  bodyStart: number;
  end: number;
}

const HEADER = /^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*/;
const STAMP = /(\d{2})\.(\d{2})\.(\d{4}),[ \t]+\d{1,2}:\d{2}[ \t]+\d+[ \t]*(?=\n|$)/g;
/** A headline has a verb-ish word; a section heading ("Protection of rights") usually has none. */
const HEADLINE_CUE = /\b(?:to|will|is|are|was|were|has|have|had|be|set|plans?|launch(?:es)?|signs?|approves?|adopts?|hosts?|opens?)\b|\b[a-z]{3,}(?:s|ed)\s+[a-z]/;

interface Line { start: number; end: number; text: string }

function linesOf(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  let pos = from;
  while (pos <= to && pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1 || nl > to) nl = to;
    out.push({ start: pos, end: nl, text: text.slice(pos, nl) });
    pos = nl + 1;
  }
  return out;
}

/** A line that reads like a title: short, no closing sentence punctuation, not a bullet. */
export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 220) return false;
  if (endsWithStop(t, ".!?:;,") || /^[-*]\s/.test(t) || /^\d{1,2}[.)]\s/.test(t)) return false;
  return wordCount(t) <= 30;
}

function titleAt(lines: Line[], i: number): { title: string | null; next: number } {
  let k = i;
  while (k < lines.length && lines[k]?.text.trim() === "") k++;
  const line = lines[k];
  if (!line || !isHeadingLine(line.text)) return { title: null, next: i };
  let next = k + 1;
  // Web copies often repeat the title (page title + heading): skip the copy.
  let j = next;
  while (j < lines.length && lines[j]?.text.trim() === "") j++;
  if (lines[j]?.text.trim() === line.text.trim()) next = j + 1;
  return { title: line.text.trim(), next };
}

function splitPlain(text: string, from: number, to: number, published: IsoDate | null): ArticleSpan[] {
  const lines = linesOf(text, from, to);
  const first = titleAt(lines, 0);
  const starts: { line: number; title: string | null; bodyLine: number }[] = [{ line: 0, title: first.title, bodyLine: first.next }];
  for (let i = first.next + 1; i < lines.length - 1; i++) {
    const cur = lines[i]?.text ?? "";
    const blankBefore = lines[i - 1]?.text.trim() === "";
    const blankAfter = lines[i + 1]?.text.trim() === "";
    if (blankBefore && blankAfter && isHeadingLine(cur) && wordCount(cur.trim()) >= 4 && HEADLINE_CUE.test(cur)) {
      starts.push({ line: i, title: cur.trim(), bodyLine: i + 1 });
    }
  }
  return starts.map((s, n) => {
    const startLine = lines[s.line];
    const bodyLine = lines[s.bodyLine];
    const endLine = starts[n + 1] ? lines[(starts[n + 1]?.line ?? 0) - 1] : lines[lines.length - 1];
    const start = startLine?.start ?? from;
    return { title: s.title, published, start, bodyStart: bodyLine?.start ?? start, end: Math.max(endLine?.end ?? to, start) };
  });
}

/** Date of a stamp match as ISO, or null when it is not a real date. */
function stampDate(m: RegExpExecArray): IsoDate | null {
  const d = makeDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return d ? toIsoDate(d) : null;
}

function findStamps(text: string, from: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  // STAMP is global and the loop runs to its end synchronously: resetting lastIndex reuses it.
  const re = STAMP;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    // A stamp starts a line, or directly follows the header on its line.
    if (m.index === from || before === "\n" || (m.index > 0 && /^[ \t]*$/.test(text.slice(text.lastIndexOf("\n", m.index - 1) + 1, m.index)))) {
      if (stampDate(m)) out.push(m);
    }
  }
  return out;
}

/** Splits a normalised document into articles (see the file comment). Never empty for non-blank text. */
export function splitArticles(text: string, fallbackReference: IsoDate | null): ArticleSpan[] {
  if (text.trim() === "") return [];
  const header = HEADER.exec(text);
  const headerDate = header && parseIsoDate(header[1]) ? (header[1] ?? null) : null;
  const from = header ? header[0].length : 0;
  const stamps = findStamps(text, from);
  let articles: ArticleSpan[];
  if (stamps.length > 0) {
    articles = [];
    const lead = text.slice(from, stamps[0]?.index ?? from);
    if (lead.trim() !== "") articles.push(...splitPlain(text, from, stamps[0]?.index ?? from, headerDate));
    stamps.forEach((m, i) => {
      const end = stamps[i + 1]?.index ?? text.length;
      const afterStamp = m.index + m[0].length + 1;
      const lines = linesOf(text, Math.min(afterStamp, end), end);
      const t = titleAt(lines, 0);
      const bodyLine = lines[t.next];
      articles.push({ title: t.title, published: stampDate(m), start: m.index, bodyStart: bodyLine?.start ?? end, end });
    });
  } else {
    articles = splitPlain(text, from, text.length, headerDate);
  }
  // Prose dates, then the document's own date, then the caller's fallback.
  const firstProse = articles[0] ? findProseDate(text.slice(articles[0].bodyStart, articles[0].end)) : null;
  const documentDate = headerDate ?? firstProse;
  return articles.map((a, i) => ({
    ...a,
    // The first article's prose date is firstProse: read once (findProseDate depends only on the text).
    published: a.published ?? (i === 0 ? firstProse : findProseDate(text.slice(a.bodyStart, a.end))) ?? documentDate ?? fallbackReference ?? null,
  }));
}
