import { describe, expect, it } from "vitest";
import { blueprintTextHash } from "@/lib/builder/blueprint-push";
import { inferFields } from "@/lib/schema";
import { analyseEntries, analyseEntry, editedEntry, problemText } from "./blueprint-entries";
import { creationOrder } from "./creation-order";
import { NODE_HEIGHT, NODE_WIDTH, layoutDiagram } from "./diagram-layout";
import { blueprintText, generateFromPicks, mergeEntries, missingCount, templateEntries, type EndpointPicks } from "./generate";
import { pushOutcomes } from "./push-report";
import { portState, textHash } from "./pushed-state";

const users = inferFields(
  [
    { id: "1", displayName: "Ann", mail: "ann@contoso.com", createdDateTime: "2024-01-02T03:04:05Z", accountEnabled: true },
    { id: "2", displayName: "Bob", mail: null, createdDateTime: "2023-05-06T07:08:09Z", accountEnabled: false },
  ],
  { kind: "/users" },
).fields;
const groups = inferFields([{ id: "g1", displayName: "Sales", groupTypes: ["Unified"] }], { kind: "/groups" }).fields;
const principals = inferFields([{ id: "s1", appId: "a1", displayName: "App" }], { kind: "/servicePrincipals" }).fields;

const picks = (endpoint: string, kind: string, picked: string[], fields: EndpointPicks["fields"]): EndpointPicks => ({ endpoint, kind, picked, identifier: ".id", title: ".displayName", fields });
const parsed = (text: string) => JSON.parse(text) as { identifier: string; schema: { properties: Record<string, { type: string; format?: string }> }; relations: Record<string, { target: string }> };

describe("generating from the picked fields", () => {
  it("makes one blueprint per kind with Port types and formats, pretty-printed with 2 spaces", () => {
    const { entries } = generateFromPicks([picks("/users", "/users", [".mail", ".createdDateTime", ".accountEnabled"], users)]);
    expect(entries.map((e) => e.identifier)).toEqual(["entra-id-user"]);
    const bp = parsed(entries[0]!.text);
    expect(bp.schema.properties).toMatchObject({ mail: { type: "string", format: "email" }, createdDateTime: { type: "string", format: "date-time" }, accountEnabled: { type: "boolean" } });
    expect(entries[0]!.text).toBe(JSON.stringify(JSON.parse(entries[0]!.text), null, 2));
  });

  it("adds complete group membership when the project has users and groups", () => {
    const { entries, notes } = generateFromPicks([picks("/users", "/users", [".mail"], users), picks("/groups", "/groups", [".groupTypes"], groups)]);
    expect(entries.map((e) => e.identifier)).toEqual(["entra-id-user", "entra-id-group", "entra-id-group-membership"]);
    const membership = parsed(entries[2]!.text);
    expect(Object.fromEntries(Object.entries(membership.relations).map(([k, r]) => [k, r.target]))).toEqual({ group: "entra-id-group", member: "entra-id-user" });
    expect(notes.join(" ")).toMatch(/entra-id-group-membership/);
  });

  it("drops a relation whose target is not generated, saying so, and keeps it when it is", () => {
    const alone = generateFromPicks([picks("/servicePrincipals", "/servicePrincipals", [".appId"], principals)]);
    expect(parsed(alone.entries[0]!.text).relations).toEqual({});
    expect(alone.notes).toEqual([expect.stringContaining("relation application left out, there is no entra-id-application blueprint")]);

    const apps = inferFields([{ appId: "a1", displayName: "App" }], { kind: "/applications" }).fields;
    const both = generateFromPicks([picks("/servicePrincipals", "/servicePrincipals", [".appId"], principals), picks("/applications", "/applications", [".displayName"], apps)]);
    expect(parsed(both.entries[0]!.text).relations).toMatchObject({ application: { target: "entra-id-application" } });
  });

  it("merges endpoints of one kind, skips endpoints without picks and picks gone from the sample", () => {
    const members = inferFields([{ id: "u1", displayName: "Ann", mail: "a@b.c" }], { kind: "/groups/{group_id}/members" }).fields;
    const { entries, notes } = generateFromPicks([
      picks("/groups/g1/members", "/groups/{group_id}/members", [".displayName"], members),
      picks("/groups/g2/members", "/groups/{group_id}/members", [".displayName", ".mail", ".gone"], members),
      picks("/devices", "/devices", [], []),
    ]);
    expect(entries.map((e) => e.identifier)).toEqual(["entra-id-group-membership"]);
    expect(Object.keys(parsed(entries[0]!.text).schema.properties)).toEqual(["displayName", "mail"]);
    expect(notes.slice(0, 2)).toEqual(["/groups/g2/members: .gone is no longer in the sample and was left out.", "/devices: no field picked, so no blueprint."]);
    // Without user and group blueprints, the membership's relations have no target.
    expect(notes.slice(2).map((n) => n.split(",")[0])).toEqual(["entra-id-group-membership: relation group left out", "entra-id-group-membership: relation member left out"]);
  });

  it("offers the seed template, and joins a new set by replacing or by adding only the missing", () => {
    const template = templateEntries();
    expect(template.map((e) => e.identifier)).toEqual(["entra-id-user", "entra-id-group", "entra-id-application", "entra-id-service-principal", "entra-id-group-membership"]);
    const mine = [{ identifier: "entra-id-user", text: "{ my edits }" }];
    expect(missingCount(mine, template)).toBe(4);
    const added = mergeEntries(mine, template, "missing");
    expect(added[0]).toEqual(mine[0]);
    expect(added.map((e) => e.identifier)).toEqual(template.map((e) => e.identifier));
    expect(mergeEntries(mine, template, "replace")).toEqual(template);
  });
});

