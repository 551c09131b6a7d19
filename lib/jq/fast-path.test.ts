import { loadJq } from "jq-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { readsBackAlike } from "./fast-input";
import { compileFastPath, EMPTY, JqRuntimeError, NEEDS_JQ } from "./fast-path";
import { buildPageProgram, decodeOutcome, type FieldOutcome } from "./program";

/** The fast path's answer, by evaluateBatch's protocol: screen the item, then run. */
function fast(expr: string, input: unknown): FieldOutcome | "needs-jq" {
  const f = compileFastPath(expr);
  if (!f) throw new Error(`not fast: ${expr}`);
  if (!readsBackAlike(input)) return "needs-jq";
  try {
    const v = f(input);
    return v === EMPTY ? { kind: "empty" } : { kind: "value", value: v };
  } catch (e) {
    if (e === NEEDS_JQ) return "needs-jq";
    if (e instanceof JqRuntimeError) return { kind: "error", message: e.message };
    throw e;
  }
}

describe("compileFastPath: which expressions skip jq", () => {
  it.each([".", ".id", ".a.b.c", '."@odata.type"', '.["x-y"]', ".a[0]", ".a[-1]", ".a?", ".a.b?", ".a?.b", '"lit"', "true", "false", "null", "42", "1.5",
    ".a // .b", '.a // .b // "x"', '.userType == "Guest"', ".a != null", '"\\(.a)-\\(.b)"', "empty", "(.a)", '.a // "x" == "y"',
    ".a[]", "[.a[]?.id]", "[.a[].id]", ".a | .b", "tostring", ".x | length", '(.x // []) | any(. == "Unified")', 'any(.x[]?; . == "v")', '.x | join(",")',
    "[.a[]?.b, .c[]?.d] | min", ".a | max", ".a, .b", "[]", ".a | not", ".a | ascii_downcase", "[.a[] | .b]"])("%s is fast", (e) => {
    expect(compileFastPath(e)).not.toBeNull();
  });
  it.each([".a and .b", "(.a, .b) // 1", "(.a[]) == 1", '"\\(.a[])"', "any(.a; .b[])", '.x | index("y")', ".a |= 1", "[.a[]][0]", "length(1)", "join(.a)", "-1", ".a + 1", "..", ".a # c", ".a ?// .b", "if . then 1 else 2 end", '.a as $x | $x', ".a[1:]", "$__loc__", "1.", "1e1000", ".a //= 1", '.a == .b == .c', '"\\q"',
    // number literals whose spelling jq keeps (1.0 prints as 1.0, 1E2 as 1E+2) or compares as a decimal
    "1.0", "1E2", "1e2", "0.0", "00", ".a == 1.000000000000000000001", ".a == 100000000000000000001", "(.a // 0.0) | tostring", ".[01]", ".[1e2]",
    // `??`: the second `?` is a try around the whole path; lone surrogates do not survive jq's UTF-8
    ".a[]??", ".a.b??", '.["\ud800"]', '"\\udc00"'])("%s goes to jq", (e) => {
    expect(compileFastPath(e)).toBeNull();
  });
});

