import { describe, expect, it } from "vitest";
import { lintConfig, parsePortAppConfig, SEED_RESOURCES } from "@/lib/mapping";
import { fixEdits, type FixRequest } from "./lint-fixes";
import { applyEdits } from "./yaml-edits";

/** The Port documentation's Entra ID mapping, as people paste it: defaults only, capped membership. */
const DOCS = `deleteDependentEntities: true
resources:
  # users first
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
          properties:
            department: .department   # often null
            accountEnabled: .accountEnabled
  - kind: /groups
    selector:
      query: 'true'
      data_path: .value
      query_params:
        $top: "999"
        $expand: members($select=id)
    port:
      entity:
        mappings:
          identifier: .id
          title: .displayName
          blueprint: '"entra-id-group"'
          properties:
            description: .description
          relations:
            members: '[.members[].id]'
`;

function fixed(text: string, fix: FixRequest): string {
  const parsed = parsePortAppConfig(text);
  const edits = fixEdits(text, parsed.config!, fix);
  // One edit: Monaco applies a list of edits only when none overlaps.
  expect(edits).toHaveLength(1);
  return applyEdits(text, edits);
}

const codes = (text: string) => {
  const parsed = parsePortAppConfig(text);
  expect(parsed.issues).toEqual([]);
  return lintConfig(parsed.config!, { source: parsed.source }).map((f) => f.code);
};

describe("lint fixes", () => {
  it("fill $select with what the mapping reads, creating query_params where there was none, and keep comments", () => {
    expect(codes(DOCS)).toContain("field_not_returned_by_default");
    const text = fixed(DOCS, { kind: "select", resource: 0 });
    const users = parsePortAppConfig(text).config!.resources[0]!;
    expect(users.selector.query_params).toEqual({ $select: "id,displayName,department,accountEnabled" });
    expect(codes(text)).not.toContain("field_not_returned_by_default");
    expect(text).toContain("# often null");
    expect(text).toContain("# users first");
  });

  it("add to an existing $select without dropping what it listed", () => {
    const text = DOCS.replace("        $top: \"999\"\n", "        $top: \"999\"\n        $select: mailNickname,id\n");
    const after = parsePortAppConfig(fixed(text, { kind: "select", resource: 1 })).config!.resources[1]!;
    expect(after.selector.query_params!.$select).toBe("mailNickname,id,displayName,description,members");
  });

  it("replace the 20-capped $expand with membership entities from /groups/{group_id}/members", () => {
    expect(codes(DOCS)).toContain("expand_member_cap");
    const text = fixed(DOCS, { kind: "membership", resource: 1 });
    const parsed = parsePortAppConfig(text);
    expect(parsed.issues).toEqual([]);
    const [, groups, members] = parsed.config!.resources;
    expect(groups!.selector.query_params).toEqual({ $top: "999" });
    expect(groups!.port.entity.mappings.relations).toEqual({});
    expect(groups!.port.entity.mappings.properties).toEqual({ description: ".description" });
    const seed = parsePortAppConfig(`resources:\n${SEED_RESOURCES.groupMembership}`).config!.resources[0];
    expect(members).toEqual(seed);
    expect(codes(text)).not.toContain("expand_member_cap");
  });

  it("add ConsistencyLevel, $top and next_link; rename a misspelt key; add a kind's slash", () => {
    const advanced = DOCS.replace("        $top: \"999\"\n", "        $top: \"999\"\n        $count: \"true\"\n");
    expect(codes(advanced)).toContain("advanced_query_header");
    expect(codes(fixed(advanced, { kind: "consistency", resource: 1 }))).not.toContain("advanced_query_header");
    expect(parsePortAppConfig(fixed(DOCS, { kind: "top", resource: 0 })).config!.resources[0]!.selector.query_params).toEqual({ $top: "999" });
    const paged = `paginationType: skip_token\n${DOCS}`;
    expect(fixed(paged, { kind: "next_link", resource: null }).split("\n")[0]).toBe("paginationType: next_link");
    const misspelt = DOCS.replace("      data_path: .value\n    port:\n      entity:\n        mappings:\n          identifier: .id\n          title: .displayName\n          blueprint: '\"entra-id-user\"'", "      datapath: .value\n    port:\n      entity:\n        mappings:\n          identifier: .id\n          title: .displayName\n          blueprint: '\"entra-id-user\"'");
    const renamed = fixed(misspelt, { kind: "rename_key", resource: 0, rename: { path: ["resources", 0, "selector"], from: "datapath", to: "data_path" } });
    expect(parsePortAppConfig(renamed).warnings).toEqual([]);
    expect(parsePortAppConfig(fixed(DOCS.replace("kind: /users", "kind: users"), { kind: "kind_slash", resource: 0 })).config!.resources[0]!.kind).toBe("/users");
  });

  it("turn a nested resource writing the group entity once per member into membership entities", () => {
    const text = `resources:
  - kind: /groups/{group_id}/members
    selector:
      query: 'true'
      data_path: .value
      path_parameters:
        group_id: {endpoint: /groups, data_path: .value, field: .id}
    port:
      entity:
        mappings:
          identifier: .__group_id
          blueprint: '"entra-id-group"'
          relations:
            members: .id
`;
    const m = parsePortAppConfig(fixed(text, { kind: "membership_entities", resource: 0 })).config!.resources[0]!.port.entity.mappings;
    expect(m).toMatchObject({ identifier: '"\\(.__group_id)-\\(.id)"', blueprint: '"entra-id-group-membership"', relations: { group: ".__group_id", member: ".id" } });
  });
});
