import { InlineKeyboard } from "grammy";
import { encodeCallback, type ListView } from "../callback-data.ts";

/**
 * ◀ ▶ under a list (the header says "page 2 of 5"); no keyboard when everything fits on one page.
 * No page-counter button: a button that does nothing when pressed only confuses.
 */
export function pagerKeyboard(view: ListView, page: number, pageCount: number): InlineKeyboard | undefined {
  if (pageCount <= 1) return undefined;
  const keyboard = new InlineKeyboard();
  if (page > 0) keyboard.text("◀", encodeCallback({ type: "page", view, page: page - 1 }));
  if (page < pageCount - 1) keyboard.text("▶", encodeCallback({ type: "page", view, page: page + 1 }));
  return keyboard;
}
