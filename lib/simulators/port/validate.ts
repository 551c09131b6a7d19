/**
 * Entity validation the way Port does it: the entity's shape, its identifier, every
 * property against the blueprint's type, format and enum (unknown properties refused),
 * relations against the blueprint's relations, and the required list on the result.
 * A null property value clears the property.
 */
import { propertyValueProblem } from "../../port/property-values";
import { entityIdentifierProblem, entitySchema, type Blueprint, type PortEntity } from "../../port/schemas";

/** `entity` is what to store; `requested` is the parsed input (its relations are the ones to check). */
export type Validation = { ok: true; entity: PortEntity; requested: PortEntity } | { ok: false; message: string };

/**
 * Validates `raw` for `blueprint` and returns the entity to store: merged onto
 * `existing` when `merge` is set (properties and relations key by key), else replacing it.
 */
export function validateEntity(blueprint: Blueprint, raw: unknown, existing: PortEntity | undefined, merge: boolean): Validation {
  const parsed = entitySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${issue.path.join(".") || "entity"}: ${issue.message}` };
  }
  const entity = parsed.data;
  const idProblem = entityIdentifierProblem(entity.identifier);
  if (idProblem) return { ok: false, message: `identifier ${quoted(entity.identifier)} ${idProblem}` };
  for (const [name, value] of Object.entries(entity.properties)) {
    const spec = blueprint.schema.properties[name];
    if (!spec) return { ok: false, message: `property "${name}" is not in blueprint "${blueprint.identifier}"` };
    const problem = propertyValueProblem(spec, value);
    if (problem) return { ok: false, message: `property "${name}" ${problem} (got ${JSON.stringify(value)?.slice(0, 80)})` };
  }
  for (const [name, value] of Object.entries(entity.relations)) {
    const spec = blueprint.relations[name];
    if (!spec) return { ok: false, message: `relation "${name}" is not in blueprint "${blueprint.identifier}"` };
    if (value === null) continue;
    if (spec.many && !Array.isArray(value)) return { ok: false, message: `relation "${name}" is many: it takes an array of identifiers` };
    if (!spec.many && typeof value !== "string") return { ok: false, message: `relation "${name}" takes one identifier, not an array` };
    for (const [i, target] of (Array.isArray(value) ? value : [value]).entries()) {
      const problem = entityIdentifierProblem(target);
      const where = Array.isArray(value) ? `relation "${name}" item ${i}` : `relation "${name}"`;
      if (problem) return { ok: false, message: `${where}: identifier ${quoted(target)} ${problem}` };
    }
  }

  const base = merge && existing ? existing : undefined;
  const properties = dropNulls({ ...(base?.properties ?? {}), ...entity.properties });
  const relations = dropNulls({ ...(base?.relations ?? {}), ...entity.relations });
  const result: PortEntity = { ...(base ?? {}), ...entity, properties, relations };

  for (const name of blueprint.schema.required) {
    if (properties[name] === undefined) return { ok: false, message: `required property "${name}" is missing` };
  }
  for (const [name, spec] of Object.entries(blueprint.relations)) {
    if (spec.required && relations[name] === undefined) return { ok: false, message: `required relation "${name}" is missing` };
  }
  return { ok: true, entity: result, requested: entity };
}

/** An identifier for a message: quoted, and cut short (it may be a megabyte long). */
const quoted = (id: string) => JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}...` : id);

function dropNulls<T>(record: Record<string, T | null>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined)) as Record<string, T>;
}

/** The (blueprint, identifier) pairs an entity's relations point at. */
export function relationTargets(blueprint: Blueprint, entity: PortEntity): { blueprint: string; identifier: string; relation: string }[] {
  const out: { blueprint: string; identifier: string; relation: string }[] = [];
  for (const [name, value] of Object.entries(entity.relations)) {
    const target = blueprint.relations[name]?.target;
    if (!target || value === null) continue;
    for (const id of Array.isArray(value) ? value : [value]) out.push({ blueprint: target, identifier: id, relation: name });
  }
  return out;
}
