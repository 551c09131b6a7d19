/**
 * The demo Port's entity deletion and `delete_dependents`, in one store transaction.
 *
 * Port's documentation ("Delete Dependents", custom-integration/api/advanced) ties the
 * flag to REQUIRED relations: deleting an entity that another entity's required relation
 * points at fails when the flag is false, and deletes that source entity too when it is
 * true. Its API reference words it more broadly ("all entities with a relation"), which
 * read literally would delete a whole reporting line with one manager (user.manager is
 * an optional self-relation) and every user of a deleted group. The demo Port follows
 * the documented required-relation rule, and this is a choice, tested as such:
 * - dependents are entities (of any blueprint, itself included) whose required relation
 *   holds a deleted identifier; with the flag they are deleted too, transitively;
 *   without it the identifier is not deleted and gets a `has_dependents` error naming them;
 * - an optional relation that points at a deleted entity is cleared (a single relation
 *   removed, the identifier taken out of a many relation), so nothing dangles.
 */
import type { Blueprint } from "../../port/schemas";
import type { DemoPortStore, EntityWrite, StoredEntity } from "./store";

export interface DeleteError {
  identifier: string;
  error: "not_found" | "has_dependents";
  message: string;
}

export interface DeleteOutcome {
  /** Requested identifiers that were deleted. */
  deleted: string[];
  /** Entities deleted because they depended on a deleted one. */
  dependentsDeleted: { blueprint: string; identifier: string }[];
  errors: DeleteError[];
}

interface Reference {
  /** The blueprint that holds the relation. */
  source: string;
  relation: string;
  required: boolean;
}

/** Every relation, of every blueprint, that targets `target`. */
function referencesTo(blueprints: readonly Blueprint[], target: string): Reference[] {
  return blueprints.flatMap((bp) =>
    Object.entries(bp.relations)
      .filter(([, r]) => r.target === target)
      .map(([relation, r]) => ({ source: bp.identifier, relation, required: r.required })),
  );
}

function pointsAt(entity: StoredEntity, relation: string): string[] {
  const value = entity.relations[relation];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}

const key = (blueprint: string, identifier: string) => `${blueprint}\u0000${identifier}`;

export function deleteEntitiesInStore(
  store: DemoPortStore,
  blueprint: string,
  identifiers: readonly string[],
  deleteDependents: boolean,
  nowIso: string,
): Promise<DeleteOutcome> {
  return store.transaction((tx) => deleteInTransaction(tx, blueprint, identifiers, deleteDependents, nowIso));
}

async function deleteInTransaction(
  store: DemoPortStore,
  blueprint: string,
  identifiers: readonly string[],
  deleteDependents: boolean,
  nowIso: string,
): Promise<DeleteOutcome> {
  const existing = await store.existingIdentifiers(blueprint, identifiers);
  const errors: DeleteError[] = identifiers
    .filter((id) => !existing.has(id))
    .map((id) => ({ identifier: id, error: "not_found", message: `Entity "${id}" of blueprint "${blueprint}" was not found` }));
  const blueprints = await store.listBlueprints();
  const refs = new Map<string, Reference[]>();
  const refsTo = (target: string) => {
    if (!refs.has(target)) refs.set(target, referencesTo(blueprints, target));
    return refs.get(target)!;
  };

  // What goes: blueprint -> identifiers.
  const doomed = new Map<string, Set<string>>([[blueprint, new Set(existing)]]);
  const isDoomed = (bp: string, id: string) => doomed.get(bp)?.has(id) ?? false;

  if (deleteDependents) {
    for (let frontier: [string, string[]][] = [[blueprint, [...existing]]]; frontier.length; ) {
      const next: [string, string[]][] = [];
      for (const [target, ids] of frontier) {
        for (const ref of refsTo(target).filter((r) => r.required)) {
          const fresh = (await store.findReferencing(ref.source, ref.relation, ids)).map((e) => e.identifier).filter((id) => !isDoomed(ref.source, id));
          if (!fresh.length) continue;
          if (!doomed.has(ref.source)) doomed.set(ref.source, new Set());
          fresh.forEach((id) => doomed.get(ref.source)!.add(id));
          next.push([ref.source, fresh]);
        }
      }
      frontier = next;
    }
  } else {
    errors.push(...(await refuseDepended(store, blueprint, doomed.get(blueprint)!, refsTo(blueprint), isDoomed)));
  }

  await clearOptionalRelations(store, doomed, refsTo, isDoomed, nowIso);
  const dependentsDeleted: DeleteOutcome["dependentsDeleted"] = [];
  let deleted: string[] = [];
  for (const [bp, ids] of doomed) {
    const gone = await store.deleteEntities(bp, [...ids]);
    if (bp === blueprint) deleted = gone.filter((id) => existing.has(id));
    dependentsDeleted.push(...gone.filter((id) => bp !== blueprint || !existing.has(id)).map((identifier) => ({ blueprint: bp, identifier })));
  }
  return { deleted, dependentsDeleted, errors };
}

