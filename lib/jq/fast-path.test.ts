import { loadJq } from "jq-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { compileFastPath, EMPTY, JqRuntimeError, NEEDS_JQ } from "./fast-path";
import { buildPageProgram, decodeOutcome, type FieldOutcome } from "./program";

function fast(expr: string, input: unknown): FieldOutcome | "needs-jq" {
  const f = compileFastPath(expr);
  if (!f) throw new Error(`not fast: ${expr}`);
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
  it.each([".a and .b", "(.a, .b) // 1", "(.a[]) == 1", '"\\(.a[])"', "any(.a; .b[])", '.x | index("y")', ".a |= 1", "[.a[]][0]", "length(1)", "join(.a)", "-1", ".a + 1", "..", ".a # c", ".a ?// .b", "if . then 1 else 2 end", '.a as $x | $x', ".a[1:]", "$__loc__", "1.", "1e1000", ".a //= 1", '.a == .b == .c', '"\\q"'])("%s goes to jq", (e) => {
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
});
