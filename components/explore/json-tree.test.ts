import { describe, expect, it } from "vitest";
import { childPointer, flattenJson, initialExpanded, summarize, toggled } from "./json-tree";

const page = (n: number) => ({
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users",
  value: Array.from({ length: n }, (_, i) => ({ mail: `u${i}@contoso.com`, displayName: `User ${i}`, id: `id-${i}`, businessPhones: [] })),
  "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$skiptoken=x",
});

describe("the JSON tree's rows", () => {
  it("shows 999 items as 999 one-line rows until one is opened", () => {
    const rows = flattenJson(page(999), initialExpanded());
    // { , @odata.context, "value": [ , 999 items, ], @odata.nextLink, }
    expect(rows).toHaveLength(1 + 1 + 1 + 999 + 1 + 1 + 1);
    const items = rows.filter((r) => r.depth === 2);
    expect(items.every((r) => r.kind === "collapsed" && r.expandable)).toBe(true);
    expect(items[0]!.text).toBe('{ id: "id-0", displayName: "User 0", mail: "u0@contoso.com", businessPhones: [] }');
  });

  it("opens and closes one item by its pointer", () => {
    const value = page(3);
    const open = toggled(initialExpanded(), "/value/1");
    const rows = flattenJson(value, open);
    const inside = rows.filter((r) => r.pointer.startsWith("/value/1/"));
    expect(inside.map((r) => r.key)).toEqual(["mail", "displayName", "id", "businessPhones"]);
    expect(inside.find((r) => r.key === "businessPhones")).toMatchObject({ kind: "collapsed", text: "[]", expandable: false });
    expect(flattenJson(value, toggled(open, "/value/1"))).toHaveLength(flattenJson(value, initialExpanded()).length);
  });

  it("summaries put id and displayName first and stop at the width with …", () => {
    const long = { z: "x".repeat(20), displayName: "Ann", id: "1", a: 1, b: true, c: null, d: { e: 1 }, f: "y".repeat(80) };
    const text = summarize(long, 80);
    expect(text.startsWith('{ id: "1", displayName: "Ann", z: ')).toBe(true);
    expect(text.endsWith(", … }")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(90);
    expect(summarize([1, 2, 3])).toBe("[ 3 items ]");
  });

  it("escapes keys into JSON Pointers so odd keys stay distinct", () => {
    expect(childPointer("", "a/b")).toBe("/a~1b");
    expect(childPointer("", "a~b")).toBe("/a~0b");
    const rows = flattenJson({ "a/b": { x: 1 }, a: { b: { x: 2 } } }, new Set(["", "/a~1b"]));
    expect(rows.filter((r) => r.kind === "leaf").map((r) => r.text)).toEqual(["1"]);
  });

  it("shows a scalar body as one leaf and keeps ids unique", () => {
    expect(flattenJson("plain", initialExpanded())).toEqual([expect.objectContaining({ kind: "leaf", text: '"plain"', depth: 0 })]);
    const rows = flattenJson(page(50), toggled(initialExpanded(), "/value/0"));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});

describe("hostile values", () => {
  it("shows bidi and zero-width characters as escapes and cuts a 1 MB string, saying its length", () => {
    const rows = flattenJson({ "na\u202Eme": "invoice\u202Efdp.exe", zw: "ad\u200Bmin", big: "x".repeat(1_048_576) }, new Set([""]));
    const text = (key: string) => rows.find((r) => r.key === key)?.text;
    expect(text("na\u202Eme")).toBe('"invoice\\u202Efdp.exe"');
    expect(text("zw")).toBe('"ad\\u200Bmin"');
    expect(text("big")).toMatch(/^"x{1999}… \(1,048,578 characters in all\)$/);
    expect(summarize({ "\u202Ekey": "v" })).toBe('{ \\u202Ekey: "v" }');
  });
});
