/**
 * The Port client against the demo Port over real HTTP (in-memory store; the SQLite
 * store is exercised in lib/simulators/port/demo-port.int.test.ts). Waits go through a
 * fake clock, so retries cost no time and their lengths can be checked exactly.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeClock, serveDemoPort, type FakeClock, type ServedDemoPort } from "../simulators/port/testing";
import { createPortClient, type PortClientOptions } from "./client";
import { PortError } from "./errors";
import { entityFingerprint } from "./fingerprint";
import type { BlueprintInput, PortEntity } from "./schemas";

const userBp: BlueprintInput = {
  identifier: "entra-id-user",
  title: "Entra ID user",
  icon: "Microsoft",
  schema: {
    properties: {
      mail: { type: "string", format: "email" },
      accountEnabled: { type: "boolean" },
      createdDateTime: { type: "string", format: "date-time" },
      blob: { type: "string" },
    },
    required: ["accountEnabled"],
  },
  relations: { groups: { target: "entra-id-group", many: true }, manager: { target: "entra-id-user", many: false } },
};
const groupBp: BlueprintInput = {
  identifier: "entra-id-group",
  title: "Entra ID group",
  schema: { properties: { mailEnabled: { type: "boolean" } } },
  relations: { members: { target: "entra-id-user", many: true } },
};

const user = (i: number, extra: Partial<PortEntity> = {}): PortEntity => ({
  identifier: `u${String(i).padStart(4, "0")}`,
  title: `User ${i}`,
  properties: { mail: `u${i}@contoso.com`, accountEnabled: true },
  relations: {},
  ...extra,
});

/** `Array.fromAsync` (not in Node 20). */
async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

let served: ServedDemoPort;
let clock: FakeClock;

function client(extra: Partial<PortClientOptions> = {}) {
  return createPortClient({ baseUrl: served.baseUrl, ...served.credentials, sleep: clock.sleep, now: clock.now, random: () => 0.5, ...extra });
}

async function withBlueprints() {
  const c = client();
  await c.ensureBlueprints([userBp, groupBp]);
  return c;
}

beforeEach(async () => {
  clock = fakeClock();
  served = await serveDemoPort({ now: () => clock.now() });
});
afterEach(async () => {
  await served.close();
});

describe("credentials and tokens", () => {
  it("fails with port_auth_failed on a wrong secret", async () => {
    const c = client({ clientSecret: "wrong" });
    await expect(c.checkCredentials()).rejects.toMatchObject({ code: "port_auth_failed", upstreamStatus: 401 });
  });

  it("reuses its token, renews it before expiry, and renews once after a 401", async () => {
    const c = await withBlueprints();
    expect(c.tokensFetched()).toBe(1);
    await c.getBlueprint("entra-id-user");
    expect(c.tokensFetched()).toBe(1);

    clock.advance(3600_000 - 60_000); // inside the last tenth of the 1-hour lifetime
    await c.getBlueprint("entra-id-user");
    expect(c.tokensFetched()).toBe(2);

    served.demo.revokeTokens();
    expect(await c.getBlueprint("entra-id-user")).not.toBeNull();
    expect(c.tokensFetched()).toBe(3);
  });

  it("gives up after one renewal when Port keeps answering 401", async () => {
    const c = await withBlueprints();
    served.demo.faults.add({ kind: "status", status: 401, match: /blueprints/ });
    await expect(c.getBlueprint("entra-id-user")).rejects.toMatchObject({ code: "port_auth_failed" });
    expect(c.tokensFetched()).toBe(2);
  });
});

