/**
 * A JSON scanner that knows where everything is: the span of every value and of every
 * member's key, by JSON path, or the offset and reason of the first syntax error. It
 * accepts exactly what JSON.parse accepts (json-positions.test.ts compares them) and
 * walks with an explicit stack, so deeply nested text cannot overflow the call stack.
 * Offsets are UTF-16 code units, as editors count columns.
 */

export type JsonPathSegment = string | number;

export interface Span {
  start: number;
  end: number;
}

export interface NodeSpans {
  value: Span;
  /** The key of an object member (with its quotes). */
  key?: Span;
}

export type ScanResult =
  | { ok: true; spans: Map<string, NodeSpans>; duplicateKeys: { path: JsonPathSegment[]; key: Span }[] }
  | { ok: false; offset: number; message: string };

/** The map key of a JSON path (`["schema","properties",0]`). */
export function spanKey(path: readonly JsonPathSegment[]): string {
  return JSON.stringify(path);
}

interface Container {
  kind: "object" | "array";
  path: JsonPathSegment[];
  key?: Span;
  start: number;
  count: number;
  keys: Set<string>;
}

/** Deeper text is refused: no blueprint nests like this, and paths are copied per level. */
export const MAX_JSON_DEPTH = 512;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

function skipWhitespace(text: string, pos: number): number {
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    pos += 1;
  }
  return pos;
}

/** The offset after the string starting at `pos` (an opening quote). */
function scanString(text: string, pos: number): number {
  for (let i = pos + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) throw new SyntaxProblem(i, "a control character inside a string must be escaped (\\n, \\t, \\u0000)");
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === "u") {
        if (!HEX4.test(text.slice(i + 2, i + 6))) throw new SyntaxProblem(i, "\\u must be followed by four hex digits");
        i += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 1;
      else throw new SyntaxProblem(i, `invalid escape \\${next ?? ""} in a string`);
    }
  }
  throw new SyntaxProblem(pos, "unterminated string: the closing \" is missing");
}

function describeChar(c: string | undefined): string {
  return c === undefined ? "the end of the text" : JSON.stringify(c);
}

export function scanJson(text: string): ScanResult {
  try {
    return scan(text);
  } catch (e) {
    if (e instanceof SyntaxProblem) return { ok: false, offset: e.offset, message: e.message };
    throw e;
  }
}

function scan(text: string): ScanResult {
  const spans = new Map<string, NodeSpans>();
  const duplicateKeys: { path: JsonPathSegment[]; key: Span }[] = [];
  const stack: Container[] = [];
  let pos = 0;
  /** The value the grammar expects next, or null after a complete value. */
  let pending: { path: JsonPathSegment[]; key?: Span } | null = { path: [] };

  const member = (top: Container): { path: JsonPathSegment[]; key: Span } => {
    pos = skipWhitespace(text, pos);
    if (text[pos] !== '"') throw new SyntaxProblem(pos, `expected a property name in double quotes, found ${describeChar(text[pos])}`);
    const end = scanString(text, pos);
    const name = JSON.parse(text.slice(pos, end)) as string;
    const key = { start: pos, end };
    if (top.keys.has(name)) duplicateKeys.push({ path: [...top.path, name], key });
    top.keys.add(name);
    pos = skipWhitespace(text, end);
    if (text[pos] !== ":") throw new SyntaxProblem(pos, `expected ":" after the property name, found ${describeChar(text[pos])}`);
    pos += 1;
    return { path: [...top.path, name], key };
  };
  const close = (top: Container) => {
    stack.pop();
    spans.set(spanKey(top.path), { value: { start: top.start, end: pos }, key: top.key });
  };

  for (;;) {
    if (pending) {
      pos = skipWhitespace(text, pos);
      const c = text[pos];
      const start = pos;
      if (c === "{" || c === "[") {
        if (stack.length >= MAX_JSON_DEPTH) throw new SyntaxProblem(pos, `nested deeper than ${MAX_JSON_DEPTH} levels`);
        const top: Container = { kind: c === "{" ? "object" : "array", path: pending.path, key: pending.key, start, count: 0, keys: new Set() };
        stack.push(top);
        pos = skipWhitespace(text, pos + 1);
        if (text[pos] === (c === "{" ? "}" : "]")) {
          pos += 1;
          close(top);
          pending = null;
        } else pending = top.kind === "object" ? member(top) : { path: [...top.path, 0] };
        continue;
      }
      let end: number;
      if (c === '"') end = scanString(text, pos);
      else if (c === "t" && text.startsWith("true", pos)) end = pos + 4;
      else if (c === "f" && text.startsWith("false", pos)) end = pos + 5;
      else if (c === "n" && text.startsWith("null", pos)) end = pos + 4;
      else {
        NUMBER.lastIndex = pos;
        const match = c === "-" || (c !== undefined && c >= "0" && c <= "9") ? NUMBER.exec(text) : null;
        if (!match) throw new SyntaxProblem(pos, c === undefined ? "unexpected end of the text: a value is missing" : `unexpected ${describeChar(c)}: a value is expected here`);
        end = pos + match[0].length;
      }
      spans.set(spanKey(pending.path), { value: { start, end }, key: pending.key });
      pos = end;
      pending = null;
      continue;
    }
    pos = skipWhitespace(text, pos);
    const top = stack[stack.length - 1];
    if (!top) {
      if (pos < text.length) throw new SyntaxProblem(pos, `unexpected ${describeChar(text[pos])} after the end of the JSON value`);
      return { ok: true, spans, duplicateKeys };
    }
    const closing = top.kind === "object" ? "}" : "]";
    const c = text[pos];
    if (c === ",") {
      pos += 1;
      top.count += 1;
      pending = top.kind === "object" ? member(top) : { path: [...top.path, top.count] };
    } else if (c === closing) {
      pos += 1;
      close(top);
    } else {
      throw new SyntaxProblem(pos, `expected "," or "${closing}", found ${describeChar(c)}`);
    }
  }
}

/** 1-based line and column of offsets in `text`; `\r\n`, `\r` and `\n` end lines, as in the editor. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
