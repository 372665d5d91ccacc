// Bytes to text by the charset the document declares: the Content-Type header first, then the
// XML declaration or the HTML <meta>, then a byte-order mark; UTF-8 otherwise. Kazakh and Russian
// government sites still serve windows-1251.
import iconv from "iconv-lite";

const XML_DECLARATION = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i;

/** The declared charset, lower-cased, or null. */
export function declaredCharset(contentType: string | undefined, head: string): string | null {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const fromBody = XML_DECLARATION.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1];
  return fromBody ? fromBody.toLowerCase() : null;
}

/** Decodes a response body; an unknown charset is read as UTF-8 (never a crash). */
export function decodeBody(body: Buffer, contentType: string | undefined): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.subarray(3).toString("utf8");
  // The first 2 KB in latin1 is enough to read an ASCII declaration whatever the real charset.
  const charset = declaredCharset(contentType, body.subarray(0, 2048).toString("latin1"));
  if (!charset || charset === "utf-8" || charset === "utf8" || !iconv.encodingExists(charset)) return body.toString("utf8");
  return iconv.decode(body, charset);
}
