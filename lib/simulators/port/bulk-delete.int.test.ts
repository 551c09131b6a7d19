/**
 * The demo Port's bulk delete over real HTTP, as Port does it: `delete_dependents`
 * required, 1..100 identifiers, all or nothing, and exactly `{ok, deletedEntities}`.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPortClient } from "../../port/client";
import type { BlueprintInput } from "../../port/schemas";
import { createTestDatabase, type TestDatabase } from "../../server/db/test-db";
import { createMemoryStore } from "./memory-store";
import { createPrismaStore } from "./prisma-store";
import type { DemoPortStore } from "./store";
import { serveDemoPort, type ServedDemoPort } from "./testing";

const group: BlueprintInput = { identifier: "group", title: "Group", schema: { properties: {} } };
/** Cannot exist without its group: a required relation. */
const membership: BlueprintInput = { identifier: "membership", title: "Membership", schema: { properties: {} }, relations: { group: { target: "group", required: true } } };

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

describe.each(stores)("bulk delete (%s store)", (_name, makeStore) => {
  let served: ServedDemoPort;
  let cleanup: () => Promise<void>;
  let del: (query: string, body: unknown) => Promise<{ status: number; body: unknown }>;
  let groups: () => Promise<string[]>;

  beforeEach(async () => {
    const made = await makeStore();
    cleanup = made.cleanup;
    served = await serveDemoPort({ store: made.store });
    const c = createPortClient({ baseUrl: served.baseUrl, ...served.credentials });
    await c.ensureBlueprints([group, membership]);
    await c.upsertEntities("group", ["g1", "g2", "g3"].map((identifier) => ({ identifier, properties: {}, relations: {} })));
    await c.upsertEntities("membership", [{ identifier: "m1", properties: {}, relations: { group: "g1" } }]);
    const token = ((await (await fetch(`${served.baseUrl}/v1/auth/access_token`, { method: "POST", body: JSON.stringify(served.credentials) })).json()) as { accessToken: string }).accessToken;
    del = async (query, body) => {
      const res = await fetch(`${served.baseUrl}/v1/blueprints/group/bulk/entities/delete${query}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    };
    groups = async () => [...(await served.demo.store.existingIdentifiers("group", ["g1", "g2", "g3"]))].sort();
  });
  afterEach(async () => {
    await served.close();
    await cleanup();
  });

  it("requires delete_dependents=true|false", async () => {
    for (const query of ["", "?delete_dependents=", "?delete_dependents=yes", "?delete_dependents=TRUE"]) {
      const res = await del(query, { entities: ["g2"] });
      expect(res, query).toMatchObject({ status: 400, body: { ok: false, error: "invalid_request", message: expect.stringContaining("delete_dependents") } });
    }
    expect(await groups()).toEqual(["g1", "g2", "g3"]);
  });

  it("takes 1 to 100 identifiers", async () => {
    expect((await del("?delete_dependents=false", { entities: [] })).status).toBe(422);
    expect((await del("?delete_dependents=false", { entities: Array.from({ length: 101 }, (_, i) => `x${i}`) })).status).toBe(422);
    expect((await del("?delete_dependents=false", { entities: Array.from({ length: 100 }, (_, i) => `x${i}`) })).status).toBe(200);
  });

  it("answers exactly {ok, deletedEntities}, leaving out identifiers that did not exist", async () => {
    const res = await del("?delete_dependents=false", { entities: ["g2", "ghost", "g3"] });
    expect(res).toEqual({ status: 200, body: { ok: true, deletedEntities: ["g2", "g3"] } });
    expect(await groups()).toEqual(["g1"]);
  });

  it("refuses the whole batch when one entity has dependents, naming it, and deletes nothing", async () => {
    const res = await del("?delete_dependents=false", { entities: ["g2", "g1", "g3"] });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      ok: false,
      error: "has_dependents",
      message: expect.stringMatching(/^Nothing was deleted: .*Entity "g1" of blueprint "group" has dependents: "m1" of blueprint "membership" \(required relation "group"\)/),
    });
    expect(await groups()).toEqual(["g1", "g2", "g3"]);
  });

  it("deletes the batch and the dependents with delete_dependents=true", async () => {
    const res = await del("?delete_dependents=true", { entities: ["g1", "g2"] });
    expect(res).toEqual({ status: 200, body: { ok: true, deletedEntities: ["g1", "g2"] } });
    expect(await groups()).toEqual(["g3"]);
    expect(await served.demo.store.existingIdentifiers("membership", ["m1"])).toEqual(new Set());
  });
});
