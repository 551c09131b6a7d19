/**
 * Both paths must read ONE value. jq is handed JSON.stringify(item) (lib/jq/batch.ts);
 * the fast path reads the item itself. The two differ where JSON cannot write the JS
 * value back as it is:
 * - Infinity and NaN (a JSON text's `1e1000` is Infinity after JSON.parse) are written as
 *   null, and -0 as 0;
 * - a string or key with a lone UTF-16 surrogate (JSON.parse accepts `"\ud800"`): jq
 *   refuses a lone high surrogate (the whole input fails to parse) and reads a lone low
 *   one as U+FFFD;
 * - undefined, functions and other non-JSON values are dropped or turned into null;
 * - nesting deeper than MAX_FAST_DEPTH (jq refuses 10,000 levels; this also bounds the
 *   fast path's own recursion).
 * An item for which `readsBackAlike` is false goes to jq whole, so jq decides it.
 * Integers beyond 2^53 lose their digits in JSON.parse already, before either path: both
 * read the same double.
 */

/**
 * The deepest value, and the deepest expression, the fast path reads itself; deeper ones
 * go to jq. Its parser and builtins recurse once per level, and a stack overflow there
 * can abort V8 rather than throw (lib/mapping/yaml-depth.ts says how).
 */
export const MAX_FAST_DEPTH = 256;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
type WellFormedString = string & { isWellFormed(): boolean };
/** ES2024's native check where the runtime has it (Node 20, current browsers); a regex elsewhere. */
const NATIVE = typeof (String.prototype as Partial<WellFormedString>).isWellFormed === "function";

/** No lone UTF-16 surrogate: a string jq reads (and a program jq compiles) as JS holds it. */
export function wellFormed(s: string): boolean {
  return NATIVE ? (s as WellFormedString).isWellFormed() : !LONE_SURROGATE.test(s);
}

/**
 * Whether jq reads JSON.stringify(v) back as exactly the value the fast path sees in v.
 * Runs once per item on the fast path's hot loop: strings, the bulk of a Graph item, are
 * checked in place rather than through a call per value.
 */
export function readsBackAlike(v: unknown, depth = 0): boolean {
  switch (typeof v) {
    case "string":
      return wellFormed(v);
    case "number":
      // Finite and not -0, without a call: Infinity - Infinity and NaN - NaN are NaN.
      return v - v === 0 && (v !== 0 || 1 / v > 0);
    case "boolean":
      return true;
    case "object": {
      if (v === null) return true;
      if (depth >= MAX_FAST_DEPTH) return false;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          if (typeof x === "string" ? !wellFormed(x) : x !== null && !readsBackAlike(x, depth + 1)) return false;
        }
        return true;
      }
      const o = v as Record<string, unknown>;
      for (const k in o) {
        const x = o[k];
        if (!wellFormed(k) || (typeof x === "string" ? !wellFormed(x) : x !== null && !readsBackAlike(x, depth + 1))) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
