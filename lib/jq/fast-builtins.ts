/**
 * jq 1.8 builtins for the fast path (fast-path.ts), each exactly as jq computes it,
 * error messages included. Where JS could render or order a value differently from jq
 * (non-integer numbers, strings with surrogates, comparing arrays or objects, messages
 * that jq truncates), they throw NEEDS_JQ and that item goes through jq instead.
 */
import { MAX_FAST_DEPTH } from "./fast-input";
import { cannotIterate, EMPTY as SHARED_EMPTY, JqRuntimeError, NEEDS_JQ, jqType, type FastResult } from "./fast-values";

/** Module-local, as in fast-path.ts: `truthy` runs per element of `any`. */
const EMPTY: typeof SHARED_EMPTY = SHARED_EMPTY;

/** Integers JS and jq print alike (jq 1.8 prints 1e15 and up, and -0, its own way). */
function plainNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15 && !Object.is(v, -0)) return String(v);
  throw NEEDS_JQ;
}

/** Strings jq dumps exactly like JSON.stringify: no control characters, DEL or surrogates. */
const PLAIN_STRING = /^[^\u0000-\u001f\u007f\ud800-\udfff]*$/;

/** `tostring` and string interpolation, where JS renders the value identically. */
export function jqToString(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null) return "null";
  if (v === true) return "true";
  if (v === false) return "false";
  if (typeof v === "number") return plainNumber(v);
  assertPlainJson(v);
  return JSON.stringify(v);
}

/** A page body is read without the item screen's depth check (batch.ts): bounded here too. */
function assertPlainJson(v: unknown, depth = 0): void {
  if (v === null || typeof v === "boolean") return;
  if (typeof v === "number") {
    plainNumber(v);
    return;
  }
  if (typeof v === "string") {
    if (!PLAIN_STRING.test(v)) throw NEEDS_JQ;
    return;
  }
  if (depth >= MAX_FAST_DEPTH) throw NEEDS_JQ;
  if (Array.isArray(v)) {
    for (const x of v) assertPlainJson(x, depth + 1);
    return;
  }
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (!PLAIN_STRING.test(k)) throw NEEDS_JQ;
    assertPlainJson(x, depth + 1);
  }
}

/** `length`: code points of a string, |n| of a number, 0 for null; a boolean is an error. */
export function jqLength(v: unknown): number {
  if (v === null) return 0;
  if (typeof v === "string") return /[\ud800-\udfff]/.test(v) ? [...v].length : v.length;
  if (typeof v === "number") return Math.abs(v);
  if (typeof v === "boolean") throw new JqRuntimeError(`boolean (${String(v)}) has no length`);
  if (Array.isArray(v)) return v.length;
  return Object.keys(v as object).length;
}

/** `ascii_downcase` / `ascii_upcase`: only A-Z / a-z change. */
export function jqAsciiCase(v: unknown, upper: boolean): string {
  if (typeof v !== "string") throw new JqRuntimeError("explode input must be a string");
  return upper ? v.replace(/[a-z]+/g, (s) => s.toUpperCase()) : v.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

const TYPE_RANK: Record<string, number> = { null: 0, boolean: 1, number: 2, string: 3 };

/** jq's order for null, booleans, numbers and strings; NEEDS_JQ for the rest. */
function compare(a: unknown, b: unknown): number {
  const ta = jqType(a);
  const tb = jqType(b);
  const ra = TYPE_RANK[ta];
  const rb = TYPE_RANK[tb];
  if (ra === undefined || rb === undefined) throw NEEDS_JQ;
  if (ra !== rb) return ra - rb;
  if (ta === "string") {
    // jq compares UTF-8 bytes (code point order); UTF-16 order agrees without surrogates.
    if (/[\ud800-\udfff]/.test(a as string) || /[\ud800-\udfff]/.test(b as string)) throw NEEDS_JQ;
    return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
  }
  if (ta === "number") return (a as number) - (b as number);
  if (ta === "boolean") return Number(a) - Number(b);
  return 0;
}

/** `min` / `max` of an array (null when empty); jq keeps the first minimum, the last maximum. */
export function jqMinMax(v: unknown, max: boolean): unknown {
  if (!Array.isArray(v)) throw NEEDS_JQ; // jq's message names the value twice, truncated
  if (v.length === 0) return null;
  let best = v[0];
  for (let i = 1; i < v.length; i++) {
    const c = compare(v[i], best);
    if (max ? c >= 0 : c < 0) best = v[i];
  }
  return best;
}

/** `join($sep)`: null is "", booleans and numbers as JSON, strings as they are. */
export function jqJoin(v: unknown, sep: string): string {
  if (!Array.isArray(v)) {
    if (v !== null && typeof v === "object") throw NEEDS_JQ; // an object iterates its values
    throw cannotIterate(v);
  }
  let out = "";
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (i > 0) out += sep;
    if (x === null) continue;
    if (typeof x === "string") out += x;
    else if (typeof x === "boolean") out += String(x);
    else if (typeof x === "number") out += plainNumber(x);
    else throw NEEDS_JQ; // "string (...) and array (...) cannot be added", truncated
  }
  return out;
}

/** jq's truthiness. */
export function truthy(v: FastResult): boolean {
  return v !== EMPTY && v !== null && v !== false;
}
