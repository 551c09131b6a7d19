/**
 * The demo Port's catalog stays consistent under concurrent and partly failing writes,
 * on both stores, over real HTTP: merges of one entity never lose an update, a failed
 * entity leaves no placeholders behind, and deletes honour `delete_dependents`.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPortClient, type PortClient } from "../../port/client";
import type { BlueprintInput } from "../../port/schemas";
import { createTestDatabase, type TestDatabase } from "../../server/db/test-db";
import { createMemoryStore } from "./memory-store";
import { createPrismaStore } from "./prisma-store";
import type { DemoPortStore } from "./store";
import { serveDemoPort, type ServedDemoPort } from "./testing";

const FIELDS = 24;
const wide: BlueprintInput = {
  identifier: "wide",
  title: "Wide",
  schema: { properties: Object.fromEntries(Array.from({ length: FIELDS }, (_, i) => [`p${i}`, { type: "string" }])) },
};
const group: BlueprintInput = { identifier: "group", title: "Group", schema: { properties: {} } };
const user: BlueprintInput = {
  identifier: "user",
  title: "User",
  schema: { properties: {} },
  relations: { groups: { target: "group", many: true }, manager: { target: "user", many: false } },
};
/** Cannot exist without its group and its member: `required` relations. */
const membership: BlueprintInput = {
  identifier: "membership",
  title: "Membership",
  schema: { properties: {} },
  relations: { group: { target: "group", required: true }, member: { target: "user", required: true } },
};

/** Depends on a membership: for cascades over more than one level. */
const approval: BlueprintInput = {
  identifier: "approval",
  title: "Approval",
  schema: { properties: {} },
  relations: { membership: { target: "membership", required: true } },
};

async function collectIds(c: PortClient, blueprint: string): Promise<string[]> {
  const out: string[] = [];
  for await (const page of c.listEntities(blueprint)) out.push(...page.map((e) => e.identifier));
  return out.sort();
}

/**
 * The store with 5 ms before every call, like a database on another machine:
 * without it, loopback requests against an in-process store run one after the other and
 * a lost update could never show.
 */
