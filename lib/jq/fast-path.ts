/**
 * A JavaScript evaluator for the common jq shapes of mapping fields, so they skip
 * jq-wasm entirely: paths (`.id`, `.a.b`, `."@odata.type"`, `.a[0]`, `.x?`), iteration
 * (`.a[]`, `.a[]?.b`), literals, `//`, `==`/`!=`, `"\(.a)-\(.b)"`, pipes, `,` and
 * `[...]` collection, and the builtins `length`, `tostring`, `ascii_downcase`,
 * `ascii_upcase`, `min`, `max`, `not`, `join("s")`, `any(cond)`, `any(gen; cond)`
 * (fast-builtins.ts). Everything else returns `null` from `compileFastPath` and goes to jq.
 *
 * A field's value is its FIRST output (Ocean's rule): a stream stops at its first output,
 * so errors after it are never seen, as with jq's `limit(1; f)`. Semantics follow jq 1.8
 * exactly (error messages included, shortened and escaped as jq does: jq-dump.ts); where
 * JS and jq could disagree (number formatting, string order with surrogates), evaluation
 * throws `NEEDS_JQ` and the caller re-runs that item through jq. Number literals are fast
 * only when spelled canonically (fast-parse.ts), and the caller screens each item once
 * (fast-input.ts) so both paths read one value. fast-path.test.ts and
 * fast-path.generative.test.ts (random expressions and items) compare with jq-wasm,
 * lib/mapping/differential.test.ts with Debian's jq binary.
 */
import { jqAsciiCase, jqJoin, jqLength, jqMinMax, jqToString, truthy } from "./fast-builtins";
import { isMulti, parseFastPath, type Builtin, type Node, type Step } from "./fast-parse";
import { MAX_FAST_DEPTH } from "./fast-input";
import { cannotIndex, cannotIterate, EMPTY as SHARED_EMPTY, NEEDS_JQ, type FastExpr } from "./fast-values";

export { EMPTY, JqRuntimeError, NEEDS_JQ, jqType, type FastExpr, type FastResult } from "./fast-values";

/**
 * A module-local binding of EMPTY, read on every step of the hot paths: compiled to
 * CommonJS (tsx: the CLI, the benchmarks), a read of an imported binding is a getter call,
 * which made `//` and `==` three times slower.
 */
const EMPTY: typeof SHARED_EMPTY = SHARED_EMPTY;

/** Compiles `expr` when it is in the fast subset, else returns null (use jq). */
export function compileFastPath(expr: string): FastExpr | null {
  const node = parseFastPath(expr);
  return node === null ? null : build(node);
}

function indexValue(v: unknown, step: { key: string } | { index: number }): unknown {
  if ("key" in step) {
    if (v === null) return null;
    if (typeof v === "object" && !Array.isArray(v)) {
      return Object.prototype.hasOwnProperty.call(v, step.key) ? (v as Record<string, unknown>)[step.key] : null;
    }
    throw cannotIndex(v, step.key);
  }
  if (v === null) return null;
  if (Array.isArray(v)) {
    const i = step.index < 0 ? v.length + step.index : step.index;
    return i >= 0 && i < v.length ? v[i] : null;
  }
  throw cannotIndex(v, step.index);
}

/** A path without `[]` steps (streamPath splits those off). */
function buildPath(steps: Step[]): FastExpr {
  const hasTry = steps.some((s) => "try" in s);
  if (!hasTry) {
    const idx = steps as ({ key: string } | { index: number })[];
    if (idx.length === 1) {
      const only = idx[0]!;
      return (input) => indexValue(input, only);
    }
    return (input) => {
      let v = input;
      for (const s of idx) v = indexValue(v, s);
      return v;
    };
  }
  // In jq's grammar `?` makes only the step right before it optional (`.a.b?` is
  // `.a | .b?`): an error at step i gives no output when step i+1 is a `?`.
  return (input) => {
    let v = input;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      if ("try" in s || "iter" in s) continue;
      try {
        v = indexValue(v, s);
      } catch (e) {
        const next = steps[i + 1];
        if (next && "try" in next) return EMPTY;
        throw e;
      }
    }
    return v;
  };
}

/** jq's `==` on JSON values; NEEDS_JQ past MAX_FAST_DEPTH (a page body is not depth-screened). */
export function jsonEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (depth >= MAX_FAST_DEPTH) throw NEEDS_JQ;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i], depth + 1));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && jsonEqual((a as Record<string, unknown>)[k], rb[k], depth + 1));
}

/** Emits outputs in order; `emit` returns false to stop; the stream then returns false. */
type Stream = (input: unknown, emit: (v: unknown) => boolean) => boolean;

function iterate(v: unknown, opt: boolean, each: (x: unknown) => boolean): boolean {
  if (Array.isArray(v)) {
    for (const x of v) if (!each(x)) return false;
    return true;
  }
  // Objects iterate their values in the order jq received them (JSON.stringify's order).
  if (v !== null && typeof v === "object") {
    for (const x of Object.values(v)) if (!each(x)) return false;
    return true;
  }
  if (opt) return true;
  throw cannotIterate(v);
}

