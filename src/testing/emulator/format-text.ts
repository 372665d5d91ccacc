import type { MessageEntity } from "grammy/types";
import { badRequest } from "./api-error.ts";
import { parseHtml, type FormattedText } from "./parse-html.ts";
import { parseMarkdown } from "./parse-markdown.ts";

/** Telegram's limits, in UTF-16 code units after entity parsing. */
export const MAX_MESSAGE_CHARS = 4096;
// With the u flag a surrogate class matches only unpaired halves.
const LONE_SURROGATE = /\p{Cs}/u;
export const MAX_CAPTION_CHARS = 1024;

// Entities in whose range Telegram does not look for commands, links or mentions.
const OPAQUE_TYPES = new Set(["code", "pre", "text_link", "url", "bot_command", "mention", "email"]);

const DETECTORS: { type: "bot_command" | "url" | "mention" | "hashtag" | "email"; pattern: RegExp }[] = [
  { type: "bot_command", pattern: /(?<![\w/])\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?(?![\w/])/g },
  { type: "email", pattern: /(?<![\w.])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
  { type: "url", pattern: /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/g },
  { type: "mention", pattern: /(?<![\w@])@[a-zA-Z0-9_]{5,32}\b/g },
  { type: "hashtag", pattern: /(?<![\w#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu },
];

/** Orders entities the way Telegram returns them: by offset, longer first. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/**
 * Adds the entities Telegram finds on its own (commands, links, mentions, hashtags, e-mails)
 * wherever no code, link or earlier-detected entity already covers the text.
 */
export function detectEntities(text: string, existing: MessageEntity[]): MessageEntity[] {
  const taken = existing.filter((e) => OPAQUE_TYPES.has(e.type)).map((e) => [e.offset, e.offset + e.length]);
  const found: MessageEntity[] = [];
  for (const { type, pattern } of DETECTORS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([s, e]) => start < (e as number) && end > (s as number))) continue;
      taken.push([start, end]);
      found.push({ type, offset: start, length: end - start });
    }
  }
  return sortEntities([...existing, ...found]);
}

/** Drops leading and trailing whitespace as Telegram does, moving entities along. */
function trimFormatted({ text, entities }: FormattedText): FormattedText {
  const lead = (/^[\s]*/.exec(text) as RegExpExecArray)[0].length;
  const trimmed = text.slice(lead).replace(/\s+$/, "");
  const moved: MessageEntity[] = [];
  for (const entity of entities) {
    const start = Math.max(entity.offset - lead, 0);
    const end = Math.min(entity.offset + entity.length - lead, trimmed.length);
    if (end > start) moved.push({ ...entity, offset: start, length: end - start });
  }
  return { text: trimmed, entities: moved };
}

/** What kind of text is checked: message text or a media caption have different limits. */
export interface FormatOptions {
  kind: "text" | "caption";
  parseMode?: string;
  entities?: MessageEntity[];
  strictHtmlAmpersand: boolean;
}

/**
 * Turns what the bot sent into what the user sees, enforcing Telegram's validation:
 * empty text, length limits and parse errors all throw the matching 400.
 */
export function formatText(raw: string, options: FormatOptions): FormattedText {
  // A lone surrogate (half an emoji) cannot be encoded as UTF-8: Telegram refuses the call.
  if (LONE_SURROGATE.test(raw)) throw badRequest(`${options.kind === "text" ? "text" : "caption"} must be encoded in UTF-8`);
  let parsed: FormattedText;
  const mode = options.parseMode?.toLowerCase();
  if (mode === "html") parsed = parseHtml(raw, { strictAmpersand: options.strictHtmlAmpersand });
  else if (mode === "markdownv2") parsed = parseMarkdown(raw, false);
  else if (mode === "markdown") parsed = parseMarkdown(raw, true);
  else if (mode === undefined || mode === "") parsed = { text: raw, entities: [...(options.entities ?? [])] };
  else throw badRequest(`unsupported parse_mode`);
  const result = trimFormatted(parsed);
  if (options.kind === "text") {
    if (result.text.length === 0) throw badRequest("message text is empty");
    if (result.text.length > MAX_MESSAGE_CHARS) throw badRequest("message is too long");
  } else if (result.text.length > MAX_CAPTION_CHARS) {
    throw badRequest("message caption is too long");
  }
  return { text: result.text, entities: detectEntities(result.text, sortEntities(result.entities)) };
}
