/**
 * Port's JSON shapes, as zod schemas: the blueprint schema is the project's canonical
 * blueprint type (schema generation, export, sync and the demo Port all use it).
 * Unknown keys pass through (`looseObject`) so a blueprint read from Port and written
 * back keeps what a user configured in Port that this project does not model.
 */
import { z } from "zod";
import { ENTITY_IDENTIFIER_MAX_LENGTH } from "./limits";

/** Port's property types. Strings carry the finer `format`. */
export const portPropertyTypes = ["string", "number", "boolean", "object", "array"] as const;
export type PortPropertyType = (typeof portPropertyTypes)[number];

/** String formats Port validates (the subset this project writes or checks). */
export const portStringFormats = [
  "date-time",
  "url",
  "email",
  "uuid",
  "ipv4",
  "ipv6",
  "yaml",
  "markdown",
  "user",
  "team",
  "timer",
  "proto",
  "entity",
] as const;

export const blueprintIdentifierPattern = /^[A-Za-z0-9@_=-]+$/;
/** Port's entity identifier (and relation target): letters of any script, digits, `@_.+:\\/=-`; not `.` or `..`. */
export const entityIdentifierPattern = /^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/=-]+$/u;

/** Whether `text` has more than `max` characters (code points), without splitting a long text. */
function codePointsOver(text: string, max: number): boolean {
  if (text.length <= max) return false;
  if (text.length > 2 * max) return true;
  return [...text].length > max;
}

/** Why `identifier` cannot be a Port entity identifier, or null. */
export function entityIdentifierProblem(identifier: string): string | null {
  if (codePointsOver(identifier, ENTITY_IDENTIFIER_MAX_LENGTH)) return `is longer than ${ENTITY_IDENTIFIER_MAX_LENGTH} characters`;
  if (identifier === "." || identifier === "..") return `may not be "${identifier}"`;
  if (!entityIdentifierPattern.test(identifier)) return "may hold only letters, digits and @ _ . + : \\ / = -";
  return null;
}

export const arrayItemsSchema = z.looseObject({
  type: z.enum(portPropertyTypes).optional(),
  format: z.string().optional(),
  enum: z.array(z.unknown()).optional(),
});

export const blueprintPropertySchema = z.looseObject({
  type: z.enum(portPropertyTypes),
  title: z.string().optional(),
  description: z.string().optional(),
  icon: z.string().optional(),
  format: z.string().optional(),
  enum: z.array(z.unknown()).optional(),
  items: arrayItemsSchema.optional(),
  default: z.unknown().optional(),
});
export type BlueprintProperty = z.infer<typeof blueprintPropertySchema>;

export const blueprintRelationSchema = z.looseObject({
  target: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  many: z.boolean().default(false),
  required: z.boolean().default(false),
});
export type BlueprintRelation = z.infer<typeof blueprintRelationSchema>;

export const blueprintSchema = z.looseObject({
  identifier: z.string().min(1).max(100).regex(blueprintIdentifierPattern, "may hold only letters, digits, @, _, = and -"),
  title: z.string().min(1),
  icon: z.string().optional(),
  description: z.string().optional(),
  schema: z.looseObject({
    properties: z.record(z.string(), blueprintPropertySchema).default({}),
    required: z.array(z.string()).default([]),
  }),
  relations: z.record(z.string(), blueprintRelationSchema).default({}),
});
/** A Port blueprint: the project's canonical blueprint type. */
export type Blueprint = z.infer<typeof blueprintSchema>;
/** What callers may write (defaults not yet applied). */
export type BlueprintInput = z.input<typeof blueprintSchema>;

/** A relation value: one identifier, many identifiers, or null to clear it. */
export const relationValueSchema = z.union([z.string(), z.array(z.string()), z.null()]);

export const entitySchema = z.looseObject({
  identifier: z.string().min(1),
  title: z.string().nullable().optional(),
  icon: z.string().nullable().optional(),
  team: z.union([z.string(), z.array(z.string())]).nullable().optional(),
  /** A null value clears the property. */
  properties: z.record(z.string(), z.unknown()).default({}),
  relations: z.record(z.string(), relationValueSchema).default({}),
});
/** A Port entity: `{identifier, title, icon, team, properties, relations}`. */
export type PortEntity = z.infer<typeof entitySchema>;
export type PortEntityInput = z.input<typeof entitySchema>;

export const tokenResponseSchema = z.object({
  accessToken: z.string().min(1),
  expiresIn: z.number().positive(),
  tokenType: z.string().optional(),
});

/** Port's error body: `{ok:false, error:"not_found", message:"..."}`. */
export const portErrorBodySchema = z.looseObject({
  ok: z.literal(false).optional(),
  error: z.string().optional(),
  message: z.string().optional(),
  details: z.unknown().optional(),
});

/** Bulk upsert answer (200 all written, 207 partial): outcome per request index. */
export const bulkUpsertResponseSchema = z.looseObject({
  entities: z.array(z.looseObject({ identifier: z.string(), index: z.number().int(), created: z.boolean().optional() })).default([]),
  errors: z
    .array(
      z.looseObject({
        identifier: z.string().optional(),
        index: z.number().int(),
        statusCode: z.number().int().optional(),
        error: z.string().optional(),
        message: z.string().optional(),
      }),
    )
    .default([]),
});

/** Bulk delete answer (200): exactly `{ok:true, deletedEntities}`; a refused batch is an error status. */
export const bulkDeleteResponseSchema = z.looseObject({
  deletedEntities: z.array(z.string()),
});

export const entitySearchPageSchema = z.looseObject({
  entities: z.array(entitySchema),
  next: z.string().nullable().optional(),
});

export const integrationSchema = z.looseObject({
  identifier: z.string(),
  installationAppType: z.string().optional(),
  title: z.string().nullable().optional(),
  version: z.string().optional(),
  /** The port-app-config mapping (deleteDependentEntities, resources, ...). */
  config: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type PortIntegration = z.infer<typeof integrationSchema>;
