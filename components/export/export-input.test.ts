import { describe, expect, it } from "vitest";
import type { ConnectionsView, GraphConnectionView } from "@/lib/builder/contracts";
import type { StoredMapping } from "@/lib/builder/mapping-contracts";
import { DOCUMENTATION_BLUEPRINTS, DOCUMENTATION_MAPPING_YAML } from "@/lib/export/fixtures/documentation-page";
import { exportSource } from "./export-input";

const graph = (over: Partial<GraphConnectionView>): GraphConnectionView => ({
  mode: "client_credentials", cloud: "usGovL5", tenantId: "t.example", clientId: "c-1", clientSecret: "set", token: "not set", tokenExpiresAt: null, updatedAt: "", ...over,
});
const connections = (g: GraphConnectionView | null): ConnectionsView => ({ graph: g, port: { mode: "credentials", region: "us", clientId: "p", clientSecret: "set", updatedAt: "" }, demoAvailable: true });
const mapping = (yaml: string | null, lastValidYaml: string | null = yaml): StoredMapping => ({ yaml, lastValidYaml, version: 1, updatedAt: null, start: null });
const doc = { blueprints: DOCUMENTATION_BLUEPRINTS.map((b) => ({ identifier: b.identifier, text: JSON.stringify(b) })), pushed: {} };

describe("exportSource", () => {
  it("takes the mapping, the blueprints and the connection as made, with the Port region", () => {
    const source = exportSource(connections(graph({})), mapping(DOCUMENTATION_MAPPING_YAML), doc);
    if (!source.ready) throw new Error(source.reason);
    expect(source.input.graph).toEqual({ kind: "client_credentials", cloud: "usGovL5", tenantId: "t.example", clientId: "c-1" });
    expect(source.input.blueprints.map((b) => b.identifier)).toEqual(DOCUMENTATION_BLUEPRINTS.map((b) => b.identifier));
    expect(source.input.mapping.resources).toHaveLength(4);
    expect(source.region).toBe("us");
    expect(source.notes).toEqual([]);
  });

  it("the demo tenant and a pasted token become what Ocean can use, said in a note", () => {
    const demo = exportSource(connections(graph({ mode: "demo", cloud: "global", tenantId: null, clientId: null })), mapping(DOCUMENTATION_MAPPING_YAML), doc);
    if (!demo.ready) throw new Error("not ready");
    expect(demo.input.graph).toEqual({ kind: "client_credentials", cloud: "global", tenantId: null, clientId: null });
    expect(demo.notes.join(" ")).toMatch(/demo tenant exists only inside this builder/);
    const token = exportSource(connections(graph({ mode: "token", cloud: "china" })), mapping(DOCUMENTATION_MAPPING_YAML), doc);
    expect(token.ready && token.input.graph).toEqual({ kind: "bearer_token", cloud: "china" });
  });

  it("falls back to the last valid mapping with a note, and leaves out blueprints whose JSON is broken", () => {
    const broken = { blueprints: [...doc.blueprints, { identifier: "half", text: '{"identifier": "half",' }], pushed: {} };
    const source = exportSource(connections(null), mapping("resources: [\n", DOCUMENTATION_MAPPING_YAML), broken);
    if (!source.ready) throw new Error("not ready");
    expect(source.notes.join(" ")).toMatch(/last valid version/);
    expect(source.notes.join(" ")).toMatch(/Left out because their JSON has errors: half/);
    expect(source.notes.join(" ")).toMatch(/Graph is not connected/);
  });

  it("is not ready without a usable mapping", () => {
    expect(exportSource(null, mapping(null), null)).toEqual({ ready: false, reason: expect.stringMatching(/no mapping yet/) });
    expect(exportSource(null, mapping("resources: [\n", null), null)).toEqual({ ready: false, reason: expect.stringMatching(/has errors/) });
  });
});
