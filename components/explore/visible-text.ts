/**
 * Text from Graph as the builder shows it, where a name or value could deceive: characters
 * that reorder or hide text (right-to-left overrides, zero-width spaces, invisible
 * separators) are written as their `\uXXXX` escape, as JSON would, so `invoice\u202Efdp.exe`
 * cannot pass for `invoiceexe.pdf`; and a very long value is cut with its full length said,
 * so a 1 MB string is not laid out whole. React escapes markup: nothing here is HTML.
 */

/** Bidi controls (U+061C, U+200E/F, U+202A–E, U+2066–9) and invisible characters (zero-width, word joiner, BOM, soft hyphen...). */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]/g;

/** `text` with each bidi control and invisible character written as `\uXXXX`. */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** Longest value laid out in one line or cell; the rest is counted, not shown. */
export const SHOWN_TEXT_MAX = 2_000;

/** `text` cut to `max` UTF-16 units (never inside a surrogate pair), saying how long it was. */
export function clipText(text: string, max = SHOWN_TEXT_MAX): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}… (${text.length.toLocaleString("en-US")} characters in all)`;
}

/** A value from Graph ready to be shown as text: invisible characters revealed, then cut. */
export function shownText(text: string, max = SHOWN_TEXT_MAX): string {
  return clipText(revealInvisible(text), max);
}
