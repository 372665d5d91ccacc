import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DocumentError, listDocumentFiles, MAX_DOCUMENT_BYTES, readDocument } from "../../src/commitments/read-document.ts";

const dir = mkdtempSync(path.join(tmpdir(), "mindet-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function errorOf(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentError);
  expect((error as Error).message).not.toContain("\n");
  return error as DocumentError;
}

describe("readDocument", () => {
  it("strips the BOM and normalises CRLF", async () => {
    const doc = await readDocument(file("bom.txt", "\uFEFFTitle\r\nLine two\rLine three\r\n"));
    expect(doc).toEqual({ path: path.join(dir, "bom.txt"), file: "bom.txt", text: "Title\nLine two\nLine three\n" });
  });

  it("refuses a file over the limit by size, without reading it", async () => {
    const big = path.join(dir, "big.txt");
    writeFileSync(big, "");
    truncateSync(big, 50 * 1024 * 1024);
    expect((await errorOf(readDocument(big))).message).toBe(`${big}: file is 50 MB, over the 5 MB limit`);
    expect(MAX_DOCUMENT_BYTES).toBe(5 * 1024 * 1024);
  });

  it("gives one-line errors for empty, blank, binary, non-UTF-8, missing and directory paths", async () => {
    expect((await errorOf(readDocument(file("empty.txt", "")))).message).toMatch(/empty\.txt: file is empty$/);
    expect((await errorOf(readDocument(file("blank.txt", " \n\t\n")))).message).toMatch(/blank\.txt: file is empty/);
    expect((await errorOf(readDocument(file("bin.txt", Buffer.from([0x50, 0x4b, 0x03, 0x00, 0x14]))))).message).toMatch(/bin\.txt: looks binary/);
    expect((await errorOf(readDocument(file("latin1.txt", Buffer.from("caf\xe9 cr\xe8me", "latin1"))))).message).toMatch(/latin1\.txt: is not valid UTF-8/);
    expect((await errorOf(readDocument(path.join(dir, "nope.txt")))).message).toMatch(/nope\.txt: no such file$/);
    expect((await errorOf(readDocument(dir))).message).toMatch(/is a directory/);
  });
});

describe("listDocumentFiles", () => {
  it("expands a directory into its .txt and .md files, sorted", async () => {
    const docs = path.join(dir, "docs");
    mkdirSync(docs);
    writeFileSync(path.join(docs, "b.md"), "b");
    writeFileSync(path.join(docs, "a.txt"), "a");
    writeFileSync(path.join(docs, "c.pdf"), "c");
    mkdirSync(path.join(docs, "sub.txt"));
    expect(await listDocumentFiles([docs])).toEqual([path.join(docs, "a.txt"), path.join(docs, "b.md")]);
  });

  it("refuses a missing path and a directory without documents", async () => {
    const none = path.join(dir, "none");
    mkdirSync(none);
    writeFileSync(path.join(none, "x.pdf"), "x");
    expect((await errorOf(listDocumentFiles([none]))).message).toBe(`${none}: directory has no .txt or .md files`);
    expect((await errorOf(listDocumentFiles([path.join(dir, "missing")]))).message).toMatch(/missing: no such file or directory$/);
  });
});
