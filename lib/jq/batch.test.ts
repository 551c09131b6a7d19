import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSyntax, compileBatch, evaluateBatch } from "./batch";
import type { JqEngine } from "./engine";
import { createNodeJqPool } from "./node-pool";

let engine: JqEngine;
beforeAll(() => {
  engine = createNodeJqPool({ size: 2, timeoutMs: 400 });
});
afterAll(async () => {
  await engine.close();
});

describe("checkSyntax", () => {
  it("reports line and column inside the expression", async () => {
    expect(await checkSyntax(engine, ".a | foo(1)")).toMatchObject({ message: "foo/1 is not defined", line: 1, column: 6 });
    expect(await checkSyntax(engine, ".a |\n  .b |\n  }")).toMatchObject({ line: 3, column: 3 });
    expect(await checkSyntax(engine, ".a |")).toEqual({ message: "syntax error, unexpected end of the expression", line: 1, column: 5 });
    expect(await checkSyntax(engine, ".a // .b")).toBeNull();
  });
  it("compiles each expression alone, so one cannot close the page program's brackets", async () => {
    expect(await checkSyntax(engine, ".a) | (.b")).toMatchObject({ line: 1, column: 3 });
    const b = await compileBatch(engine, { fields: [".a) | (.b", ".x)), ((1", "$__selector", ".id"], selector: "true" });
    expect(b.fields.map((f) => f.syntaxError !== null)).toEqual([true, true, true, false]);
    const rows = await evaluateBatch(engine, b, [{ a: 1, b: 2, id: "i" }]);
    expect(rows[0]!.fields![3]).toEqual({ kind: "value", value: "i" });
  });
  it("a trailing comment, even one jq continues with a backslash, does not swallow the wrapper", async () => {
    const b = await compileBatch(engine, { fields: [".a # note \\", ".id"] });
    expect(b.fields.map((f) => f.syntaxError)).toEqual([null, null]);
    expect(b.jqFields).toEqual([0]);
    const rows = await evaluateBatch(engine, b, [{ a: 1, id: 2 }]);
    expect(rows[0]!.fields).toEqual([{ kind: "value", value: 1 }, { kind: "value", value: 2 }]);
  });
  it("rewrites single quotes inside an interpolation before compiling", async () => {
    const b = await compileBatch(engine, { fields: [`"\\(.a // 'none')"`] });
    expect(b.fields[0]!.syntaxError).toBeNull();
    expect((await evaluateBatch(engine, b, [{}]))[0]!.fields).toEqual([{ kind: "value", value: "none" }]);
  });
  it("never runs the expression, so a non-ending one compiles fine", async () => {
    expect(await checkSyntax(engine, "def f: f; f")).toBeNull();
  });
});

describe("evaluateBatch: first output, no output or error per item and field", () => {
  it("applies Ocean's rule and keeps fast and jq fields apart", async () => {
    const b = await compileBatch(engine, { fields: [".id", ".m[].id", "[.m[]?.id]", "empty", 'error("boom")', "'lit'", ".x |"] });
    expect(b.jqFields).toEqual([4]);
    expect(b.fields[6]!.syntaxError).not.toBeNull();
    const rows = await evaluateBatch(engine, b, [{ id: 1, m: [{ id: "a" }, { id: "b" }] }, { id: 2 }]);
    expect(rows[0]!.fields).toEqual([
      { kind: "value", value: 1 },
      { kind: "value", value: "a" },
      { kind: "value", value: ["a", "b"] },
      { kind: "empty" },
      { kind: "error", message: "boom" },
      { kind: "value", value: "lit" },
      { kind: "error", message: "the expression does not compile" },
    ]);
    expect(rows[1]!.fields![1]).toEqual({ kind: "error", message: "Cannot iterate over null (null)" });
    expect(rows[1]!.fields![2]).toEqual({ kind: "value", value: [] });
  });

  it("evaluates fields only where the selector is exactly true", async () => {
    for (const selector of [".ok", ".ok == true or .ok"]) {
      const b = await compileBatch(engine, { fields: [".id"], selector });
      const rows = await evaluateBatch(engine, b, [{ id: 1, ok: true }, { id: 2, ok: false }, { id: 3, ok: "yes" }, { id: 4 }]);
      expect(rows.map((r) => [r.selector, r.fields?.[0]])).toEqual([
        [{ kind: "value", value: true }, { kind: "value", value: 1 }],
        [{ kind: "value", value: false }, undefined],
        [{ kind: "value", value: selector === ".ok" ? "yes" : true }, selector === ".ok" ? undefined : { kind: "value", value: 3 }],
        [{ kind: "value", value: selector === ".ok" ? null : false }, undefined],
      ]);
    }
  });

  it("re-runs an item through jq when the fast path cannot format a value", async () => {
    const b = await compileBatch(engine, { fields: ['"\\(.n)-\\(.id)"'] });
    expect(b.jqFields).toEqual([]);
    const rows = await evaluateBatch(engine, b, [{ n: 1.5, id: "a" }, { n: 2, id: "b" }]);
    expect(rows.map((r) => r.fields![0])).toEqual([{ kind: "value", value: "1.5-a" }, { kind: "value", value: "2-b" }]);
  });

  it("splits a large page across workers and keeps the order", async () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ id: i, tags: [`t${i}`] }));
    const b = await compileBatch(engine, { fields: [".tags[0]"] });
    const rows = await evaluateBatch(engine, b, items);
    expect(rows.map((r) => r.fields![0])).toEqual(items.map((it) => ({ kind: "value", value: it.tags[0] })));
  });

  it("stops a program that does not end and still gives the other fields their values", async () => {
    const b = await compileBatch(engine, { fields: [".id", "[repeat(1)]", "def f: f; f", ".x | ascii_downcase"] });
    const rows = await evaluateBatch(engine, b, [{ id: 1, x: "A" }], { timeoutMs: 300 });
    const [id, repeat, recursion, lower] = rows[0]!.fields!;
    expect(id).toEqual({ kind: "value", value: 1 });
    expect(lower).toEqual({ kind: "value", value: "a" });
    for (const f of [repeat, recursion]) {
      expect(f).toMatchObject({ kind: "error" });
      expect((f as { message: string }).message).toMatch(/^stopped after 300 ms|^jq failed/);
    }
    // The pool replaced the stopped worker: it still answers.
    const again = await evaluateBatch(engine, b, [{ id: 2, x: "B" }], { timeoutMs: 300 });
    expect(again[0]!.fields![3]).toEqual({ kind: "value", value: "b" });
  });

  it("hides the process environment like Ocean and turns halt into a field error", async () => {
    const b = await compileBatch(engine, { fields: ["env", "$ENV", "halt_error", ".id"] });
    const rows = await evaluateBatch(engine, b, [{ id: 9 }]);
    expect(rows[0]!.fields).toEqual([
      { kind: "value", value: {} },
      { kind: "value", value: {} },
      { kind: "error", message: "halt_error is not allowed in a mapping expression" },
      { kind: "value", value: 9 },
    ]);
  });
});
