/**
 * What the export page hands lib/export, from what the builder's API answers: the saved
 * mapping (or its last valid version, said so), the blueprints that parse, and the Graph
 * connection as made (never a secret: the browser has none). Pure, so it is unit-tested.
 */
import type { BlueprintsDocument, ConnectionsView } from "@/lib/builder/contracts";
import type { StoredMapping } from "@/lib/builder/mapping-contracts";
import type { ExportInput, GraphAuthSource } from "@/lib/export/types";
import { parsePortAppConfig } from "@/lib/mapping/parse";
import type { PortRegion } from "@/lib/port/regions";
import { blueprintSchema, type BlueprintInput } from "@/lib/port/schemas";

export type ExportSource =
  | { ready: true; input: ExportInput; notes: string[]; region: PortRegion | null }
  | { ready: false; reason: string };

export function graphSource(connections: ConnectionsView | null): { graph: GraphAuthSource; note: string | null } {
  const g = connections?.graph;
  if (!g) return { graph: { kind: "client_credentials", cloud: "global", tenantId: null, clientId: null }, note: "Graph is not connected: the export uses client credentials with placeholders for the tenant and client IDs." };
  if (g.mode === "token") return { graph: { kind: "bearer_token", cloud: g.cloud }, note: null };
  if (g.mode === "demo") {
    return {
      graph: { kind: "client_credentials", cloud: "global", tenantId: null, clientId: null },
      note: "The demo tenant exists only inside this builder: the export uses client credentials with placeholders for your own tenant and app registration.",
    };
  }
  return { graph: { kind: "client_credentials", cloud: g.cloud, tenantId: g.tenantId, clientId: g.clientId }, note: null };
}

function blueprintsOf(doc: BlueprintsDocument | null): { blueprints: BlueprintInput[]; skipped: string[] } {
  const blueprints: BlueprintInput[] = [];
  const skipped: string[] = [];
  for (const entry of doc?.blueprints ?? []) {
    try {
      const parsed = blueprintSchema.safeParse(JSON.parse(entry.text));
      if (parsed.success) blueprints.push(parsed.data);
      else skipped.push(entry.identifier);
    } catch {
      skipped.push(entry.identifier);
    }
  }
  return { blueprints, skipped };
}

export function exportSource(connections: ConnectionsView | null, mapping: StoredMapping | null, blueprintsDoc: BlueprintsDocument | null): ExportSource {
  const notes: string[] = [];
  const saved = mapping?.yaml ? parsePortAppConfig(mapping.yaml) : null;
  let config = saved?.config && saved.issues.length === 0 ? saved.config : null;
  if (!config && mapping?.lastValidYaml) {
    const last = parsePortAppConfig(mapping.lastValidYaml);
    if (last.config && last.issues.length === 0) {
      config = last.config;
      notes.push("The saved mapping has errors: this export uses its last valid version. Fix the Mapping step to export your latest text.");
    }
  }
  if (!config) {
    return { ready: false, reason: mapping?.yaml ? "The mapping has errors and no earlier version was valid: fix it in the Mapping step first." : "This project has no mapping yet: write one in the Mapping step, or import one." };
  }
  const { blueprints, skipped } = blueprintsOf(blueprintsDoc);
  if (skipped.length) notes.push(`Left out because their JSON has errors: ${skipped.join(", ")}. Fix them in the Blueprints step.`);
  if (blueprints.length === 0) notes.push("This project has no blueprints yet: blueprints.json is empty.");
  const { graph, note } = graphSource(connections);
  if (note) notes.push(note);
  const port = connections?.port;
  return { ready: true, input: { mapping: config, blueprints, graph }, notes, region: port?.mode === "credentials" ? port.region : null };
}
