import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JqEngine } from "@/lib/jq/engine";
import { createInProcessJq } from "@/lib/jq/in-process";
import { FieldAccumulator } from "./accumulator";
import { kindFromContext } from "./graph-samples";
import { createFieldInference, inferFields, type InferredField } from "./infer";

const byPath = (fields: InferredField[]) => Object.fromEntries(fields.map((f) => [f.path, f]));

describe("field inference", () => {
  it("infers paths, types, formats, presence, nulls, examples and the default set from a Graph page", () => {
    const inference = createFieldInference();
    inference.addBody({
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName,accountEnabled,signInActivity,businessPhones)",
      value: [
        {
          id: "4f1c2a4e-8a43-4c36-9a5e-6f1d1f3b2c10",
          displayName: "Adele Vance",
          mail: "adele@contoso.com",
          userPrincipalName: "adele@contoso.onmicrosoft.com",
          accountEnabled: true,
          businessPhones: ["+1 425 555 0109"],
          signInActivity: { lastSignInDateTime: "2025-05-01T10:11:12Z" },
        },
        {
          id: "0b0e7a43-55d1-4ad4-9d0c-3c2f5a4e5a11",
          displayName: null,
          mail: null,
          userPrincipalName: "ann_fabrikam.com#EXT#@contoso.onmicrosoft.com",
          accountEnabled: false,
          businessPhones: [],
          signInActivity: { lastSignInDateTime: null },
        },
        { id: "7d2b9f8e-1c1f-4f55-8a7e-2b3c4d5e6f70", userPrincipalName: "bo@contoso.onmicrosoft.com", businessPhones: [] },
      ],
    });
    const result = inference.result();
    expect(result.items).toBe(3);
    expect(result.kind).toBe("/users");
    expect(result.notes).toEqual([]);
    expect(result.fields.map((f) => f.path)).toEqual([
      ".accountEnabled",
      ".businessPhones",
      ".displayName",
      ".id",
      ".mail",
      ".signInActivity",
      ".signInActivity.lastSignInDateTime",
      ".userPrincipalName",
    ]);
    const f = byPath(result.fields);
    expect(f[".id"]).toMatchObject({ type: "string", format: "uuid", presence: 1, nulls: 0, inDefaultSet: true });
    expect(f[".mail"]).toEqual({ path: ".mail", type: "string", format: "email", presence: 2 / 3, nulls: 1 / 3, examples: ["adele@contoso.com"], inDefaultSet: true });
    // A guest's principal name passes an email pattern, but it is a sign-in name: upn, never email.
    expect(f[".userPrincipalName"]).toMatchObject({ format: "upn", presence: 1, nulls: 0 });
    expect(f[".accountEnabled"]).toMatchObject({ type: "boolean", examples: [true, false], inDefaultSet: false, presence: 2 / 3, nulls: 0 });
    expect(f[".businessPhones"]).toMatchObject({ type: "array<string>", examples: ["+1 425 555 0109"], inDefaultSet: true });
    expect(f[".signInActivity"]).toMatchObject({ type: "object", examples: [], inDefaultSet: false });
    expect(f[".signInActivity.lastSignInDateTime"]).toMatchObject({ type: "string", format: "date-time", presence: 2 / 3, nulls: 1 / 3, inDefaultSet: false });
  });

  it("tells mixed types, numbers and nulls apart", () => {
    const { fields } = inferFields([
      { s: "a", n: 1, f: 1, z: null, arr: ["x"], mix: [1], obj: { a: 1 } },
      { s: 2, n: 2, f: 1.5, z: null, arr: [null], mix: ["y"], obj: [1] },
      { s: null, n: null },
    ]);
    const f = byPath(fields);
    expect(f[".s"]).toMatchObject({ type: "mixed", format: null, examples: ["a", 2], presence: 1, nulls: 1 / 3 });
    expect(f[".n"]!.type).toBe("integer");
    expect(f[".f"]!.type).toBe("number");
    expect(f[".z"]).toMatchObject({ type: "null", presence: 2 / 3, nulls: 2 / 3, examples: [] });
    expect(f[".arr"]!.type).toBe("array<string>");
    expect(f[".mix"]!.type).toBe("array<mixed>");
    expect(f[".obj"]!.type).toBe("mixed");
    expect(f[".obj.a"]).toMatchObject({ type: "integer", presence: 1 / 3 });
  });

  it("types empty arrays, arrays of nulls, empty objects and arrays of arrays", () => {
    const { fields } = inferFields([
      { empty: [], nulls: [null], none: {}, grid: [[1, 2], [3]], deep: [[{ a: "x" }]], creds: [{ end: "2026-01-01T00:00:00Z" }, { end: null }] },
      { empty: [], grid: [[], [4.5]], creds: [{ keyId: "k" }] },
      { creds: [] },
    ]);
    const f = byPath(fields);
    expect(f[".empty"]!.type).toBe("array<unknown>");
    expect(f[".nulls"]!.type).toBe("array<null>");
    expect(f[".none"]).toMatchObject({ type: "object", presence: 1 / 3 });
    expect(fields.some((x) => x.path.startsWith(".none."))).toBe(false);
    expect(f[".grid"]!.type).toBe("array<array>");
    expect(f[".grid[]"]).toMatchObject({ type: "array<number>", examples: [1, 2, 3, 4.5], presence: 2 / 3 });
    expect(f[".deep[]"]!.type).toBe("array<object>");
    expect(f[".deep[][].a"]).toMatchObject({ type: "string", presence: 1 / 3 });
    expect(f[".creds"]!.type).toBe("array<object>");
    // Present in item 1 (one value null, one not) only: an array path is null only if every occurrence is.
    expect(f[".creds[].end"]).toMatchObject({ type: "string", format: "date-time", presence: 1 / 3, nulls: 0 });
    expect(f[".creds[].keyId"]).toMatchObject({ presence: 1 / 3 });
    expect(fields.some((x) => x.path === ".creds[]")).toBe(false);
  });

  it("walks a 1,000-deep object without overflowing the stack and says where the depth limit cut", () => {
    let deep: Record<string, unknown> = { leaf: "bottom" };
    for (let i = 0; i < 1000; i++) deep = { a: deep };
    let deepArray: unknown = ["bottom"];
    for (let i = 0; i < 1000; i++) deepArray = [deepArray];
    const { fields, notes } = inferFields([deep, { list: deepArray }]);
    const aPaths = fields.filter((f) => f.path.startsWith(".a")).map((f) => f.path);
    expect(aPaths).toEqual(Array.from({ length: 8 }, (_, i) => ".a".repeat(i + 1)));
    expect(fields.filter((f) => f.path.startsWith(".list")).map((f) => f.path)).toEqual([".list", ".list[]", ".list[][]", ".list[][][]", ".list[][][][]", ".list[][][][][]", ".list[][][][][][]", ".list[][][][][][][]"]);
    const unbounded = inferFields([deep], { maxDepth: 5000 });
    expect(unbounded.fields).toHaveLength(1001);
    expect(unbounded.fields.at(-1)).toMatchObject({ path: `${".a".repeat(1000)}.leaf`, type: "string", examples: ["bottom"] });
    expect(unbounded.notes).toEqual([]);
    expect(notes).toEqual([
      { code: "depth_limit", count: 2, path: ".a.a.a.a.a.a.a.a", message: expect.stringContaining("deeper than 8 levels") as string },
    ]);
  });

  it("keeps memory to distinct paths and five examples over 5,000 items, and caps distinct paths with a note", () => {
    const accumulator = new FieldAccumulator();
    const item = (i: number) => ({ id: `id-${i}`, n: i, nested: { v: `value ${i}`, tags: [`t${i}`, `u${i}`] } });
    for (let i = 0; i < 100; i++) accumulator.add(item(i));
    const pathsAfter100 = accumulator.pathCount;
    for (let i = 100; i < 5000; i++) accumulator.add(item(i));
    expect(accumulator.items).toBe(5000);
    expect(accumulator.pathCount).toBe(pathsAfter100);
    for (const s of accumulator.summaries()) {
      expect(s.presentItems).toBe(5000);
      expect(s.examples.length).toBeLessThanOrEqual(5);
    }
    expect(accumulator.summaries().find((s) => s.path === ".nested.tags")!.examples).toEqual(["t0", "u0", "t1", "u1", "t2"]);

    const capped = inferFields(
      Array.from({ length: 5000 }, (_, i) => ({ [`key${String(i).padStart(4, "0")}`]: i })),
      { maxPaths: 2000 },
    );
    expect(capped.fields).toHaveLength(2000);
    expect(capped.fields.at(-1)!.path).toBe(".key1999");
    expect(capped.notes).toEqual([{ code: "path_limit", count: 3000, path: ".key2000", message: expect.stringContaining("more than 2000 distinct paths") as string }]);
  });

  it("truncates huge strings in examples without splitting a surrogate pair, and gives them no format", () => {
    const huge = "x".repeat(5_000_000);
    const pair = `${"y".repeat(78)}😀tail`; // the emoji's two code units straddle the cut
    const { fields } = inferFields([{ big: huge, pair, link: `https://example.com/${"p".repeat(5000)}` }]);
    const f = byPath(fields);
    expect(f[".big"]!.examples).toEqual([`${"x".repeat(79)}…`]);
    expect(f[".big"]!.format).toBeNull();
    expect(f[".link"]!.format).toBeNull();
    const cut = f[".pair"]!.examples[0] as string;
    expect(cut).toBe(`${"y".repeat(78)}…`);
    expect(cut.length).toBeLessThanOrEqual(80);
  });

  it("is independent of key order and item order", () => {
    const a = { b: 1, a: { y: "2024-01-01T00:00:00Z", x: [true] } };
    const b = { a: { x: [false], y: null }, b: 2.5, c: "z" };
    expect(JSON.stringify(inferFields([a, b]).fields.map((f) => [f.path, f.type, f.format, f.presence, f.nulls]))).toBe(
      JSON.stringify(inferFields([b, a]).fields.map((f) => [f.path, f.type, f.format, f.presence, f.nulls])),
    );
  });

  it("tells properties Graph returns by default from those it returns only when selected, and unknown kinds", () => {
    const item = { id: "1", department: "Sales", "@odata.type": "#microsoft.graph.user", allowExternalSenders: true, displayName: "G" };
    const users = byPath(inferFields([item], { kind: "/users" }).fields);
    expect([users[".id"]!.inDefaultSet, users[".department"]!.inDefaultSet, users['."@odata.type"']!.inDefaultSet]).toEqual([true, false, true]);
    const groups = byPath(inferFields([item], { kind: "/groups" }).fields);
    expect([groups[".displayName"]!.inDefaultSet, groups[".allowExternalSenders"]!.inDefaultSet]).toEqual([true, false]);
    const members = byPath(inferFields([item], { kind: "/groups/{group_id}/members" }).fields);
    expect(members[".department"]!.inDefaultSet).toBe(false);
    expect(byPath(inferFields([item], { kind: "/applications" }).fields)[".department"]!.inDefaultSet).toBe(true);
    expect(byPath(inferFields([item]).fields)[".department"]!.inDefaultSet).toBeNull();
    expect(byPath(inferFields([item], { kind: "/devices" }).fields)[".id"]!.inDefaultSet).toBeNull();
  });

  it("reads the kind from @odata.context and takes a single entity as one item", () => {
    const base = "https://graph.microsoft.com/v1.0/$metadata#";
    expect(["users", "users(id,displayName)", "groups(id,displayName)/$entity", "directoryObjects(id)", "servicePrincipals/$delta", "Collection(Edm.String)", "", "users/x/y"].map((c) => kindFromContext(base + c))).toEqual([
      "/users",
      "/users",
      "/groups",
      "/directoryObjects",
      "/servicePrincipals",
      null,
      null,
      null,
    ]);
    expect(kindFromContext(undefined)).toBeNull();
    const inference = createFieldInference();
    inference.addBody({ "@odata.context": `${base}groups(id,allowExternalSenders)/$entity`, id: "g1", allowExternalSenders: false });
    inference.addBody({ "@odata.context": `${base}users`, value: [{ id: "ignored kind" }] });
    const result = inference.result();
    expect(result.kind).toBe("/groups");
    expect(result.fields.map((f) => [f.path, f.presence, f.inDefaultSet])).toEqual([
      [".allowExternalSenders", 0.5, false],
      [".id", 1, true],
    ]);
  });

  it("refuses bodies that are not samples, naming where", () => {
    const inference = createFieldInference();
    expect(() => inference.addBody("text", "page 3")).toThrow(/page 3 is a string, not a Graph response/);
    expect(() => inference.addBody({ value: null })).toThrow(/sample 2: "value" is null; a Graph page holds an array there/);
    expect(() => inference.addBody({ error: { code: "Request_UnsupportedQuery", message: "bad" } })).toThrow(/Graph error response \(Request_UnsupportedQuery: bad\)/);
    expect(inference.items).toBe(0);
  });

  it("records items that are not objects at the root path", () => {
    const { fields } = inferFields(["a", "b", null, ["c"]]);
    expect(fields.map((f) => [f.path, f.type, f.presence, f.nulls])).toEqual([[".", "mixed", 1, 0.25]]);
  });
});

