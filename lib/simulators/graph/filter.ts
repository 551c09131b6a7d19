/**
 * A small OData `$filter` parser and evaluator with Graph's split between what works by
 * default (eq, in, startsWith, ge/le/gt/lt, any(), and/or) and what needs advanced mode
 * (ne, not, endsWith: `ConsistencyLevel: eventual` plus `$count=true`).
 */
import { ADVANCED_QUERY_HINT, badRequest, SimError, unsupportedQuery } from "./responses";

export type Literal = string | number | boolean | null;

export type FilterNode =
  | { type: "and" | "or"; left: FilterNode; right: FilterNode }
  | { type: "not"; operand: FilterNode }
  | { type: "compare"; op: "eq" | "ne" | "ge" | "le" | "gt" | "lt"; path: string[]; value: Literal }
  | { type: "in"; path: string[]; values: Literal[] }
  | { type: "fn"; name: "startswith" | "endswith"; path: string[]; value: string }
  | { type: "any"; path: string[]; op: "eq" | "ne" | "startswith"; value: Literal };

type Token = { t: "str"; v: string } | { t: "word"; v: string } | { t: "punct"; v: "(" | ")" | "," | ":" };

function tokenize(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === " " || c === "\t") {
      i++;
    } else if (c === "'") {
      let v = "";
      i++;
      for (;;) {
        if (i >= input.length) throw badRequest(`Invalid filter clause: unterminated string literal in '${input}'.`);
        if (input[i] === "'" && input[i + 1] === "'") { v += "'"; i += 2; continue; }
        if (input[i] === "'") { i++; break; }
        v += input[i++];
      }
      out.push({ t: "str", v });
    } else if (c === "(" || c === ")" || c === "," || c === ":") {
      out.push({ t: "punct", v: c });
      i++;
    } else {
      let v = "";
      while (i < input.length && !" \t(),:'".includes(input[i]!)) v += input[i++];
      // A date-time literal such as 2024-01-01T00:00:00Z contains ':'; glue it back.
      while (/^\d{4}-\d{2}-\d{2}T\d{2}$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) && input[i] === ":") {
        v += ":";
        i++;
        while (i < input.length && !" \t(),'".includes(input[i]!)) v += input[i++];
      }
      out.push({ t: "word", v });
    }
  }
  return out;
}

export interface FilterContext {
  /** Graph type name for messages, e.g. `microsoft.graph.user`. */
  typeName: string;
  isProperty(path: string[]): boolean;
  advanced: boolean;
}

