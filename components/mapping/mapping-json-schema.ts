/**
 * The JSON schema the editor validates and completes the YAML with, generated from
 * lib/mapping's zod model (so the two cannot drift), with a description on each key Ocean
 * reads, shown on hover and in completion.
 */
import { z } from "zod";
import { portAppConfigSchema } from "@/lib/mapping";
import type { JSONSchema } from "monaco-yaml";

const DESCRIPTIONS: Record<string, string> = {
  deleteDependentEntities: "Delete entities that depend on a deleted one (default true).",
  createMissingRelatedEntities: "Create a related entity that does not exist yet, with only its identifier (default true).",
  entityDeletionThreshold: "Skip deleting stale entities when they exceed this fraction of all (default 0.9).",
  enableMergeEntity: "Merge the entity's properties with what Port holds instead of replacing them.",
  resources: "One entry per Graph endpoint: what to read and how each item becomes an entity.",
  kind: "The Graph path, e.g. /users; one {param} for nested endpoints such as /groups/{group_id}/members. Never a URL.",
  selector: "Which items to read from Graph and which of them to keep.",
  query: "jq that must return true or false for each item: false skips it, anything else is an error. 'true' keeps all.",
  data_path: "jq from the Graph response to the items: .value for Graph collections.",
  query_params: "Query options sent with the first request: $select (list every property the mapping reads), $top (\"999\"), $filter...",
  method: "HTTP method (GET for Graph listings).",
  headers: "Headers sent on every page, e.g. ConsistencyLevel: eventual for advanced queries.",
  body: "A JSON body sent with the request.",
  path_parameters: "For a kind with {param}: where its values come from (a discovery endpoint, data_path and field).",
  endpoint: "The Graph path listing the parents, e.g. /groups.",
  field: "jq giving the value put into {param} for each parent record, e.g. .id.",
  filter: "jq: a parent record is used only when this returns exactly true.",
  port: "How each item becomes a Port entity.",
  itemsToParse: "jq to a list inside the item: one entity per element, the element under .item.",
  itemsToParseName: "The key the element is put under (default item).",
  itemsToParseTopLevelTransform: "Remove the parsed list from the parent before adding the element (default true).",
  entity: "The entity mapping.",
  mappings: "jq per entity field; only the first output counts, an error or no output gives null.",
  identifier: "jq for the entity identifier (required); an entity without one is dropped.",
  title: "jq for the entity title.",
  blueprint: "jq for the blueprint identifier, usually a string literal: '\"entra-id-user\"'.",
  icon: "jq for the entity icon.",
  team: "jq for the owning team.",
  properties: "Blueprint property identifier: jq for its value.",
  relations: "Relation identifier: jq for the target entity's identifier (or a search query).",
};

type Node = Record<string, unknown>;

function describe(node: unknown): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) return node.forEach(describe);
  const n = node as Node;
  const props = n.properties as Record<string, Node> | undefined;
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      const text = DESCRIPTIONS[key];
      if (text && value && typeof value === "object" && value.description === undefined) value.description = text;
    }
  }
  for (const value of Object.values(n)) describe(value);
}

/** The port-app-config schema, draft-07 for the YAML language service. */
export function mappingJsonSchema(): JSONSchema {
  const schema = z.toJSONSchema(portAppConfigSchema, { io: "input", target: "draft-7", unrepresentable: "any" }) as Node;
  describe(schema);
  return schema as JSONSchema;
}
