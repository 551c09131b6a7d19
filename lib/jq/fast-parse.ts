/**
 * The fast path's parser: jq text to a small syntax tree, for the subset fast-path.ts
 * evaluates. Anything outside that subset (or spelled in a way whose meaning could differ
 * from jq's) makes `parseFastPath` return null, and the expression goes to jq.
 */
import { MAX_FAST_DEPTH, wellFormed } from "./fast-input";

export type Step = { key: string } | { index: number } | { try: true } | { iter: true; opt: boolean };
export type Builtin = "length" | "tostring" | "ascii_downcase" | "ascii_upcase" | "min" | "max" | "not";
const BUILTINS: readonly string[] = ["length", "tostring", "ascii_downcase", "ascii_upcase", "min", "max", "not"];
export type Node =
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
export function isMulti(n: Node): boolean {
  if (n.t === "path") return n.steps.some((s) => "iter" in s);
  if (n.t === "comma") return true;
  if (n.t === "pipe") return isMulti(n.left) || isMulti(n.right);
  return false;
}

class NotFast extends Error {}

/** Array indexes beyond this go to jq (it converts them to a C int its own way). */
const MAX_INDEX = 1e9;

/**
 * A number literal the fast path can treat as a double: only one spelled exactly as JS
 * prints that double (`1`, `1.5`, `0.1`, `1e+21`). jq 1.7+ keeps a literal's spelling
 * (`1.0 | tostring` is "1.0", `1E2` prints as 1E+2) and compares two literals as decimals
 * (`1 == 1.000000000000000000001` is false): with a canonical spelling every one of those
 * agrees with the double; any other spelling (and 1e1000, which JS reads as Infinity) is
 * left to jq.
 */
function canonicalNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || String(value) !== text) throw new NotFast();
  return value;
}

/** The syntax tree of `expr` when it is in the fast subset, else null (use jq). */
export function parseFastPath(expr: string): Node | null {
  // jq reads the program as UTF-8, where a lone surrogate does not survive.
  if (!wellFormed(expr)) return null;
  try {
    const p = new Parser(expr);
    const node = p.parseExpr();
    p.skipSpace();
    return p.atEnd() ? node : null;
  } catch (e) {
    if (e instanceof NotFast) return null;
    throw e;
  }
}

class Parser {
  pos = 0;
  /** Expressions open around the current position: parentheses, brackets, interpolations, `|` and `//` chains. */
  private depth = 0;
  constructor(private readonly s: string) {}

  /** One level deeper; past MAX_FAST_DEPTH the expression is left to jq (the descent recurses per level). */
  private deeper<T>(parse: () => T): T {
    if (++this.depth > MAX_FAST_DEPTH) throw new NotFast();
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

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
    return this.deeper(() => this.parsePipe());
  }

  private parsePipe(): Node {
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
      const right = this.deeper(() => this.parseAlt());
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
      return { t: "lit", value: canonicalNumber(m[0]) };
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
        // A `?` after a `?` is jq's `Term '?'`: a try around the whole path so far, not one step.
        const last = steps[steps.length - 1];
        if (last && ("try" in last || ("iter" in last && last.opt))) throw new NotFast();
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
      const index = canonicalNumber(m[0]);
      if (Math.abs(index) > MAX_INDEX) throw new NotFast(); // jq's own rules for huge indexes
      step = { index };
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
          this.pos += 4;
          if (code >= 0xd800 && code <= 0xdbff) {
            // A pair of escapes is one character; a lone surrogate jq reads its own way.
            const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(this.s.slice(this.pos, this.pos + 6));
            if (!low) throw new NotFast();
            buf += String.fromCharCode(code, parseInt(low[1]!, 16));
            this.pos += 6;
          } else if (code >= 0xdc00 && code <= 0xdfff) {
            throw new NotFast();
          } else buf += String.fromCharCode(code);
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