describe("fast path matches jq-wasm exactly, error messages included", () => {
  let jq: Awaited<ReturnType<typeof loadJq>>;
  beforeAll(async () => {
    jq = await loadJq();
  });
  const inputs: unknown[] = [
    { id: "u1", a: { b: { c: 3 } }, "@odata.type": "#microsoft.graph.user", "x-y": 1, userType: "Guest", arr: [1, 2, 3], n: null, f: false, s: "str" },
    { id: 7, a: [1, 2], b: "B", userType: "Member" },
    { a: "text", b: null },
    null,
    [1, 2],
    "scalar",
    { a: { b: null }, b: false },
    { l: [{ y: 2 }, { y: 1 }, 3, { y: null }], tags: ["Unified", "DynamicMembership"], j: [null, true, 5, "s", -2], neg: -2.5, u: "héllo 😀 A", mixed: [true, null, 3, "b", "A", -1] },
    { l: [5, { y: 2 }], tags: [], a: { b: [1, 2] }, j: [1.5], arr: [{ b: 1 }], mixed: [[1], 2] },
    { l: null, tags: null, a: "AbC", j: [[1]], arr: "xyz" },
    { tags: "text", a: 5, j: { k: "v" }, l: [{ y: "B" }, { y: "a" }] },
    { a: true, arr: [3, 1, 2], l: [{ y: 1 }, "oops"] },
  ];
  const exprs = [".", ".id", ".a.b.c", '."@odata.type"', '.["x-y"]', ".arr[0]", ".arr[-1]", ".arr[9]", ".a[0]", ".a?", ".a.b?", ".a?.b", ".a.b.c?",
    ".a // .b", '.n // .f // "none"', '.userType == "Guest"', ".a != null", '"\\(.id)-\\(.b)"', '"\\(.a)"', "empty", ".missing // empty", ".s.x", ".[0]", ".a == .b", ".b != .a", '"\\(.a)\\(empty)"', '"\\(empty)\\(.a.b)"', ".a[0]?", ".a?.b",
    // pipes, iteration, collection and builtins (each with inputs of every type)
    ".arr[]", ".a[]", ".a[]?", "[.a[]?]", "[.arr[]]", "[.[]?]", "[.a[]?.b]", "[.a[].b]", "[.l[]?.y]", "[.l[].y?]", "[.l[] | .y]", ".l[].y", "[.l[]?.y, .arr[]?]", ".a, .b", "empty, .id",
    "length", ".a | length", ".s | length", ".arr | length", ".f | length", ".n | length", ".neg | length", ".u | length", "(.arr // []) | length",
    "tostring", ".a | tostring", ".arr | tostring", ".u | tostring", ".neg | tostring",
    ".a | ascii_downcase", ".s | ascii_upcase", ".u | ascii_downcase",
    '.arr | join(",")', '.j | join("-")', '.a | join(",")', '.n | join(",")', '.l | join(",")', '.tags | join(", ")',
    '(.tags // []) | any(. == "Unified")', '.tags | any(. == "x")', "any(. == 1)", '.a | any(. == "B")', 'any(.tags[]?; . == "Unified")', "any(.l[]; .y == 2)", "any(.arr[]; . == 1)",
    "[.l[]?.y, .arr[]?] | min", "[.l[]?.y, .arr[]?] | max", ".tags | min", ".mixed | min", ".mixed | max", ".a | min", "[] | min",
    ".f | not", ".n | not", ".s | not", "[]", ".a | .b", ".a | .b | .c"];
  it.each(exprs)("%s", (expr) => {
    let decided = 0;
    for (const input of inputs) {
      const r = jq.raw(JSON.stringify([input]), buildPageProgram([expr]), ["-c"]);
      const expected = decodeOutcome((JSON.parse(r.stdout) as unknown[][])[0]![0]);
      const got = fast(expr, input);
      if (got === "needs-jq") continue; // the evaluator re-runs these through jq
      decided++;
      expect({ input, got }).toEqual({ input, got: expected });
    }
    expect(decided).toBeGreaterThanOrEqual(3); // the fast path itself decided, not only jq
  });
  it("leaves lone surrogate escapes to jq (which rejects them at compile time)", () => {
    expect(compileFastPath('"\\ud800"')).toBeNull();
    expect(fast('"\\u00e9"', null)).toEqual({ kind: "value", value: "é" });
    expect(jq.raw("null", '"\\ud800"', ["-c"]).exitCode).toBe(3);
  });
  it("asks for jq where JS would format a number differently", () => {
    expect(fast('"\\(.x)"', { x: 1.5 })).toBe("needs-jq");
    expect(fast('"\\(.x)"', { x: [1.5] })).toBe("needs-jq");
    expect(fast('"\\(.x)"', { x: [1, "a"] })).toEqual({ kind: "value", value: '[1,"a"]' });
    expect(fast(".x | tostring", { x: { k: "\u007f" } })).toBe("needs-jq");
    expect(fast('.x | join(",")', { x: [1.5] })).toBe("needs-jq");
    expect(fast('"\\(.x)"', { x: 12 })).toEqual({ kind: "value", value: "12" });
  });

  /** jq's outcome on the item as the engine hands it over: JSON.stringify of the parsed value. */
  function viaJq(expr: string, item: unknown): FieldOutcome {
    const r = jq.raw(JSON.stringify([item]), buildPageProgram([expr]), ["-c"]);
    return decodeOutcome((JSON.parse(r.stdout) as unknown[][])[0]![0]);
  }

  it("number literals keep their spelling in jq 1.8: the fast path leaves non-canonical ones to jq", () => {
    const cases: [string, string, unknown][] = [
      ["1.0 | tostring", "null", "1.0"],
      ['"\\(1.0)"', "null", "1.0"],
      ["1E2 | tostring", "null", "1E+2"],
      ["(.a // 0.0) | tostring", "null", "0.0"],
      [".a == 1.000000000000000000001", '{"a":1}', false],
      [".a == 100000000000000000001", '{"a":1e20}', false],
    ];
    for (const [expr, text, expected] of cases) {
      const item = JSON.parse(text) as unknown;
      expect(viaJq(expr, item)).toEqual({ kind: "value", value: expected });
      expect(compileFastPath(expr)).toBeNull();
    }
    // Canonical spellings stay fast and agree with jq.
    for (const [expr, text] of [[".a == 1.5", '{"a":1.50}'], [".a == 100000000000000000000", '{"a":100000000000000000001}'], ["[.a, 0.1] | max", '{"a":0.1}']] as const) {
      const item = JSON.parse(text) as unknown;
      expect(fast(expr, item)).toEqual(viaJq(expr, item));
    }
  });

  it("an input number JSON cannot write back (1e1000, -0) is read by jq, as jq reads it", () => {
    const item = JSON.parse('{"a":1e1000,"z":-0}') as unknown;
    expect(JSON.stringify(item)).toBe('{"a":null,"z":0}'); // what jq is handed
    for (const expr of [".a == null", '.a // "x"', ".a | length", ".a | not", ".z", "[.z] | tostring"]) {
      expect(fast(expr, item)).toBe("needs-jq");
    }
    expect([".a == null", '.a // "x"', ".a | length", ".a | not"].map((e) => viaJq(e, item))).toEqual([
      { kind: "value", value: true },
      { kind: "value", value: "x" },
      { kind: "value", value: 0 },
      { kind: "value", value: true },
    ]);
    // Integers beyond 2^53 lose their digits in JSON.parse, before either path: both read 1e20.
    const big = JSON.parse('{"a":100000000000000000001}') as unknown;
    for (const expr of [".a == 100000000000000000000", ".a", "[.a] | length"]) expect(fast(expr, big)).toEqual(viaJq(expr, big));
    expect(viaJq(".a | tostring", big)).toEqual({ kind: "value", value: "100000000000000000000" });
  });

  it("leaves an item with a lone surrogate to jq, which cannot read it", () => {
    const item = { id: "ok", name: "bad\ud800" };
    expect(fast(".id", item)).toBe("needs-jq");
    expect(jq.raw(JSON.stringify(item), ".", ["-c"]).exitCode).not.toBe(0);
    expect(readsBackAlike({ ok: "pair \ud83d\ude00" })).toBe(true);
    expect(readsBackAlike({ ["k\udc00"]: 1 })).toBe(false);
  });

  it("shortens and escapes keys and values in its messages exactly as jq does", () => {
    const keys = ["a".repeat(27), "a".repeat(28), `${"a".repeat(22)}é`, `${"a".repeat(23)}é`, `${"a".repeat(21)}€x`, `${"a".repeat(20)}😀x`, "del\u007f", `${"a".repeat(22)}\u007fbbbbbbbb`, "\n\t\u0001\"\\/"];
    for (const key of keys) {
      const expr = `.a[${JSON.stringify(key)}]`;
      const got = fast(expr, { a: "text" });
      expect(got).toMatchObject({ kind: "error" });
      expect(got).toEqual(viaJq(expr, { a: "text" }));
    }
    expect(fast('.a["' + "a".repeat(30) + '"]', { a: 1 })).toEqual({ kind: "error", message: 'Cannot index number with string ("aaaaaaaaaaaaaaaaaaaaaaaa...")' });
    for (const value of ["a".repeat(40), "x\u007fy", 12, true]) {
      for (const expr of [".a[]", '.a | join(",")']) expect(fast(expr, { a: value })).toEqual(viaJq(expr, { a: value }));
    }
  });
});

describe("expressions nested past the fast path's depth", () => {
  it("go to jq (null), however deep: parentheses, brackets, interpolations, pipes and // chains (the parser recursed until the stack ran out)", () => {
    const deep = 20_000;
    expect(compileFastPath(`${"(".repeat(deep)}.a${")".repeat(deep)}`)).toBeNull();
    expect(compileFastPath(`${"[".repeat(deep)}.a${"]".repeat(deep)}`)).toBeNull();
    expect(compileFastPath(`${'"\\('.repeat(deep)}.a${')"'.repeat(deep)}`)).toBeNull();
    expect(compileFastPath(Array(deep).fill(".a").join(" | "))).toBeNull();
    expect(compileFastPath(Array(deep).fill(".a").join(" // "))).toBeNull();
  });
  it("within it they stay fast and read the item", () => {
    const f = compileFastPath(`${"(".repeat(200)}.a${")".repeat(200)}`);
    expect(f?.({ a: 7 })).toBe(7);
    expect(compileFastPath(Array(200).fill(".b").join(" // "))?.({ b: "x" })).toBe("x");
  });
});