describe("blueprints", () => {
  it("creates the cyclic user/group blueprints without relations, then patches them in", async () => {
    const c = client();
    const report = await c.ensureBlueprints([userBp, groupBp]);
    expect(report.created).toEqual(["entra-id-user", "entra-id-group"]);
    expect(report.steps.filter((s) => s.kind === "add-relations").map((s) => s.identifier)).toEqual(["entra-id-user", "entra-id-group"]);
    const stored = await c.getBlueprint("entra-id-user");
    expect(Object.keys(stored!.relations)).toEqual(["groups", "manager"]);
    expect((await c.getBlueprint("entra-id-group"))!.relations.members!.target).toBe("entra-id-user");

    const again = await c.ensureBlueprints([userBp, groupBp]);
    expect(again).toMatchObject({ created: [], updated: [], unchanged: ["entra-id-user", "entra-id-group"] });
  });

  it("adds missing properties and relations without removing what a user added in Port", async () => {
    const c = client();
    await c.ensureBlueprints([{ identifier: "entra-id-user", title: "Users (renamed in Port)", schema: { properties: { costCenter: { type: "string" } } } }]);
    const report = await c.ensureBlueprints([userBp, groupBp]);
    expect(report.created).toEqual(["entra-id-group"]);
    expect(report.updated).toEqual([
      { identifier: "entra-id-user", addedProperties: ["mail", "accountEnabled", "createdDateTime", "blob"], addedRelations: ["groups", "manager"] },
    ]);
    const stored = (await c.getBlueprint("entra-id-user"))!;
    expect(stored.title).toBe("Users (renamed in Port)");
    expect(Object.keys(stored.schema.properties)).toContain("costCenter");
    expect(stored.relations.groups).toMatchObject({ target: "entra-id-group", many: true });
  });

  it("refuses a property of another type before writing anything", async () => {
    const c = client();
    await c.ensureBlueprints([{ identifier: "entra-id-user", title: "U", schema: { properties: { mail: { type: "number" } } } }]);
    const error = await c.ensureBlueprints([groupBp, userBp]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ code: "port_blueprint_conflict", message: expect.stringContaining('property "mail" of type number') });
    expect(await c.getBlueprint("entra-id-group")).toBeNull();
  });

  it("rejects an invalid blueprint before calling Port", async () => {
    await expect(client().ensureBlueprints([{ identifier: "bad id!", title: "x", schema: {} }])).rejects.toMatchObject({ code: "invalid_blueprint" });
  });
});

