import { describe, expect, it } from "vitest";
import { parsePortAppConfig } from "./parse";

const GOOD = `deleteDependentEntities: true
resources:
  - kind: /users
    selector:
      query: 'true'
      data_path: .value
      query_params:
        $top: 999
    port:
      entity:
        mappings:
          identifier: .id
          title: .displayName
          blueprint: '"entra-id-user"'
          properties:
            mail: .mail
          relations:
            manager:
              combinator: '"and"'
              rules:
                - property: '"$identifier"'
                  operator: '"="'
                  value: .managerId
`;

describe("parsePortAppConfig", () => {
  it("parses every field of the format with Ocean's defaults", () => {
    const r = parsePortAppConfig(GOOD);
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.config).toMatchObject({ deleteDependentEntities: true, createMissingRelatedEntities: true });
    const res = r.config!.resources[0]!;
    expect(res.selector).toMatchObject({ method: "GET", query_params: { $top: 999 } });
    expect(res.port).toMatchObject({ itemsToParseName: "item", itemsToParseTopLevelTransform: true });
    expect(res.port.entity.mappings.relations.manager).toMatchObject({ combinator: '"and"' });
  });

  it("reports unknown keys as warnings with their position, and keeps the config", () => {
    const r = parsePortAppConfig(GOOD.replace("          properties:\n", "          properites:\n            x: .x\n          properties:\n").replace("      data_path:", "      datapath: .x\n      data_path:"));
    expect(r.config).not.toBeNull();
    expect(r.warnings.map((w) => [w.code, w.location?.path, w.location?.line, w.hint])).toEqual([
      ["unknown_key", "resources[0].selector.datapath", 6, 'Did you mean "data_path"?'],
      ["unknown_key", "resources[0].port.entity.mappings.properites", 16, "Known keys: identifier, title, blueprint, icon, team, properties, relations."],
    ]);
  });

  it("rejects bad YAML with line and column", () => {
    const r = parsePortAppConfig("resources:\n  - kind: /users\n    selector: {query: 'true'\n");
    expect(r.config).toBeNull();
    expect(r.issues[0]).toMatchObject({ code: "yaml_syntax", severity: "error" });
    expect(r.issues[0]!.location?.line).toBeGreaterThan(0);
  });

  it("rejects wrong types and missing fields with the path and position", () => {
    const r = parsePortAppConfig(GOOD.replace("deleteDependentEntities: true", "deleteDependentEntities: maybe").replace("          identifier: .id\n", ""));
    expect(r.config).toBeNull();
    const paths = r.issues.map((i) => i.location?.path);
    expect(paths).toContain("deleteDependentEntities");
    expect(paths).toContain("resources[0].port.entity.mappings.identifier");
    expect(r.issues.find((i) => i.location?.path === "deleteDependentEntities")?.location).toMatchObject({ line: 1, column: 26 });
  });

  it("explains an unquoted YAML boolean selector (Ocean compiles it as True)", () => {
    const r = parsePortAppConfig(GOOD.replace("query: 'true'", "query: true"));
    expect(r.issues[0]).toMatchObject({ code: "selector_not_string", location: { path: "resources[0].selector.query", line: 5 } });
    expect(r.issues[0]!.message).toContain('"True"');
  });

  it("reports a YAML alias bomb as a problem of the config instead of throwing", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const r = parsePortAppConfig(`${levels.join("\n")}\nresources: []\n`);
    expect(r.config).toBeNull();
    expect(r.issues.map((i) => i.code)).toEqual(["yaml_aliases"]);
  });

  it("checks kinds: a path, not a URL; {param} defined; one parameter only", () => {
    const url = parsePortAppConfig(GOOD.replace("kind: /users", "kind: https://graph.microsoft.com/v1.0/users"));
    expect(url.issues.map((i) => i.code)).toEqual(["kind_not_path"]);
    // Whatever the Graph client would refuse at run time is refused here too.
    for (const kind of ["https:evil.com/x", "'/\\evil.com/users'", "/users/../../beta/users", "/users%2fx"]) {
      const r = parsePortAppConfig(GOOD.replace("kind: /users", `kind: ${kind}`));
      expect(r.issues.map((i) => i.code), kind).toEqual(["kind_not_path"]);
    }
    const missing = parsePortAppConfig(GOOD.replace("kind: /users", "kind: /groups/{group_id}/members"));
    expect(missing.issues.map((i) => i.code)).toEqual(["path_parameter_missing"]);
    const two = parsePortAppConfig(GOOD.replace("kind: /users", "kind: /a/{x}/b/{y}"));
    expect(two.issues.map((i) => i.code)).toContain("kind_many_parameters");
  });

  it("flags non-string mapping values", () => {
    const r = parsePortAppConfig(GOOD.replace("mail: .mail", "mail: 5"));
    expect(r.issues).toMatchObject([{ code: "mapping_not_string", location: { path: "resources[0].port.entity.mappings.properties.mail", line: 16 } }]);
  });
});
