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
 * - without it, one depended-on identifier refuses the whole request: nothing is deleted
 *   (Port's bulk delete is all or nothing), and each blocked identifier gets a
 *   `has_dependents` error naming its dependents. A dependent that is itself deleted by
 *   the same request does not block;
 * - an optional relation that points at a deleted entity is cleared (a single relation
 *   removed, the identifier taken out of a many relation), so nothing dangles.
 */
import type { Blueprint } from "../../port/schemas";
import type { DemoPortStore, EntityWrite, StoredEntity } from "./store";

export interface DeleteRefusal {
  identifier: string;
  error: "has_dependents";
  message: string;
}

export interface DeleteOutcome {
  /** Requested identifiers that were deleted. */
  deleted: string[];
  /** Entities deleted because they depended on a deleted one. */
  dependentsDeleted: { blueprint: string; identifier: string }[];
  /** Requested identifiers that did not exist. */
  missing: string[];
  /** Why the request was refused as a whole (then nothing was deleted); empty when it was not. */
  refused: DeleteRefusal[];
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
  const missing = [...new Set(identifiers.filter((id) => !existing.has(id)))];
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
    const refused = await blockedByDependents(store, blueprint, existing, refsTo(blueprint), isDoomed);
    if (refused.length) return { deleted: [], dependentsDeleted: [], missing, refused };
  }

  await clearOptionalRelations(store, doomed, refsTo, isDoomed, nowIso);
  const dependentsDeleted: DeleteOutcome["dependentsDeleted"] = [];
  let deleted: string[] = [];
  for (const [bp, ids] of doomed) {
    const gone = await store.deleteEntities(bp, [...ids]);
    // In the order asked for, each once.
    if (bp === blueprint) deleted = [...new Set(identifiers)].filter((id) => existing.has(id) && gone.includes(id));
    dependentsDeleted.push(...gone.filter((id) => bp !== blueprint || !existing.has(id)).map((identifier) => ({ blueprint: bp, identifier })));
  }
  return { deleted, dependentsDeleted, missing, refused: [] };
}

/**
 * Without delete_dependents: every identifier of `ids` that a required relation of an
 * entity staying behind points at, with the dependents that block it.
 */
async function blockedByDependents(
  store: DemoPortStore,
  blueprint: string,
  ids: ReadonlySet<string>,
  refs: Reference[],
  isDoomed: (bp: string, id: string) => boolean,
): Promise<DeleteRefusal[]> {
  const blockers = new Map<string, string[]>();
  for (const ref of refs.filter((r) => r.required)) {
    for (const dep of await store.findReferencing(ref.source, ref.relation, [...ids])) {
      if (isDoomed(ref.source, dep.identifier)) continue;
      for (const id of pointsAt(dep, ref.relation).filter((t) => ids.has(t))) {
        blockers.set(id, [...(blockers.get(id) ?? []), `"${dep.identifier}" of blueprint "${ref.source}" (required relation "${ref.relation}")`]);
      }
    }
  }
  return [...blockers].map(([id, deps]) => {
    const more = deps.length > 3 ? ` and ${deps.length - 3} more` : "";
    return {
      identifier: id,
      error: "has_dependents",
      message: `Entity "${id}" of blueprint "${blueprint}" has dependents: ${deps.slice(0, 3).join(", ")}${more}. Delete them first, or delete with delete_dependents=true.`,
    };
  });
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
