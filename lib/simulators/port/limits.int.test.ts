/**
 * The demo Port's limits over real HTTP: Port's identifier rules, 1 MiB per request read
 * no further than a bounded drain, nesting depth, the store's cap (both stores), the
 * single-entity rate limit, and listing pages bounded by bytes.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createPortClient } from "../../port/client";
import type { BlueprintInput } from "../../port/schemas";
import { createTestDatabase, type TestDatabase } from "../../server/db/test-db";
import type { DemoPortOptions } from "./handler";
import { createMemoryStore } from "./memory-store";
import { createPrismaStore } from "./prisma-store";
import type { DemoPortStore } from "./store";
import { serveDemoPort, type ServedDemoPort } from "./testing";

const item: BlueprintInput = {
  identifier: "item",
  title: "Item",
  schema: { properties: { note: { type: "string" }, data: { type: "object" } } },
  relations: { parent: { target: "item" } },
};

let served: ServedDemoPort | undefined;
let database: TestDatabase | undefined;
afterEach(async () => {
  await served?.close();
  await database?.cleanup();
  served = database = undefined;
});

const stores: [string, () => Promise<DemoPortStore>][] = [
  ["memory", async () => createMemoryStore()],
  ["SQLite", async () => createPrismaStore((database = await createTestDatabase()).db)],
];

async function start(options: Partial<DemoPortOptions> = {}) {
  served = await serveDemoPort(options);
  const res = await fetch(`${served.baseUrl}/v1/auth/access_token`, { method: "POST", body: JSON.stringify(served.credentials) });
  const token = ((await res.json()) as { accessToken: string }).accessToken;
  const base = served.baseUrl;
  await createPortClient({ baseUrl: base, ...served.credentials }).ensureBlueprints([item]);
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(base + path, { method, headers: { authorization: `Bearer ${token}` }, body: typeof body === "string" ? body : JSON.stringify(body) });
    return { status: r.status, headers: r.headers, body: (await r.json()) as Record<string, unknown> };
  };
  const upsert = (entity: unknown) => call("POST", "/v1/blueprints/item/entities?upsert=true&create_missing_related_entities=true", entity);
  return { token, call, upsert, client: createPortClient({ baseUrl: base, ...served.credentials }) };
}

describe("entity identifiers (Port's pattern, at most 1,000 characters)", () => {
  it("accepts letters of any script, refuses . and .., and refuses past 1,000 characters", async () => {
    const { upsert } = await start();
    for (const id of ["Zoë", "用户-1", "Владимир@contoso", "a.b", "x".repeat(1000)]) {
      expect((await upsert({ identifier: id })).status, id).toBe(201);
    }
    for (const [id, reason] of [
      [".", 'may not be "."'],
      ["..", 'may not be ".."'],
      ["x".repeat(1001), "is longer than 1000 characters"],
      ["has space", "may hold only letters"],
      ["٣", "may hold only letters"], // an Arabic-Indic digit: only 0-9 are digits to Port
    ]) {
      const res = await upsert({ identifier: id });
      expect(res, id).toMatchObject({ status: 422, body: { ok: false, error: "invalid_request", message: expect.stringContaining(reason!) } });
    }
  });

  it("holds relation targets to the same rules", async () => {
    const { upsert, call } = await start();
    const res = await upsert({ identifier: "child", relations: { parent: "y".repeat(1001) } });
    expect(res).toMatchObject({ status: 422, body: { message: expect.stringMatching(/^relation "parent": identifier "y+\.\.\." is longer than 1000 characters$/) } });
    expect((await upsert({ identifier: "child2", relations: { parent: ".." } })).status).toBe(422);
    // Nothing was stored, no placeholder either.
    expect((await call("POST", "/v1/blueprints/item/entities/search", {})).body.entities).toEqual([]);
  });
});

describe("request bodies", () => {
  it("answers 413 to an endless body after reading at most 1 MiB plus a bounded drain, and closes the connection", async () => {
    const { token } = await start();
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stopAt = 64 * 1024 * 1024;
    let sent = 0;
    // A body that only ends when 64 MiB were taken from it: a server that drains to the
    // end answers only after all of them.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= stopAt) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${served!.baseUrl}/v1/blueprints/item/entities?upsert=true`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body,
      duplex: "half",
    } as RequestInit);
    const sentWhenAnswered = sent;
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: "payload_too_large" });
    // 1 MiB read and 8 MiB drained (DRAIN_MAX_BYTES), plus what the sockets buffer on the way.
    expect(sentWhenAnswered).toBeLessThan(32 * 1024 * 1024);
    expect(res.headers.get("connection")).toBe("close");
  });

  it("still answers 413 (not a dropped connection) to an ordinary body a little over 1 MiB", async () => {
    const { upsert } = await start();
    const res = await upsert({ identifier: "big", properties: { note: "x".repeat(1024 * 1024) } });
    expect(res).toMatchObject({ status: 413, body: { error: "payload_too_large" } });
  });

  it.each(stores)("refuses an entity nested 8,000 deep with a 400 that says where (%s store)", async (_name, makeStore) => {
    const { call } = await start({ store: await makeStore() });
    const deep = "[".repeat(8000) + "]".repeat(8000);
    const res = await call("POST", "/v1/blueprints/item/entities?upsert=true", `{"identifier":"deep","properties":{"data":{"a":${deep}}}}`);
    expect(res).toMatchObject({ status: 400, body: { ok: false, error: "invalid_request", message: expect.stringContaining("deeper than 100 levels (at properties.data.a[0][0][0]...)") } });
    const bulk = await call("POST", "/v1/blueprints/item/entities/bulk?upsert=true", `{"entities":[{"identifier":"ok"},{"identifier":"deep","properties":{"data":${deep}}}]}`);
    expect(bulk.status).toBe(400);
    // 100 levels are fine.
    const fine = await call("POST", "/v1/blueprints/item/entities?upsert=true", { identifier: "fine", properties: { data: { a: JSON.parse("[".repeat(97) + "]".repeat(97)) } } });
    expect(fine.status).toBe(201);
  });
});

describe.each(stores)("the store's cap (%s store)", (_name, makeStore) => {
  it("refuses with 409 demo_port_full the write past the entity count, and accepts writes that do not grow", async () => {
    const { upsert, call } = await start({ store: await makeStore(), storeCap: { maxEntities: 3 } });
    for (const id of ["a", "b", "c"]) expect((await upsert({ identifier: id })).status).toBe(201);
    const refused = await upsert({ identifier: "d" });
    expect(refused).toMatchObject({ status: 409, body: { ok: false, error: "demo_port_full", message: expect.stringContaining("4 entities (at most 3)") } });
    // A bulk that would create a placeholder is refused whole: neither entity is written.
    const bulk = await call("POST", "/v1/blueprints/item/entities/bulk?upsert=true&create_missing_related_entities=true", { entities: [{ identifier: "a", title: "A" }, { identifier: "b", relations: { parent: "new" } }] });
    expect(bulk.status).toBe(409);
    expect(((await call("GET", "/v1/blueprints/item/entities/a")).body.entity as { title?: string }).title).toBeUndefined();
    expect((await upsert({ identifier: "a", title: "A" })).status).toBe(200);
    expect((await call("DELETE", "/v1/blueprints/item/entities/c")).status).toBe(200);
    expect((await upsert({ identifier: "d" })).status).toBe(201);
  });

  it("counts bytes of entity JSON, and a store reopened on the same data counts what is there", async () => {
    const store = await makeStore();
    const { upsert } = await start({ store, storeCap: { maxBytes: 4_000 } });
    expect((await upsert({ identifier: "a", properties: { note: "x".repeat(1_500) } })).status).toBe(201);
    expect((await upsert({ identifier: "b", properties: { note: "x".repeat(1_500) } })).status).toBe(201);
    const refused = await upsert({ identifier: "c", properties: { note: "x".repeat(1_500) } });
    expect(refused).toMatchObject({ status: 409, body: { error: "demo_port_full", message: expect.stringMatching(/\d+ bytes of entities \(at most 4000\)/) } });
    // Shrinking an entity is always allowed, and makes room.
    expect((await upsert({ identifier: "a", properties: { note: "short" } })).status).toBe(200);
    const usage = await store.usage();
    expect(usage.entities).toBe(2);
    expect(usage.bytes).toBeGreaterThan(1_500);
    expect(usage.bytes).toBeLessThan(2_000);
    if (database) {
      // A second store on the same database starts from what the rows hold.
      expect(await createPrismaStore(database.db).usage()).toEqual(usage);
    }
  });
});

describe("rate limits", () => {
  it("limits single-entity upserts like bulk ones: 429 with Retry-After once the bucket is empty", async () => {
    const { upsert } = await start({ singleRateLimit: { requests: 1, windowSeconds: 60, burst: 1 } });
    expect((await upsert({ identifier: "a" })).status).toBe(201);
    const limited = await upsert({ identifier: "b" });
    expect(limited).toMatchObject({ status: 429, body: { ok: false, error: "rate_limit_exceeded" } });
    expect(limited.headers.get("retry-after")).toBe("60");
  });
});

describe("listing pages", () => {
  it.each(stores)("bounds a page by bytes as well as by count, and paging still reaches every entity (%s store)", async (_name, makeStore) => {
    const { call, client } = await start({ store: await makeStore(), listPageMaxBytes: 10_000 });
    const entities = Array.from({ length: 30 }, (_, i) => ({ identifier: `e${String(i).padStart(2, "0")}`, properties: { note: "n".repeat(900) }, relations: {} }));
    expect(await client.upsertEntities("item", entities)).toMatchObject({ written: 30 });
    const first = await call("POST", "/v1/blueprints/item/entities/search", { limit: 1000 });
    const page = first.body.entities as unknown[];
    expect(page.length).toBeGreaterThan(1);
    expect(page.length).toBeLessThan(30);
    expect(JSON.stringify(page).length).toBeLessThanOrEqual(10_000 + page.length + 1);
    expect(first.body.next).toBe((page.at(-1) as { identifier: string }).identifier);
    expect(((await call("GET", "/v1/blueprints/item/entities")).body.entities as unknown[]).length).toBe(page.length);
    const all: string[] = [];
    for await (const p of client.listEntities("item", { pageSize: 1000 })) all.push(...p.map((e) => e.identifier));
    expect(all).toEqual(entities.map((e) => e.identifier));
  });

  it("still pages through an entity larger than the bound", async () => {
    const { client } = await start({ listPageMaxBytes: 100 });
    await client.upsertEntities("item", [{ identifier: "a", properties: { note: "x".repeat(500) }, relations: {} }, { identifier: "b", properties: {}, relations: {} }]);
    const pages: number[] = [];
    for await (const p of client.listEntities("item")) pages.push(p.length);
    expect(pages).toEqual([1, 1]);
  });
});
