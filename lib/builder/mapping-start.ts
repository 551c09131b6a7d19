/**
 * What a project without a mapping starts from ("Start from the blueprints"):
 * - no blueprints yet: the seed mappings (lib/mapping/seed): users, groups, applications,
 *   service principals and the complete group membership, already written the way Ocean
 *   runs them correctly (`$select` listing every property read, `$top: "999"`, membership
 *   entities from /groups/{group_id}/members instead of the 20-capped `$expand`);
 * - blueprints: one resource per blueprint, in their order. A blueprint generated from the
 *   fields picked for an endpoint gets the mapping generated with it (lib/schema), a seed
 *   blueprint the seed mapping; either keeps only the properties and relations the
 *   project's blueprint has (Port refuses others), with `$select` recomputed for them.
 * Pure: the caller loads the documents and the picked fields' inference.
 */
import { stringify } from "yaml";
import { selectAssistant } from "../mapping/select-assistant";
import { seedConfigYaml, type SeedName } from "../mapping/seed";
import { parsePortAppConfig } from "../mapping/parse";
import type { ResourceConfig } from "../mapping/model";
import { blueprintIdentifierForKind, generateBlueprint, type InferredField } from "../schema";
import { normalizeKind } from "../schema/naming";
import type { MappingStart } from "./mapping-contracts";

/** One sampled endpoint with its picks (the Fields step) and the inference of its sample. */
export interface PickedEndpoint {
  endpoint: string;
  kind: string;
  picked: readonly string[];
  identifier: string;
  title: string;
  fields: readonly InferredField[];
}

/** The least of a project blueprint this needs. */
export interface StartBlueprint {
  identifier: string;
  properties: string[];
  relations: string[];
}

const SEED_BY_BLUEPRINT: Record<string, SeedName> = {
  "entra-id-user": "users",
  "entra-id-group": "groups",
  "entra-id-application": "applications",
  "entra-id-service-principal": "servicePrincipals",
  "entra-id-group-membership": "groupMembership",
};

const SEED_NOTE =
  "Started from the seed mappings: users, groups, applications, service principals and complete group membership (one entity per group and member, from /groups/{group_id}/members: $expand stops at 20 members). Each $select lists every property its mapping reads, since Graph returns few of them by default.";

/** A blueprint document entry's JSON, reduced to what the start needs; null when it does not parse. */
export function startBlueprintOf(text: string): StartBlueprint | null {
  try {
    const raw = JSON.parse(text) as { identifier?: unknown; schema?: { properties?: unknown }; relations?: unknown };
    if (typeof raw.identifier !== "string") return null;
    const keys = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.keys(v) : []);
    return { identifier: raw.identifier, properties: keys(raw.schema?.properties), relations: keys(raw.relations) };
  } catch {
    return null;
  }
}

/** `/groups/{group_id}/members` -> discovery of group_id from `/groups`. */
function discoveryFor(kind: string): Record<string, unknown> | undefined {
  const m = /^\/([^/{}]+)\/\{([A-Za-z_][A-Za-z0-9_]*)\}\//.exec(kind);
  if (!m) return undefined;
  return { [m[2]!]: { endpoint: `/${m[1]}`, method: "GET", query_params: { $top: "999", $select: "id" }, data_path: ".value", field: ".id" } };
}

function withSelect(resource: ResourceConfig): ResourceConfig {
  const query = { ...(resource.selector.query_params ?? {}), $top: resource.selector.query_params?.$top ?? "999", $select: selectAssistant(resource).join(",") };
  return { ...resource, selector: { ...resource.selector, query_params: query } };
}

/** The resource YAML object (only the keys a person would write). */
function resourceObject(resource: ResourceConfig): Record<string, unknown> {
  const { selector, port } = resource;
  const m = port.entity.mappings;
  const mappings: Record<string, unknown> = { identifier: m.identifier };
  if (m.title !== undefined) mappings.title = m.title;
  mappings.blueprint = m.blueprint;
  if (Object.keys(m.properties).length > 0) mappings.properties = m.properties;
  if (Object.keys(m.relations).length > 0) mappings.relations = m.relations;
  const sel: Record<string, unknown> = { query: selector.query, data_path: selector.data_path ?? ".value", query_params: selector.query_params };
  if (selector.path_parameters) sel.path_parameters = selector.path_parameters;
  return { kind: resource.kind, selector: sel, port: { entity: { mappings } } };
}

