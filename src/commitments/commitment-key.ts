import { createHash } from "node:crypto";

// Identity of a commitment inside its source: re-ingesting an edited document matches commitments
// on (sourceId, key), so the key must survive edits elsewhere in the document (hence no offsets,
// no title) and trivial edits of the sentence itself (hence the normalisation).

/** Lower case, look-alike letters and typographic quotes folded, punctuation and spacing collapsed. */
export function normaliseForKey(text: string | null | undefined): string {
  return (text ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d\u00ab\u00bb"'`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** sha256 (hex, first 32 chars) of the normalised quote and due phrase. */
export function commitmentKey(quote: string, dueText: string | null): string {
  const material = `${normaliseForKey(quote)}\u0000${normaliseForKey(dueText)}`;
  return createHash("sha256").update(material).digest("hex").slice(0, 32);
}

/** Token Jaccard similarity (0..1) of two quotes after normalisation. */
export function quoteSimilarity(a: string, b: string): number {
  const left = new Set(normaliseForKey(a).split(" ").filter(Boolean));
  const right = new Set(normaliseForKey(b).split(" ").filter(Boolean));
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return shared / (left.size + right.size - shared);
}

/** Quotes at least this similar (with the same due phrase) are the same commitment, lightly edited. */
export const SAME_COMMITMENT_SIMILARITY = 0.6;

/** sha256 hex of a document's text: an unchanged hash means an unchanged document. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
