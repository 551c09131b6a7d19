/**
 * The port-app-config model (Ocean's mapping file for the custom integration), in zod.
 * Field names are exactly the ones Ocean reads (ocean-and-port.md, "Mapping file").
 * Mapping leaves stay loosely typed here: a non-string leaf (`identifier: 5`) is not a
 * parse failure but a per-field error reported by the compiler, so one bad field does
 * not hide the preview of all the others.
 */
import { z } from "zod";

export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const method = z.enum(httpMethods);
/** Query parameter values: YAML may give `$top: 999` as a number; it is sent as text. */
const queryParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const headers = z.record(z.string(), z.string());

/** A mapping value: a jq string, or an object / list of them (search-query relations). */
export type MappingValue = string | number | boolean | null | MappingValue[] | { [key: string]: MappingValue };
export const mappingValueSchema: z.ZodType<MappingValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(mappingValueSchema), z.record(z.string(), mappingValueSchema)]),
);

export const pathParameterSchema = z.object({
  endpoint: z.string().min(1),
  method: method.default("GET"),
  query_params: queryParams.optional(),
  headers: headers.optional(),
  body: z.unknown().optional(),
  data_path: z.string().default("."),
  /** jq, required: the value substituted for `{param}`. */
  field: z.string().min(1),
  /** jq: a record is kept only when this returns exactly true. */
  filter: z.string().optional(),
});
export type PathParameter = z.infer<typeof pathParameterSchema>;

export const selectorSchema = z.object({
  /** jq that must return a boolean. A YAML boolean is kept as Ocean sees it (see parse.ts). */
  query: z.union([z.string(), z.boolean(), z.number()]),
  data_path: z.string().optional(),
  query_params: queryParams.optional(),
  method: method.default("GET"),
  headers: headers.optional(),
  body: z.unknown().optional(),
  path_parameters: z.record(z.string(), pathParameterSchema).optional(),
});
export type Selector = z.infer<typeof selectorSchema>;

export const entityMappingSchema = z.object({
  identifier: mappingValueSchema,
  title: mappingValueSchema.optional(),
  blueprint: mappingValueSchema,
  icon: mappingValueSchema.optional(),
  team: mappingValueSchema.optional(),
  properties: z.record(z.string(), mappingValueSchema).default({}),
  relations: z.record(z.string(), mappingValueSchema).default({}),
});
export type EntityMapping = z.infer<typeof entityMappingSchema>;

export const portResourceSchema = z.object({
  entity: z.object({ mappings: entityMappingSchema }),
  itemsToParse: z.string().optional(),
  itemsToParseName: z.string().min(1).default("item"),
  itemsToParseTopLevelTransform: z.boolean().default(true),
});

export const resourceSchema = z.object({
  kind: z.string().min(1),
  selector: selectorSchema,
  port: portResourceSchema,
});
export type ResourceConfig = z.infer<typeof resourceSchema>;

export const portAppConfigSchema = z.object({
  deleteDependentEntities: z.boolean().default(true),
  createMissingRelatedEntities: z.boolean().default(true),
  entityDeletionThreshold: z.number().min(0).max(1).optional(),
  enableMergeEntity: z.boolean().optional(),
  resources: z.array(resourceSchema).default([]),
});
export type PortAppConfig = z.infer<typeof portAppConfigSchema>;

/** Keys Ocean reads at each level; anything else is reported as a warning (parse.ts). */
export const knownKeys = {
  root: ["deleteDependentEntities", "createMissingRelatedEntities", "entityDeletionThreshold", "enableMergeEntity", "resources"],
  resource: ["kind", "selector", "port"],
  selector: ["query", "data_path", "query_params", "method", "headers", "body", "path_parameters"],
  pathParameter: ["endpoint", "method", "query_params", "headers", "body", "data_path", "field", "filter"],
  port: ["entity", "itemsToParse", "itemsToParseName", "itemsToParseTopLevelTransform"],
  entity: ["mappings"],
  mappings: ["identifier", "title", "blueprint", "icon", "team", "properties", "relations"],
} as const;

/** One entity in Port's shape, as Ocean sends it (null values kept: Port clears them). */
export interface PortEntity {
  identifier: unknown;
  title: unknown;
  blueprint: unknown;
  icon?: unknown;
  team?: unknown;
  properties: Record<string, unknown>;
  relations: Record<string, unknown>;
}
