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

// One segmenter for the process: building one costs more than segmenting a short string.
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The user-perceived characters of `text` (an emoji with its modifiers is one). */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/**
 * Cuts plain text to at most `max` characters (graphemes, as a reader counts them) with an
 * ellipsis, before it is escaped. Never cuts inside a surrogate pair or an emoji sequence: half
 * an emoji is not valid UTF-8 and Telegram refuses the whole message.
 */
export function truncate(text: string, max: number): string {
  // Fast path: a string no longer in UTF-16 units than `max` has at most `max` graphemes.
  if (text.length <= max) return text;
  const parts = splitGraphemes(text);
  if (parts.length <= max) return text;
  return parts.slice(0, Math.max(0, max - 1)).join("").trimEnd() + "…";
}

/**
 * Cuts plain text so that it takes at most `maxUnits` UTF-16 code units (how Telegram counts a
 * message's length), on a grapheme boundary, with an ellipsis.
 */
export function truncateUnits(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  return clipInput(text, maxUnits - 1).trimEnd() + "…";
}

/**
 * Keeps the start of user input that fits in `maxUnits` UTF-16 code units, cut on a grapheme
 * boundary and without an ellipsis (the bot reads it, the user never sees the cut).
 */
export function clipInput(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  let out = "";
  for (const part of splitGraphemes(text)) {
    if (out.length + part.length > maxUnits) break;
    out += part;
  }
  return out;
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
      const cut = truncateUnits(stripTags(text), max);
      text = escapeHtml(cut);
      length = cut.length;
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
