import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JqEngine } from "@/lib/jq";
import { createNodeJqPool } from "@/lib/jq/server";
import { compileResource } from "./compile";
import { createRunState, evaluatePage } from "./evaluate";
import { parsePortAppConfig } from "./parse";

let engine: JqEngine;
beforeAll(() => {
  engine = createNodeJqPool({ size: 1, timeoutMs: 2000 });
});
afterAll(async () => {
  await engine.close();
});

function yaml(mappings: string, selector = "query: 'true'\n      data_path: .value", port = ""): string {
  return `resources:
  - kind: /users
    selector:
      ${selector}
    port:${port}
      entity:
        mappings:
${mappings}`;
}

async function compile(text: string) {
  const parsed = parsePortAppConfig(text);
  if (!parsed.config) throw new Error(JSON.stringify(parsed.issues));
  return compileResource(engine, parsed.config.resources[0]!, { index: 0, source: parsed.source });
}

const BASIC = `          identifier: .id
          title: .displayName // 'no name'
          blueprint: '"entra-id-user"'
          properties:
            mail: .mail
            first: .tags[]
            all: '[.tags[]?]'
            lower: .displayName | ascii_downcase
            none: empty
`;

describe("evaluatePage: Ocean's rules", () => {
  it("spreads data_path, takes the first output, turns errors and no output into reported nulls", async () => {
    const c = await compile(yaml(BASIC));
    const r = await evaluatePage(c, { value: [{ id: "1", displayName: "Ann", tags: ["a", "b"], mail: null }, { id: "2", tags: null }] }, { engine });
    expect(r.items).toBe(2);
    expect(r.entities).toEqual([
      { identifier: "1", title: "Ann", blueprint: "entra-id-user", properties: { mail: null, first: "a", all: ["a", "b"], lower: "ann", none: null }, relations: {} },
      { identifier: "2", title: "no name", blueprint: "entra-id-user", properties: { mail: null, first: null, all: [], lower: null, none: null }, relations: {} },
    ]);
    expect(r.diagnostics.map((d) => [d.index, d.field, d.code, d.severity])).toEqual([
      [0, "properties.none", "jq_no_output", "warning"],
      [1, "properties.first", "jq_error", "error"],
      [1, "properties.lower", "jq_error", "error"],
      [1, "properties.none", "jq_no_output", "warning"],
    ]);
    expect(r.diagnostics[1]).toMatchObject({ message: "properties.first: Cannot iterate over null (null)", location: { path: "resources[0].port.entity.mappings.properties.first", line: 14 } });
    expect(r.failed).toBe(false);
  });

  it("treats a data_path object as one item and a missing one as no items", async () => {
    const c = await compile(yaml(BASIC, "query: 'true'\n      data_path: .user"));
    expect((await evaluatePage(c, { user: { id: "x" } }, { engine })).entities.map((e) => e.identifier)).toEqual(["x"]);
    const missing = await evaluatePage(c, {}, { engine });
    expect(missing.items).toBe(0);
    // Reported, not silent: a misspelt data_path would otherwise just map nothing.
    expect(missing.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([["data_path_no_items", "warning", "data_path .user gave null: no items in this page"]]);
    expect(missing.failed).toBe(false);
    const fails = await evaluatePage(c, { user: "text" }, { engine });
    expect(fails.diagnostics[0]!.code).toBe("data_path_not_list");
    const c2 = await compile(yaml(BASIC, "query: 'true'\n      data_path: .value[]"));
    expect((await evaluatePage(c2, { value: null }, { engine })).failed).toBe(true);
  });

  it("drops entities without identifier or blueprint (Python-falsy) and says why", async () => {
    const c = await compile(yaml("          identifier: .id\n          blueprint: .bp\n"));
    const r = await evaluatePage(c, { value: [{ id: "", bp: "b" }, { id: 0, bp: "b" }, { id: "ok", bp: null }, { id: "ok", bp: "b" }] }, { engine });
    expect(r.entities.map((e) => e.identifier)).toEqual(["ok"]);
    expect(r.dropped.map((d) => [d.index, d.reason])).toEqual([
      [0, "missing_identifier"],
      [1, "missing_identifier"],
      [2, "missing_blueprint"],
    ]);
    expect(r.entities[0]).toEqual({ identifier: "ok", title: null, blueprint: "b", properties: {}, relations: {} });
  });

  it("requires a boolean selector: false skips, anything else is an error of the resource", async () => {
    const c = await compile(yaml(BASIC, "query: .flag\n      data_path: .value"));
    const r = await evaluatePage(c, { value: [{ id: "1", flag: true }, { id: "2", flag: false }, { id: "3", flag: "yes" }, { id: "4" }] }, { engine });
    expect(r.entities.map((e) => e.identifier)).toEqual(["1"]);
    expect(r.dropped.map((d) => [d.index, d.reason])).toEqual([
      [1, "selector_false"],
      [2, "selector_error"],
      [3, "selector_error"],
    ]);
    expect(r.dropped[1]!.message).toBe('selector.query must return a boolean, got "yes"');
    expect(r.failed).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === "selector_not_boolean")).toHaveLength(2);
  });

  it("a selector that does not compile fails the resource, with the error position", async () => {
    const c = await compile(yaml(BASIC, "query: .a ==\n      data_path: .value"));
    const r = await evaluatePage(c, { value: [{ id: "1" }] }, { engine });
    expect(r.failed).toBe(true);
    expect(r.entities).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ code: "jq_syntax", location: { path: "resources[0].selector.query", line: 4, column: 19 } });
  });

  it("reports a field's syntax error once, at its position inside the YAML", async () => {
    const c = await compile(yaml(BASIC.replace("lower: .displayName | ascii_downcase", "lower: '.displayName | ascii_downcase('")));
    const r = await evaluatePage(c, { value: [{ id: "1" }, { id: "2" }] }, { engine });
    const syntax = r.diagnostics.filter((d) => d.code === "jq_syntax");
    expect(syntax).toHaveLength(1);
    expect(syntax[0]).toMatchObject({ field: "properties.lower", location: { path: "resources[0].port.entity.mappings.properties.lower", line: 16 } });
    expect(syntax[0]!.location!.column).toBeGreaterThan(20);
    expect(r.entities).toHaveLength(2);
  });

  it("rewrites single-quoted strings, also inside search-query relations", async () => {
    const c = await compile(
      yaml(`          identifier: .id
          blueprint: "'user'"
          relations:
            manager:
              combinator: "'and'"
              rules:
                - property: "'$identifier'"
                  operator: "'='"
                  value: .managerId
`),
    );
    const r = await evaluatePage(c, { value: [{ id: "1", managerId: "m" }] }, { engine });
    expect(r.entities[0]).toEqual({
      identifier: "1",
      title: null,
      blueprint: "user",
      properties: {},
      relations: { manager: { combinator: "and", rules: [{ property: "$identifier", operator: "=", value: "m" }] } },
    });
  });

  it("itemsToParse: one entity per element, element under .item beside the parent's fields", async () => {
    const c = await compile(
      yaml(
        `          identifier: '"\\(.id)-\\(.item.id)"'
          blueprint: '"membership"'
          properties:
            group: .displayName
            hasMembersKey: has("members")
`,
        "query: .item.type == \"user\"\n      data_path: .value",
        "\n      itemsToParse: .members",
      ),
    );
    const r = await evaluatePage(c, { value: [{ id: "g1", displayName: "G", members: [{ id: "u1", type: "user" }, { id: "d1", type: "device" }] }, { id: "g2", members: null }] }, { engine });
    expect(r.entities).toEqual([{ identifier: "g1-u1", title: null, blueprint: "membership", properties: { group: "G", hasMembersKey: false }, relations: {} }]);
    expect(r.dropped).toEqual([
      { index: 1, reason: "items_to_parse_not_list", message: "itemsToParse .members gave null, not a list" },
      { index: 0, subIndex: 1, reason: "selector_false", message: "selector.query returned false" },
    ]);
  });

  it("injects __<param> for nested endpoints without touching the caller's body", async () => {
    const c = await compile(yaml("          identifier: '\"\\(.__group_id)-\\(.id)\"'\n          blueprint: '\"m\"'\n          relations:\n            group: .__group_id\n            member: .id\n"));
    const body = { value: [{ id: "u1" }] };
    const r = await evaluatePage(c, body, { engine, pathParams: { group_id: "g1" } });
    expect(r.entities[0]).toMatchObject({ identifier: "g1-u1", relations: { group: "g1", member: "u1" } });
    expect(body.value[0]).toEqual({ id: "u1" });
  });

  it("tracks the same (blueprint, identifier) across the pages of one run", async () => {
    const c = await compile(yaml("          identifier: .id\n          blueprint: '\"user\"'\n"));
    const state = createRunState();
    const p1 = await evaluatePage(c, { value: [{ id: "a" }, { id: "b" }, { id: "a" }] }, { engine, state });
    const p2 = await evaluatePage(c, { value: [{ id: "b" }] }, { engine, state });
    expect(p1.diagnostics.map((d) => [d.index, d.code])).toEqual([[2, "duplicate_entity"]]);
    expect(p2.diagnostics[0]!.message).toContain("item 1 of page 1");
    expect(state.duplicates).toBe(2);
    // Port's rule: the entities are all sent; the last one wins.
    expect(p1.entities).toHaveLength(3);
  });

  it("stops a mapping that does not end and keeps the other fields", async () => {
    const c = await compile(yaml("          identifier: .id\n          blueprint: '\"user\"'\n          properties:\n            loop: '[repeat(1)]'\n"));
    const r = await evaluatePage(c, { value: [{ id: "a" }] }, { engine, timeoutMs: 200 });
    expect(r.entities[0]).toMatchObject({ identifier: "a", properties: { loop: null } });
    expect(r.diagnostics[0]).toMatchObject({ field: "properties.loop", code: "jq_error" });
    expect(r.diagnostics[0]!.message).toMatch(/stopped after 200 ms|jq failed/);
  });

  it("one item jq cannot read (a lone surrogate) fails alone; every other item is mapped", async () => {
    const c = await compile(yaml(`${BASIC}            upn: .userPrincipalName | split("@") | .[0]\n`));
    expect(c.batch.jqFields.length).toBe(1); // upn goes through jq: the page program must survive the bad item
    // As the page arrives from Graph: JSON text, where the escape is legal.
    const body = JSON.parse(
      `{"value":[${[0, 1, 2, 3].map((i) => `{"id":"u${i}","displayName":"${i === 2 ? "bad\\ud800" : `User ${i}`}","userPrincipalName":"user${i}@contoso.com","tags":["t"]}`).join(",")}]}`,
    ) as unknown;
    const r = await evaluatePage(c, body, { engine });
    expect(r.entities.map((e) => [e.identifier, e.title, e.properties.upn, e.properties.lower])).toEqual([
      ["u0", "User 0", "user0", "user 0"],
      ["u1", "User 1", "user1", "user 1"],
      ["u3", "User 3", "user3", "user 3"],
    ]);
    // Ocean runs the selector on the item first: that is where jq fails, for this item only.
    const message = "selector.query failed: jq cannot read this item: Invalid \\uXXXX\\uXXXX surrogate pair escape (a string in it holds a lone UTF-16 surrogate such as \\ud800, which jq refuses)";
    expect(r.dropped).toEqual([{ index: 2, reason: "selector_error", message }]);
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => [d.index, d.code, d.message])).toEqual([[2, "selector_error", message]]);
    // A selector error means no deletion in this run (ocean-and-port.md).
    expect(r.failed).toBe(true);
  });
});

