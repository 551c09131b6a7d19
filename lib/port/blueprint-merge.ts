/**
 * Additive blueprint updates: what the mapping needs is added to the blueprint Port
 * holds, and nothing a user added in Port is removed or changed. Where Port's blueprint
 * already has a property or relation of the same name but a different shape, that is a
 * conflict for a person to resolve, never something to overwrite.
 */
import type { Blueprint, BlueprintProperty, BlueprintRelation } from "./schemas";

export interface BlueprintConflict {
  blueprint: string;
  /** `properties.mail` or `relations.manager`. */
  field: string;
  /** What Port holds, e.g. `number` or `-> entra-id-user (many)`. */
  existing: string;
  /** What the mapping needs. */
  desired: string;
  message: string;
}

export interface BlueprintMerge {
  /** The blueprint to write back: Port's, plus what was missing. */
  merged: Blueprint;
  addedProperties: string[];
  addedRelations: string[];
  conflicts: BlueprintConflict[];
}

function describeProperty(p: BlueprintProperty): string {
  let text = p.type;
  if (p.format) text += ` (${p.format})`;
  if (p.type === "array" && p.items?.type) text += ` of ${p.items.type}${p.items.format ? ` (${p.items.format})` : ""}`;
  return text;
}

/**
 * Values written for `desired` would fail against `existing` when the types differ, or
 * when Port holds a format (or array item type/format) that the mapping does not produce.
 * A desired format over an unformatted existing string is fine: any string is valid.
 */
function propertiesConflict(existing: BlueprintProperty, desired: BlueprintProperty): boolean {
  if (existing.type !== desired.type) return true;
  if (existing.format && existing.format !== desired.format) return true;
  if (existing.type === "array" && existing.items && desired.items) {
    if (existing.items.type && desired.items.type && existing.items.type !== desired.items.type) return true;
    if (existing.items.format && existing.items.format !== desired.items.format) return true;
  }
  return false;
}

function describeRelation(r: BlueprintRelation): string {
  return `-> ${r.target}${r.many ? " (many)" : ""}`;
}

/** Merges `desired` into `existing` (Port's copy); `relationsToSkip` are added later (cycles). */
export function mergeBlueprint(existing: Blueprint, desired: Blueprint, relationsToSkip: readonly string[] = []): BlueprintMerge {
  const conflicts: BlueprintConflict[] = [];
  const addedProperties: string[] = [];
  const addedRelations: string[] = [];
  const properties = { ...existing.schema.properties };
  for (const [name, want] of Object.entries(desired.schema.properties)) {
    const have = properties[name];
    if (!have) {
      properties[name] = want;
      addedProperties.push(name);
    } else if (propertiesConflict(have, want)) {
      conflicts.push({
        blueprint: existing.identifier,
        field: `properties.${name}`,
        existing: describeProperty(have),
        desired: describeProperty(want),
        message: `Blueprint "${existing.identifier}" in Port has property "${name}" of type ${describeProperty(have)}; the mapping writes ${describeProperty(want)}.`,
      });
    }
  }
  const relations = { ...existing.relations };
  for (const [name, want] of Object.entries(desired.relations)) {
    if (relationsToSkip.includes(name)) continue;
    const have = relations[name];
    if (!have) {
      relations[name] = want;
      addedRelations.push(name);
    } else if (have.target !== want.target || have.many !== want.many) {
      conflicts.push({
        blueprint: existing.identifier,
        field: `relations.${name}`,
        existing: describeRelation(have),
        desired: describeRelation(want),
        message: `Blueprint "${existing.identifier}" in Port has relation "${name}" ${describeRelation(have)}; the mapping needs ${describeRelation(want)}.`,
      });
    }
  }
  // `required` is deliberately not extended: entities already in Port would become invalid.
  const merged: Blueprint = { ...existing, schema: { ...existing.schema, properties }, relations };
  return { merged, addedProperties, addedRelations, conflicts };
}

/** The desired blueprint without the named relations (created first, patched in later). */
export function withoutRelations(blueprint: Blueprint, names: readonly string[]): Blueprint {
  const relations = Object.fromEntries(Object.entries(blueprint.relations).filter(([name]) => !names.includes(name)));
  return { ...blueprint, relations };
}
