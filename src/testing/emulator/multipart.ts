/** A file part of a multipart/form-data body. */
export interface UploadedPart {
  fieldName: string;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Fields (text) and files of a multipart/form-data body. */
export interface MultipartBody {
  fields: Record<string, string>;
  files: Map<string, UploadedPart>;
}

/** The boundary of a multipart content type, or undefined when it is not multipart. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType?.toLowerCase().startsWith("multipart/form-data")) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

// grammY writes `content-disposition:form-data;name="x";filename=a b.txt` (no spaces, filename
// unquoted), browsers and curl quote it; both are accepted.
function parseDisposition(header: string): { name?: string; fileName?: string } {
  const name = /;\s*name="([^"]*)"/i.exec(header)?.[1] ?? /;\s*name=([^;]*)/i.exec(header)?.[1];
  const fileName = /;\s*filename="([^"]*)"/i.exec(header)?.[1] ?? /;\s*filename=([^;]*)/i.exec(header)?.[1];
  return { name: name?.trim(), fileName: fileName?.trim() };
}

/**
 * Parses a multipart/form-data body. Works on bytes, not strings, so binary uploads stay intact.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const fields: Record<string, string> = {};
  const files = new Map<string, UploadedPart>();
  const delimiter = Buffer.from(`--${boundary}`);
  let cursor = body.indexOf(delimiter);
  while (cursor >= 0) {
    let partStart = cursor + delimiter.length;
    // "--" right after a delimiter ends the body.
    if (body[partStart] === 0x2d && body[partStart + 1] === 0x2d) break;
    if (body[partStart] === 0x0d && body[partStart + 1] === 0x0a) partStart += 2;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) break;
    // The CRLF before the next delimiter belongs to the delimiter, not to the content.
    const partEnd = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    const headerEnd = body.indexOf("\r\n\r\n", partStart);
    if (headerEnd < 0 || headerEnd > partEnd) {
      cursor = next;
      continue;
    }
    const headers = body.subarray(partStart, headerEnd).toString("utf8").split("\r\n");
    const content = body.subarray(headerEnd + 4, partEnd);
    let disposition: { name?: string; fileName?: string } = {};
    let mimeType = "application/octet-stream";
    for (const line of headers) {
      const colon = line.indexOf(":");
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === "content-disposition") disposition = parseDisposition(value);
      if (key === "content-type") mimeType = value;
    }
    if (disposition.name !== undefined) {
      if (disposition.fileName !== undefined) {
        files.set(disposition.name, {
          fieldName: disposition.name,
          fileName: disposition.fileName,
          mimeType,
          bytes: Buffer.from(content),
        });
      } else {
        fields[disposition.name] = content.toString("utf8");
      }
    }
    cursor = next;
  }
  return { fields, files };
}
