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
 * Splits lines of HTML into messages of at most `max` characters, only at line boundaries (so a
 * tag or entity is never cut). The HTML source is never shorter than the text Telegram counts,
 * so measuring the source is safe. A single line longer than `max` is cut as plain text.
 */
export function splitHtmlLines(lines: readonly Html[], max = MAX_MESSAGE_CHARS): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of lines) {
    let text = line.value;
    if (text.length > max) text = escapeHtml(truncate(stripTags(text), Math.floor(max / 6)));
    const candidate = current === "" ? text : `${current}\n${text}`;
    if (candidate.length > max) {
      if (current !== "") chunks.push(current);
      current = text;
    } else {
      current = candidate;
    }
  }
  if (current.trim() !== "") chunks.push(current);
  return chunks.length > 0 ? chunks : [""];
}

function stripTags(text: string): string {
  return text
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
