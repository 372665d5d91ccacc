// HTML fragments to plain text with paragraph breaks kept: the extractor splits sentences and
// articles on blank lines, so "<p>One.</p><p>Two.</p>" must not become "One.Two.".
import { parseHTML } from "linkedom";

const BLOCK_END = /<\/(?:p|div|h[1-6]|li|blockquote|pre|tr|section|article|header|footer|ul|ol|table|figure|figcaption)\s*>/gi;

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return normaliseLines(html);
  const marked = html.replace(BLOCK_END, "$&\n\n").replace(/<br\s*\/?>/gi, "\n");
  const { document } = parseHTML(`<!doctype html><html><body>${marked}</body></html>`);
  for (const node of document.querySelectorAll("script, style, noscript, template")) node.remove();
  return normaliseLines(document.body?.textContent ?? "");
}

/** Trims each line, collapses runs of spaces and of blank lines. */
export function normaliseLines(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
