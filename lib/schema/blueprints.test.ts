import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { JqEngine } from "@/lib/jq/engine";
import { createNodeJqPool } from "@/lib/jq/server";
import { lint, parsePortAppConfig } from "@/lib/mapping";
import { blueprintSchema } from "@/lib/port/schemas";
import { demoRecords } from "@/lib/simulators/graph/data";
import { blueprintRequestSchema, generateBlueprint, portPropertyFor, type PickedField } from "./blueprints";
import { inferFields } from "./infer";
import { mappingExpression, suggestEntityExpressions } from "./mapping-suggestions";
import { blueprintIdentifierForKind, camelIdentifier, titleFromPath } from "./naming";
import { parsePath } from "./paths";

const KINDS = [
  ["/users", "users"],
  ["/groups", "groups"],
  ["/applications", "applications"],
  ["/servicePrincipals", "servicePrincipals"],
] as const;

function pickAll(kind: string, items: Iterable<Record<string, unknown>>): PickedField[] {
  return inferFields(items, { kind }).fields.map(({ path, type, format }) => ({ path, type, format }));
}

describe("blueprint generation", () => {
  it("names blueprints after the resource kind", () => {
    expect(
      ["/users", "/groups", "/applications", "/servicePrincipals", "/groups/{group_id}/members", "/users/delta", "/devices", "/directoryRoles", "/identity/conditionalAccess/policies", "/"].map(
        blueprintIdentifierForKind,
      ),
    ).toEqual([
      "entra-id-user",
      "entra-id-group",
      "entra-id-application",
      "entra-id-service-principal",
      "entra-id-group-membership",
      "entra-id-user",
      "entra-id-device",
      "entra-id-directory-role",
      "entra-id-identity-conditional-access-policy",
      "entra-id-resource",
    ]);
  });

  it("titles and identifies properties from their paths", () => {
    expect(titleFromPath(".signInActivity.lastSignInDateTime")).toBe("Last Sign In Date Time");
    expect(titleFromPath(".signInActivity.lastSignInDateTime", true)).toBe("Sign In Activity Last Sign In Date Time");
    expect(titleFromPath('."@odata.type"')).toBe("Odata Type");
    expect(titleFromPath(".identifierURIs")).toBe("Identifier URIs");
    expect(camelIdentifier(".signInActivity.lastSignInDateTime")).toBe("signInActivityLastSignInDateTime");
    expect(camelIdentifier(".passwordCredentials[].endDateTime")).toBe("passwordCredentialsEndDateTime");
    expect(camelIdentifier('."@odata.type"')).toBe("odataType");
    expect(camelIdentifier(".ID")).toBe("id");
    expect(camelIdentifier('."Café crème"')).toBe("cafeCreme");
  });

  it("maps field types onto Port types, formats and array items", () => {
    const spec = (path: string, type: PickedField["type"], format: PickedField["format"] = null) => portPropertyFor({ path, type, format });
    expect(spec(".createdDateTime", "string", "date-time")).toEqual({ type: "string", format: "date-time" });
    expect(spec(".userPrincipalName", "string", "upn")).toEqual({ type: "string" });
    expect(spec(".count", "integer")).toEqual({ type: "number" });
    expect(spec(".ratio", "number")).toEqual({ type: "number" });
    expect(spec(".accountEnabled", "boolean")).toEqual({ type: "boolean" });
    expect(spec(".signInActivity", "object")).toEqual({ type: "object" });
    expect(spec(".otherMails", "array<string>", "email")).toEqual({ type: "array", items: { type: "string", format: "email" } });
    expect(spec(".appRoles", "array<object>")).toEqual({ type: "array", items: { type: "object" } });
    expect(spec(".grid", "array<array>")).toEqual({ type: "array", items: { type: "array" } });
    expect(spec(".mix", "array<mixed>")).toEqual({ type: "array" });
    expect(spec(".empty", "array<unknown>")).toEqual({ type: "array" });
    expect(spec(".x", "mixed")).toEqual({ type: "string" });
    expect(spec(".z", "null")).toEqual({ type: "string" });
    // A path through an array collects every element: an array of the leaf's type.
    expect(spec(".passwordCredentials[].endDateTime", "string", "date-time")).toEqual({ type: "array", items: { type: "string", format: "date-time" } });
    expect(spec(".a[].tags", "array<string>")).toEqual({ type: "array", items: { type: "array" } });
    expect(spec(".a[].v", "mixed")).toEqual({ type: "array", items: { type: "string" } });
  });

  it("writes mapping expressions that keep every element and never fail on a null array", () => {
    expect(mappingExpression({ path: ".signInActivity.lastSignInDateTime", type: "string" })).toBe(".signInActivity.lastSignInDateTime");
    expect(mappingExpression({ path: ".passwordCredentials[].endDateTime", type: "string" })).toBe("[.passwordCredentials[]?.endDateTime | select(. != null)]");
    expect(mappingExpression({ path: '.grid[][]."a b"', type: "integer" })).toBe('[.grid[]?[]?."a b" | select(. != null)]');
    expect(mappingExpression({ path: ".x", type: "mixed" })).toBe('.x | if . == null or type == "string" then . else tojson end');
    expect(suggestEntityExpressions("/users")).toEqual({ identifier: ".id", title: ".displayName // .userPrincipalName" });
    expect(suggestEntityExpressions("/applications").identifier).toBe(".appId");
    expect(suggestEntityExpressions("/devices", [".deviceId", ".displayName"])).toEqual({ identifier: ".deviceId", title: ".displayName" });
  });

  it("generates a valid, uniquely named blueprint and the mapping that fills it", () => {
    const fields: PickedField[] = [
      { path: ".a_b", type: "string" },
      { path: ".a.b", type: "string" },
      { path: '."名前"', type: "string" },
      { path: '."ラベル"', type: "string" },
      { path: ".x.displayName", type: "string" },
      { path: ".y.displayName", type: "string" },
      { path: ".mail", type: "string", format: "email", title: "E-mail" },
    ];
    const { blueprint, mappings, properties } = generateBlueprint({ kind: "/users", fields, title: ".displayName" });
    expect(blueprintSchema.safeParse(JSON.parse(JSON.stringify(blueprint))).success).toBe(true);
    expect(blueprint).toMatchObject({ identifier: "entra-id-user", title: "Entra ID User", icon: "Microsoft", relations: {} });
    expect(properties.map((p) => p.identifier)).toEqual(["aB", "aB2", "value", "value2", "xDisplayName", "yDisplayName", "mail"]);
    for (const id of Object.keys(blueprint.schema.properties)) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
    expect(Object.values(blueprint.schema.properties).map((p) => p.title)).toEqual(["A B", "B", "名前", "ラベル", "X Display Name", "Y Display Name", "E-mail"]);
    expect(mappings).toEqual({
      identifier: ".id",
      title: ".displayName",
      blueprint: '"entra-id-user"',
      properties: { aB: ".a_b", aB2: ".a.b", value: '."名前"', value2: '."ラベル"', xDisplayName: ".x.displayName", yDisplayName: ".y.displayName", mail: ".mail" },
      relations: {},
    });
  });

  it("validates requests from the Blueprints step", () => {
    expect(blueprintRequestSchema.safeParse({ kind: "/users", fields: [{ path: ".tags", type: "array<string>", format: null }] }).success).toBe(true);
    const bad = blueprintRequestSchema.safeParse({ kind: "/users", fields: [{ path: ".tags", type: "array<text>" }, { path: ".mail", type: "string", format: "mail" }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(["fields.0.type", "fields.1.format"]);
  });

  it("suggests the service principal -> application relation and the complete group membership", () => {
    const sp = generateBlueprint({ kind: "/servicePrincipals", fields: [{ path: ".appId", type: "string", format: "uuid" }] });
    expect(sp.blueprint.relations).toEqual({ application: { target: "entra-id-application", title: "Application", many: false, required: false } });
    expect(sp.mappings.relations).toEqual({ application: ".appId" });
    expect(generateBlueprint({ kind: "/servicePrincipals", fields: [], relations: false }).blueprint.relations).toEqual({});

    const membership = generateBlueprint({ kind: "/groups/{group_id}/members", fields: [] });
    expect(membership.blueprint.identifier).toBe("entra-id-group-membership");
    expect(membership.blueprint.relations).toEqual({
      group: { target: "entra-id-group", title: "Group", many: false, required: false },
      member: { target: "entra-id-user", title: "Member", many: false, required: false },
    });
    expect(membership.mappings).toMatchObject({ identifier: '"\\(.__group_id)-\\(.id)"', relations: { group: ".__group_id", member: ".id" } });
  });

  describe("over the demo tenant", () => {
    let engine: JqEngine;
    beforeAll(() => {
      engine = createNodeJqPool({ size: 1 });
    });
    afterAll(async () => {
      await engine.close();
    });

    it.each(KINDS)("%s: every inferred field, mapped with the suggested expressions, fits the generated blueprint", async (kind, collection) => {
      const items = [...demoRecords(collection, 300)];
      const fields = pickAll(kind, items);
      const generated = generateBlueprint({ kind, fields });
      expect(Object.keys(generated.blueprint.schema.properties)).toHaveLength(fields.length);
      const yaml = stringify({
        resources: [
          {
            kind,
            selector: { query: "true", data_path: ".value", query_params: { $select: [...new Set(fields.map((f) => (parsePath(f.path)![0] as { key: string }).key))].join(",") } },
            port: { entity: { mappings: generated.mappings } },
          },
        ],
      });
      const parsed = parsePortAppConfig(yaml);
      expect(parsed.issues).toEqual([]);
      const findings = await lint(parsed.config!, { source: parsed.source, samples: { [kind]: [{ value: items }] }, blueprints: [generated.blueprint], engine });
      expect(findings.filter((f) => f.code.startsWith("property_") || f.code === "duplicate_identifier")).toEqual([]);
    });
  });
});
