/**
 * The matches a global scan of a pattern would give, found near a keyword every match holds
 * instead of by trying the pattern at every position (issue 13). Used for the actor patterns
 * (actors.ts) and the antecedents of a title's "this project" (title-references.ts).
 *
 * Why it finds exactly those matches: searching from `from`, let `k` be where the keyword next
 * occurs. Any match starting at or after `from` holds a keyword at or after `k`, and before that
 * keyword only up to `wordsBefore` words each followed by white space; if it starts before `k`,
 * `k` lies in those words. So it cannot start before the word holding `k` and the `wordsBefore`
 * words before that (nor before a character that cannot be part of them: the words would have to
 * cover it); the leftmost match starts at a place `mayStartAt` allows between there and `k`, or after `k`.
 */
import { isSpaceAt } from "./line-shape.js";

export interface NearKeywordScan {
  /** The pattern, sticky: tried at each place a match may start. */
  re: RegExp;
  /** The keyword every match holds, global. */
  keyword: RegExp;
  /** The most words a match holds before its keyword, each followed by white space. */
  wordsBefore: number;
  /** Whether a code unit can be part of those words. */
  inWord: (code: number) => boolean;
  /** Whether a match can start at `s`, `lowest` being the earliest place one can. */
  mayStartAt: (text: string, s: number, lowest: number) => boolean;
}

export function matchesNearKeyword(text: string, scan: NearKeywordScan): RegExpExecArray[] {
  const { re, keyword, wordsBefore, inWord, mayStartAt } = scan;
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (;;) {
    keyword.lastIndex = from;
    const k = keyword.exec(text)?.index;
    if (k === undefined) return out;
    let start = k;
    while (start > from && inWord(text.charCodeAt(start - 1))) start--;
    for (let w = 0; w < wordsBefore; w++) {
      let space = start;
      while (space > from && isSpaceAt(text, space - 1)) space--;
      if (space === start) break;
      let word = space;
      while (word > from && inWord(text.charCodeAt(word - 1))) word--;
      if (word === space) break;
      start = word;
    }
    let m: RegExpExecArray | null = null;
    for (let s = start; s <= k && !m; s++) {
      if (!mayStartAt(text, s, start)) continue;
      re.lastIndex = s;
      m = re.exec(text);
    }
    if (m) {
      out.push(m);
      from = m.index + m[0].length;
    } else from = k + 1;
  }
}
