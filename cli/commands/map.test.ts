import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import run, { parseBodies } from "./map";

const dir = mkdtempSync(path.join(tmpdir(), "map-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

const CONFIG = file(
  "config.yml",
  `resources:
  - kind: /users
    selector:
      query: 'true'
      data_path: .value
    port:
      entity:
        mappings:
          identifier: .id
          title: .displayName
          blueprint: '"entra-id-user"'
          icon: '"User"'
          properties:
            mail: .mail
            first: .tags[]
  - kind: /users
    selector:
      query: .userType == "Guest"
      data_path: .value
    port:
      entity:
        mappings:
          identifier: .id
          blueprint: '"guest"'
  - kind: /groups/{group_id}/members
    selector:
      query: 'true'
      data_path: .value
      path_parameters:
        group_id: {endpoint: /groups, data_path: .value, field: .id}
    port:
      entity:
        mappings:
          identifier: '"\\(.__group_id)-\\(.id)"'
          blueprint: '"m"'
`,
);

let out = "";
let err = "";
beforeEach(() => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe("cli map", () => {
  it("applies every resource of the kind to NDJSON pages and prints entities, dropped and diagnostics", async () => {
    const input = file(
      "pages.ndjson",
      `${JSON.stringify({ value: [{ id: "1", displayName: "A", mail: null, tags: ["x"], userType: "Guest" }, { id: null }] })}\n${JSON.stringify({ value: [{ id: "2", userType: "Member" }] })}\n`,
    );
    expect(await run(["--config", CONFIG, "--kind", "/users", "--input", input])).toBe(0);
    const result = JSON.parse(out) as { entities: unknown[]; dropped: { reason: string }[]; diagnostics: { code: string; page?: number; index?: number }[] };
    expect(result.entities).toEqual([
      { identifier: "1", title: "A", blueprint: "entra-id-user", icon: "User", properties: { mail: null, first: "x" }, relations: {} },
      { identifier: "2", title: null, blueprint: "entra-id-user", icon: "User", properties: { mail: null, first: null }, relations: {} },
      { identifier: "1", title: null, blueprint: "guest", properties: {}, relations: {} },
    ]);
    expect(result.dropped.map((d) => d.reason)).toEqual(["missing_identifier", "selector_false", "selector_false"]);
    expect(result.diagnostics.filter((d) => d.code === "jq_error").map((d) => [d.page, d.index])).toEqual([[0, 1], [1, 0]]);
    expect(err).toBe("");
  });

  it("maps every item of a page around one that jq cannot read, which fails alone", async () => {
    // Graph's JSON may carry a lone surrogate escape: legal JSON, refused by jq.
    const users = ["u1", "u2", "u3"].map((id) => `{"id":"${id}","displayName":"${id === "u2" ? "bad\\ud800" : id.toUpperCase()}","userType":"Guest","tags":["t"]}`);
    const input = file("one-bad.json", `{"value":[${users.join(",")}]}`);
    expect(await run(["--config", CONFIG, "--kind", "/users", "--input", input])).toBe(0);
    const result = JSON.parse(out) as { entities: { identifier: string; blueprint: string; title?: string }[]; dropped: { resource: number; index: number; reason: string; message: string }[] };
    expect(result.entities.map((e) => [e.blueprint, e.identifier, e.title ?? null])).toEqual([
      ["entra-id-user", "u1", "U1"],
      ["entra-id-user", "u3", "U3"],
      ["guest", "u1", null],
      ["guest", "u3", null],
    ]);
    // Both resources of the kind drop only that item, at its selector.
    expect(result.dropped.map((d) => [d.resource, d.index, d.reason])).toEqual([
      [0, 1, "selector_error"],
      [1, 1, "selector_error"],
    ]);
    expect(result.dropped[0]!.message).toBe("selector.query failed: jq cannot read this item: Invalid \\uXXXX\\uXXXX surrogate pair escape (a string in it holds a lone UTF-16 surrogate such as \\ud800, which jq refuses)");
    expect(err).toBe("");
  });

  it("injects --param values for nested kinds", async () => {
    const input = file("members.json", JSON.stringify({ value: [{ id: "u1" }] }));
    expect(await run(["--config", CONFIG, "--kind", "/groups/{group_id}/members", "--input", input, "--param", "group_id=g1"])).toBe(0);
    expect((JSON.parse(out) as { entities: { identifier: string }[] }).entities[0]!.identifier).toBe("g1-u1");
  });

  it.each([
    [["--config", CONFIG, "--kind", "/users"], /usage: map/],
    [["--config", "/nonexistent.yml", "--kind", "/users", "--input", CONFIG], /cannot read config/],
    [["--config", CONFIG, "--kind", "/devices", "--input", file("ok.json", "{}")], /no resource of kind \/devices/],
    [["--config", file("bad.yml", "resources: [\n"), "--kind", "/users", "--input", file("ok2.json", "{}")], /bad\.yml: .*line/],
    [["--config", CONFIG, "--kind", "/users", "--input", file("bad.ndjson", '{"value": []}\nnot json\n')], /line 2 is not JSON/],
    [["--config", CONFIG, "--bogus"], /unknown option --bogus/],
  ])("exits 2 with one line on stderr for unusable input %#", async (argv, message) => {
    expect(await run(argv as string[])).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(out).toBe("");
  });

  it("parseBodies reads one JSON body or NDJSON", () => {
    expect(parseBodies('{"a":1}', "x")).toEqual([{ a: 1 }]);
    expect(parseBodies('{"a":1}\n\n{"a":2}\n', "x")).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
