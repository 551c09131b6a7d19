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
 * exactly (error messages included); where JS and jq could disagree (number formatting,
 * string order with surrogates, messages jq truncates), evaluation throws `NEEDS_JQ` and
 * the caller re-runs that item through jq. lib/jq/fast-path.test.ts compares with
 * jq-wasm, lib/mapping/differential.test.ts with Debian's jq binary.
 */
import { jqAsciiCase, jqJoin, jqLength, jqMinMax, jqToString, truthy } from "./fast-builtins";

/** A fast-path result: a value, or no output at all. */
export const EMPTY: unique symbol = Symbol("jq-empty");
export type FastResult = unknown | typeof EMPTY;

/** Thrown by a fast expression that meets a value it cannot render exactly like jq. */
export const NEEDS_JQ = Object.freeze({ needsJq: true as const });

/** A jq runtime error produced by the fast path, with jq's own message. */
export class JqRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JqRuntimeError";
  }
}

export type FastExpr = (input: unknown) => FastResult;

type Step = { key: string } | { index: number } | { try: true } | { iter: true; opt: boolean };
type Builtin = "length" | "tostring" | "ascii_downcase" | "ascii_upcase" | "min" | "max" | "not";
const BUILTINS: readonly string[] = ["length", "tostring", "ascii_downcase", "ascii_upcase", "min", "max", "not"];
type Node =
  | { t: "path"; steps: Step[] }
  | { t: "lit"; value: unknown }
  | { t: "alt"; left: Node; right: Node }
  | { t: "eq"; negate: boolean; left: Node; right: Node }
  | { t: "interp"; parts: (string | Node)[] }
  | { t: "empty" }
  | { t: "pipe"; left: Node; right: Node }
  | { t: "comma"; items: Node[] }
  | { t: "array"; inner: Node | null }
  | { t: "call"; name: Builtin }
  | { t: "join"; sep: string }
  | { t: "any"; gen: Node; cond: Node };

/** Whether a node can produce more than one output. */
function isMulti(n: Node): boolean {
  if (n.t === "path") return n.steps.some((s) => "iter" in s);
  if (n.t === "comma") return true;
  if (n.t === "pipe") return isMulti(n.left) || isMulti(n.right);
  return false;
}

class NotFast extends Error {}

/** Compiles `expr` when it is in the fast subset, else returns null (use jq). */
export function compileFastPath(expr: string): FastExpr | null {
  try {
    const p = new Parser(expr);
    const node = p.parseExpr();
    p.skipSpace();
    if (!p.atEnd()) return null;
    return build(node);
  } catch (e) {
    if (e instanceof NotFast) return null;
    throw e;
  }
}

