/** In-memory demo Port store: for tests and benchmarks (the app uses the Prisma store). */
import type { Blueprint, PortIntegration } from "../../port/schemas";
import type { DemoPortStore, EntityPage, EntityPageQuery, EntityWrite, StoredEntity } from "./store";

export function createMemoryStore(): DemoPortStore {
  const blueprints = new Map<string, Blueprint>();
  const entities = new Map<string, Map<string, StoredEntity>>();
  const integrations = new Map<string, PortIntegration>();
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
    async writeEntities(writes: readonly EntityWrite[]) {
      for (const w of writes) {
        const m = bucket(w.blueprint);
        if (w.mode === "create-if-missing" && m.has(w.entity.identifier)) continue;
        m.set(w.entity.identifier, clone(w.entity));
      }
    },
    async deleteEntities(bp, ids) {
      const m = entities.get(bp);
      return ids.filter((id) => m?.delete(id));
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
      const page = all.slice(0, query.limit).map(clone);
      return { entities: page, next: all.length > query.limit ? page[page.length - 1]!.identifier : null };
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