describe("the editor's analysis", () => {
  it("passes a generated blueprint and places a type error on its line", () => {
    const text = templateEntries()[0]!.text;
    expect(analyseEntry(text)).toMatchObject({ errors: 0, blueprint: { identifier: "entra-id-user" } });
    const edited = JSON.parse(text);
    edited.schema.properties.mail.type = "text";
    const broken = blueprintText(edited);
    const analysis = analyseEntry(broken);
    expect(analysis.blueprint).toBeNull();
    expect(analysis.errors).toBeGreaterThan(0);
    const line = broken.split("\n").findIndex((l) => l.includes('"type": "text"')) + 1;
    const problem = analysis.problems.find((p) => p.path === "schema.properties.mail.type")!;
    expect(problem.line).toBe(line);
    expect(problemText(problem)).toMatch(new RegExp(`^line ${line}, column \\d+: schema\\.properties\\.mail\\.type: `));
  });

  it("wants one blueprint per editor and one editor per identifier", () => {
    const one = templateEntries()[1]!.text;
    expect(analyseEntry(`[${one}]`).problems.map((p) => p.message)).toContain("Put one blueprint (a JSON object) in each editor, not an array.");
    const analyses = analyseEntries([{ identifier: "a", text: one }, { identifier: "b", text: one }]);
    expect(analyses[0]!.errors).toBe(0);
    expect(analyses[1]).toMatchObject({ blueprint: null, errors: 1 });
    expect(analyses[1]!.problems[0]!.message).toMatch(/already has the identifier "entra-id-group"/);
  });

  it("keeps the entry's identifier in step with the text, and the old one while the text is broken", () => {
    const entry = templateEntries()[0]!;
    expect(editedEntry(entry, entry.text.replace('"entra-id-user"', '"people"')).identifier).toBe("people");
    expect(editedEntry(entry, "{ broken").identifier).toBe("entra-id-user");
  });
});

