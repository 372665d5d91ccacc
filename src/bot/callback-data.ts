import { isLanguage, type Language } from "./i18n/languages.ts";

// Inline-button payloads: compact, versioned, validated. Telegram allows 64 bytes; a forged or
// stale payload (an old message after an upgrade, a hand-crafted update) decodes to null and the
// user gets a short alert, never an exception.

/** Bumped when a payload's meaning changes; older buttons then answer "expired". */
export const CALLBACK_VERSION = "1";
export const MAX_CALLBACK_BYTES = 64;

/** Every button the bot sends. */
export type CallbackAction =
  | { type: "page"; view: ListView; page: number }
  | { type: "follow"; target: FollowButtonTarget }
  | { type: "unfollow"; followId: number }
  | { type: "unfollowAll" }
  | { type: "settings"; field: "tz" | "offsets" | "digest" | "quiet"; choice: number }
  | { type: "ingest"; confirm: boolean; token: string }
  | { type: "card"; commitmentId: number }
  | { type: "language"; language: Language }
  /** An admin's answer to "Same as #12?" (a MatchQuestion): same = merge, else keep apart. */
  | { type: "match"; questionId: number; same: boolean };

/** What a follow button follows; `bodyOf` is the body of that commitment (ids are stable, body names are long). */
export type FollowButtonTarget = "all" | { topic: number } | { commitment: number } | { bodyOf: number };

/** Which list a page belongs to: all, upcoming within N days, overdue. */
export type ListView = { kind: "all" } | { kind: "upcoming"; days: number } | { kind: "overdue" };

const INT = /^\d{1,9}$/;
const TOKEN = /^[A-Za-z0-9_-]{6,16}$/;

/** Encodes an action; throws if a payload would exceed Telegram's 64 bytes (a programming error). */
export function encodeCallback(action: CallbackAction): string {
  const data = `${CALLBACK_VERSION}:${body(action)}`;
  if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES) throw new RangeError(`callback data too long: ${data}`);
  return data;
}

function body(action: CallbackAction): string {
  switch (action.type) {
    case "page":
      return `p:${viewCode(action.view)}:${action.page}`;
    case "follow": {
      const t = action.target;
      if (t === "all") return "f:a";
      if ("topic" in t) return `f:t:${t.topic}`;
      return "bodyOf" in t ? `f:b:${t.bodyOf}` : `f:c:${t.commitment}`;
    }
    case "unfollow":
      return `u:${action.followId}`;
    case "unfollowAll":
      return "u:a";
    case "settings":
      return `s:${action.field}:${action.choice}`;
    case "ingest":
      return `i:${action.confirm ? "y" : "n"}:${action.token}`;
    case "card":
      return `c:${action.commitmentId}`;
    case "language":
      return `l:${action.language}`;
    case "match":
      return `m:${action.questionId}:${action.same ? "s" : "d"}`;
  }
}

function viewCode(view: ListView): string {
  if (view.kind === "all") return "a";
  if (view.kind === "overdue") return "o";
  return `u${view.days}`;
}

/** Decodes button data; null for anything not produced by this version of `encodeCallback`. */
export function decodeCallback(data: string | undefined): CallbackAction | null {
  if (!data || data.length > MAX_CALLBACK_BYTES) return null;
  const [version, kind, a, b, ...rest] = data.split(":");
  if (version !== CALLBACK_VERSION || rest.length > 0) return null;
  switch (kind) {
    case "p": {
      const view = parseView(a);
      if (!view || !b || !INT.test(b)) return null;
      return { type: "page", view, page: Number(b) };
    }
    case "f":
      if (a === "a" && b === undefined) return { type: "follow", target: "all" };
      if (a === "t" && b && INT.test(b)) return { type: "follow", target: { topic: Number(b) } };
      if (a === "c" && b && INT.test(b)) return { type: "follow", target: { commitment: Number(b) } };
      if (a === "b" && b && INT.test(b)) return { type: "follow", target: { bodyOf: Number(b) } };
      return null;
    case "u":
      if (a === "a" && b === undefined) return { type: "unfollowAll" };
      if (a && INT.test(a) && b === undefined) return { type: "unfollow", followId: Number(a) };
      return null;
    case "s":
      if ((a === "tz" || a === "offsets" || a === "digest" || a === "quiet") && b && INT.test(b)) {
        return { type: "settings", field: a, choice: Number(b) };
      }
      return null;
    case "i":
      if ((a === "y" || a === "n") && b && TOKEN.test(b)) return { type: "ingest", confirm: a === "y", token: b };
      return null;
    case "c":
      if (a && INT.test(a) && b === undefined) return { type: "card", commitmentId: Number(a) };
      return null;
    case "l":
      return isLanguage(a) && b === undefined ? { type: "language", language: a } : null;
    case "m":
      if (a && INT.test(a) && (b === "s" || b === "d")) return { type: "match", questionId: Number(a), same: b === "s" };
      return null;
    default:
      return null;
  }
}

function parseView(code: string | undefined): ListView | null {
  if (code === "a") return { kind: "all" };
  if (code === "o") return { kind: "overdue" };
  const m = code ? /^u(\d{1,3})$/.exec(code) : null;
  if (m) {
    const days = Number(m[1]);
    if (days >= 1 && days <= 365) return { kind: "upcoming", days };
  }
  return null;
}
