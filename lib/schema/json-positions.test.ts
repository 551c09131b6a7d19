import { describe, expect, it } from "vitest";
import { lineIndex, MAX_JSON_DEPTH, scanJson, spanKey } from "./json-positions";

const accepts = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("JSON scanner", () => {
  it("accepts exactly what JSON.parse accepts", () => {
    const corpus = [
      "{}", "[]", " \t\r\n{ } ", "0", "-0", "-0.5e+10", "1E5", "01", "1.", ".5", "+1", "-", "1e", "0x10", "NaN", "Infinity",
      "true", "tru", "null", "nul", "false ", '"a"', '"\\u00e9\\n\\t\\/\\b\\f\\r\\"\\\\"', '"\\x41"', '"\\u12"', '"\\u12G4"', '"tab\there"', '"\u0000"',
      '"unterminated', '"\\"', '{"a":1,}', "[1,]", "[,1]", '{"a" 1}', '{a:1}', "{'a':1}", '{"a":1 "b":2}', '{"a":1}{}', "[1 2]", '{"a":[1,{"b":null}]}',
      "", "   ", "\uFEFF{}", "[[[[]]]]", '{"":""}', '{"a":1,"a":2}', "/* c */ {}", "[1]\n", '["\ud800"]', "[1e999]", "[-]", "[--1]", "[1.2.3]",
    ];
    for (const text of corpus) expect(scanJson(text).ok, JSON.stringify(text)).toBe(accepts(text));
  });

  it("gives the span of every value and member key", () => {
    const text = '{"a": [1, {"b c": "x"}], "n": null}';
    const result = scanJson(text);
    if (!result.ok) throw new Error(result.message);
    const slice = (path: (string | number)[], part: "value" | "key") => {
      const span = result.spans.get(spanKey(path))![part]!;
      return text.slice(span.start, span.end);
    };
    expect(slice([], "value")).toBe(text);
    expect(slice(["a"], "key")).toBe('"a"');
    expect(slice(["a"], "value")).toBe('[1, {"b c": "x"}]');
    expect(slice(["a", 0], "value")).toBe("1");
    expect(slice(["a", 1, "b c"], "key")).toBe('"b c"');
    expect(slice(["a", 1, "b c"], "value")).toBe('"x"');
    expect(slice(["n"], "value")).toBe("null");
    expect(scanJson('{"a":1,"a":2}')).toMatchObject({ ok: true, duplicateKeys: [{ path: ["a"], key: { start: 7, end: 10 } }] });
  });

  it("says where the first syntax error is", () => {
    expect(scanJson('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ ok: false, offset: 13, message: 'expected "," or "}", found "\\""' });
    expect(scanJson('{"a": tru}')).toMatchObject({ ok: false, offset: 6 });
    expect(scanJson("[1,]")).toMatchObject({ ok: false, offset: 3, message: expect.stringContaining("a value is expected") as string });
    expect(scanJson('"abc')).toMatchObject({ ok: false, offset: 0, message: expect.stringContaining("unterminated") as string });
    expect(scanJson("")).toMatchObject({ ok: false, offset: 0, message: expect.stringContaining("end of the text") as string });
  });

  it("scans deep nesting without recursion and refuses text deeper than a blueprint can be", () => {
    const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
    expect(scanJson(deep(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(scanJson(deep(100_000))).toMatchObject({ ok: false, offset: MAX_JSON_DEPTH, message: expect.stringContaining("deeper") as string });
  });

  it("counts lines for \\n, \\r\\n and \\r, columns in UTF-16 units", () => {
    const at = lineIndex("ab\r\ncd\ref\nπx");
    expect([0, 2, 4, 5, 7, 10, 11].map(at)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 2 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });
});
