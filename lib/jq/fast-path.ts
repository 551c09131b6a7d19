/**
 * A JavaScript evaluator for the simplest jq expressions, so the common mapping fields
 * (`.id`, `.a.b`, `."@odata.type"`, `.a[0]`, `.x?`, `"literal"`, `true`, `3`,
 * `.displayName // .userPrincipalName`, `.userType == "Guest"`, `"\(.a)-\(.b)"`) skip
 * jq-wasm entirely. Everything else returns `null` from `compileFastPath` and goes to jq.
 *
 * Each supported form yields at most one output, so "first output" is the output.
 * Semantics follow jq 1.8 exactly for these forms (error messages included); where JS
 * and jq could disagree (number formatting inside an interpolation), evaluation throws
 * `NEEDS_JQ` and the caller re-runs that one field through jq. The differential test
 * (lib/mapping/differential.test.ts) checks the results against Debian's jq binary.
 */

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

type Step = { key: string } | { index: number } | { try: true };
type Node =
  | { t: "path"; steps: Step[] }
  | { t: "lit"; value: unknown }
  | { t: "alt"; left: Node; right: Node }
  | { t: "eq"; negate: boolean; left: Node; right: Node }
  | { t: "interp"; parts: (string | Node)[] }
  | { t: "empty" };

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

  // Expr := Cmp ('//' Expr)?   (right-associative, lower precedence than ==)
  parseExpr(): Node {
    const left = this.parseCmp();
    this.skipSpace();
    if (this.s.startsWith("//", this.pos)) {
      if (this.s[this.pos + 2] === "=") throw new NotFast(); // `//=` is an update
      this.pos += 2;
      return { t: "alt", left, right: this.parseExpr() };
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
    if (word === "true" || word === "false" || word === "null" || word === "empty") {
      this.pos += word.length;
      this.noPostfix();
      if (word === "empty") return { t: "empty" };
      return { t: "lit", value: word === "true" ? true : word === "false" ? false : null };
    }
    throw new NotFast();
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
          if (!this.eat(")")) throw new NotFast();
          parts.push(inner);
          continue;
        }
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) buf += simple[e];
        else if (e === "u") {
          const hex = this.s.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new NotFast();
          buf += String.fromCharCode(parseInt(hex, 16));
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
      if ("try" in s) continue;
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

/** `tostring` as jq renders it, where JS renders it identically; else NEEDS_JQ. */
function interpolate(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null) return "null";
  if (v === true) return "true";
  if (v === false) return "false";
  if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 1e15 && !Object.is(v, -0)) return String(v);
  throw NEEDS_JQ;
}

function build(node: Node): FastExpr {
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
            out = interpolate(v) + out;
          }
        }
        return out;
      };
    }
  }
}