/**
 * Without delete_dependents: takes out of `ids` (and reports) every identifier that a
 * required relation of a surviving entity points at. Repeats, because keeping one entity
 * can make it the blocker of another in the same request.
 */
async function refuseDepended(
  store: DemoPortStore,
  blueprint: string,
  ids: Set<string>,
  refs: Reference[],
  isDoomed: (bp: string, id: string) => boolean,
): Promise<DeleteError[]> {
  const errors: DeleteError[] = [];
  for (let changed = true; changed && ids.size; ) {
    changed = false;
    const blockers = new Map<string, string[]>();
    for (const ref of refs.filter((r) => r.required)) {
      for (const dep of await store.findReferencing(ref.source, ref.relation, [...ids])) {
        if (isDoomed(ref.source, dep.identifier)) continue;
        for (const id of pointsAt(dep, ref.relation).filter((t) => ids.has(t))) {
          blockers.set(id, [...(blockers.get(id) ?? []), `"${dep.identifier}" of blueprint "${ref.source}" (required relation "${ref.relation}")`]);
        }
      }
    }
    for (const [id, deps] of blockers) {
      ids.delete(id);
      changed = true;
      const more = deps.length > 3 ? ` and ${deps.length - 3} more` : "";
      errors.push({
        identifier: id,
        error: "has_dependents",
        message: `Entity "${id}" of blueprint "${blueprint}" has dependents: ${deps.slice(0, 3).join(", ")}${more}. Delete them first, or delete with delete_dependents=true.`,
      });
    }
  }
  return errors;
}

/** Takes deleted identifiers out of the optional relations of entities that stay. */
async function clearOptionalRelations(
  store: DemoPortStore,
  doomed: Map<string, Set<string>>,
  refsTo: (target: string) => Reference[],
  isDoomed: (bp: string, id: string) => boolean,
  nowIso: string,
): Promise<void> {
  const changed = new Map<string, StoredEntity>();
  for (const [target, idSet] of doomed) {
    if (!idSet.size) continue;
    for (const ref of refsTo(target).filter((r) => !r.required)) {
      for (const found of await store.findReferencing(ref.source, ref.relation, [...idSet])) {
        if (isDoomed(ref.source, found.identifier)) continue;
        // The same entity may be found through several relations: edit one copy.
        const entity = changed.get(key(ref.source, found.identifier)) ?? found;
        const value = entity.relations[ref.relation];
        if (Array.isArray(value)) entity.relations[ref.relation] = value.filter((id) => !idSet.has(id));
        else delete entity.relations[ref.relation];
        entity.updatedAt = nowIso;
        changed.set(key(ref.source, found.identifier), entity);
      }
    }
  }
  const writes: EntityWrite[] = [...changed.values()].map((entity) => ({ blueprint: entity.blueprint, entity, mode: "put" }));
  await store.writeEntities(writes);
}
