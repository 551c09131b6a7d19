/**
 * Building the jq text that the engine runs, and reading jq's answers back.
 *
 * A resource's mapping becomes ONE program applied to a whole page (a JSON array of
 * items): per item, per field, `[value]` for the first output, `0` for no output, or
 * `{"e": error}` for an error. One call per page instead of one per item per field is
 * what makes jq-wasm fast enough (stack-notes.md: ~0.8 ms fixed cost per call).
 * Pure functions only: shared by the browser worker, the Node worker pool and tests.
 */

/**
 * Put in front of every program. Like Ocean (`def env: {}; {} as $ENV`), a mapping never
 * sees the process environment. `halt`/`halt_error` would end the whole page program
 * instead of one field, and `input`/`inputs` would read past the item: they become
 * errors of the field that uses them.
 */
export const PRELUDE = [
  "def env: {};",
  'def halt: error("halt is not allowed in a mapping expression");',
  'def halt_error: error("halt_error is not allowed in a mapping expression");',
  'def halt_error($code): error("halt_error is not allowed in a mapping expression");',
  'def input: error("No more inputs");',
  "def inputs: empty;",
  // First output only, no output, or the error: the three outcomes Ocean distinguishes.
  "def __w(f): try ([limit(1; f)] | if length == 0 then 0 else . end) catch {e: .};",
  "{} as $ENV |",
].join("\n");

/** Lines the prelude occupies: a field's expression starts on the line after it. */
export const PRELUDE_LINES = PRELUDE.split("\n").length;

/** One field's outcome as the page program encodes it. */
export type EncodedOutcome = [unknown] | 0 | { e: unknown };

export type FieldOutcome =
  | { kind: "value"; value: unknown }
  | { kind: "empty" }
  | { kind: "error"; message: string };

export function decodeOutcome(encoded: unknown): FieldOutcome {
  if (Array.isArray(encoded)) return { kind: "value", value: encoded[0] ?? null };
  if (encoded === 0) return { kind: "empty" };
  if (encoded !== null && typeof encoded === "object" && "e" in encoded) {
    const e = (encoded as { e: unknown }).e;
    return { kind: "error", message: errorValueToMessage(e) };
  }
  return { kind: "error", message: `unexpected engine output ${JSON.stringify(encoded)}` };
}

/** jq's `error(x)` may carry any value; a person sees a string. */
export function errorValueToMessage(e: unknown): string {
  if (typeof e === "string") return e;
  if (e === null) return "null (null) not a string";
  return `${JSON.stringify(e)} (not a string)`;
}

/**
 * Wraps one expression so a trailing `# comment` cannot swallow the closing brackets
 * (the blank line also ends a comment that jq 1.8 continues with a trailing backslash).
 * Only expressions that compile on their own reach this (see buildCheckProgram), so an
 * expression cannot close the wrapper early and shift the other fields.
 */
function wrap(expr: string): string {
  return `__w((\n${expr}\n\n))`;
}

/**
 * The page program: input is an array of items; output an array with, per item,
 * `[selector, field0, field1, ...]` when the selector returned exactly `true`, else
 * `[selector]` (fields are not evaluated for items the selector rejects, as in Ocean).
 * Without a selector, per item `[field0, field1, ...]`.
 */
export function buildPageProgram(fields: readonly string[], selector?: string): string {
  const list = fields.map(wrap).join(",\n");
  if (selector === undefined) return `${PRELUDE}\n[.[] | [\n${list}\n]]`;
  const head = `${PRELUDE}\n[.[] | ${wrap(selector)} as $__selector | if $__selector == [true] then [$__selector`;
  return fields.length === 0 ? `${head}] else [$__selector] end]` : `${head},\n${list}\n] else [$__selector] end]`;
}

/**
 * The expression alone after the prelude, exactly what Ocean compiles (`def env: {}; {}
 * as $ENV | ` + expression): run it on CHECK_INPUT, an empty input, so jq compiles it
 * and never runs it (it cannot hang). Checking it inside a wrapper instead would let
 * `.a) | (.b` close the wrapper's brackets and pass. It starts at line CHECK_FIRST_LINE.
 */