/** Deepest nesting of parentheses and `not` accepted: the parser recurses once per level. */
export const MAX_FILTER_DEPTH = 100;

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[], private readonly ctx: FilterContext, private readonly source: string) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.pos < this.tokens.length) throw this.syntax();
    return node;
  }

  private syntax(): SimError {
    return badRequest(`Invalid filter clause: syntax error at position ${this.pos} in '${this.source}'.`);
  }
  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t?.t === "word" && t.v.toLowerCase() === v;
  }
  private expectPunct(v: string): void {
    const t = this.tokens[this.pos++];
    if (t?.t !== "punct" || t.v !== v) throw this.syntax();
  }
  private needsAdvanced(operator: string): void {
    if (!this.ctx.advanced) throw unsupportedQuery(`Operator '${operator}' is not supported because the required parameters might be missing. ${ADVANCED_QUERY_HINT}`);
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord("or")) {
      this.pos++;
      left = { type: "or", left, right: this.and() };
    }
    return left;
  }
  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord("and")) {
      this.pos++;
      left = { type: "and", left, right: this.unary() };
    }
    return left;
  }
  /** Runs `parse` one nesting level deeper, refusing past MAX_FILTER_DEPTH instead of overflowing the stack. */
  private nested<T>(parse: () => T): T {
    // Called after the opening token was consumed: report that token's position.
    if (++this.depth > MAX_FILTER_DEPTH) {
      throw badRequest(`Invalid filter clause: parentheses and 'not' nest deeper than ${MAX_FILTER_DEPTH} levels at position ${this.pos - 1}.`);
    }
    const node = parse();
    this.depth--;
    return node;
  }

  private unary(): FilterNode {
    if (this.isWord("not")) {
      this.needsAdvanced("not");
      this.pos++;
      return this.nested(() => ({ type: "not", operand: this.unary() }));
    }
    return this.primary();
  }

  private path(raw: string): string[] {
    const path = raw.split("/");
    if (!this.ctx.isProperty(path)) throw badRequest(`Could not find a property named '${path[0]}' on type '${this.ctx.typeName}'.`);
    return path;
  }

  private literal(): Literal {
    const t = this.tokens[this.pos++];
    if (!t) throw this.syntax();
    if (t.t === "str") return t.v;
    if (t.t !== "word") throw this.syntax();
    if (t.v === "true") return true;
    if (t.v === "false") return false;
    if (t.v === "null") return null;
    if (/^-?\d+(\.\d+)?$/.test(t.v)) return Number(t.v);
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(t.v)) return t.v;
    throw this.syntax();
  }

  private primary(): FilterNode {
    const t = this.tokens[this.pos++];
    if (!t) throw this.syntax();
    if (t.t === "punct" && t.v === "(") {
      return this.nested(() => {
        const inner = this.or();
        this.expectPunct(")");
        return inner;
      });
    }
    if (t.t !== "word") throw this.syntax();
    const lower = t.v.toLowerCase();
    if ((lower === "startswith" || lower === "endswith") && this.peek()?.t === "punct") {
      if (lower === "endswith") this.needsAdvanced("endsWith");
      this.expectPunct("(");
      const p = this.tokens[this.pos++];
      if (p?.t !== "word") throw this.syntax();
      const path = this.path(p.v);
      this.expectPunct(",");
      const value = this.literal();
      this.expectPunct(")");
      if (typeof value !== "string") throw badRequest(`Invalid filter clause: ${t.v} expects a string.`);
      return { type: "fn", name: lower, path, value };
    }
    const anyMatch = /^(.+)\/any$/i.exec(t.v);
    if (anyMatch) {
      const path = this.path(anyMatch[1]!);
      this.expectPunct("(");
      const variable = this.tokens[this.pos++];
      if (variable?.t !== "word") throw this.syntax();
      this.expectPunct(":");
      const next = this.tokens[this.pos++];
      let node: FilterNode;
      if (next?.t === "word" && next.v.toLowerCase() === "startswith") {
        this.expectPunct("(");
        this.pos++; // the variable
        this.expectPunct(",");
        const value = this.literal();
        this.expectPunct(")");
        node = { type: "any", path, op: "startswith", value };
      } else {
        if (next?.t !== "word" || next.v !== variable.v) throw this.syntax();
        const op = this.tokens[this.pos++];
        if (op?.t !== "word" || !["eq", "ne"].includes(op.v.toLowerCase())) throw this.syntax();
        if (op.v.toLowerCase() === "ne") this.needsAdvanced("ne");
        node = { type: "any", path, op: op.v.toLowerCase() as "eq" | "ne", value: this.literal() };
      }
      this.expectPunct(")");
      return node;
    }
    const path = this.path(t.v);
    const op = this.tokens[this.pos++];
    if (op?.t !== "word") throw this.syntax();
    const opName = op.v.toLowerCase();
    if (opName === "in") {
      this.expectPunct("(");
      const values: Literal[] = [this.literal()];
      while (this.peek()?.t === "punct" && (this.peek() as { v: string }).v === ",") {
        this.pos++;
        values.push(this.literal());
      }
      this.expectPunct(")");
      return { type: "in", path, values };
    }
    if (!["eq", "ne", "ge", "le", "gt", "lt"].includes(opName)) throw this.syntax();
    if (opName === "ne") this.needsAdvanced("ne");
    const value = this.literal();
    if (opName === "eq" && value === null) this.needsAdvanced("eq null");
    return { type: "compare", op: opName as "eq", path, value };
  }
}

export function parseFilter(source: string, ctx: FilterContext): FilterNode {
  const tokens = tokenize(source);
  if (tokens.length === 0) throw badRequest("Invalid filter clause: the filter is empty.");
  return new Parser(tokens, ctx, source).parse();
}

function read(obj: unknown, path: string[]): unknown {
  let v: unknown = obj;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

const norm = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : v);

function compare(a: unknown, op: string, b: Literal): boolean {
  const x = norm(a ?? null);
  const y = norm(b);
  switch (op) {
    case "eq": return x === y;
    case "ne": return x !== y;
    case "ge": return x !== null && y !== null && (x as string) >= (y as string);
    case "le": return x !== null && y !== null && (x as string) <= (y as string);
    case "gt": return x !== null && y !== null && (x as string) > (y as string);
    case "lt": return x !== null && y !== null && (x as string) < (y as string);
    default: return false;
  }
}

export function evaluateFilter(node: FilterNode, obj: Record<string, unknown>): boolean {
  switch (node.type) {
    case "and": return evaluateFilter(node.left, obj) && evaluateFilter(node.right, obj);
    case "or": return evaluateFilter(node.left, obj) || evaluateFilter(node.right, obj);
    case "not": return !evaluateFilter(node.operand, obj);
    case "compare": return compare(read(obj, node.path), node.op, node.value);
    case "in": return node.values.some((v) => compare(read(obj, node.path), "eq", v));
    case "fn": {
      const v = read(obj, node.path);
      if (typeof v !== "string") return false;
      return node.name === "startswith" ? v.toLowerCase().startsWith(node.value.toLowerCase()) : v.toLowerCase().endsWith(node.value.toLowerCase());
    }
    case "any": {
      const list = read(obj, node.path);
      if (!Array.isArray(list)) return false;
      if (node.op === "startswith") return list.some((v) => typeof v === "string" && typeof node.value === "string" && v.toLowerCase().startsWith(node.value.toLowerCase()));
      const hit = list.some((v) => compare(v, "eq", node.value));
      return node.op === "eq" ? hit : !hit;
    }
  }
}

/** Whether the filter reads a property path starting with `name` (e.g. signInActivity). */
export function filterReads(node: FilterNode, name: string): boolean {
  switch (node.type) {
    case "and":
    case "or": return filterReads(node.left, name) || filterReads(node.right, name);
    case "not": return filterReads(node.operand, name);
    default: return node.path[0] === name;
  }
}
