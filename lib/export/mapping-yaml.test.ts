import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parsePortAppConfig, type PortAppConfig } from "../mapping";
import { seedConfigYaml } from "../mapping/seed";
import { DOCUMENTATION_MAPPING_YAML } from "./fixtures/documentation-page";
import { mappingObject, mappingYaml } from "./mapping-yaml";

const modelOf = (text: string): PortAppConfig => {
  const parsed = parsePortAppConfig(text);
  expect(parsed.issues).toEqual([]);
  return parsed.config!;
};

/** jq texts that YAML would turn into something else if written plain. */
const HOSTILE_JQ = [
  '"entra-id-user"',
  "true",
  "999",
  "null",
  "# not a comment",
  ".a: .b",
  "- .x",
  "'single'",
  '."@odata.type" == "#microsoft.graph.user"',
  '"\\(.__group_id)-\\(.id)"',
  "[.members[]?.id] | map(select(. != null))",
  "{a: .b}",
  "trailing space ",
  " leading space",
  "line one\nline two",
  "ends with newlines\n\n",
  "tab\there",
  "crlf\r\nline",
  "unicode ✓ 名前",
  "",
];

describe("mappingYaml", () => {
  it("parses back to the same model: the seed and the documentation page", () => {
    for (const text of [seedConfigYaml(), DOCUMENTATION_MAPPING_YAML]) {
      const model = modelOf(text);
      expect(modelOf(mappingYaml(model))).toEqual(model);
    }
  });

  it("keeps every jq text byte for byte, whatever YAML would make of it", () => {
    const model = modelOf(seedConfigYaml(["users"]));
    const mappings = model.resources[0]!.port.entity.mappings;
    mappings.properties = Object.fromEntries(HOSTILE_JQ.map((jq, i) => [`p${i}`, jq]));
    mappings.relations = { search: { combinator: '"and"', rules: [{ property: '"$identifier"', operator: '"="', value: "true" }] } };
    model.resources[0]!.selector.query = "false";
    const back = modelOf(mappingYaml(model));
    expect(back).toEqual(model);
    expect(Object.values(back.resources[0]!.port.entity.mappings.properties)).toEqual(HOSTILE_JQ);
  });

  it("quotes constants so YAML keeps them strings", () => {
    const text = mappingYaml(modelOf(seedConfigYaml(["users"])));
    expect(text).toContain(`blueprint: '"entra-id-user"'`);
    expect(text).toContain(`query: 'true'`);
    expect(text).toContain(`$top: '999'`);
  });

  it("writes keys in one order whatever order the model was built in", () => {
    const model = modelOf(seedConfigYaml(["groupMembership"]));
    // Reverse the model's own keys (not the person's property or relation names, whose order is kept).
    const structural = ["kind", "selector", "port", "query", "entity", "mappings", "identifier", "endpoint", "resources"];
    const shuffled = JSON.parse(JSON.stringify(model), (_key, value: unknown) =>
      value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).some((k) => structural.includes(k))
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as PortAppConfig;
    expect(mappingYaml(shuffled)).toBe(mappingYaml(model));
    const resource = parse(mappingYaml(model)).resources[0];
    expect(Object.keys(resource)).toEqual(["kind", "selector", "port"]);
    expect(Object.keys(resource.selector)).toEqual(["query", "data_path", "query_params", "path_parameters"]);
    expect(Object.keys(resource.port.entity.mappings)).toEqual(["identifier", "title", "blueprint", "relations"]);
  });

  it("writes the two flags and leaves Ocean's other defaults out", () => {
    const model = modelOf(seedConfigYaml(["groupMembership"]));
    const plain = mappingObject(model) as { deleteDependentEntities: boolean; resources: { selector: { path_parameters: { group_id: Record<string, unknown> } } }[] };
    expect(plain.deleteDependentEntities).toBe(true);
    expect(plain).toHaveProperty("createMissingRelatedEntities", true);
    // method: GET is Ocean's default: the seed writes it, the export does not, the model is the same.
    expect(plain.resources[0]!.selector.path_parameters.group_id).not.toHaveProperty("method");
    expect(mappingYaml(model)).not.toMatch(/itemsToParseName|properties: \{\}/);
  });
});
