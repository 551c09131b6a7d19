/**
 * Port or Graph unreachable during a sync: a closed port, a server that accepts and never
 * answers, a connection reset in the middle of a body. Each run ends by itself (per-attempt
 * timeouts, bounded retries), failed with a message that says what and what to do, and
 * deletes nothing: the entities of the last good run are all still in Port.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createPortClient, DEMO_PORT_PATH } from "@/lib/port";
import { demoGraphClient } from "@/lib/graph/testing";
import { SEED_RESOURCES } from "@/lib/mapping";
import { fakeClock } from "@/lib/simulators/port/testing";
import { startSyncTestBed, type SyncTestBed } from "@/lib/sync/testing";
import { serveUnreachable, type Unreachable } from "./support";

const USERS = 40;
const usersYaml = () => `resources:\n${SEED_RESOURCES.users.replace('$top: "999"', '$top: "10"')}`;
const KINDS: Unreachable[] = ["closed port", "accepts and never answers", "resets mid-body"];

let bed: SyncTestBed;
let ids: string[] = [];
beforeAll(async () => {
  bed = await startSyncTestBed({ tenant: { sizes: { users: USERS, groups: 0, applications: 0, servicePrincipals: 0, devices: 0 } } });
  expect((await bed.sync({ job: bed.job({ yaml: usersYaml() }) })).status).toBe("succeeded");
  for await (const page of bed.portClient().listEntities("entra-id-user")) ids.push(...page.map((e) => e.identifier));
  ids = ids.sort();
  // Gone from Entra ID: a run that deleted after a failure would remove these.
  for (const id of ids.slice(0, 5)) bed.tenant.sim.mutate.remove("users", id);
});
afterAll(async () => bed.close());

async function expectNothingDeleted(): Promise<void> {
  const held: string[] = [];
  for await (const page of bed.portClient().listEntities("entra-id-user")) held.push(...page.map((e) => e.identifier));
  expect(held.sort()).toEqual(ids);
  expect(bed.writes.deletes).toBe(0);
}

describe.each(KINDS)("Port unreachable (%s)", (kind) => {
  it("the run fails by itself with a clear message and deletes nothing", async () => {
    const target = await serveUnreachable(kind);
    try {
      const clock = fakeClock();
      const port = bed.portClient({ baseUrl: `${target.origin}/api/sim/port`, attemptTimeoutMs: 300, sleep: clock.sleep, now: clock.now });
      const run = await bed.sync({ job: bed.job({ yaml: usersYaml(), port }) });
      expect(run.status).toBe("failed");
      expect(run.failure).toMatchObject({ code: expect.stringMatching(/^port_/), message: expect.stringMatching(/Port/) });
      // A body cut off mid-way is a network failure too (retried, then port_unreachable).
      expect(run.failure).toMatchObject({ code: "port_unreachable", hint: expect.stringMatching(/Check the network path to Port/) });
      expect(run.failure!.code).not.toBe("internal_error");
      expect(run.deletion).toMatchObject({ performed: false, deleted: 0 });
      if (kind !== "closed port") expect(target.connections()).toBeGreaterThan(0);
      await expectNothingDeleted();
    } finally {
      await target.close();
    }
  }, 30_000);
});

describe("a Port that never answers: one request's retries stop at its budget", () => {
  it("fails in about the budget with fewer attempts than allowed, and says how long it tried", async () => {
    const target = await serveUnreachable("accepts and never answers");
    try {
      const port = createPortClient({ baseUrl: `${target.origin}${DEMO_PORT_PATH}`, clientId: "id", clientSecret: "secret", attemptTimeoutMs: 300, retry: { maxAttempts: 10, budgetMs: 1_000 }, sleep: async () => undefined });
      const started = performance.now();
      const error = await port.checkCredentials().then(() => null, (e: unknown) => e);
      const took = performance.now() - started;
      expect(error).toMatchObject({ code: "port_unreachable", message: expect.stringMatching(/Port could not be reached after [2-4] attempts in [01] s/) });
      // Ten attempts of 300 ms would take 3 s: no retry starts that would end past the budget.
      expect(took).toBeGreaterThanOrEqual(550);
      expect(took).toBeLessThan(1_600);
      expect(target.connections()).toBeLessThan(5);
    } finally {
      await target.close();
    }
  }, 30_000);
});

describe.each(KINDS)("Graph unreachable (%s)", (kind) => {
  it("the run fails by itself with a clear message and deletes nothing", async () => {
    const target = await serveUnreachable(kind);
    try {
      const graph = demoGraphClient(bed.tenant, { graphBaseUrl: `${target.origin}/v1.0`, simulatorOrigins: [bed.tenant.origin, target.origin], timeoutMs: 300, onWait: () => undefined });
      const run = await bed.sync({ job: bed.job({ yaml: usersYaml(), graph }) });
      expect(run.status).toBe("failed");
      expect(run.errors[0]).toMatchObject({ stage: "fetch", code: "network_error", message: expect.stringMatching(/Could not get an answer from 127\.0\.0\.1/), hint: expect.stringMatching(/Check the network/) });
      expect(run.deletion).toMatchObject({ performed: false, deleted: 0 });
      expect(run.deletion.skippedReason).toMatch(/nothing was deleted/);
      if (kind !== "closed port") expect(target.connections()).toBeGreaterThan(0);
      await expectNothingDeleted();
    } finally {
      await target.close();
    }
  }, 30_000);
});

/**
 * A Port stand-in that cuts its answer off mid-body (headers and the first bytes, then a
 * connection reset) the first `cuts[path]` times a path is asked for, and answers whole after.
 */
