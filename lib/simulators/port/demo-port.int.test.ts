/**
 * The demo Port on its SQLite (Prisma) store, over real HTTP: Port's status codes and
 * shapes for bad input, and what the client writes persisting in the app's database.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPortClient } from "../../port/client";
import type { BlueprintInput } from "../../port/schemas";
import { createDb } from "../../server/db";
import { createTestDatabase, type TestDatabase } from "../../server/db/test-db";
import { listCatalogBlueprints, pageCatalogEntities, getCatalogEntity } from "./catalog";
import { createPrismaStore } from "./prisma-store";
import { serveDemoPort, type ServedDemoPort } from "./testing";

const blueprints: BlueprintInput[] = [
  {
    identifier: "entra-id-user",
    title: "User",
    schema: { properties: { mail: { type: "string", format: "email" }, enabled: { type: "boolean" } }, required: ["enabled"] },
    relations: { groups: { target: "entra-id-group", many: true } },
  },
  { identifier: "entra-id-group", title: "Group", schema: { properties: {} }, relations: { members: { target: "entra-id-user", many: true } } },
];

let database: TestDatabase;
let served: ServedDemoPort;

beforeEach(async () => {
  database = await createTestDatabase();
  served = await serveDemoPort({ store: createPrismaStore(database.db), seedIntegrations: [{ identifier: "entra-id", config: null }] });
});
afterEach(async () => {
  await served.close();
  await database.cleanup();
});

async function token(): Promise<string> {
  const res = await fetch(`${served.baseUrl}/v1/auth/access_token`, { method: "POST", body: JSON.stringify(served.credentials) });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function call(method: string, path: string, body?: unknown, bearer?: string) {
  const res = await fetch(served.baseUrl + path, {
    method,
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

const client = () => createPortClient({ baseUrl: served.baseUrl, ...served.credentials });

describe("demo Port authentication", () => {
  it("refuses wrong credentials, a malformed token request, and calls without a valid token", async () => {
    expect((await call("POST", "/v1/auth/access_token", { clientId: "demo-port-client", clientSecret: "nope" })).status).toBe(401);
    expect((await call("POST", "/v1/auth/access_token", { clientId: 1 })).status).toBe(422);
    expect((await call("POST", "/v1/auth/access_token", "{not json")).status).toBe(400);
    expect(await call("GET", "/v1/blueprints")).toMatchObject({ status: 401, body: { ok: false, error: "unauthorized" } });
    expect((await call("GET", "/v1/blueprints", undefined, "demo.forged.token")).status).toBe(401);
    const ok = await call("GET", "/v1/blueprints", undefined, await token());
    expect(ok).toMatchObject({ status: 200, body: { ok: true, blueprints: [] } });
  });
});

describe("demo Port validation", () => {
  it("answers like Port for unknown blueprints, too many or too large entities, and bad blueprints", async () => {
    const t = await token();
    await client().ensureBlueprints(blueprints);
    const bulk = (bp: string, entities: unknown[]) => call("POST", `/v1/blueprints/${bp}/entities/bulk?upsert=true&merge=true`, { entities }, t);
    expect(await bulk("nope", [{ identifier: "x" }])).toMatchObject({ status: 404, body: { ok: false, error: "not_found" } });
    const many = Array.from({ length: 21 }, (_, i) => ({ identifier: `u${i}`, properties: { enabled: true } }));
    expect(await bulk("entra-id-user", many)).toMatchObject({ status: 422, body: { message: expect.stringContaining("at most 20") } });
    const large = [{ identifier: "u1", properties: { enabled: true, mail: "x".repeat(1024 * 1024) } }];
    expect((await bulk("entra-id-user", large)).status).toBe(413);
    expect((await call("POST", "/v1/blueprints", { identifier: "no spaces allowed", title: "x", schema: {} }, t)).status).toBe(422);
    expect((await call("POST", "/v1/blueprints", { identifier: "dangling", title: "x", schema: {}, relations: { r: { target: "missing" } } }, t)).status).toBe(404);
    expect((await call("POST", "/v1/blueprints", blueprints[1], t)).status).toBe(409);
  });

  it("answers a bulk with some bad entities with 207 and per-entity errors by index", async () => {
    const t = await token();
    await client().ensureBlueprints(blueprints);
    const res = await call(
      "POST",
      "/v1/blueprints/entra-id-user/entities/bulk?upsert=true&merge=true&create_missing_related_entities=false",
      { entities: [{ identifier: "u1", properties: { enabled: true } }, { identifier: "u2", properties: { enabled: "no" } }, { identifier: "u3", properties: { enabled: true }, relations: { groups: ["g-missing"] } }] },
      t,
    );
    expect(res.status).toBe(207);
    expect(res.body).toMatchObject({
      ok: true,
      entities: [{ identifier: "u1", index: 0, created: true }],
      errors: [
        { identifier: "u2", index: 1, statusCode: 422, message: expect.stringContaining('"enabled" must be a boolean') },
        { identifier: "u3", index: 2, statusCode: 404, message: expect.stringContaining("g-missing") },
      ],
    });
  });

  it("answers 429 with Retry-After once the bulk rate limit is used up", async () => {
    await served.close();
    served = await serveDemoPort({ store: createPrismaStore(database.db), rateLimit: { requests: 1, windowSeconds: 60, burst: 1 } });
    const t = await token();
    await client().ensureBlueprints(blueprints);
    const send = () => call("POST", "/v1/blueprints/entra-id-user/entities/bulk?upsert=true", { entities: [{ identifier: "u1", properties: { enabled: true } }] }, t);
    expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
  });
});

describe("demo Port on SQLite", () => {
  it("persists what the client writes, and the Demo catalog reads it", async () => {
    const c = client();
    await c.ensureBlueprints(blueprints);
    const users = Array.from({ length: 45 }, (_, i) => ({
      identifier: `user-${String(i).padStart(2, "0")}`,
      title: i === 7 ? "Adele Vance" : `User ${i}`,
      properties: { enabled: true, mail: `u${i}@contoso.com` },
      relations: { groups: [`group-${i % 3}`] },
    }));
    expect(await c.upsertEntities("entra-id-user", users)).toMatchObject({ written: 45, created: 45, failed: 0 });
    expect(await c.upsertEntities("entra-id-user", [{ identifier: "user-00", properties: { mail: null }, relations: {} }])).toMatchObject({ written: 1, created: 0 });
    expect(await c.deleteEntities("entra-id-user", ["user-44", "ghost"])).toMatchObject({ written: 1, missing: 1 });

    // A second Prisma client on the same file: the data is in the database, not in memory.
    const other = createDb(database.url);
    try {
      const store = createPrismaStore(other);
      expect(await listCatalogBlueprints(store)).toEqual([
        expect.objectContaining({ identifier: "entra-id-group", entityCount: 3, relations: [{ name: "members", target: "entra-id-user", many: true }] }),
        expect.objectContaining({ identifier: "entra-id-user", entityCount: 44 }),
      ]);
      const first = await pageCatalogEntities(store, "entra-id-user", { limit: 20 });
      expect(first.entities).toHaveLength(20);
      const second = await pageCatalogEntities(store, "entra-id-user", { limit: 20, after: first.next! });
      expect(second.entities[0]!.identifier).toBe("user-20");
      expect((await pageCatalogEntities(store, "entra-id-user", { search: "adele" })).entities.map((e) => e.identifier)).toEqual(["user-07"]);
      const stored = await getCatalogEntity(store, "entra-id-user", "user-00");
      expect(stored).toMatchObject({ identifier: "user-00", properties: { enabled: true }, relations: { groups: ["group-0"] }, blueprint: "entra-id-user" });
      expect(stored!.properties).not.toHaveProperty("mail");
    } finally {
      await other.$disconnect();
    }

    const pages: number[] = [];
    for await (const page of c.listEntities("entra-id-user", { pageSize: 30 })) pages.push(page.length);
    expect(pages).toEqual([30, 14]);
  });

  it("takes more identifiers than one SQLite statement may bind: a group of 1,500 members, a page of 1,000, a cascade of 1,500", async () => {
    const c = client();
    await c.ensureBlueprints(blueprints);
    const members = Array.from({ length: 1_500 }, (_, i) => `m-${String(i).padStart(4, "0")}`);
    // The members do not exist yet: each becomes a placeholder user.
    expect(await c.upsertEntities("entra-id-group", [{ identifier: "big", properties: {}, relations: { members } }])).toMatchObject({ written: 1, failed: 0 });
    const pages: number[] = [];
    for await (const page of c.listEntities("entra-id-user", { pageSize: 1_000 })) pages.push(page.length);
    expect(pages).toEqual([1_000, 500]);
    // Deleting every member takes each out of the group's many relation.
    expect(await c.deleteEntities("entra-id-user", members)).toMatchObject({ written: 1_500, failed: 0 });
    expect((await served.demo.store.getEntities("entra-id-group", ["big"])).get("big")!.relations).toEqual({ members: [] });
  });

  it("keeps blueprint updates additive and stores the integration's mapping", async () => {
    const c = client();
    await c.ensureBlueprints([{ identifier: "entra-id-user", title: "Mine", schema: { properties: { costCenter: { type: "string" } } } }]);
    const report = await c.ensureBlueprints(blueprints);
    expect(report.updated[0]).toMatchObject({ identifier: "entra-id-user", addedProperties: ["mail", "enabled"], addedRelations: ["groups"] });
    const bp = (await c.getBlueprint("entra-id-user"))!;
    expect(Object.keys(bp.schema.properties).sort()).toEqual(["costCenter", "enabled", "mail"]);
    expect(bp.title).toBe("Mine");
    await c.updateIntegrationConfig("entra-id", { resources: [] });
    expect((await c.getIntegration("entra-id")).config).toEqual({ resources: [] });
  });
});
