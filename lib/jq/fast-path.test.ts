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
    ".a // .b", '.a // .b // "x"', '.userType == "Guest"', ".a != null", '"\\(.a)-\\(.b)"', "empty", "(.a)", '.a // "x" == "y"'])("%s is fast", (e) => {
    expect(compileFastPath(e)).not.toBeNull();
  });
  it.each([".a[]", "[.a[]?.id]", ".a | .b", "tostring", ".a and .b", "-1", ".a + 1", "..", ".a # c", ".a ?// .b", "if . then 1 else 2 end", '.a as $x | $x', ".a[1:]", "$__loc__", "1.", "1e1000", ".a //= 1", '.a == .b == .c', '"\\q"'])("%s goes to jq", (e) => {
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
  ];
  const exprs = [".", ".id", ".a.b.c", '."@odata.type"', '.["x-y"]', ".arr[0]", ".arr[-1]", ".arr[9]", ".a[0]", ".a?", ".a.b?", ".a?.b", ".a.b.c?",
    ".a // .b", '.n // .f // "none"', '.userType == "Guest"', ".a != null", '"\\(.id)-\\(.b)"', '"\\(.a)"', "empty", ".missing // empty", ".s.x", ".[0]", ".a == .b", ".b != .a", '"\\(.a)\\(empty)"', '"\\(empty)\\(.a.b)"', ".a[0]?", ".a?.b"];
  it.each(exprs)("%s", (expr) => {
    for (const input of inputs) {
      const r = jq.raw(JSON.stringify([input]), buildPageProgram([expr]), ["-c"]);
      const expected = decodeOutcome((JSON.parse(r.stdout) as unknown[][])[0]![0]);
      const got = fast(expr, input);
      if (got === "needs-jq") continue; // the evaluator re-runs these through jq
      expect({ input, got }).toEqual({ input, got: expected });
    }
  });
  it("asks for jq where JS would format a number differently", () => {
    expect(fast('"\\(.x)"', { x: 1.5 })).toBe("needs-jq");
    expect(fast('"\\(.x)"', { x: [1] })).toBe("needs-jq");
    expect(fast('"\\(.x)"', { x: 12 })).toEqual({ kind: "value", value: "12" });
  });
});