describe("paths in jq form", () => {
  let jq: JqEngine;
  beforeAll(async () => {
    jq = await createInProcessJq();
  });
  afterAll(async () => {
    await jq.close();
  });

  const item = {
    "@odata.type": "#microsoft.graph.user",
    "a.b": 1,
    "with space": "s",
    "名前": "Ann",
    'quote"and\\back': true,
    "tab\tkey": 2,
    "1starts": 3,
    nested: { "x-y": { z: "deep" } },
    list: [{ "k k": 4 }],
  };
  const expected: Record<string, unknown> = {
    '."1starts"': 3,
    '."@odata.type"': "#microsoft.graph.user",
    '."a.b"': 1,
    '."quote\\"and\\\\back"': true,
    '."tab\\tkey"': 2,
    '."with space"': "s",
    '."名前"': "Ann",
    ".list": [{ "k k": 4 }],
    '.list[]."k k"': 4,
    ".nested": { "x-y": { z: "deep" } },
    '.nested."x-y"': { z: "deep" },
    '.nested."x-y".z': "deep",
  };

  it("quote keys that are not identifiers, and sort by code units", () => {
    expect(inferFields([item]).fields.map((f) => f.path)).toEqual(Object.keys(expected));
  });

  it("evaluate with jq to the value they describe", async () => {
    for (const field of inferFields([item]).fields) {
      const result = await jq.run({ program: field.path, input: JSON.stringify(item), timeoutMs: 5000 });
      expect(result, field.path).toMatchObject({ ok: true });
      expect(JSON.parse((result as { stdout: string }).stdout), field.path).toEqual(expected[field.path]);
    }
  });

  it("note keys and values with unpaired surrogates, which jq refuses to read", async () => {
    const hostile = { "\ud800lone": "k", ok: "fine", bad: "x\udc00y", pair: "😀" };
    const { fields, notes } = inferFields([hostile]);
    expect(fields.map((f) => f.path)).toEqual(['."\\ud800lone"', ".bad", ".ok", ".pair"]);
    expect(byPath(fields)[".bad"]!.examples).toEqual(["x\udc00y"]);
    expect(notes).toEqual([{ code: "unpaired_surrogate", count: 2, path: '."\\ud800lone"', message: expect.stringContaining("jq") as string }]);
    expect(await jq.run({ program: ".ok", input: JSON.stringify(hostile), timeoutMs: 5000 })).toMatchObject({ ok: false });
  });
});
