/**
 * A jq tokenizer for colouring (not for parsing): field paths, strings, numbers,
 * keywords, function names, variables, operators and comments, as offset ranges of the
 * expression. Anything it does not know is left uncoloured.
 */
export type JqTokenKind = "field" | "string" | "number" | "keyword" | "function" | "variable" | "operator" | "comment";

export interface JqToken {
  start: number;
  end: number;
  kind: JqTokenKind;
}

const KEYWORDS = new Set(["if", "then", "elif", "else", "end", "as", "def", "reduce", "foreach", "try", "catch", "label", "import", "include", "and", "or", "not", "__loc__"]);
const CONSTANTS = new Set(["null", "true", "false"]);

/** End of a string starting at `i` (a quote), past `\(...)` interpolations and escapes. */
function stringEnd(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && s[j] !== '"') {
    if (s[j] === "\\" && s[j + 1] === "(") {
      let depth = 1;
      j += 2;
      while (j < s.length && depth > 0) {
        if (s[j] === "(") depth++;
        else if (s[j] === ")") depth--;
        else if (s[j] === '"') j = stringEnd(s, j) - 1;
        j++;
      }
      continue;
    }
    j += s[j] === "\\" ? 2 : 1;
  }
  return Math.min(s.length, j + 1);
}

export function jqTokens(s: string): JqToken[] {
  const out: JqToken[] = [];
  let i = 0;
  const push = (start: number, end: number, kind: JqTokenKind) => {
    out.push({ start, end, kind });
    i = end;
  };
  while (i < s.length) {
    const ch = s[i]!;
    const rest = s.slice(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "#") {
      const nl = s.indexOf("\n", i);
      push(i, nl === -1 ? s.length : nl, "comment");
      continue;
    }
    if (ch === '"') {
      push(i, stringEnd(s, i), "string");
      continue;
    }
    if (ch === ".") {
      if (s[i + 1] === ".") {
        push(i, i + 2, "field");
        continue;
      }
      const m = /^\.(?:[A-Za-z_][A-Za-z0-9_]*|"(?:[^"\\]|\\.)*")?/.exec(rest)!;
      push(i, i + m[0].length, "field");
      continue;
    }
    if (ch === "$") {
      const m = /^\$(?:__loc__|[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)?)/.exec(rest);
      if (m) {
        push(i, i + m[0].length, "variable");
        continue;
      }
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (number && /\d/.test(ch)) {
      push(i, i + number[0].length, "number");
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)?/.exec(rest)?.[0];
    if (word) {
      const kind: JqTokenKind = KEYWORDS.has(word) ? "keyword" : CONSTANTS.has(word) ? "number" : "function";
      push(i, i + word.length, kind);
      continue;
    }
    const op = /^(?:\/\/=?|\|=|\+=|-=|\*=|\/=|%=|==|!=|<=|>=|\?\/\/|[|,;:<>=+\-*/%?])/.exec(rest)?.[0];
    if (op) {
      push(i, i + op.length, "operator");
      continue;
    }
    i++; // brackets and anything else: uncoloured
  }
  return out;
}
