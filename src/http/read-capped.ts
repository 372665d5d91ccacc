/**
 * Reads a body (a Node stream or a fetch body: anything async-iterable of bytes) up to `maxBytes`.
 * Returns null as soon as the body passes the cap, having stopped reading (the caller refuses it);
 * a declared Content-Length is the caller's to check first, so a declared 50 MB body is refused
 * without reading a byte. Used for webhook requests, Telegram file downloads and live sources.
 */
export async function readCapped(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    // Leaving the loop ends the iteration, which destroys a Node stream or cancels a fetch body.
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A declared Content-Length over `maxBytes` (absent or malformed: false; the read checks). */
export function declaresTooMuch(contentLength: string | null | undefined, maxBytes: number): boolean {
  const declared = Number(contentLength ?? NaN);
  return Number.isFinite(declared) && declared > maxBytes;
}
