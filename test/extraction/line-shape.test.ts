/** line-shape.ts answers exactly what the regular expressions it replaces answer. */
import { describe, expect, it } from "vitest";
import { endsWithStop, isSpaceCode, wordCount } from "../../src/extraction/line-shape.js";

// Every white space \s knows, and characters near them that are not.
const SPACES = "\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
const NOT_SPACES = "\u0008\u000e\u001f\u0085\u009f\u180e\u200b\u200c\u2060\u3001";
const PIECES = ["a", "Bb", "1", ".", "?", "!", ":", ";", ",", '"', "'", ")", "]", "(", "-", "\u2026", ...SPACES, ...NOT_SPACES];

/** Deterministic strings made of the pieces above, 0 to 8 pieces long. */
function* samples(): Generator<string> {
  let seed = 7;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
  for (let k = 0; k < 20_000; k++) {
    let s = "";
    for (let len = next(9); len > 0; len--) s += PIECES[next(PIECES.length)] ?? "";
    yield s;
  }
}

describe("line-shape", () => {
  it("isSpaceCode is \\s for every UTF-16 code unit", () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c.toString(16));
    expect(wrong).toEqual([]);
  });

  it("wordCount is split(/\\s+/).length of a trimmed line", () => {
    const wrong = [...samples()].map((s) => s.trim()).filter((t) => wordCount(t) !== t.split(/\s+/).length);
    expect(wrong).toEqual([]);
  });

  it("endsWithStop is the stop-then-closers test at the end", () => {
    const wrong = [...samples()].filter((s) => endsWithStop(s, ".!?:;,") !== /[.!?:;,]["')\]]*$/.test(s) || endsWithStop(s, "?") !== /\?["')\]]*$/.test(s));
    expect(wrong).toEqual([]);
  });
});
