/**
 * The demo Port's entity upsert, shared by the single and bulk endpoints: validate each
 * entity, check (or create) the related entities it points at, then write everything
 * of the request in one store transaction. Outcomes are per entity, like Port's 207.
 */
import { entityIdentifierPattern, type Blueprint, type PortEntity } from "../../port/schemas";
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

export async function upsertEntitiesInStore(
  store: DemoPortStore,
  blueprint: Blueprint,
  raws: readonly unknown[],
  flags: UpsertFlags,
  nowIso: string,
): Promise<EntityOutcome[]> {
  const ids = raws.map(identifierOf).filter((id): id is string => id !== undefined);
  const current = await store.getEntities(blueprint.identifier, ids);
  const outcomes: EntityOutcome[] = [];
  const accepted = new Map<number, { entity: StoredEntity; requested: PortEntity; created: boolean }>();

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
  await store.writeEntities(writes);
  return outcomes;
}

/**
 * Finds relation targets that do not exist. With `createMissingRelated` they become
 * placeholder writes; otherwise the entity pointing at them fails with a 404 outcome.
 */
async function resolveRelations(
  store: DemoPortStore,
  blueprint: Blueprint,
  accepted: Map<number, { entity: StoredEntity; requested: PortEntity }>,
  flags: UpsertFlags,
  nowIso: string,
  outcomes: EntityOutcome[],
): Promise<EntityWrite[]> {
  const wanted = new Map<string, Set<string>>();
  for (const a of accepted.values()) {
    for (const t of relationTargets(blueprint, a.requested)) {
      let set = wanted.get(t.blueprint);
      if (!set) wanted.set(t.blueprint, (set = new Set()));
      set.add(t.identifier);
    }
  }
  const inThisRequest = new Set([...accepted.values()].map((a) => a.entity.identifier));
  const missing = new Map<string, Set<string>>();
  const unknownBlueprints = new Set<string>();
  for (const [target, idSet] of wanted) {
    if (target !== blueprint.identifier && !(await store.getBlueprint(target))) {
      unknownBlueprints.add(target);
      continue;
    }
    const candidates = [...idSet].filter((id) => !(target === blueprint.identifier && inThisRequest.has(id)));
    const found = candidates.length ? await store.existingIdentifiers(target, candidates) : new Set<string>();
    missing.set(target, new Set(candidates.filter((id) => !found.has(id))));
  }

  const placeholders = new Map<string, EntityWrite>();
  for (const [index, a] of accepted) {
    for (const t of relationTargets(blueprint, a.requested)) {
      const fail = (statusCode: number, error: string, message: string) => {
        outcomes[index] ??= { index, identifier: a.entity.identifier, ok: false, statusCode, error, message };
      };
      if (unknownBlueprints.has(t.blueprint)) {
        fail(404, "not_found", `relation "${t.relation}" targets blueprint "${t.blueprint}", which does not exist`);
      } else if (missing.get(t.blueprint)?.has(t.identifier)) {
        if (!flags.createMissingRelated) {
          fail(404, "not_found", `relation "${t.relation}" points at "${t.identifier}" of blueprint "${t.blueprint}", which does not exist (create_missing_related_entities is off)`);
        } else if (!entityIdentifierPattern.test(t.identifier)) {
          fail(422, "invalid_request", `relation "${t.relation}" points at "${t.identifier}", which is not a valid identifier`);
        } else {
          const entity: StoredEntity = { identifier: t.identifier, properties: {}, relations: {}, blueprint: t.blueprint, createdAt: nowIso, updatedAt: nowIso };
          placeholders.set(`${t.blueprint}\u0000${t.identifier}`, { blueprint: t.blueprint, entity, mode: "create-if-missing" });
        }
      }
    }
  }
  return [...placeholders.values()];
}
