import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JqEngine } from "@/lib/jq";
import { createNodeJqPool } from "@/lib/jq/server";
import { lint, lintConfig } from "./lint";
import { parsePortAppConfig } from "./parse";

function config(selector: string, mappings = "          identifier: .id\n          blueprint: '\"entra-id-user\"'\n", kind = "/users") {
  const parsed = parsePortAppConfig(`resources:
  - kind: ${kind}
    selector:
      query: 'true'
      data_path: .value
${selector}
    port:
      entity:
        mappings:
${mappings}`);
  if (!parsed.config) throw new Error(JSON.stringify(parsed.issues));
  return parsed;
}
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe("lintConfig (static, Graph-specific)", () => {
  it("a field Graph does not return by default and $select lacks", () => {
    const p = config('      query_params: {$top: "999"}', "          identifier: .id\n          blueprint: '\"u\"'\n          properties:\n            dept: .department\n            mail: .mail\n");
    const f = lintConfig(p.config!, { source: p.source });
    expect(codes(f)).toEqual(["field_not_returned_by_default"]);
    expect(f[0]!.message).toContain(".department");
    const selected = config('      query_params: {$top: "999", $select: "id,mail"}', "          identifier: .id\n          blueprint: '\"u\"'\n          properties:\n            dept: .department\n");
    expect(lintConfig(selected.config!, { source: selected.source })).toMatchObject([{ code: "field_not_selected", location: { path: "resources[0].selector.query_params.$select", line: 6 } }]);
  });

  it("$expand of members (20-object cap) points to membership entities", () => {
    const p = config('      query_params: {$top: "999", $expand: "members($select=id)"}', undefined, "/groups");
    const f = lintConfig(p.config!);
    expect(codes(f)).toEqual(["expand_member_cap"]);
    expect(f[0]!.hint).toContain("/groups/{group_id}/members");
  });

  it("signInActivity: licence, permission, 120 per page", () => {
    const p = config('      query_params: {$top: "999", $select: "id,signInActivity"}', "          identifier: .id\n          blueprint: '\"u\"'\n          properties:\n            last: .signInActivity.lastSignInDateTime\n");
    const f = lintConfig(p.config!);
    expect(codes(f)).toEqual(["sign_in_activity"]);
    expect(f[0]!.message).toMatch(/P1\/P2.*AuditLog\.Read\.All.*120/);
  });

  it("paginationType skip_token is not a value", () => {
    const p = config('      query_params: {$top: "999"}');
    expect(lintConfig(p.config!, { integration: { paginationType: "skip_token" } })).toMatchObject([{ code: "pagination_skip_token", severity: "error" }]);
    expect(lintConfig(p.config!, { integration: { paginationType: "next_link" } })).toEqual([]);
  });

  it("$count, $search and advanced $filter need ConsistencyLevel: eventual", () => {
    for (const qp of ['$count: "true"', '$search: \'"displayName:Web"\'', "$filter: \"userType ne 'Guest'\""]) {
      const p = config(`      query_params: {$top: "999", ${qp}}`);
      expect(codes(lintConfig(p.config!))).toEqual(["advanced_query_header"]);
      const ok = config(`      query_params: {$top: "999", ${qp}}\n      headers: {ConsistencyLevel: eventual}`);
      expect(lintConfig(ok.config!)).toEqual([]);
    }
  });

  it("$top outside 1..999, and a missing $top", () => {
    for (const top of ['"1000"', '"0"', '"abc"']) expect(codes(lintConfig(config(`      query_params: {$top: ${top}}`).config!))).toEqual(["top_out_of_range"]);
    expect(lintConfig(config("      method: GET").config!)).toMatchObject([{ code: "top_missing", severity: "info" }]);
  });
});

describe("lint with samples and blueprints", () => {
  let engine: JqEngine;
  beforeAll(() => {
    engine = createNodeJqPool({ size: 1 });
  });
  afterAll(async () => {
    await engine.close();
  });
  const blueprint = {
    identifier: "entra-id-user",
    title: "User",
    schema: {
      properties: { enabled: { type: "boolean" }, created: { type: "string", format: "date-time" }, mail: { type: "string", format: "email" }, name: { type: "string" } },
      required: ["name"],
    },
  };
  it("finds duplicate identifiers, type mismatches and required nulls", async () => {
    const p = config(
      '      query_params: {$top: "999", $select: "id,accountEnabled,createdDateTime,mail,displayName"}',
      "          identifier: .id\n          blueprint: '\"entra-id-user\"'\n          properties:\n            enabled: .accountEnabled\n            created: .createdDateTime\n            mail: .mail\n            name: .displayName\n",
    );
    const samples = {
      "/users": [
        { value: [{ id: "1", accountEnabled: "yes", createdDateTime: "2024-01-01T00:00:00Z", mail: "not-an-email", displayName: "A" }, { id: "1", accountEnabled: true, createdDateTime: "yesterday", mail: null, displayName: null }] },
      ],
    };
    const f = await lint(p.config!, { source: p.source, samples, blueprints: [blueprint], engine });
    expect(codes(f).sort()).toEqual(["duplicate_identifier", "property_type_mismatch", "property_type_mismatch", "property_type_mismatch", "required_property_null"]);
    expect(f.find((x) => x.code === "property_type_mismatch" && x.message.includes("enabled"))!.message).toContain("must be a boolean");
    expect(f.find((x) => x.message.includes("created"))!.message).toContain("must be an ISO 8601 date-time");
  });
});