/** The jq type name of a JSON value, as jq's messages say it. */
export function jqType(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  const t = typeof v;
  if (t === "boolean" || t === "number" || t === "string") return t;
  return "object";
}

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  atEnd(): boolean {
    return this.pos >= this.s.length;
  }
  skipSpace(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos]!)) this.pos++;
    if (this.s[this.pos] === "#") throw new NotFast(); // comments: leave to jq
  }
  peek(n = 0): string | undefined {
    return this.s[this.pos + n];
  }
  eat(token: string): boolean {
    this.skipSpace();
    if (this.s.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  // Precedence as in jq's grammar: `|` (right-assoc) < `,` < `//` (right-assoc) < `==`.
  // Pipe := Comma ('|' Pipe)?
  parseExpr(): Node {
    const left = this.parseComma();
    this.skipSpace();
    if (this.s[this.pos] === "|" && this.s[this.pos + 1] !== "=") {
      this.pos++;
      return { t: "pipe", left, right: this.parseExpr() };
    }
    return left;
  }

  // Comma := Alt (',' Alt)*
  parseComma(): Node {
    const items = [this.parseAlt()];
    while (this.eat(",")) items.push(this.parseAlt());
    return items.length === 1 ? items[0]! : { t: "comma", items };
  }

  // Alt := Cmp ('//' Alt)?; jq's `//` over several outputs has its own rules: leave those to jq.
  parseAlt(): Node {
    const left = this.parseCmp();
    this.skipSpace();
    if (this.s.startsWith("//", this.pos)) {
      if (this.s[this.pos + 2] === "=") throw new NotFast(); // `//=` is an update
      this.pos += 2;
      const right = this.parseAlt();
      if (isMulti(left) || isMulti(right)) throw new NotFast();
      return { t: "alt", left, right };
    }
    return left;
  }

  parseCmp(): Node {
    const left = this.parseTerm();
    this.skipSpace();
    for (const op of ["==", "!="]) {
      if (this.s.startsWith(op, this.pos)) {
        this.pos += 2;
        const right = this.parseTerm();
        this.skipSpace();
        if (this.s.startsWith("==", this.pos) || this.s.startsWith("!=", this.pos)) throw new NotFast();
        if (isMulti(left) || isMulti(right)) throw new NotFast(); // a cartesian product in jq
        return { t: "eq", negate: op === "!=", left, right };
      }
    }
    return left;
  }

  parseTerm(): Node {
    this.skipSpace();
    const ch = this.peek();
    if (ch === ".") return this.parsePath();
    if (ch === '"') return this.parseString();
    if (ch === "(") {
      this.pos++;
      const inner = this.parseExpr();
      if (!this.eat(")")) throw new NotFast();
      this.noPostfix();
      return inner;
    }
    if (ch !== undefined && /[0-9]/.test(ch)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.s.slice(this.pos));
      if (!m) throw new NotFast();
      this.pos += m[0].length;
      this.noPostfix();
      const value = Number(m[0]);
      if (!Number.isFinite(value)) throw new NotFast(); // jq clamps to the largest double
      return { t: "lit", value };
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.pos))?.[0];
    if (ch === "[") return this.parseArray();
    if (word !== undefined && BUILTINS.includes(word)) {
      this.pos += word.length;
      this.noPostfix();
      return { t: "call", name: word as Builtin };
    }
    if (word === "join" || word === "any") return this.parseCall(word);
    if (word === "true" || word === "false" || word === "null" || word === "empty") {
      this.pos += word.length;
      this.noPostfix();
      if (word === "empty") return { t: "empty" };
      return { t: "lit", value: word === "true" ? true : word === "false" ? false : null };
    }
    throw new NotFast();
  }

  /** `[]` or `[ Pipe ]`: every output of the inner expression, in order. */
  parseArray(): Node {
    this.pos++; // [
    if (this.eat("]")) {
      this.noPostfix();
      return { t: "array", inner: null };
    }
    const inner = this.parseExpr();
    if (!this.eat("]")) throw new NotFast();
    this.noPostfix();
    return { t: "array", inner };
  }

  /** `join("sep")`, `any(cond)` and `any(gen; cond)`. */
  parseCall(word: "join" | "any"): Node {
    this.pos += word.length;
    if (!this.eat("(")) throw new NotFast();
    if (word === "join") {
      this.skipSpace();
      if (this.peek() !== '"') throw new NotFast();
      const sep = this.parseString();
      if (sep.t !== "lit" || typeof sep.value !== "string" || !this.eat(")")) throw new NotFast();
      this.noPostfix();
      return { t: "join", sep: sep.value };
    }
    const first = this.parseExpr();
    let gen: Node = { t: "path", steps: [{ iter: true, opt: false }] }; // any(c) is any(.[]; c)
    let cond = first;
    if (this.eat(";")) {
      gen = first;
      cond = this.parseExpr();
    }
    if (!this.eat(")") || isMulti(cond)) throw new NotFast();
    this.noPostfix();
    return { t: "any", gen, cond };
  }

  /** After a literal or parenthesised term, `.x`, `[..]` or `?` would need jq. */
  noPostfix(): void {
    const save = this.pos;
    this.skipSpace();
    const ch = this.peek();
    if (ch === "." || ch === "[" || ch === "?") {
      if (!(ch === "." && this.peek(1) === ".")) throw new NotFast();
    }
    if (/^[A-Za-z0-9_$]/.test(ch ?? "")) throw new NotFast();
    this.pos = save;
  }

  parsePath(): Node {
    const steps: Step[] = [];
    // The first step: `.` then a key, `"key"`, `[..]`, or nothing (identity).
    this.pos++; // the dot
    if (this.peek() === ".") throw new NotFast(); // `..` recursion
    let first = true;
    for (;;) {
      const ch = this.peek();
      if (first && ch !== undefined && /[A-Za-z_]/.test(ch)) {
        steps.push({ key: this.ident() });
      } else if (first && ch === '"') {
        steps.push({ key: this.plainString() });
      } else if (ch === "[") {
        steps.push(this.bracket());
      } else if (ch === "?") {
        if (this.s.startsWith("?//", this.pos)) throw new NotFast(); // jq lexes `?//` as one token
        this.pos++;
        steps.push({ try: true });
      } else if (!first && ch === ".") {
        this.pos++;
        const next = this.peek();
        if (next !== undefined && /[A-Za-z_]/.test(next)) steps.push({ key: this.ident() });
        else if (next === '"') steps.push({ key: this.plainString() });
        else if (next === "[") steps.push(this.bracket());
        else throw new NotFast();
      } else {
        break;
      }
      first = false;
    }
    const after = this.peek();
    if (after !== undefined && /[A-Za-z0-9_$]/.test(after)) throw new NotFast();
    return { t: "path", steps };
  }

  ident(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.pos));
    if (!m) throw new NotFast();
    this.pos += m[0].length;
    if (this.peek() === ":") throw new NotFast(); // `.a::b` and friends
    return m[0];
  }

  bracket(): Step {
    this.pos++; // [
    this.skipSpace();
    let step: Step;
    if (this.peek() === "]") {
      this.pos++;
      // `[]?` iterates only what can be iterated; the `?` belongs to the iteration.
      if (this.peek() === "?" && !this.s.startsWith("?//", this.pos)) {
        this.pos++;
        return { iter: true, opt: true };
      }
      return { iter: true, opt: false };
    }
    if (this.peek() === '"') step = { key: this.plainString() };
    else {
      const m = /^-?[0-9]+/.exec(this.s.slice(this.pos));
      if (!m) throw new NotFast(); // `[]`, slices, expressions
      this.pos += m[0].length;
      step = { index: Number(m[0]) };
    }
    if (!this.eat("]")) throw new NotFast();
    return step;
  }

  /** A string literal without interpolation (used as a key). */
  plainString(): string {
    const node = this.parseString();
    if (node.t !== "lit" || typeof node.value !== "string") throw new NotFast();
    return node.value;
  }

  parseString(): Node {
    this.pos++; // opening quote
    const parts: (string | Node)[] = [];
    let buf = "";
    for (;;) {
      const ch = this.s[this.pos];
      if (ch === undefined) throw new NotFast();
      if (ch === '"') {
        this.pos++;
        break;
      }
      if (ch === "\\") {
        const e = this.s[this.pos + 1];
        this.pos += 2;
        if (e === "(") {
          if (buf) parts.push(buf);
          buf = "";
          const inner = this.parseExpr();
          if (!this.eat(")") || isMulti(inner)) throw new NotFast(); // jq: one string per combination
          parts.push(inner);
          continue;
        }
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) buf += simple[e];
        else if (e === "u") {
          const hex = this.s.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new NotFast();
          const code = parseInt(hex, 16);
          // A lone surrogate becomes U+FFFD in jq but stays as is in JS: leave those to jq.
          if (code >= 0xd800 && code <= 0xdfff) throw new NotFast();
          buf += String.fromCharCode(code);
          this.pos += 4;
        } else throw new NotFast();
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) throw new NotFast();
      buf += ch;
      this.pos++;
    }
    if (buf || parts.length === 0) parts.push(buf);
    if (parts.length === 1 && typeof parts[0] === "string") return { t: "lit", value: parts[0] };
    return { t: "interp", parts };
  }
}

function dumpKey(k: string | number): string {
  return typeof k === "string" ? JSON.stringify(k) : String(k);
}

function indexValue(v: unknown, step: { key: string } | { index: number }): unknown {
  if ("key" in step) {
    if (v === null) return null;
    if (typeof v === "object" && !Array.isArray(v)) {
      return Object.prototype.hasOwnProperty.call(v, step.key) ? (v as Record<string, unknown>)[step.key] : null;
    }
    throw new JqRuntimeError(`Cannot index ${jqType(v)} with string (${dumpKey(step.key)})`);
  }
  if (v === null) return null;
  if (Array.isArray(v)) {
    const i = step.index < 0 ? v.length + step.index : step.index;
    return i >= 0 && i < v.length ? v[i] : null;
  }
  throw new JqRuntimeError(`Cannot index ${jqType(v)} with number (${dumpKey(step.index)})`);
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

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && jsonEqual((a as Record<string, unknown>)[k], rb[k]));
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
  if (v === null) throw new JqRuntimeError("Cannot iterate over null (null)");
  throw NEEDS_JQ; // jq's message shows the value, truncated its own way
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
