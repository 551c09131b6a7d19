/**
 * Upsert throughput (entities/s) of the Port client against the demo Port over real
 * loopback HTTP: with the rate limit off (in-memory store, then the app's SQLite store),
 * and with Port's real bulk limit on (35,000 requests per 5 minutes, burst 3,500),
 * once with the burst available and once from an empty bucket (the sustained ceiling,
 * about 2,333 entities/s at 20 per request). Also the cost of the sync's compare: reading
 * a blueprint back a page at a time and keeping one fingerprint per entity.
 */
import { createPortClient, entityFingerprint } from "../lib/port";
import type { BlueprintInput, PortEntity } from "../lib/port";
import { createTestDatabase } from "../lib/server/db/test-db";
import { createMemoryStore, createPrismaStore, PORT_BULK_RATE_LIMIT, type DemoPortStore, type RateLimitConfig } from "../lib/simulators/port";
import { serveDemoPort } from "../lib/simulators/port/testing";
import type { Bench } from "./report";

const blueprint: BlueprintInput = {
  identifier: "entra-id-user",
  title: "Entra ID user",
  schema: {
    properties: {
      mail: { type: "string", format: "email" },
      userPrincipalName: { type: "string" },
      jobTitle: { type: "string" },
      department: { type: "string" },
      accountEnabled: { type: "boolean" },
      createdDateTime: { type: "string", format: "date-time" },
      userType: { type: "string", enum: ["Member", "Guest"] },
      businessPhones: { type: "array", items: { type: "string" } },
    },
  },
  relations: {},
};

function* users(n: number): Generator<PortEntity> {
  for (let i = 0; i < n; i++) {
    yield {
      identifier: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      title: `User ${i}`,
      properties: {
        mail: `user${i}@contoso.com`,
        userPrincipalName: `user${i}@contoso.onmicrosoft.com`,
        jobTitle: i % 7 === 0 ? null : "Engineer",
        department: `Dept ${i % 40}`,
        accountEnabled: i % 13 !== 0,
        createdDateTime: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
        userType: i % 10 === 0 ? "Guest" : "Member",
        businessPhones: [`+1 555 ${String(i % 10_000).padStart(4, "0")}`],
      },
      relations: {},
    };
  }
}

interface Measured {
  perSecond: number;
  retries: number;
  failed: number;
  /** Reading everything back a page at a time: plain, and keeping a fingerprint per entity (the sync's compare). */
  listPerSecond: number;
  fingerprintPerSecond: number;
  fingerprintsMatched: number;
}

async function measure(store: DemoPortStore, rateLimit: RateLimitConfig | false, n: number): Promise<Measured> {
  const served = await serveDemoPort({ store, rateLimit });
  try {
    const client = createPortClient({ baseUrl: served.baseUrl, ...served.credentials });
    await client.ensureBlueprints([blueprint]);
    const t0 = performance.now();
    const result = await client.upsertEntities("entra-id-user", users(n));
    const seconds = (performance.now() - t0) / 1000;

    const t1 = performance.now();
    let listed = 0;
    for await (const page of client.listEntities("entra-id-user", { pageSize: 1000 })) listed += page.length;
    const listSeconds = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    const held = new Map<string, string>();
    for await (const page of client.listEntities("entra-id-user", { pageSize: 1000 })) for (const e of page) held.set(e.identifier, entityFingerprint(e));
    const fingerprintSeconds = (performance.now() - t2) / 1000;
    let matched = 0;
    for (const e of users(n)) if (held.get(e.identifier) === entityFingerprint(e)) matched += 1;

    return {
      perSecond: result.written / seconds,
      retries: result.retries,
      failed: result.failed,
      listPerSecond: listed / listSeconds,
      fingerprintPerSecond: held.size / fingerprintSeconds,
      fingerprintsMatched: matched,
    };
  } finally {
    await served.close();
  }
}

const bench: Bench = async ({ quick, report }) => {
  const n = quick ? 2_000 : 20_000;
  const limitedN = quick ? 3_000 : 20_000;

  // Warm-up (JIT, sockets), not reported: otherwise the first figure pays for it.
  await measure(createMemoryStore(), false, Math.min(n, 2_000));
  const memory = await measure(createMemoryStore(), false, n);
  report({ name: `upsert ${n.toLocaleString("en-US")} entities, rate limit off, memory store`, value: memory.perSecond, unit: "entities/s" });

  const database = await createTestDatabase();
  try {
    const sqlite = await measure(createPrismaStore(database.db), false, n);
    report({
      name: `upsert ${n.toLocaleString("en-US")} entities, rate limit off, SQLite store`,
      value: sqlite.perSecond,
      unit: "entities/s",
      baseline: { name: "memory store", value: memory.perSecond },
    });
    report({
      name: `list ${n.toLocaleString("en-US")} entities keeping a fingerprint each, SQLite store (${sqlite.fingerprintsMatched.toLocaleString("en-US")} unchanged found)`,
      value: sqlite.fingerprintPerSecond,
      unit: "entities/s",
      baseline: { name: "listing only", value: sqlite.listPerSecond },
    });
  } finally {
    await database.cleanup();
  }

  const burst = await measure(createMemoryStore(), PORT_BULK_RATE_LIMIT, n);
  report({
    name: `upsert ${n.toLocaleString("en-US")} entities, Port's limit on, burst available`,
    value: burst.perSecond,
    unit: "entities/s",
    baseline: { name: "rate limit off", value: memory.perSecond },
  });

  const sustained = await measure(createMemoryStore(), { ...PORT_BULK_RATE_LIMIT, initialTokens: 0 }, limitedN);
  report({
    name: `upsert ${limitedN.toLocaleString("en-US")} entities, Port's limit on, empty bucket (sustained; ${sustained.retries} retries)`,
    value: sustained.perSecond,
    unit: "entities/s",
    baseline: { name: "Port's ceiling at 20 per request", value: (PORT_BULK_RATE_LIMIT.requests / PORT_BULK_RATE_LIMIT.windowSeconds) * 20 },
  });
};

export default bench;