describe("entity upserts", () => {
  it("splits by count (20 per request) and reports progress", async () => {
    const c = await withBlueprints();
    const progress: number[] = [];
    const result = await c.upsertEntities("entra-id-user", Array.from({ length: 45 }, (_, i) => user(i)), { onProgress: (p) => progress.push(p.written) });
    expect(result).toMatchObject({ written: 45, created: 45, failed: 0 });
    expect(served.demo.stats.bulks.map((b) => b.entities).sort((a, b) => b - a)).toEqual([20, 20, 5]);
    expect(progress.at(-1)).toBe(45);
    const pages = [];
    for await (const page of c.listEntities("entra-id-user", { pageSize: 20 })) pages.push(page.length);
    expect(pages).toEqual([20, 20, 5]);
  });

  it("splits by size under 1 MiB when entities are large", async () => {
    const c = await withBlueprints();
    const big = Array.from({ length: 12 }, (_, i) => user(i, { properties: { accountEnabled: true, blob: "x".repeat(200_000) } }));
    const result = await c.upsertEntities("entra-id-user", big);
    expect(result).toMatchObject({ written: 12, failed: 0 });
    expect(served.demo.stats.bulks.length).toBeGreaterThan(1);
    for (const b of served.demo.stats.bulks) {
      expect(b.bytes).toBeLessThanOrEqual(1024 * 1024);
      expect(b.entities).toBeLessThan(20);
    }
  });

  it("falls back to single requests on a 413 and reports the oversized entity", async () => {
    const c = await withBlueprints();
    const huge = user(1, { properties: { accountEnabled: true, blob: "x".repeat(1_100_000) } });
    const result = await c.upsertEntities("entra-id-user", [user(0), huge, user(2)]);
    expect(result.written).toBe(2);
    expect(result.failures).toEqual([expect.objectContaining({ identifier: "u0001", index: 1, status: 413 })]);
  });

  it("entities held as JSON text are sent as that text, in bulks and in the single fallback after a 413", async () => {
    const c = await withBlueprints();
    const huge = user(1, { properties: { accountEnabled: true, blob: "x".repeat(1_100_000) } });
    const entities = [user(0), huge, user(2, { title: "Given as text" })];
    const result = await c.upsertSerializedEntities("entra-id-user", entities.map((e) => ({ identifier: e.identifier, json: JSON.stringify(e) })));
    expect(result.written).toBe(2);
    expect(result.failures).toEqual([expect.objectContaining({ identifier: "u0001", index: 1, status: 413 })]);
    const held = new Map<string, unknown>();
    for await (const page of c.listEntities("entra-id-user")) for (const e of page) held.set(e.identifier, e.title);
    expect(held).toEqual(new Map([["u0000", user(0).title], ["u0002", "Given as text"]]));
  });

  it("keeps Port's per-entity errors from a 207 with the identifier and message", async () => {
    const c = await withBlueprints();
    const result = await c.upsertEntities("entra-id-user", [
      user(0),
      user(1, { properties: { mail: 42, accountEnabled: true } }),
      user(2, { properties: { mail: "u2@contoso.com" } }),
      user(3, { properties: { accountEnabled: true, createdDateTime: "yesterday" } }),
      user(4, { properties: { accountEnabled: true, shoeSize: 44 } }),
    ]);
    expect(result).toMatchObject({ written: 1, failed: 4 });
    expect(result.failures.map((f) => [f.identifier, f.index, f.status])).toEqual([
      ["u0001", 1, 422],
      ["u0002", 2, 422],
      ["u0003", 3, 422],
      ["u0004", 4, 422],
    ]);
    expect(result.failures[0]!.message).toMatch(/property "mail" must be a string/);
    expect(result.failures[1]!.message).toMatch(/required property "accountEnabled"/);
    expect(result.failures[2]!.message).toMatch(/date-time/);
    expect(result.failures[3]!.message).toMatch(/"shoeSize" is not in blueprint/);
  });

  it("merges by default, and a null property clears it", async () => {
    const c = await withBlueprints();
    await c.upsertEntities("entra-id-user", [user(0, { properties: { mail: "a@b.co", accountEnabled: true, createdDateTime: "2024-01-02T03:04:05Z" } })]);
    await c.upsertEntities("entra-id-user", [{ identifier: "u0000", properties: { mail: null, accountEnabled: false }, relations: {} }]);
    const stored = (await collect(c.listEntities("entra-id-user"))).flat()[0];
    expect(stored).toMatchObject({ title: "User 0", properties: { accountEnabled: false, createdDateTime: "2024-01-02T03:04:05Z" } });
    expect(stored!.properties).not.toHaveProperty("mail");
  });

  it("lists entities whose fingerprints equal those of what was written (the sync skips them)", async () => {
    const c = await withBlueprints();
    const desired = [
      user(0, { team: "platform", icon: "User", relations: { groups: ["g2", "g1"], manager: "u0001" } }),
      user(1, { properties: { mail: "u1@contoso.com", accountEnabled: false, blob: null } }),
    ];
    await c.upsertEntities("entra-id-user", desired);
    const held = new Map<string, string>();
    for await (const page of c.listEntities("entra-id-user", { pageSize: 1 })) for (const e of page) held.set(e.identifier, entityFingerprint(e));
    expect(held).toEqual(new Map(desired.map((e) => [e.identifier, entityFingerprint(e)])));
  });

  it("creates missing related entities only when asked", async () => {
    const c = await withBlueprints();
    const withGroup = user(0, { relations: { groups: ["g1"] } });
    const refused = await c.upsertEntities("entra-id-user", [withGroup], { createMissingRelatedEntities: false });
    expect(refused.failures[0]).toMatchObject({ identifier: "u0000", status: 404, message: expect.stringContaining('"g1"') });
    const created = await c.upsertEntities("entra-id-user", [withGroup]);
    expect(created.failed).toBe(0);
    const group = (await collect(c.listEntities("entra-id-group"))).flat()[0];
    expect(group).toMatchObject({ identifier: "g1" });
  });

  it("fails with port_not_found for an unknown blueprint", async () => {
    const c = await withBlueprints();
    await expect(c.upsertEntities("nope", [user(0)])).rejects.toMatchObject({ code: "port_not_found", upstreamStatus: 404 });
  });
});

