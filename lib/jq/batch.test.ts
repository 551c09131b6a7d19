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
  it("asks jq once per expression and engine: a second check (a resync, a preview) answers from what jq said", async () => {
    let runs = 0;
    const counting: JqEngine = { ...engine, run: (request) => (runs++, engine.run(request)) };
    const first = [await checkSyntax(counting, ".a | bar(2)"), await checkSyntax(counting, ".ok | length")];
    expect(runs).toBe(2);
    const again = [await checkSyntax(counting, ".a | bar(2)"), await checkSyntax(counting, ".ok | length")];
    expect(runs).toBe(2);
    expect(again).toEqual(first);
    expect(first[0]).toMatchObject({ message: "bar/1 is not defined" });
    expect(first[1]).toBeNull();
  });
  it("does not keep a verdict jq did not give (its worker timed out or crashed): the next check asks again", async () => {
    let runs = 0;
    const flaky: JqEngine = {
      ...engine,
      run: (request) => (++runs === 1 ? Promise.resolve({ ok: false, reason: "timeout", timeoutMs: 1 }) : engine.run(request)),
    };
    expect(await checkSyntax(flaky, ".z")).toEqual({ message: "compiling the expression did not finish" });
    expect(await checkSyntax(flaky, ".z")).toBeNull();
    expect(runs).toBe(2);
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

describe("evaluateBatch: one item jq cannot read does not spoil the others", () => {
  /** The shared engine, counting its runs (the isolation's cost is a number of runs). */
  function counting(): { engine: JqEngine; runs: () => number } {
    let runs = 0;
    return {
      engine: { parallelism: engine.parallelism, run: (r) => (runs++, engine.run(r)), close: async () => undefined },
      runs: () => runs,
    };
  }
  const UNREADABLE = "jq cannot read this item: Invalid \\uXXXX\\uXXXX surrogate pair escape (a string in it holds a lone UTF-16 surrogate such as \\ud800, which jq refuses)";
  const page = (bad: number[]) => Array.from({ length: 200 }, (_, i) => ({ id: `u${i}`, name: bad.includes(i) ? "bad\ud800" : `Name ${i}` }));

  it("isolates the item by splitting its chunk, at a few runs per bad item and none more without one", async () => {
    // Only jq fields: every item goes into the page programs.
    const b = await compileBatch(engine, { fields: ['.id | ltrimstr("u")', '.name | ascii_downcase | ltrimstr("name ")'] });
    expect(b.jqFields).toEqual([0, 1]);
    const clean = counting();
    await evaluateBatch(clean.engine, b, page([]));
    expect(clean.runs()).toBe(2); // one program per worker

    const dirty = counting();
    const rows = await evaluateBatch(dirty.engine, b, page([77, 150]));
    rows.forEach((row, i) => {
      const want = [77, 150].includes(i)
        ? [{ kind: "error", message: UNREADABLE }, { kind: "error", message: UNREADABLE }]
        : [{ kind: "value", value: String(i) }, { kind: "value", value: String(i) }];
      expect({ i, fields: row.fields }).toEqual({ i, fields: want });
    });
    // Each 100-item chunk halves down to its bad item: at most 2·ceil(log2(100)) more runs.
    expect(dirty.runs()).toBeGreaterThan(2);
    expect(dirty.runs()).toBeLessThanOrEqual(2 + 2 * 2 * 7);
  });

  it("with a selector the item fails at the selector (Ocean runs it first); the others are mapped", async () => {
    const b = await compileBatch(engine, { fields: [".id", '.name | ltrimstr("Name ")'], selector: ".id | startswith(\"u\")" });
    expect(b.selector!.fast).toBeNull();
    const rows = await evaluateBatch(engine, b, page([3]));
    expect(rows[3]).toEqual({ selector: { kind: "error", message: UNREADABLE } });
    expect(rows[4]).toEqual({ selector: { kind: "value", value: true }, fields: [{ kind: "value", value: "u4" }, { kind: "value", value: "4" }] });
  });

  it("hands an item the fast path would read differently to jq, fast fields included", async () => {
    const b = await compileBatch(engine, { fields: [".a == null", '.a // "x"', ".a | length", ".a | not", ".id"] });
    expect(b.jqFields).toEqual([]);
    const items = JSON.parse('[{"a":1e1000,"id":1},{"a":5,"id":2},{"id":"bad\\ud800"}]') as unknown[];
    const rows = await evaluateBatch(engine, b, items);
    // jq is handed JSON.stringify(item): 1e1000 (Infinity after JSON.parse) is null there.
    expect(rows[0]!.fields!.map((o) => (o.kind === "value" ? o.value : o))).toEqual([true, "x", 0, true, 1]);
    expect(rows[1]!.fields!.map((o) => (o.kind === "value" ? o.value : o))).toEqual([false, 5, 5, false, 2]);
    expect(rows[2]!.fields).toEqual(Array(5).fill({ kind: "error", message: UNREADABLE }));
  });

  it("a page body's data_path still finds the items: the bad one fails later, alone", async () => {
    const b = await compileBatch(engine, { fields: [".value"] });
    const body = { value: page([1]).slice(0, 3) };
    const [asPage] = await evaluateBatch(engine, b, [body], { pageBody: true });
    expect(asPage!.fields![0]).toEqual({ kind: "value", value: body.value });
    // Read as one value, the body is what jq cannot read.
    const [whole] = await evaluateBatch(engine, b, [body]);
    expect(whole!.fields![0]).toEqual({ kind: "error", message: UNREADABLE });
  });

  it("a page body nested past the fast path's depth goes to jq under tostring and ==, which decides (2,000 levels overflowed the fast path's stack)", async () => {
    const b = await compileBatch(engine, { fields: ["tostring", ". == .", ".value | tostring"] });
    expect(b.jqFields).toEqual([]);
    const nested = (depth: number) => `${"[".repeat(depth)}"\u0100"${"]".repeat(depth)}`;
    const evaluate = async (depth: number) => (await evaluateBatch(engine, b, [JSON.parse(`{"value":${nested(depth)}}`)], { pageBody: true, timeoutMs: 20_000 }))[0]!.fields;
    const asText = nested(300).replace("\\u0100", "\u0100");
    expect(await evaluate(300)).toEqual([{ kind: "value", value: `{"value":${asText}}` }, { kind: "value", value: true }, { kind: "value", value: asText }]);
    // jq-wasm's own stack gives out on printing 2,000 levels: its error, not a crash of the server.
    const deepest = await evaluate(2_000);
    expect(deepest).toEqual([{ kind: "error", message: expect.stringMatching(/^jq failed/) }, { kind: "value", value: true }, { kind: "error", message: expect.stringMatching(/^jq failed/) }]);
  });
});
