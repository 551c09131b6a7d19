/**
 * Blueprint generation: a resource kind and the fields picked in the Fields step become a
 * Port blueprint (`entra-id-user` style identifier, icon `Microsoft`, one property per
 * field with Port's type and format, the suggested relations) together with the entity
 * mapping that fills it, so the property identifiers of both always agree.
 */
import { z } from "zod";
import { blueprintSchema, type Blueprint, type BlueprintProperty } from "../port/schemas";
import { arrayItemType, isFieldType, type FieldType, type ItemType } from "./field-types";
import type { StringFormat } from "./formats";
import { collectsElements, mappingExpression, suggestEntityExpressions, suggestRelations } from "./mapping-suggestions";
import { blueprintIdentifierForKind, blueprintTitleForKind, camelIdentifier, titleFromPath, uniqueNamer } from "./naming";

export const BLUEPRINT_ICON = "Microsoft";

const stringFormats = ["date-time", "uuid", "email", "url", "upn"] as const satisfies readonly StringFormat[];

export const pickedFieldSchema = z.object({
  path: z.string().min(1),
  type: z.custom<FieldType>(isFieldType, { message: "must be a field type such as string, integer or array<string>" }),
  format: z.enum(stringFormats).nullable().optional(),
  /** The property title; by default from the field's last key. */
  title: z.string().min(1).optional(),
});
export type PickedField = z.infer<typeof pickedFieldSchema>;

/** What the Blueprints step sends: validate request bodies with this. */
export const blueprintRequestSchema = z.object({
  kind: z.string().min(1),
  fields: z.array(pickedFieldSchema),
  /** jq expressions; by default the kind's suggestion (`.id`, `.displayName // .userPrincipalName`). */
  identifier: z.string().min(1).optional(),
  title: z.string().min(1).optional(),
  /** Include the suggested relations (default true). */
  relations: z.boolean().optional(),
});
export type BlueprintRequest = z.infer<typeof blueprintRequestSchema>;

export interface EntityMappingSuggestion {
  identifier: string;
  title: string;
  /** A jq string literal, as a mapping writes it: `'"entra-id-user"'`. */
  blueprint: string;
  properties: Record<string, string>;
  relations: Record<string, string>;
}

export interface GeneratedBlueprint {
  blueprint: Blueprint;
  mappings: EntityMappingSuggestion;
  /** Which property holds which field. */
  properties: { identifier: string; path: string; expression: string }[];
}

/** A Port property's type, format and item type. */
export type PortPropertySpec = Pick<BlueprintProperty, "type" | "format" | "items">;

/** Port's string format for an inferred one: `upn` stays a plain string. */
function portFormat(format: StringFormat | null | undefined): string | undefined {
  return format && format !== "upn" ? format : undefined;
}

function itemSpec(item: ItemType | FieldType, format: StringFormat | null | undefined): BlueprintProperty["items"] {
  switch (item) {
    case "string":
      return portFormat(format) ? { type: "string", format: portFormat(format) } : { type: "string" };
    case "integer":
    case "number":
      return { type: "number" };
    case "boolean":
    case "object":
      return { type: item };
    case "mixed":
    case "null":
    case "unknown":
      return undefined; // no one Port type holds them
    default:
      return { type: "array" }; // array, array<...>: the inner elements are not constrained
  }
}

/** The Port property (type, format, items) for a field, without its title. */
export function portPropertyFor(field: Pick<PickedField, "path" | "type" | "format">): PortPropertySpec {
  if (collectsElements(field.path)) {
    // mappingExpression turns mixed elements into text
    const items = field.type === "mixed" ? { type: "string" as const } : itemSpec(field.type, field.format);
    return items ? { type: "array", items } : { type: "array" };
  }
  const item = arrayItemType(field.type);
  if (item !== null) {
    const items = itemSpec(item, field.format);
    return items ? { type: "array", items } : { type: "array" };
  }
  switch (field.type) {
    case "integer":
    case "number":
      return { type: "number" };
    case "boolean":
    case "object":
      return { type: field.type };
    default: {
      // string, and mixed / only-null values that the expression keeps as text
      const format = field.type === "string" ? portFormat(field.format) : undefined;
      return format ? { type: "string", format } : { type: "string" };
    }
  }
}

/** Property titles: the last key, or the whole path where two fields would share one. */
function titlesFor(fields: readonly PickedField[]): string[] {
  const short = fields.map((f) => f.title ?? titleFromPath(f.path));
  const counts = new Map<string, number>();
  for (const t of short) counts.set(t, (counts.get(t) ?? 0) + 1);
  return fields.map((f, i) => (f.title === undefined && counts.get(short[i]!)! > 1 ? titleFromPath(f.path, true) : short[i]!));
}

export function generateBlueprint(request: BlueprintRequest): GeneratedBlueprint {
  const identifier = blueprintIdentifierForKind(request.kind);
  const suggested = suggestEntityExpressions(request.kind, request.fields.map((f) => f.path));
  const relations = request.relations === false ? [] : suggestRelations(request.kind);
  const name = uniqueNamer();
  const titles = titlesFor(request.fields);
  const properties: GeneratedBlueprint["properties"] = [];
  const schemaProperties: Record<string, BlueprintProperty> = {};
  request.fields.forEach((field, i) => {
    const id = name(camelIdentifier(field.path));
    schemaProperties[id] = { title: titles[i]!, ...portPropertyFor(field) };
    properties.push({ identifier: id, path: field.path, expression: mappingExpression(field) });
  });
  const blueprint = blueprintSchema.parse({
    identifier,
    title: blueprintTitleForKind(request.kind),
    icon: BLUEPRINT_ICON,
    schema: { properties: schemaProperties, required: [] },
    relations: Object.fromEntries(relations.map((r) => [r.name, r.relation])),
  });
  return {
    blueprint,
    properties,
    mappings: {
      identifier: request.identifier ?? suggested.identifier,
      title: request.title ?? suggested.title,
      blueprint: JSON.stringify(identifier),
      properties: Object.fromEntries(properties.map((p) => [p.identifier, p.expression])),
      relations: Object.fromEntries(relations.map((r) => [r.name, r.expression])),
    },
  };
}