describe("retries and concurrency", () => {
  it("retries a 429 after the Retry-After the server sent", async () => {
    const c = await withBlueprints();
    served.demo.faults.add({ kind: "status", status: 429, retryAfterSeconds: 7, times: 2, match: /bulk$/ });
    const retries: (number | undefined)[] = [];
    const result = await c.upsertEntities("entra-id-user", [user(0)], { onProgress: (p) => retries.push(p.retries) });
    expect(result).toMatchObject({ written: 1, retries: 2 });
    expect(clock.sleeps).toEqual([7000, 7000]);
    expect(retries).toContain(2);
    expect(c.concurrency().limit).toBeLessThan(8);
  });

  it("honours x-ratelimit-reset when there is no Retry-After", async () => {
    const c = await withBlueprints();
    served.demo.faults.add({ kind: "status", status: 429, headers: { "x-ratelimit-reset": "3" }, times: 1, match: /bulk$/ });
    await c.upsertEntities("entra-id-user", [user(0)]);
    expect(clock.sleeps).toEqual([3000]);
  });

  it("waits out the demo Port's own rate limit", async () => {
    await served.close();
    served = await serveDemoPort({ now: () => clock.now(), rateLimit: { requests: 1, windowSeconds: 2, burst: 2 } });
    const c = await withBlueprints();
    const result = await c.upsertEntities("entra-id-user", Array.from({ length: 100 }, (_, i) => user(i)));
    expect(result).toMatchObject({ written: 100, failed: 0 });
    expect(served.demo.stats.rateLimited).toBeGreaterThan(0);
    expect(clock.sleeps.every((ms) => ms === 2000)).toBe(true);
  });

  it("retries 503 and dropped connections, but not 500", async () => {
    const c = await withBlueprints();
    served.demo.faults.add({ kind: "status", status: 503, times: 1, match: /bulk$/ });
    served.demo.faults.add({ kind: "drop", times: 1, match: /bulk$/ });
    expect(await c.upsertEntities("entra-id-user", [user(0)])).toMatchObject({ written: 1, retries: 2 });
    served.demo.faults.add({ kind: "status", status: 500, times: 1, match: /bulk$/ });
    await expect(c.upsertEntities("entra-id-user", [user(1), user(2)])).rejects.toMatchObject({
      code: "port_request_failed",
      upstreamStatus: 500,
      partial: { written: 0, requests: 1 },
    });
  });

  it("stops after the last attempt with the status Port kept answering", async () => {
    await withBlueprints();
    served.demo.faults.add({ kind: "status", status: 503, match: /bulk$/ });
    const c = client({ retry: { maxAttempts: 3 } });
    await expect(c.upsertEntities("entra-id-user", [user(0)])).rejects.toMatchObject({ code: "port_unavailable", upstreamStatus: 503 });
    expect(clock.sleeps).toHaveLength(2);
  });

  it("never has more requests in flight than the bound", async () => {
    await withBlueprints();
    const bounded = client({ concurrency: 3 });
    served.demo.faults.add({ kind: "slow", delayMs: 2, match: /bulk$/ });
    served.demo.resetStats();
    const result = await bounded.upsertEntities("entra-id-user", Array.from({ length: 400 }, (_, i) => user(i)));
    expect(result.written).toBe(400);
    expect(bounded.concurrency().peakInFlight).toBe(3);
    expect(served.demo.stats.peakInFlight).toBeLessThanOrEqual(3);
  });

  it("stops promptly when cancelled mid-upsert and reports what Port confirmed", async () => {
    // Bulks after the first few hang until the test ends: only the abort can end the run.
    let release!: () => void;
    const hang = new Promise<void>((r) => (release = r));
    await served.close();
    served = await serveDemoPort({ now: () => clock.now(), sleep: () => hang });
    const c = await withBlueprints();
    const controller = new AbortController();
    let abortedAt = 0;
    try {
      const run = c.upsertEntities("entra-id-user", Array.from({ length: 400 }, (_, i) => user(i)), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.written >= 40 && !abortedAt) {
            served.demo.faults.add({ kind: "slow", delayMs: 1, match: /bulk$/ });
            setTimeout(() => {
              abortedAt = performance.now();
              controller.abort();
            }, 20);
          }
        },
      });
      // Bulks after the slow fault hang until the test ends, so the run can only end through
      // the abort: reaching the next line is the proof that cancel is honoured mid-upsert.
      const error = (await run.catch((e: unknown) => e)) as PortError;
      expect(abortedAt).toBeGreaterThan(0);
      expect(error).toMatchObject({ code: "port_cancelled" });
      expect(error.partial).toMatchObject({ written: expect.any(Number), failed: 0 });
      const stored = (await served.demo.store.pageEntities("entra-id-user", { limit: 1000 })).entities.length;
      const confirmed = error.partial!.written;
      expect(confirmed).toBeGreaterThanOrEqual(40);
      // Port holds every entity it confirmed. It may hold more: a bulk it stored whose answer
      // had not been read when the cancel came (under load, 20 ms is not always enough), but
      // never more than the bulks in flight.
      expect(stored).toBeGreaterThanOrEqual(confirmed);
      expect(stored - confirmed).toBeLessThanOrEqual(c.concurrency().peakInFlight * 20);
      expect(error.message).toContain(`; ${confirmed} entities`);
    } finally {
      release();
    }
  });

  it("stops promptly when cancelled while the token request hangs", async () => {
    let release!: () => void;
    const hang = new Promise<void>((r) => (release = r));
    await served.close();
    served = await serveDemoPort({ sleep: () => hang });
    served.demo.faults.add({ kind: "slow", delayMs: 1, match: /auth\/access_token/ });
    const controller = new AbortController();
    try {
      const run = client().upsertEntities("entra-id-user", [user(0)], { signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await expect(run).rejects.toMatchObject({ code: "port_cancelled" });
    } finally {
      release();
    }
  });

  it("gives up on an attempt that hangs and retries it", async () => {
    let release!: () => void;
    const hang = new Promise<void>((r) => (release = r));
    await served.close();
    served = await serveDemoPort({ now: () => clock.now(), sleep: () => hang });
    try {
      const c = await withBlueprints();
      served.demo.faults.add({ kind: "slow", delayMs: 1, times: 1, match: /bulk$/ });
      const timed = client({ attemptTimeoutMs: 100 });
      expect(await timed.upsertEntities("entra-id-user", [user(0)])).toMatchObject({ written: 1, retries: 1 });
      expect(c.concurrency().max).toBe(8);
    } finally {
      release();
    }
  });

  it("stops when cancelled", async () => {
    const c = await withBlueprints();
    const controller = new AbortController();
    const run = c.upsertEntities("entra-id-user", Array.from({ length: 200 }, (_, i) => user(i)), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.written >= 40) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: "port_cancelled" });
  });
});

describe("deletes and the integration record", () => {
  it("deletes in batches of 100 and counts identifiers Port no longer had", async () => {
    const c = await withBlueprints();
    await c.upsertEntities("entra-id-user", Array.from({ length: 250 }, (_, i) => user(i)));
    served.demo.resetStats();
    const ids = Array.from({ length: 250 }, (_, i) => user(i).identifier).concat(["u9999"]);
    const result = await c.deleteEntities("entra-id-user", ids);
    expect(result).toMatchObject({ written: 250, missing: 1, failed: 0, requests: 3 });
    expect(await collect(c.listEntities("entra-id-user"))).toEqual([]);
  });

  it("reads and updates an integration's mapping; an unknown one is port_not_found", async () => {
    await served.close();
    served = await serveDemoPort({ seedIntegrations: [{ identifier: "entra-id", installationAppType: "custom", config: null }] });
    const c = client();
    const config = { deleteDependentEntities: true, resources: [{ kind: "/users" }] };
    expect(await c.updateIntegrationConfig("entra-id", config)).toMatchObject({ identifier: "entra-id", config });
    expect((await c.getIntegration("entra-id")).config).toEqual(config);
    await expect(c.getIntegration("other")).rejects.toMatchObject({ code: "port_not_found" });
  });
});
