import type { MessageEntity } from "grammy/types";
import { badRequest, type ApiError } from "./api-error.ts";

/** Text as the user sees it plus the entities Telegram derived from the markup. */
export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

interface OpenTag {
  name: string;
  attrs: Map<string, string>;
  offset: number;
}

// The tags Telegram's HTML mode accepts; anything else is rejected, which is what catches
// unescaped user text such as "<2 days" in a reply.
const SUPPORTED_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
  "a", "code", "pre", "blockquote", "tg-emoji",
]);

const ENTITY_PATTERN = /^&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;

function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), "utf8");
}

function parseError(detail: string): ApiError {
  return badRequest(`can't parse entities: ${detail}`);
}

function decodeEntity(body: string): string {
  switch (body) {
    case "lt": return "<";
    case "gt": return ">";
    case "amp": return "&";
    case "quot": return "\"";
    case "apos": return "'";
    default: {
      const code = body.startsWith("#x") ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return String.fromCodePoint(code);
    }
  }
}

/** Reads `name="value"` pairs of a start tag; returns the index just past `>`. */
function readAttributes(source: string, start: number, attrs: Map<string, string>): number {
  let i = start;
  while (i < source.length) {
    while (/\s/.test(source[i] ?? "")) i++;
    if (source[i] === ">") return i + 1;
    const nameMatch = /^[a-zA-Z0-9_-]+/.exec(source.slice(i));
    if (!nameMatch) return -1;
    const name = nameMatch[0].toLowerCase();
    i += name.length;
    if (source[i] !== "=") {
      attrs.set(name, "");
      continue;
    }
    i++;
    const quote = source[i];
    if (quote === "\"" || quote === "'") {
      const end = source.indexOf(quote, i + 1);
      if (end < 0) return -1;
      attrs.set(name, source.slice(i + 1, end).replace(/&(lt|gt|amp|quot);/g, (_m, e: string) => decodeEntity(e)));
      i = end + 1;
    } else {
      const valueMatch = /^[^\s>]+/.exec(source.slice(i));
      if (!valueMatch) return -1;
      attrs.set(name, valueMatch[0]);
      i += valueMatch[0].length;
    }
  }
  return -1;
}

function entityFor(tag: OpenTag, offset: number, length: number): MessageEntity | undefined {
  switch (tag.name) {
    case "b": case "strong": return { type: "bold", offset, length };
    case "i": case "em": return { type: "italic", offset, length };
    case "u": case "ins": return { type: "underline", offset, length };
    case "s": case "strike": case "del": return { type: "strikethrough", offset, length };
    case "tg-spoiler": case "span": return { type: "spoiler", offset, length };
    case "code": return { type: "code", offset, length };
    case "pre": return { type: "pre", offset, length };
    case "blockquote":
      return { type: tag.attrs.has("expandable") ? "expandable_blockquote" : "blockquote", offset, length };
    case "tg-emoji":
      return { type: "custom_emoji", offset, length, custom_emoji_id: tag.attrs.get("emoji-id") ?? "" };
    case "a": {
      const href = tag.attrs.get("href");
      if (href === undefined || href === "") return undefined;
      const mention = /^tg:\/\/user\?id=(\d+)$/.exec(href);
      if (mention) {
        return { type: "text_mention", offset, length, user: { id: Number(mention[1]), is_bot: false, first_name: "" } };
      }
      return { type: "text_link", offset, length, url: href };
    }
    default: return undefined;
  }
}

/**
 * Parses Telegram's HTML parse mode: returns the plain text and entities, or throws the 400
 * "can't parse entities" Telegram answers for unknown, unclosed or mismatched tags.
 */
export function parseHtml(source: string, options: { strictAmpersand: boolean }): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === "&") {
      const match = ENTITY_PATTERN.exec(source.slice(i, i + 12));
      if (match?.[1] !== undefined) {
        text += decodeEntity(match[1]);
        i += match[0].length;
        continue;
      }
      if (options.strictAmpersand) {
        throw parseError(`Character '&' is reserved and must be escaped as "&amp;" at byte offset ${byteOffset(source, i)}`);
      }
      text += c;
      i++;
      continue;
    }
    if (c !== "<") {
      text += c;
      i++;
      continue;
    }
    const tagStart = i;
    if (source[i + 1] === "/") {
      const close = /^<\/([a-zA-Z0-9-]*)\s*>/.exec(source.slice(i, i + 40));
      if (!close) throw parseError(`Unclosed end tag at byte offset ${byteOffset(source, tagStart)}`);
      const name = (close[1] ?? "").toLowerCase();
      const open = stack.pop();
      if (!open) throw parseError(`Unexpected end tag at byte offset ${byteOffset(source, tagStart)}`);
      if (open.name !== name) {
        throw parseError(`Unmatched end tag at byte offset ${byteOffset(source, tagStart)}, expected "</${open.name}>", found "</${name}>"`);
      }
      closeTag(open, stack, text.length, entities);
      i += close[0].length;
      continue;
    }
    const nameMatch = /^[a-zA-Z0-9-]*/.exec(source.slice(i + 1)) as RegExpExecArray;
    const name = nameMatch[0].toLowerCase();
    if (!SUPPORTED_TAGS.has(name)) {
      throw parseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(source, tagStart)}`);
    }
    const attrs = new Map<string, string>();
    const end = readAttributes(source, i + 1 + nameMatch[0].length, attrs);
    if (end < 0) throw parseError(`Unclosed start tag at byte offset ${byteOffset(source, tagStart)}`);
    if (name === "span" && attrs.get("class") !== "tg-spoiler") {
      throw parseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(source, tagStart)}`);
    }
    stack.push({ name, attrs, offset: text.length });
    i = end;
  }
  const unclosed = stack.pop();
  if (unclosed) throw parseError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  return { text, entities };
}

function closeTag(open: OpenTag, stack: OpenTag[], end: number, entities: MessageEntity[]): void {
  const length = end - open.offset;
  if (length <= 0) return;
  // <pre><code class="language-x"> is one pre entity with a language, as in Telegram.
  const parent = stack[stack.length - 1];
  const language = open.attrs.get("class")?.replace(/^language-/, "");
  if (open.name === "code" && parent?.name === "pre" && language) {
    parent.attrs.set("language", language);
    return;
  }
  const entity = entityFor(open, open.offset, length);
  if (!entity) return;
  if (entity.type === "pre" && open.attrs.get("language")) entity.language = open.attrs.get("language");
  entities.push(entity);
}
