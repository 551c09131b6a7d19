/**
 * The port-app-config model -> YAML text Ocean reads. Keys in one fixed order (the order
 * of Ocean's documentation), whatever order the model was built in, so two exports of the
 * same mapping are byte-identical and diff well. Values Ocean fills in by default are left
 * out (parsing fills them back in: the same model), except the two flags, which a reader
 * should see. Quoting is the yaml library's, which picks a style that reads back as the
 * exact string: `'"entra-id-user"'`, `'true'`, `'999'`, block literals for multi-line jq.
 */
import { Document } from "yaml";
import type { MappingValue, PathParameter, PortAppConfig, ResourceConfig, Selector } from "../mapping/model";

type Plain = Record<string, unknown>;

/** Copies `keys` of `source` in that order, skipping undefined values. */
function ordered(source: Plain, keys: readonly string[]): Plain {
  const out: Plain = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

const nonEmpty = <T extends object>(value: T | undefined): T | undefined => (value && Object.keys(value).length > 0 ? value : undefined);

function pathParameter(p: PathParameter): Plain {
  return ordered(
    {
      endpoint: p.endpoint,
      method: p.method === "GET" ? undefined : p.method,
      query_params: nonEmpty(p.query_params),
      headers: nonEmpty(p.headers),
      body: p.body,
      data_path: p.data_path,
      field: p.field,
      filter: p.filter,
    },
    ["endpoint", "method", "query_params", "headers", "body", "data_path", "field", "filter"],
  );
}

function selector(s: Selector): Plain {
  const params = s.path_parameters ? Object.fromEntries(Object.entries(s.path_parameters).map(([name, p]) => [name, pathParameter(p)])) : undefined;
  return ordered(
    {
      query: s.query,
      data_path: s.data_path,
      query_params: nonEmpty(s.query_params),
      method: s.method === "GET" ? undefined : s.method,
      headers: nonEmpty(s.headers),
      body: s.body,
      path_parameters: nonEmpty(params),
    },
    ["query", "data_path", "query_params", "method", "headers", "body", "path_parameters"],
  );
}

function resource(r: ResourceConfig): Plain {
  const m = r.port.entity.mappings;
  const mappings = ordered(
    {
      identifier: m.identifier,
      title: m.title,
      blueprint: m.blueprint,
      icon: m.icon,
      team: m.team,
      properties: nonEmpty(m.properties as Record<string, MappingValue>),
      relations: nonEmpty(m.relations as Record<string, MappingValue>),
    },
    ["identifier", "title", "blueprint", "icon", "team", "properties", "relations"],
  );
  const port = ordered(
    {
      itemsToParse: r.port.itemsToParse,
      itemsToParseName: r.port.itemsToParse !== undefined && r.port.itemsToParseName !== "item" ? r.port.itemsToParseName : undefined,
      itemsToParseTopLevelTransform: r.port.itemsToParseTopLevelTransform === false ? false : undefined,
      entity: { mappings },
    },
    ["itemsToParse", "itemsToParseName", "itemsToParseTopLevelTransform", "entity"],
  );
  return { kind: r.kind, selector: selector(r.selector), port };
}

/** The configuration as a plain object in the export's key order. */
export function mappingObject(config: PortAppConfig): Plain {
  return ordered(
    {
      deleteDependentEntities: config.deleteDependentEntities,
      createMissingRelatedEntities: config.createMissingRelatedEntities,
      entityDeletionThreshold: config.entityDeletionThreshold,
      enableMergeEntity: config.enableMergeEntity,
      resources: config.resources.map(resource),
    },
    ["deleteDependentEntities", "createMissingRelatedEntities", "entityDeletionThreshold", "enableMergeEntity", "resources"],
  );
}

/** YAML text of any plain value with the export's quoting (also used for values.yaml). */
export function toYaml(value: unknown, comment?: string): string {
  const doc = new Document(value);
  if (comment) doc.commentBefore = comment;
  // lineWidth 0: never fold a long jq line; the text a person wrote stays on its line.
  return doc.toString({ singleQuote: true, lineWidth: 0, blockQuote: "literal", indentSeq: true });
}

export function mappingYaml(config: PortAppConfig, comment?: string): string {
  return toYaml(mappingObject(config), comment);
}
