/**
 * The demo Port's entity upsert, shared by the single and bulk endpoints: validate each
 * entity, check (or create) the related entities it points at, then write everything
 * of the request in one store transaction. Outcomes are per entity, like Port's 207.
 */
import type { Blueprint, PortEntity } from "../../port/schemas";
import type { StoreCap } from "./storage-cap";
import type { DemoPortStore, EntityWrite, StoredEntity } from "./store";
import { relationTargets, validateEntity } from "./validate";

export interface UpsertFlags {
  /** Update an existing entity (else an existing identifier is an error). */
  upsert: boolean;
  /** Merge properties and relations into the existing entity (else replace it). */
  merge: boolean;
  /** Create placeholder entities for relation targets that do not exist. */
  createMissingRelated: boolean;
}

export type EntityOutcome =
  | { index: number; identifier: string; ok: true; created: boolean; entity: StoredEntity }
  | { index: number; identifier: string; ok: false; statusCode: number; error: string; message: string };

function identifierOf(raw: unknown): string | undefined {
  const id = (raw as { identifier?: unknown } | null)?.identifier;
  return typeof id === "string" ? id : undefined;
}

/**
 * Upserts `raws` into `blueprint` as one isolated unit: the entities are read, merged
 * and written inside one store transaction, so two requests merging different
 * properties of the same entity cannot overwrite each other's change. Past `cap` the
 * whole request throws StoreCapExceeded and writes nothing.
 */
export function upsertEntitiesInStore(
  store: DemoPortStore,
  blueprint: Blueprint,
  raws: readonly unknown[],
  flags: UpsertFlags,
  nowIso: string,
  cap?: StoreCap,
): Promise<EntityOutcome[]> {
  return store.transaction((tx) => upsertInTransaction(tx, blueprint, raws, flags, nowIso, cap));
}

type Accepted = Map<number, { entity: StoredEntity; requested: PortEntity; created: boolean }>;

async function upsertInTransaction(
  store: DemoPortStore,
  blueprint: Blueprint,
  raws: readonly unknown[],
  flags: UpsertFlags,
  nowIso: string,
  cap: StoreCap | undefined,
): Promise<EntityOutcome[]> {
  const ids = raws.map(identifierOf).filter((id): id is string => id !== undefined);
  const current = await store.getEntities(blueprint.identifier, ids);
  const outcomes: EntityOutcome[] = [];
  const accepted: Accepted = new Map();

  for (const [index, raw] of raws.entries()) {
    const identifier = identifierOf(raw) ?? "unknown";
    const existing = current.get(identifier);
    if (existing && !flags.upsert) {
      outcomes[index] = { index, identifier, ok: false, statusCode: 409, error: "identifier_taken", message: `entity "${identifier}" already exists` };
      continue;
    }
    const v = validateEntity(blueprint, raw, existing, flags.merge);
    if (!v.ok) {
      outcomes[index] = { index, identifier, ok: false, statusCode: 422, error: "invalid_request", message: v.message };
      continue;
    }
    const entity: StoredEntity = { ...v.entity, blueprint: blueprint.identifier, createdAt: existing?.createdAt ?? nowIso, updatedAt: nowIso };
    // A later entity of the same request with the same identifier merges onto this one.
    current.set(identifier, entity);
    accepted.set(index, { entity, requested: v.requested, created: !existing });
  }

  const placeholders = await resolveRelations(store, blueprint, accepted, flags, nowIso, outcomes);
  const writes: EntityWrite[] = [...placeholders];
  for (const [index, a] of accepted) {
    if (outcomes[index]) continue; // failed on a relation
    writes.push({ blueprint: blueprint.identifier, entity: a.entity, mode: "put" });
    outcomes[index] = { index, identifier: a.entity.identifier, ok: true, created: a.created, entity: a.entity };
  }
  await store.writeEntities(writes, cap);
  return outcomes;
}

type Target = ReturnType<typeof relationTargets>[number];
type Failure = { statusCode: number; error: string; message: string };

/**
 * Checks every relation of every accepted entity before anything is created: an entity
 * with one bad relation fails as a whole and contributes no placeholder for its other
 * relations. Missing targets become placeholder writes (`createMissingRelated`) or fail
 * the entity with a 404. A target written by this same request counts as existing only
 * while that entity has not failed, so the check repeats until no new failure appears.
 */
async function resolveRelations(
  store: DemoPortStore,
  blueprint: Blueprint,
  accepted: Accepted,
  flags: UpsertFlags,
  nowIso: string,
  outcomes: EntityOutcome[],
): Promise<EntityWrite[]> {
  const targets = new Map([...accepted].map(([index, a]) => [index, relationTargets(blueprint, a.requested)]));
  const wanted = new Map<string, Set<string>>();
  for (const t of [...targets.values()].flat()) {
    let set = wanted.get(t.blueprint);
    if (!set) wanted.set(t.blueprint, (set = new Set()));
    set.add(t.identifier);
  }
  const unknownBlueprints = new Set<string>();
  const stored = new Map<string, Set<string>>();
  for (const [target, idSet] of wanted) {
    if (target !== blueprint.identifier && !(await store.getBlueprint(target))) unknownBlueprints.add(target);
    else stored.set(target, await store.existingIdentifiers(target, [...idSet]));
  }

  const problemOf = (t: Target, live: Set<string>): Failure | "placeholder" | null => {
    if (unknownBlueprints.has(t.blueprint)) {
      return { statusCode: 404, error: "not_found", message: `relation "${t.relation}" targets blueprint "${t.blueprint}", which does not exist` };
    }
    if (stored.get(t.blueprint)?.has(t.identifier) || (t.blueprint === blueprint.identifier && live.has(t.identifier))) return null;
    if (!flags.createMissingRelated) {
      return {
        statusCode: 404,
        error: "not_found",
        message: `relation "${t.relation}" points at "${t.identifier}" of blueprint "${t.blueprint}", which does not exist (create_missing_related_entities is off)`,
      };
    }
    return "placeholder";
  };

  const placeholders = new Map<string, EntityWrite>();
  for (let changed = true; changed; ) {
    changed = false;
    placeholders.clear();
    const live = new Set([...accepted].filter(([index]) => !outcomes[index]).map(([, a]) => a.entity.identifier));
    for (const [index, a] of accepted) {
      if (outcomes[index]) continue;
      const mine: Target[] = [];
      let failure: Failure | undefined;
      for (const t of targets.get(index)!) {
        const problem = problemOf(t, live);
        if (problem === "placeholder") mine.push(t);
        else if (problem) {
          failure = problem;
          break;
        }
      }
      if (failure) {
        outcomes[index] = { index, identifier: a.entity.identifier, ok: false, ...failure };
        changed = true;
        continue;
      }
      for (const t of mine) {
        const entity: StoredEntity = { identifier: t.identifier, properties: {}, relations: {}, blueprint: t.blueprint, createdAt: nowIso, updatedAt: nowIso };
        placeholders.set(`${t.blueprint}\u0000${t.identifier}`, { blueprint: t.blueprint, entity, mode: "create-if-missing" });
      }
    }
  }
  return [...placeholders.values()];
}
