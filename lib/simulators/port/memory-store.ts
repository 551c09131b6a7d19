/** In-memory demo Port store: for tests and benchmarks (the app uses the Prisma store). */
import type { Blueprint, PortIntegration } from "../../port/schemas";
import { checkCap, entityKey, prepareWrites, usageDelta } from "./storage-cap";
import type { DemoPortStore, EntityPage, EntityPageQuery, EntityWrite, StoredEntity } from "./store";

export function createMemoryStore(): DemoPortStore {
  const blueprints = new Map<string, Blueprint>();
  const entities = new Map<string, Map<string, StoredEntity>>();
  const integrations = new Map<string, PortIntegration>();
  /** Bytes of each stored entity's JSON (by entityKey), and their sum. */
  const sizes = new Map<string, number>();
  let totalBytes = 0;
  const bucket = (bp: string) => {
    let m = entities.get(bp);
    if (!m) entities.set(bp, (m = new Map()));
    return m;
  };
  const clone = <T>(v: T): T => structuredClone(v);
  // The tail of the queue of transactions: each starts when the previous one settled.
  let queue: Promise<unknown> = Promise.resolve();

  const store: DemoPortStore = {
    transaction<T>(work: (tx: DemoPortStore) => Promise<T>): Promise<T> {
      const inside: DemoPortStore = { ...store, transaction: (nested) => nested(inside) };
      const run = queue.then(() => work(inside));
      queue = run.catch(() => undefined);
      return run;
    },
    async getBlueprint(id) {
      const bp = blueprints.get(id);
      return bp ? clone(bp) : null;
    },
    async listBlueprints() {
      return [...blueprints.values()].map(clone).sort((a, b) => a.identifier.localeCompare(b.identifier));
    },
    async saveBlueprint(bp) {
      blueprints.set(bp.identifier, clone(bp));
    },
    async getEntities(bp, ids) {
      const m = entities.get(bp);
      const out = new Map<string, StoredEntity>();
      for (const id of ids) {
        const e = m?.get(id);
        if (e) out.set(id, clone(e));
      }
      return out;
    },
    async existingIdentifiers(bp, ids) {
      const m = entities.get(bp);
      return new Set(ids.filter((id) => m?.has(id)));
    },
    async writeEntities(writes: readonly EntityWrite[], cap) {
      const prepared = prepareWrites(writes);
      const existing = new Map<string, number>();
      for (const { write } of prepared) {
        const key = entityKey(write.blueprint, write.entity.identifier);
        const size = sizes.get(key);
        if (size !== undefined) existing.set(key, size);
      }
      checkCap({ entities: sizes.size, bytes: totalBytes }, usageDelta(prepared, existing), cap);
      for (const { write: w, bytes } of prepared) {
        const m = bucket(w.blueprint);
        if (w.mode === "create-if-missing" && m.has(w.entity.identifier)) continue;
        m.set(w.entity.identifier, clone(w.entity));
        const key = entityKey(w.blueprint, w.entity.identifier);
        totalBytes += bytes - (sizes.get(key) ?? 0);
        sizes.set(key, bytes);
      }
    },
    async deleteEntities(bp, ids) {
      const m = entities.get(bp);
      return ids.filter((id) => {
        if (!m?.delete(id)) return false;
        totalBytes -= sizes.get(entityKey(bp, id)) ?? 0;
        sizes.delete(entityKey(bp, id));
        return true;
      });
    },
    async findReferencing(bp, relation, targets) {
      const wanted = new Set(targets);
      const out: StoredEntity[] = [];
      for (const e of entities.get(bp)?.values() ?? []) {
        const value = e.relations[relation];
        const ids = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
        if (ids.some((id) => wanted.has(id))) out.push(clone(e));
      }
      return out;
    },
    async pageEntities(bp, query: EntityPageQuery): Promise<EntityPage> {
      const needle = query.search?.toLowerCase();
      const all = [...(entities.get(bp)?.values() ?? [])]
        .filter((e) => query.after === undefined || e.identifier > query.after)
        .filter((e) => !needle || e.identifier.toLowerCase().includes(needle) || (e.title ?? "").toLowerCase().includes(needle))
        .sort((a, b) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
      const page: StoredEntity[] = [];
      let bytes = 0;
      for (const e of all) {
        const size = sizes.get(entityKey(bp, e.identifier)) ?? 0;
        if (page.length >= query.limit || (page.length > 0 && bytes + size > (query.maxBytes ?? Infinity))) break;
        page.push(clone(e));
        bytes += size;
      }
      return { entities: page, next: all.length > page.length ? page[page.length - 1]!.identifier : null };
    },
    async usage() {
      return { entities: sizes.size, bytes: totalBytes };
    },
    async countEntities() {
      return new Map([...blueprints.keys()].map((id) => [id, entities.get(id)?.size ?? 0]));
    },
    async getIntegration(id) {
      const rec = integrations.get(id);
      return rec ? clone(rec) : null;
    },
    async saveIntegration(rec) {
      integrations.set(rec.identifier, clone(rec));
    },
  };
  return store;
}