function seedResource(name: SeedName): ResourceConfig {
  const parsed = parsePortAppConfig(seedConfigYaml([name]));
  return parsed.config!.resources[0]!;
}

function keepOnly(resource: ResourceConfig, blueprint: StartBlueprint): { resource: ResourceConfig; dropped: string[] } {
  const m = resource.port.entity.mappings;
  const dropped: string[] = [];
  const properties = Object.fromEntries(Object.entries(m.properties).filter(([k]) => blueprint.properties.includes(k) || (dropped.push(k), false)));
  const relations = Object.fromEntries(Object.entries(m.relations).filter(([k]) => blueprint.relations.includes(k) || (dropped.push(k), false)));
  return { resource: { ...resource, port: { ...resource.port, entity: { mappings: { ...m, properties, relations } } } }, dropped };
}

function generatedResource(endpoint: PickedEndpoint): ResourceConfig | null {
  const fields = endpoint.picked.flatMap((path) => {
    const f = endpoint.fields.find((x) => x.path === path);
    return f ? [{ path: f.path, type: f.type, format: f.format }] : [];
  });
  if (fields.length === 0) return null;
  const { mappings } = generateBlueprint({
    kind: endpoint.kind,
    fields,
    identifier: endpoint.identifier.trim() || undefined,
    title: endpoint.title.trim() || undefined,
  });
  const nested = discoveryFor(endpoint.kind);
  const membership = normalizeKind(endpoint.kind) === "/groups/{}/members";
  return {
    kind: endpoint.kind,
    selector: {
      query: membership ? '."@odata.type" == "#microsoft.graph.user"' : "true",
      data_path: ".value",
      method: "GET",
      query_params: {},
      ...(nested ? { path_parameters: nested as ResourceConfig["selector"]["path_parameters"] } : {}),
    },
    port: {
      entity: { mappings: { identifier: mappings.identifier, title: mappings.title, blueprint: mappings.blueprint, properties: mappings.properties, relations: mappings.relations } },
      itemsToParseName: "item",
      itemsToParseTopLevelTransform: true,
    },
  };
}

export function buildStartingMapping(blueprints: readonly StartBlueprint[], endpoints: readonly PickedEndpoint[]): MappingStart {
  if (blueprints.length === 0) return { yaml: seedConfigYaml(), notes: [SEED_NOTE] };
  const notes: string[] = [];
  const resources: ResourceConfig[] = [];
  for (const blueprint of blueprints) {
    const picked = endpoints.find((e) => e.picked.length > 0 && blueprintIdentifierForKind(e.kind) === blueprint.identifier);
    const seed = SEED_BY_BLUEPRINT[blueprint.identifier];
    const base = picked ? generatedResource(picked) : seed ? seedResource(seed) : null;
    if (!base) {
      notes.push(`${blueprint.identifier}: no picked fields and no seed mapping for it, so no resource; add one by hand.`);
      continue;
    }
    const { resource, dropped } = keepOnly(base, blueprint);
    if (dropped.length > 0) notes.push(`${blueprint.identifier}: left out ${dropped.join(", ")} (not in the blueprint).`);
    notes.push(picked ? `${blueprint.identifier}: mapped from the fields picked for ${picked.endpoint}.` : `${blueprint.identifier}: the seed mapping.`);
    resources.push(withSelect(resource));
  }
  if (resources.length === 0) return { yaml: seedConfigYaml(), notes: [...notes, SEED_NOTE] };
  const yaml = stringify(
    { deleteDependentEntities: true, createMissingRelatedEntities: true, resources: resources.map(resourceObject) },
    { singleQuote: true, lineWidth: 0 },
  );
  notes.push("Each $select lists every property its mapping reads; $top is 999 (the fewest requests).");
  return { yaml, notes };
}