async function serveCuttingPort(cuts: Record<string, number>): Promise<{ origin: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const whole: Record<string, string> = {
    "/v1/auth/access_token": JSON.stringify({ accessToken: "PORT-TOKEN", expiresIn: 3600 }),
    "/v1/blueprints/x": JSON.stringify({ blueprint: { identifier: "x", title: "X", schema: { properties: {} } } }),
  };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const path = (req.url ?? "").slice(DEMO_PORT_PATH.length);
      requests.push(path);
      const body = whole[path] ?? "{}";
      if (requests.filter((p) => p === path).length > (cuts[path] ?? 0)) {
        res.writeHead(200, { "content-type": "application/json" }).end(body);
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "content-length": String(body.length + 1000) });
      res.write(body.slice(0, 10), () => res.socket?.resetAndDestroy());
    });
  });
  server.on("connection", (socket) => socket.on("error", () => undefined));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("Port's answer cut off mid-body is a network failure, retried", () => {
  const TOKEN = "/v1/auth/access_token";
  const clientOf = (origin: string, maxAttempts: number, retried: (number | undefined)[] = []) =>
    createPortClient({ baseUrl: `${origin}${DEMO_PORT_PATH}`, clientId: "id", clientSecret: "secret", retry: { maxAttempts }, sleep: async () => undefined, onRetry: (e) => retried.push(e.status) });

  it("a token answer reset mid-body on every attempt: retried, then port_unreachable with its hint", async () => {
    const port = await serveCuttingPort({ [TOKEN]: Infinity });
    try {
      const error = await clientOf(port.origin, 3).checkCredentials().then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ code: "port_unreachable", message: expect.stringMatching(/^POST \/v1\/auth\/access_token: Port could not be reached after 3 attempts/), hint: expect.stringMatching(/Check the network path to Port/) });
      expect(port.requests).toEqual([TOKEN, TOKEN, TOKEN]);
    } finally {
      await port.close();
    }
  });

  it("a token answer reset mid-body once: the second attempt gets the token", async () => {
    const port = await serveCuttingPort({ [TOKEN]: 1 });
    try {
      const retried: (number | undefined)[] = [];
      const client = clientOf(port.origin, 3, retried);
      await client.checkCredentials();
      expect(client.tokensFetched()).toBe(1);
      expect(port.requests).toEqual([TOKEN, TOKEN]);
      expect(retried).toEqual([undefined]); // a network failure, not a status
    } finally {
      await port.close();
    }
  });

  it("an authenticated answer reset mid-body once: retried, and the blueprint read whole", async () => {
    const port = await serveCuttingPort({ "/v1/blueprints/x": 1 });
    try {
      await expect(clientOf(port.origin, 3).getBlueprint("x")).resolves.toMatchObject({ identifier: "x", title: "X" });
      expect(port.requests).toEqual([TOKEN, "/v1/blueprints/x", "/v1/blueprints/x"]);
    } finally {
      await port.close();
    }
  });
});
