/** Telegram's limit on a message's text, in UTF-16 code units. */
export const MAX_MESSAGE_CHARS = 4096;

/** A piece of HTML that is already safe to send (escaped or built from escaped parts). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/**
 * The one escape helper: everything that is not markup goes through here, so a title with
 * `<`, `&`, `*` or `_` shows as written (HTML mode gives `*` and `_` no meaning).
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

type HtmlValue = Html | string | number | bigint | null | undefined | readonly (Html | string)[];

/** Tagged template: literal parts are markup, every interpolated value is escaped unless it is Html. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map((v) => render(v as HtmlValue)).join("");
  return escapeHtml(String(value));
}

/** Joins safe pieces with a separator (escaped). */
export function joinHtml(parts: readonly Html[], separator = "\n"): Html {
  return new Html(parts.map((p) => p.value).join(escapeHtml(separator)));
}

/** Cuts plain text to `max` characters with an ellipsis, before it is escaped. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, Math.max(0, max - 1)).trimEnd() + "…";
}

/**
 * Splits lines of HTML into messages of at most `max` characters as Telegram counts them (the
 * text after entity parsing: tags dropped, `&amp;` one character), only at line boundaries so a
 * tag or entity is never cut. A single line longer than `max` is cut as plain text.
 */
export function splitHtmlLines(lines: readonly Html[], max = MAX_MESSAGE_CHARS): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let currentLength = 0;
  for (const line of lines) {
    let text = line.value;
    let length = visibleLength(text);
    if (length > max) {
      text = escapeHtml(truncate(stripTags(text), max));
      length = max;
    }
    // Each line after the first costs one more character: the newline.
    if (current.length > 0 && currentLength + 1 + length > max) {
      chunks.push(current.join("\n"));
      current = [];
      currentLength = 0;
    }
    currentLength += (current.length > 0 ? 1 : 0) + length;
    current.push(text);
  }
  const last = current.join("\n");
  if (last.trim() !== "") chunks.push(last);
  return chunks.length > 0 ? chunks : [""];
}

/** The length Telegram counts for a piece of our HTML (UTF-16 code units of its text). */
export function visibleLength(htmlText: string): number {
  return stripTags(htmlText).length;
}

function stripTags(text: string): string {
  return text
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
