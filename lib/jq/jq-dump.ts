/**
 * A value as jq 1.8.2 shows it inside an error message, e.g. the `("name")` of
 * `Cannot index string with string ("name")`.
 *
 * jq writes the value with its own JSON dump, which escapes DEL and every control
 * character (`\u007f`, `\u0001`; JSON.stringify leaves DEL raw). A dump longer than
 * MESSAGE_BYTES bytes of UTF-8 is cut to its first KEPT_BYTES bytes, never inside a
 * character, then `...` and, for a string, the closing quote:
 * `("aaaaaaaaaaaaaaaaaaaaaaaa...")`. Checked against jq-wasm by fast-path.test.ts and
 * fast-path.generative.test.ts.
 */
import { wellFormed } from "./fast-input";

/** Longest dump jq shows whole (its buffer is 30 bytes, with the terminating NUL). */
const MESSAGE_BYTES = 29;
/** What jq keeps of a longer dump, before `...` and the closing delimiter. */
const KEPT_BYTES = 25;

const ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f]/g;

/** jq's dump of a string: quotes, and its escapes (lowercase hex, as jq prints them). */
export function jqDumpString(s: string): string {
  return `"${s.replace(NEEDS_ESCAPE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

function utf8Bytes(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Cuts a string's dump as jq does when it is longer than MESSAGE_BYTES bytes. */
function truncateDump(dump: string): string {
  let bytes = 0;
  for (const ch of dump) bytes += utf8Bytes(ch.codePointAt(0)!);
  if (bytes <= MESSAGE_BYTES) return dump;
  let kept = "";
  bytes = 0;
  for (const ch of dump) {
    const n = utf8Bytes(ch.codePointAt(0)!);
    if (bytes + n > KEPT_BYTES) break;
    kept += ch;
    bytes += n;
  }
  return `${kept}..."`;
}

/**
 * The value as jq's error messages show it, or null where JS cannot reproduce jq's text
 * (non-integer or large numbers, which jq prints from their literal; strings with a lone
 * surrogate; arrays and objects): the caller then hands the item to jq.
 */
export function dumpForMessage(v: unknown): string | null {
  if (v === null) return "null";
  if (typeof v === "boolean") return String(v);
  // Integers this small are printed alike by jq (from the literal or the double) and JS.
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 1e15 && !Object.is(v, -0) ? String(v) : null;
  if (typeof v === "string") return !wellFormed(v) ? null : truncateDump(jqDumpString(v));
  return null;
}