describe("creation order", () => {
  it("creates targets first and breaks a cycle by patching its relations in after", () => {
    const blueprints: Parameters<typeof creationOrder>[0] = [
      { identifier: "user", relations: { groups: { target: "group", many: true, required: false } } },
      { identifier: "group", relations: { members: { target: "user", many: true, required: false } } },
      { identifier: "membership", relations: { group: { target: "group", many: false, required: false } } },
    ];
    const { steps, cycles } = creationOrder(blueprints);
    expect(steps).toEqual(["Create user without relations groups", "Create group without relations members", "Create membership", "Patch user: add relations groups", "Patch group: add relations members"]);
    expect(cycles).toEqual(["user, group relate to each other: create without relations user, group, then patch relations."]);
  });

  it("orders the template with no cycle", () => {
    const { steps, cycles } = creationOrder(templateEntries().map((e) => JSON.parse(e.text)));
    expect(cycles).toEqual([]);
    expect(steps.indexOf("Create entra-id-application")).toBeLessThan(steps.indexOf("Create entra-id-service-principal"));
    expect(steps.indexOf("Create entra-id-user")).toBeLessThan(steps.indexOf("Create entra-id-group-membership"));
  });
});

describe("push report", () => {
  it("says per blueprint what happened, in creation order", () => {
    const outcomes = pushOutcomes({
      created: ["entra-id-group-membership"],
      updated: [{ identifier: "entra-id-user", addedProperties: ["mail", "department"], addedRelations: ["manager"] }],
      unchanged: ["entra-id-group"],
      steps: [
        { kind: "create", identifier: "entra-id-user", deferredRelations: [] },
        { kind: "create", identifier: "entra-id-group", deferredRelations: [] },
        { kind: "create", identifier: "entra-id-group-membership", deferredRelations: [] },
      ],
    });
    expect(outcomes.map((o) => o.words)).toEqual([
      "entra-id-user: already in Port; added properties mail and department and relation manager.",
      "entra-id-group: already in Port with everything it needs; nothing changed.",
      "entra-id-group-membership: created in Port.",
    ]);
  });
});

describe("diagram layout", () => {
  it("places 10 blueprints without overlap, arrows labelled with the relation (many marked)", () => {
    const blueprints = templateEntries().map((e) => JSON.parse(e.text));
    blueprints[0].relations.manager = { target: "entra-id-user", many: false, required: false };
    blueprints[1].relations.owners = { target: "entra-id-owner", many: true, required: false };
    for (const name of ["device", "role", "policy", "site"]) {
      blueprints.push({ identifier: `entra-id-${name}`, title: name, schema: { properties: {} }, relations: { user: { target: "entra-id-user", many: true, required: false } } });
    }
    const { nodes, edges } = layoutDiagram(blueprints);
    expect(nodes.map((n) => n.id).sort()).toEqual([...blueprints.map((b) => b.identifier), "entra-id-owner"].sort());
    expect(nodes.find((n) => n.id === "entra-id-owner")).toMatchObject({ outside: true });
    expect(nodes.find((n) => n.id === "entra-id-user")).toMatchObject({ propertyCount: 12, title: "Entra ID User" });
    for (const a of nodes)
      for (const b of nodes)
        if (a !== b) expect(Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT).toBe(true);
    expect(nodes).toHaveLength(10);
    expect(edges.map((e) => e.label).sort()).toEqual(["application", "group", "manager", "member", "owners (many)", "user (many)", "user (many)", "user (many)", "user (many)"]);
    // Left to right: a relation's target sits right of its source.
    const x = (id: string) => nodes.find((n) => n.id === id)!.x;
    expect(x("entra-id-application")).toBeGreaterThan(x("entra-id-service-principal"));
  });
});

describe("in Port or not", () => {
  it("hashes a text exactly as the server does", async () => {
    const text = blueprintText(JSON.parse(templateEntries()[0]!.text));
    expect(await textHash(text)).toBe(blueprintTextHash(text));
    expect(await textHash("é ✓ 𝄞")).toBe(blueprintTextHash("é ✓ 𝄞"));
  });

  it("tells in Port, changed since, and not yet", () => {
    const pushed = { a: { at: "2024-01-01T00:00:00Z", hash: "h1" } };
    expect([portState(pushed, "a", "h1"), portState(pushed, "a", "h2"), portState(pushed, "b", "h1"), portState(pushed, "a", null)]).toEqual(["in-port", "changed", "not-in-port", "unknown"]);
  });
});
