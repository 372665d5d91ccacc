import type { MessageEntity } from "grammy/types";
import { badRequest, type ApiError } from "./api-error.ts";
import type { FormattedText } from "./parse-html.ts";

type Marker = "*" | "_" | "__" | "~" | "||" | "[";

interface Open {
  marker: Marker;
  offset: number;
  sourceIndex: number;
}

const RESERVED_V2 = new Set([..."_*[]()~`>#+-=|{}.!"]);
const NAMES: Record<Marker, string> = {
  "*": "Bold", "_": "Italic", "__": "Underline", "~": "Strikethrough", "||": "Spoiler", "[": "TextUrl",
};
const TYPES: Record<Exclude<Marker, "[">, "bold" | "italic" | "underline" | "strikethrough" | "spoiler"> = {
  "*": "bold", "_": "italic", "__": "underline", "~": "strikethrough", "||": "spoiler",
};

function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), "utf8");
}

function parseError(detail: string): ApiError {
  return badRequest(`can't parse entities: ${detail}`);
}

/** The marker at `i`, or undefined when the character is plain text. */
function markerAt(source: string, i: number, legacy: boolean): Marker | undefined {
  const c = source[i];
  if (c === "*" || c === "[") return c;
  if (c === "_") return !legacy && source[i + 1] === "_" ? "__" : "_";
  if (legacy) return undefined;
  if (c === "~") return "~";
  if (c === "|" && source[i + 1] === "|") return "||";
  return undefined;
}

/**
 * Parses MarkdownV2 (or legacy Markdown with `legacy`) into text and entities, throwing the
 * 400s Telegram gives for reserved characters left unescaped and for unclosed entities.
 */
export function parseMarkdown(source: string, legacy: boolean): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: Open[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === "\\" && i + 1 < source.length && (!legacy || "_*`[\\".includes(source[i + 1] as string))) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (c === "`") {
      i = readCode(source, i, text.length, entities, (chunk) => { text += chunk; });
      continue;
    }
    const marker = markerAt(source, i, legacy);
    const top = stack[stack.length - 1];
    if (c === "]" && top?.marker === "[") {
      stack.pop();
      const urlMatch = /^\]\(((?:\\.|[^)\\])*)\)/.exec(source.slice(i));
      if (!urlMatch) throw parseError(`Can't find end of a url at byte offset ${byteOffset(source, i)}`);
      const url = (urlMatch[1] ?? "").replace(/\\(.)/g, "$1");
      if (text.length > top.offset) entities.push({ type: "text_link", offset: top.offset, length: text.length - top.offset, url });
      i += urlMatch[0].length;
      continue;
    }
    if (marker !== undefined && marker !== "[" && top?.marker === marker) {
      stack.pop();
      if (text.length > top.offset) entities.push({ type: TYPES[marker], offset: top.offset, length: text.length - top.offset });
      i += marker.length;
      continue;
    }
    if (marker !== undefined) {
      stack.push({ marker, offset: text.length, sourceIndex: i });
      i += marker.length;
      continue;
    }
    if (!legacy && RESERVED_V2.has(c)) {
      throw parseError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    }
    text += c;
    i++;
  }
  const unclosed = stack.pop();
  if (unclosed) {
    const at = byteOffset(source, unclosed.sourceIndex);
    throw parseError(legacy
      ? `Can't find end of the entity starting at byte offset ${at}`
      : `Can't find end of ${NAMES[unclosed.marker]} entity at byte offset ${at}`);
  }
  return { text, entities };
}

/** Reads `code` or ```pre``` starting at `start`; returns the index after the closing fence. */
function readCode(
  source: string,
  start: number,
  offset: number,
  entities: MessageEntity[],
  append: (chunk: string) => void,
): number {
  const fence = source.startsWith("```", start) ? "```" : "`";
  let i = start + fence.length;
  let language: string | undefined;
  if (fence === "```") {
    const newline = source.indexOf("\n", i);
    const firstLine = newline < 0 ? "" : source.slice(i, newline);
    if (newline >= 0 && /^[\w+#-]*$/.test(firstLine)) {
      language = firstLine || undefined;
      i = newline + 1;
    }
  }
  let body = "";
  while (i < source.length && !source.startsWith(fence, i)) {
    if (source[i] === "\\" && i + 1 < source.length) {
      body += source[i + 1];
      i += 2;
    } else {
      body += source[i];
      i++;
    }
  }
  if (i >= source.length) {
    throw parseError(`Can't find end of the entity starting at byte offset ${byteOffset(source, start)}`);
  }
  append(body);
  if (body.length > 0) {
    entities.push(fence === "```"
      ? { type: "pre", offset, length: body.length, ...(language ? { language } : {}) }
      : { type: "code", offset, length: body.length });
  }
  return i + fence.length;
}
