import { describe, expect, it } from "vitest";
import { buildPageProgram, decodeOutcome, parseCompileError, PRELUDE_LINES, rewriteSingleQuotes } from "./program";

describe("rewriteSingleQuotes (Ocean rewrites single-quoted strings before compiling)", () => {
  it("turns single-quoted strings into jq strings", () => {
    expect(rewriteSingleQuotes("'entra-id-user'")).toBe('"entra-id-user"');
    expect(rewriteSingleQuotes(".name // 'none'")).toBe('.name // "none"');
  });
  it("escapes double quotes inside and leaves double-quoted strings alone", () => {
    expect(rewriteSingleQuotes(`'say "hi"'`)).toBe(`"say \\"hi\\""`);
    expect(rewriteSingleQuotes(`"O'Brien" + 'x'`)).toBe(`"O'Brien" + "x"`);
  });
  it("rewrites code inside an interpolation (jq has no single-quoted strings there either)", () => {
    expect(rewriteSingleQuotes(`"\\(.a // 'x')"`)).toBe(`"\\(.a // "x")"`);
    expect(rewriteSingleQuotes(`"n: \\((.a + 'b') | ascii_upcase) it's"`)).toBe(`"n: \\((.a + "b") | ascii_upcase) it's"`);
    expect(rewriteSingleQuotes(`"\\("in'ner" + 'y')" + 'z'`)).toBe(`"\\("in'ner" + "y")" + "z"`);
  });
  it("leaves comments and unterminated quotes for jq to report", () => {
    expect(rewriteSingleQuotes(".a # it's fine")).toBe(".a # it's fine");
    expect(rewriteSingleQuotes(".a + 'open")).toBe(".a + 'open");
    expect(rewriteSingleQuotes(`"\\(.a + 'open`)).toBe(`"\\(.a + 'open`);
  });
  it("rewrites inside interpolations nested 100,000 deep (it recursed per level, and the stack ran out)", () => {
    const nest = (inner: string, depth: number) => `${'"\\('.repeat(depth)}${inner}${')"'.repeat(depth)}`;
    expect(rewriteSingleQuotes(nest(".a // 'x'", 100_000))).toBe(nest('.a // "x"', 100_000));
    expect(rewriteSingleQuotes(`${nest("(.a + 'y')", 3)} + 'z'`)).toBe(`${nest('(.a + "y")', 3)} + "z"`);
  });
});

describe("parseCompileError", () => {
  it("moves jq's line into the expression", () => {
    const first = PRELUDE_LINES + 2;
    const e = parseCompileError(`jq: error: syntax error, unexpected INVALID_CHARACTER at <top-level>, line ${first + 1}, column 7:\n    x\njq: 1 compile error`, first);
    expect(e).toEqual({ message: "syntax error, unexpected INVALID_CHARACTER", line: 2, column: 7 });
  });
  it("keeps a message without a position", () => {
    expect(parseCompileError("jq: error: something odd\njq: 1 compile error", 10).message).toBe("something odd");
  });
});

describe("page program encoding", () => {
  it("decodes value, no output and error", () => {
    expect(decodeOutcome([5])).toEqual({ kind: "value", value: 5 });
    expect(decodeOutcome([null])).toEqual({ kind: "value", value: null });
    expect(decodeOutcome(0)).toEqual({ kind: "empty" });
    expect(decodeOutcome({ e: "boom" })).toEqual({ kind: "error", message: "boom" });
    expect(decodeOutcome({ e: { a: 1 } })).toEqual({ kind: "error", message: '{"a":1} (not a string)' });
  });
  it("puts each expression on its own lines so a trailing comment cannot break the program", () => {
    expect(buildPageProgram([".a # note", ".b"])).toContain("__w((\n.a # note\n\n))");
    expect(buildPageProgram([".a"], "true")).toContain("$__selector == [true]");
  });
});
