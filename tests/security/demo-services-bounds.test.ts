/**
 * The demo Port answers with public credentials by design: everything a caller can make
 * it store is bounded, with the caps tunable through DEMO_PORT_MAX_ENTITIES,
 * DEMO_PORT_MAX_BYTES and DEMO_PORT_MAX_BLUEPRINTS (read and validated in one place,
 * storage-cap.ts), over real HTTP on loopback.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PORT_CREDENTIALS, DEMO_PORT_PATH } from "@/lib/port";
import { createDemoPort, createMemoryStore } from "@/lib/simulators/port";
import { DEMO_PORT_STORE_CAP, demoPortLimitsFromEnv } from "@/lib/simulators/port/storage-cap";
import { serveFetchHandler, type ServedHandler } from "@/lib/simulators/serve";

describe("the caps' variables", () => {
  it("default to 1,000,000 entities, 1 GiB and 200 blueprints", () => {
    expect(demoPortLimitsFromEnv({})).toEqual({ ...DEMO_PORT_STORE_CAP, maxBlueprints: 200 });
  });
  it.each([
    ["DEMO_PORT_MAX_ENTITIES", "many", /DEMO_PORT_MAX_ENTITIES must be a whole number/],
    ["DEMO_PORT_MAX_BYTES", "0", /DEMO_PORT_MAX_BYTES must be at least 1/],
    ["DEMO_PORT_MAX_BLUEPRINTS", "1e9", /DEMO_PORT_MAX_BLUEPRINTS must be at most 10,000/],
  ])("refuse %s=%s, naming the variable", (name, value, message) => {
    expect(() => demoPortLimitsFromEnv({ [name]: value })).toThrow(message);
  });
});

describe("a demo Port started with small caps from the environment", () => {
  let served: ServedHandler;
  let base: string;
  let token: string;
  beforeEach(async () => {
    const { maxBlueprints, ...storeCap } = demoPortLimitsFromEnv({ DEMO_PORT_MAX_ENTITIES: "30", DEMO_PORT_MAX_BYTES: "20000", DEMO_PORT_MAX_BLUEPRINTS: "3" });
    const demo = createDemoPort({ store: createMemoryStore(), storeCap, maxBlueprints, rateLimit: false, singleRateLimit: false });
    served = await serveFetchHandler((r) => demo.handle(r));
    base = served.url + DEMO_PORT_PATH;
    const res = await fetch(`${base}/v1/auth/access_token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(DEMO_PORT_CREDENTIALS) });
    token = ((await res.json()) as { accessToken: string }).accessToken;
  });
  afterEach(async () => served.close());

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const blueprint = (identifier: string) => ({ identifier, title: identifier, schema: { properties: { note: { type: "string" } } }, relations: {} });
  const bulk = (n: number, from: number, note = "x") => ({ entities: Array.from({ length: n }, (_, i) => ({ identifier: `e${from + i}`, properties: { note } })) });
  const held = async (bp: string) => ((await (await call("GET", `/v1/blueprints/${bp}/entities`)).json()) as { entities: unknown[] }).entities.length;

  it("blueprints: the fourth is refused with the variable to raise", async () => {
    for (const id of ["a", "b", "c"]) expect((await call("POST", "/v1/blueprints", blueprint(id))).status).toBe(200);
    const refused = await call("POST", "/v1/blueprints", blueprint("d"));
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ ok: false, error: "too_many_blueprints", message: expect.stringMatching(/at most 3 blueprints.*DEMO_PORT_MAX_BLUEPRINTS/) });
  });

  it("entities: a write past the count is refused whole (409 demo_port_full), nothing of it stored", async () => {
    await call("POST", "/v1/blueprints", blueprint("a"));
    expect((await call("POST", "/v1/blueprints/a/entities/bulk?upsert=true", bulk(20, 0))).status).toBeLessThan(300);
    const refused = await call("POST", "/v1/blueprints/a/entities/bulk?upsert=true", bulk(20, 20));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ ok: false, error: "demo_port_full" });
    expect(await held("a")).toBe(20);
  });

  it("bytes: a write past the bytes is refused whole, nothing of it stored", async () => {
    await call("POST", "/v1/blueprints", blueprint("a"));
    const refused = await call("POST", "/v1/blueprints/a/entities/bulk?upsert=true", bulk(20, 0, "y".repeat(2_000)));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ ok: false, error: "demo_port_full" });
    expect(await held("a")).toBe(0);
  });

  it("integrations: a caller cannot create one (only the seeded ones can be configured)", async () => {
    const res = await call("PATCH", "/v1/integration/made-up/config", { config: { a: 1 } });
    expect(res.status).toBe(404);
  });
});