export function buildCheckProgram(expr: string): string {
  return `${PRELUDE}\n${expr}`;
}
export const CHECK_INPUT = "";
export const CHECK_FIRST_LINE = PRELUDE_LINES + 1;

export interface JqSyntaxError {
  message: string;
  /** 1-based, inside the expression as written. */
  line?: number;
  column?: number;
}

/**
 * Reads a compile error from jq's stderr, e.g.
 * `jq: error: syntax error, unexpected end of file at <top-level>, line 12, column 4:`,
 * and moves the position back into the expression (which starts at `firstLine`).
 */
export function parseCompileError(stderr: string, firstLine: number): JqSyntaxError {
  const lines = stderr.split("\n").filter((l) => l.startsWith("jq: error"));
  const first = lines[0] ?? stderr.trim();
  const m = /^jq: error: (.*?)(?: at <top-level>, line (\d+)(?:, column (\d+))?:?)?$/.exec(first);
  if (!m) return { message: first.replace(/^jq: error:\s*/, "") };
  const message = m[1] ?? first;
  if (m[2] === undefined) return { message };
  const line = Number(m[2]) - firstLine + 1;
  if (line < 1) return { message };
  return m[3] === undefined ? { message, line } : { message, line, column: Number(m[3]) };
}

/** Whether jq's stderr describes a compile (syntax) error rather than a runtime one. */
export function isCompileError(stderr: string, exitCode: number): boolean {
  return exitCode === 3 || /compile error/.test(stderr);
}

/**
 * Ocean rewrites single-quoted strings to double quotes before compiling, so YAML like
 * `blueprint: '"user"'` and `title: .name // 'none'` both work. Only quote characters
 * in jq code are touched: `"O'Brien"` stays as written, but code inside a string's
 * `\(...)` interpolation is code again, so `"\(.a // 'x')"` is rewritten too (jq has no
 * single-quoted strings: leaving it would only turn it into a syntax error).
 * Inside a single-quoted string a `"` is escaped so the result is one jq string.
 */
export function rewriteSingleQuotes(expr: string): string {
  if (!expr.includes("'")) return expr;
  // One frame per open string and per open interpolation, kept here rather than on the call
  // stack: interpolations nest as deep as the text allows (a mapping holds up to 1 MB).
  const frames: RewriteFrame[] = [{ in: "code", parens: 0, interpolation: false }];
  let out = "";
  let i = 0;
  while (i < expr.length) {
    const frame = frames[frames.length - 1]!;
    const ch = expr[i]!;
    if (frame.in === "string") {
      if (ch === "\\" && expr[i + 1] === "(") {
        out += "\\(";
        i += 2;
        frames.push({ in: "code", parens: 0, interpolation: true });
      } else if (ch === "\\") {
        out += expr.slice(i, i + 2);
        i += 2;
      } else {
        out += ch;
        i++;
        if (ch === '"') frames.pop();
      }
    } else if (ch === '"') {
      out += ch;
      i++;
      frames.push({ in: "string" });
    } else if (ch === "#") {
      const nl = expr.indexOf("\n", i);
      const end = nl === -1 ? expr.length : nl;
      out += expr.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const quoted = singleQuoted(expr, i);
      if (quoted === null) return out + expr.slice(i); // unterminated: let jq report it
      out += quoted.out;
      i = quoted.end;
    } else {
      if (frame.interpolation && ch === "(") frame.parens++;
      out += ch;
      i++;
      // The `)` closing the interpolation: back in its string.
      if (frame.interpolation && ch === ")" && frame.parens-- === 0) frames.pop();
    }
  }
  return out;
}

type RewriteFrame = { in: "string" } | { in: "code"; parens: number; interpolation: boolean };

/** The single-quoted string at `start` as a double-quoted one, or null when it does not end. */
function singleQuoted(expr: string, start: number): { out: string; end: number } | null {
  let body = "";
  let j = start + 1;
  while (j < expr.length && expr[j] !== "'") {
    if (expr[j] === "\\" && j + 1 < expr.length) {
      body += expr.slice(j, j + 2);
      j += 2;
      continue;
    }
    body += expr[j] === '"' ? '\\"' : expr[j];
    j++;
  }
  return j >= expr.length ? null : { out: `"${body}"`, end: j + 1 };
}