function withLatency(store: DemoPortStore): DemoPortStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (key === "transaction") {
          const [work] = args as [(tx: DemoPortStore) => Promise<unknown>];
          return target.transaction((tx) => work(withLatency(tx)));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const stores: [string, () => Promise<{ store: DemoPortStore; cleanup: () => Promise<void> }>][] = [
  ["memory", async () => ({ store: createMemoryStore(), cleanup: async () => {} })],
  [
    "SQLite",
    async () => {
      const database: TestDatabase = await createTestDatabase();
      return { store: createPrismaStore(database.db), cleanup: () => database.cleanup() };
    },
  ],
];

describe.each(stores)("demo Port integrity (%s store)", (_name, makeStore) => {
  let served: ServedDemoPort;
  let cleanup: () => Promise<void>;
  let c: PortClient;

  beforeEach(async () => {
    const made = await makeStore();
    cleanup = made.cleanup;
    served = await serveDemoPort({ store: withLatency(made.store) });
    c = createPortClient({ baseUrl: served.baseUrl, ...served.credentials, concurrency: FIELDS });
    await c.ensureBlueprints([wide, group, user, membership, approval]);
  });
  afterEach(async () => {
    await served.close();
    await cleanup();
  });

  it("loses no update when many merges of one entity run at once", async () => {
    await c.upsertEntities("wide", [{ identifier: "e1", properties: {}, relations: {} }]);
    // One request per property, all in flight together, each merging one field.
    const results = await Promise.all(
      Array.from({ length: FIELDS }, (_, i) => c.upsertEntities("wide", [{ identifier: "e1", properties: { [`p${i}`]: `v${i}` }, relations: {} }])),
    );
    expect(results.every((r) => r.written === 1)).toBe(true);
    expect(served.demo.stats.peakInFlight).toBeGreaterThan(1);
    const stored = (await served.demo.store.getEntities("wide", ["e1"])).get("e1")!;
    expect(Object.keys(stored.properties).sort()).toEqual(Array.from({ length: FIELDS }, (_, i) => `p${i}`).sort());
  });

  it("lets only one of concurrent creates of a blueprint succeed", async () => {
    const token = ((await (await fetch(`${served.baseUrl}/v1/auth/access_token`, { method: "POST", body: JSON.stringify(served.credentials) })).json()) as { accessToken: string }).accessToken;
    const create = () =>
      fetch(`${served.baseUrl}/v1/blueprints`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ identifier: "once", title: "Once", schema: {} }) });
    const statuses = (await Promise.all([create(), create(), create()])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
  });

  it("leaves no placeholder behind for an entity that fails on another relation", async () => {
    const result = await c.upsertEntities("user", [
      // "g-ok" would be a placeholder, but "bad id!" cannot be one: the whole entity fails.
      { identifier: "u1", properties: {}, relations: { groups: ["g-ok", "bad id!"] } },
      { identifier: "u2", properties: {}, relations: { groups: ["g-shared"], manager: "bad id!" } },
      { identifier: "u3", properties: {}, relations: { groups: ["g-shared"] } },
    ]);
    expect(result.failures.map((f) => f.identifier)).toEqual(["u1", "u2"]);
    expect(await collectIds(c, "group")).toEqual(["g-shared"]);
    expect(await collectIds(c, "user")).toEqual(["u3"]);
  });

  describe("delete_dependents", () => {
    beforeEach(async () => {
      await c.upsertEntities("user", [
        { identifier: "boss", properties: {}, relations: { groups: ["g1"] } },
        { identifier: "ann", properties: {}, relations: { groups: ["g1", "g2"], manager: "boss" } },
      ]);
      await c.upsertEntities("membership", [
        { identifier: "g1-ann", properties: {}, relations: { group: "g1", member: "ann" } },
        { identifier: "g2-ann", properties: {}, relations: { group: "g2", member: "ann" } },
      ]);
    });

    it("refuses to delete an entity that a required relation points at, naming the dependent", async () => {
      const result = await c.deleteEntities("group", ["g1", "g3-missing"]);
      expect(result).toMatchObject({ written: 0, missing: 1, failed: 1 });
      expect(result.failures[0]).toMatchObject({ identifier: "g1", error: "has_dependents", message: expect.stringContaining('"g1-ann"') });
      expect(await collectIds(c, "group")).toEqual(["g1", "g2"]);
      expect(await collectIds(c, "membership")).toEqual(["g1-ann", "g2-ann"]);
    });

    it("deletes the dependents too with delete_dependents=true, and clears optional relations", async () => {
      const result = await c.deleteEntities("group", ["g1"], { deleteDependents: true });
      expect(result).toMatchObject({ written: 1, failed: 0 });
      expect(await collectIds(c, "membership")).toEqual(["g2-ann"]);
      // users.groups is optional: the users stay, without g1.
      const users = await served.demo.store.getEntities("user", ["boss", "ann"]);
      expect(users.get("boss")!.relations).toEqual({ groups: [] });
      expect(users.get("ann")!.relations).toEqual({ groups: ["g2"], manager: "boss" });
    });

    it("does not cascade over optional relations (deleting a manager keeps the reports)", async () => {
      const result = await c.deleteEntities("user", ["boss"], { deleteDependents: true });
      expect(result).toMatchObject({ written: 1, failed: 0 });
      expect(await collectIds(c, "user")).toEqual(["ann"]);
      expect((await served.demo.store.getEntities("user", ["ann"])).get("ann")!.relations).toEqual({ groups: ["g1", "g2"] });
    });

    it("deletes dependents transitively; once they are gone the target deletes without the flag", async () => {
      await c.upsertEntities("approval", [{ identifier: "a1", properties: {}, relations: { membership: "g1-ann" } }]);
      const cascade = await c.deleteEntities("user", ["ann"], { deleteDependents: true });
      expect(cascade).toMatchObject({ written: 1, failed: 0 });
      expect(await collectIds(c, "membership")).toEqual([]);
      expect(await collectIds(c, "approval")).toEqual([]);
      expect(await c.deleteEntities("group", ["g1", "g2"])).toMatchObject({ written: 2, failed: 0 });
    });

    it("answers a single DELETE of a depended-on entity with 422 has_dependents", async () => {
      const token = ((await (await fetch(`${served.baseUrl}/v1/auth/access_token`, { method: "POST", body: JSON.stringify(served.credentials) })).json()) as { accessToken: string }).accessToken;
      const del = (q: string) => fetch(`${served.baseUrl}/v1/blueprints/group/entities/g1${q}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
      const refused = await del("");
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ ok: false, error: "has_dependents" });
      expect((await del("?delete_dependents=true")).status).toBe(200);
      expect(await collectIds(c, "membership")).toEqual(["g2-ann"]);
    });
  });
});