/** A path with `[]` steps: the part before the first `[]` is a plain path, the rest per element. */
function streamPath(steps: Step[]): Stream {
  const k = steps.findIndex((s) => "iter" in s);
  if (k === -1) {
    const f = steps.length === 0 ? (input: unknown) => input : buildPath(steps);
    return (input, emit) => {
      const v = f(input);
      return v === EMPTY ? true : emit(v);
    };
  }
  const head = k === 0 ? null : buildPath(steps.slice(0, k));
  const opt = (steps[k] as { opt: boolean }).opt;
  const rest = streamPath(steps.slice(k + 1));
  return (input, emit) => {
    const v = head ? head(input) : input;
    if (v === EMPTY) return true;
    return iterate(v, opt, (x) => rest(x, emit));
  };
}

function buildStream(node: Node): Stream {
  switch (node.t) {
    case "path":
      return streamPath(node.steps);
    case "comma": {
      const items = node.items.map(buildStream);
      return (input, emit) => items.every((item) => item(input, emit));
    }
    case "pipe": {
      const left = buildStream(node.left);
      const right = buildStream(node.right);
      return (input, emit) => left(input, (v) => right(v, emit));
    }
    default: {
      const f = build(node);
      return (input, emit) => {
        const v = f(input);
        return v === EMPTY ? true : emit(v);
      };
    }
  }
}

function build(node: Node): FastExpr {
  if (isMulti(node)) {
    // First output only: stop the stream there, as `limit(1; f)` does.
    const stream = buildStream(node);
    return (input) => {
      let first: unknown = EMPTY;
      stream(input, (v) => {
        first = v;
        return false;
      });
      return first;
    };
  }
  switch (node.t) {
    case "path":
      return node.steps.length === 0 ? (input) => input : buildPath(node.steps);
    case "lit": {
      const value = node.value;
      return () => value;
    }
    case "empty":
      return () => EMPTY;
    case "alt": {
      const left = build(node.left);
      const right = build(node.right);
      return (input) => {
        const l = left(input);
        return l !== EMPTY && l !== null && l !== false ? l : right(input);
      };
    }
    case "eq": {
      const left = build(node.left);
      const right = build(node.right);
      const negate = node.negate;
      // jq evaluates the right operand first; with single outputs only the error order matters.
      return (input) => {
        const r = right(input);
        if (r === EMPTY) return EMPTY;
        const l = left(input);
        if (l === EMPTY) return EMPTY;
        return jsonEqual(l, r) !== negate;
      };
    }
    case "interp": {
      const parts = node.parts.map((p) => (typeof p === "string" ? p : build(p)));
      // jq evaluates the parts from the last to the first: that order decides which
      // error is reported, and whether an empty part hides an error before it.
      return (input) => {
        let out = "";
        for (let k = parts.length - 1; k >= 0; k--) {
          const p = parts[k]!;
          if (typeof p === "string") out = p + out;
          else {
            const v = p(input);
            if (v === EMPTY) return EMPTY;
            out = jqToString(v) + out;
          }
        }
        return out;
      };
    }
    case "pipe": {
      const left = build(node.left);
      const right = build(node.right);
      return (input) => {
        const l = left(input);
        return l === EMPTY ? EMPTY : right(l);
      };
    }
    case "array": {
      if (node.inner === null) return () => [];
      const inner = buildStream(node.inner);
      return (input) => {
        const out: unknown[] = [];
        inner(input, (v) => {
          out.push(v);
          return true;
        });
        return out;
      };
    }
    case "call":
      return BUILTIN_FNS[node.name];
    case "join": {
      const sep = node.sep;
      return (input) => jqJoin(input, sep);
    }
    case "any": {
      // jq 1.8: `isempty(first(gen | cond or empty)) | not`: stops at the first truthy condition.
      const gen = buildStream(node.gen);
      const cond = build(node.cond);
      const overInput = node.gen.t === "path" && node.gen.steps.length === 1 && "iter" in node.gen.steps[0]!;
      return (input) => {
        if (overInput && Array.isArray(input)) {
          // any(cond) on an array, the common case: the same as the stream, without closures
          for (const v of input) if (truthy(cond(v))) return true;
          return false;
        }
        let found = false;
        gen(input, (v) => {
          found = truthy(cond(v));
          return !found;
        });
        return found;
      };
    }
    case "comma":
      throw new Error("unreachable: comma is multi");
  }
}

const BUILTIN_FNS: Record<Builtin, FastExpr> = {
  length: jqLength,
  tostring: jqToString,
  ascii_downcase: (v) => jqAsciiCase(v, false),
  ascii_upcase: (v) => jqAsciiCase(v, true),
  min: (v) => jqMinMax(v, false),
  max: (v) => jqMinMax(v, true),
  not: (v) => !truthy(v),
};
