import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import run from "./infer";

const dir = mkdtempSync(path.join(tmpdir(), "infer-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

let out = "";
let err = "";
beforeEach(() => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const CONTEXT = "https://graph.microsoft.com/v1.0/$metadata#users(id,mail,department)";
const page1 = { "@odata.context": CONTEXT, value: [{ id: "a1b2c3d4-0000-4000-8000-000000000001", mail: "ann@contoso.com", department: "Sales" }], "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$skiptoken=x" };
const page2 = { "@odata.context": CONTEXT, value: [{ id: "a1b2c3d4-0000-4000-8000-000000000002", mail: null }] };

type Output = { items: number; fields: Record<string, unknown>[] };

describe("cli infer", () => {
  it("infers over every item of NDJSON pages and prints exactly the documented keys", async () => {
    const input = file("pages.ndjson", `${JSON.stringify(page1)}\r\n\n${JSON.stringify(page2)}\n`);
    expect(await run(["--input", input])).toBe(0);
    expect(err).toBe("");
    expect(JSON.parse(out)).toEqual({
      items: 2,
      fields: [
        { path: ".department", type: "string", format: null, presence: 0.5, nulls: 0, examples: ["Sales"], inDefaultSet: false },
        { path: ".id", type: "string", format: "uuid", presence: 1, nulls: 0, examples: ["a1b2c3d4-0000-4000-8000-000000000001", "a1b2c3d4-0000-4000-8000-000000000002"], inDefaultSet: true },
        { path: ".mail", type: "string", format: "email", presence: 1, nulls: 0.5, examples: ["ann@contoso.com"], inDefaultSet: true },
      ],
    });
    expect(out.endsWith("}\n")).toBe(true);
  });

  it("reads one pretty-printed response, and --kind overrides @odata.context", async () => {
    const input = file("response.json", JSON.stringify(page1, null, 2));
    expect(await run(["--input", input, "--kind=/applications"])).toBe(0);
    const result = JSON.parse(out) as Output;
    expect(result.items).toBe(1);
    expect(result.fields.map((f) => f.inDefaultSet)).toEqual([true, true, true]);
  });

  it("reads a JSON array of items, whose kind is unknown", async () => {
    const input = file("items.json", JSON.stringify([{ id: 1, tags: [] }, { id: 2.5, tags: ["x"] }], null, 1));
    expect(await run(["--input", input])).toBe(0);
    expect((JSON.parse(out) as Output).fields).toEqual([
      { path: ".id", type: "number", format: null, presence: 1, nulls: 0, examples: [1, 2.5], inDefaultSet: null },
      { path: ".tags", type: "array<string>", format: null, presence: 1, nulls: 0, examples: ["x"], inDefaultSet: null },
    ]);
  });

  it("prints what a limit left out as a note on stderr and still succeeds", async () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 20; i++) deep = { d: deep };
    const input = file("deep.json", JSON.stringify({ value: [deep] }));
    expect(await run(["--input", input])).toBe(0);
    expect((JSON.parse(out) as Output).fields).toHaveLength(8);
    expect(err).toMatch(/^note: 1 value\(s\) nested deeper than 8 levels/);
  });

  it.each([
    [[], /^usage: infer/],
    [["--input"], /--input needs a value/],
    [["--input", "x", "--bogus"], /unknown option --bogus/],
    [["--input", "x", "--kind", "users"], /--kind takes an endpoint path/],
    [["--input", path.join(dir, "missing.json")], /cannot read input .*missing\.json: ENOENT/],
    [["--input", dir], /cannot read input .*: EISDIR/],
    [["--input", file("empty.json", "\n \n")], /holds no JSON/],
    [["--input", file("garbage.json", "{ not json")], /garbage\.json is not JSON/],
    [["--input", file("bad.ndjson", `${JSON.stringify(page1)}\nnot json\n`)], /bad\.ndjson line 2 is not JSON/],
    [["--input", file("scalar.json", "42")], /scalar\.json line 1 is a number, not a Graph response/],
    [["--input", file("value.json", '{"value": {"id": 1}}')], /"value" is an object; a Graph page holds an array there/],
    [["--input", file("error.json", JSON.stringify({ error: { code: "Authorization_RequestDenied", message: "Insufficient privileges" } }, null, 2))], /Graph error response \(Authorization_RequestDenied/],
  ])("exits 2 with one line on stderr for unusable input %#", async (argv, message) => {
    expect(await run(argv as string[])).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(out).toBe("");
  });
});
