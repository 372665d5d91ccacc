/**
 * Cheap facts about text that the extraction steps ask of every line or character: white space,
 * word characters, how many words a line has and how it ends. Each answers exactly what the regular expression
 * named in its comment answers, without building arrays or rescanning the line.
 */

/** Whether code unit `c` is white space as `\s` means it in a JavaScript regular expression. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether code unit `c` is a word character as `\w` means it without the `u` flag: [A-Za-z0-9_]. */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** `/\s/.test(text.charAt(i))`: false past either end. */
export function isSpaceAt(text: string, i: number): boolean {
  return isSpaceCode(text.charCodeAt(i));
}

/** `text.split(/\s+/).length` for text with no white space at either end (a trimmed line). */
export function wordCount(text: string): number {
  let words = 1;
  for (let i = 0; i < text.length; i++) {
    if (!isSpaceCode(text.charCodeAt(i))) continue;
    words++;
    while (i + 1 < text.length && isSpaceCode(text.charCodeAt(i + 1))) i++;
  }
  return words;
}

const CLOSERS = "\"')]";

/**
 * `new RegExp(`[${stops}]["')\\]]*$`).test(text)`: the text ends in one of `stops` followed only by
 * closing quotes and brackets. No closer is a stop, so the character before the run of closers
 * at the end decides.
 */
export function endsWithStop(text: string, stops: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text.charAt(i))) i--;
  return i >= 0 && stops.includes(text.charAt(i));
}
