/** Defects found in review of the client, each pinned by a test (real HTTP against the demo tenant or a fake Graph). */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { serveFetchHandler } from "../simulators/serve";
import { serveDemoTenant, type ServedDemoTenant } from "../simulators/graph/testing";
import { demoGraphClient, graphFailure } from "./testing";
import { clientCredentialsTokenProvider, staticTokenProvider, type GraphClientOptions } from "./index";

let t: ServedDemoTenant;
let waits: number[];

beforeAll(async () => {
  t = await serveDemoTenant({ sizes: { users: 25_000 } });
});
afterAll(() => t.close());
afterEach(() => t.sim.faults.clear());

function client(options: Partial<GraphClientOptions> = {}) {
  waits = [];
  return demoGraphClient(t, { onWait: (ms) => waits.push(ms), ...options });
}

const failure = graphFailure;

describe("retries", () => {
  it("waits the whole Retry-After even when it is longer than one backoff step", async () => {
    // Was: capped at maxDelayMs (30 s), so the client came back 15 s early and earned another 429.
    t.sim.faults.add({ fault: { type: "throttle", retryAfter: "45.5" }, path: "/devices" });
    const r = await client().request("/devices");
    expect([r.status, waits]).toEqual([200, [45_500]]);
  });

  it("bounds each attempt by what is left of the time budget", async () => {
    // Was: a 60 s per-attempt timeout could run far past a 150 ms budget.
    t.sim.faults.add({ fault: { type: "slow", ms: 600 }, path: "/devices" });
    const e = await failure(client({ retry: { budgetMs: 150 } }).request("/devices"));
    expect(e.code).toBe("network_error");
  });
});

describe("cancel", () => {
  it("a cancel while the token is being fetched is an 'aborted' GraphError", async () => {
    // Was: the token provider's raw AbortError escaped the typed error model.
    const controller = new AbortController();
    const hangingFetch: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal!.reason as Error), { once: true });
        controller.abort();
      });
    const tokenProvider = clientCredentialsTokenProvider({
      cloud: "global", tenantId: "contoso-demo", clientId: "demo-client", clientSecret: "demo-secret", loginBaseUrl: t.loginBaseUrl,
      simulatorOrigins: [t.origin], fetch: hangingFetch,
    });
    const e = await failure(client({ tokenProvider }).request("/users", { signal: controller.signal }));
    expect(e.code).toBe("aborted");
  });
});

describe("pages", () => {
  it("follows empty pages that still carry a nextLink to the real end", async () => {
    // A filter that matches nothing in 25,000 users: Graph (and now the demo) answers empty pages with links.
    const pages: number[] = [];
    for await (const p of client().fetchAllPages("/users", { query: { $filter: "displayName eq 'Nobody Here'", $top: 999 } })) pages.push(p.items.length);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((n) => n === 0)).toBe(true);
  });
});

describe("guards", () => {
  it("refuses a same-origin nextLink that leaves the Graph base path (the demo tenant shares the app's origin)", async () => {
    let hits = 0;
    const served = await serveFetchHandler((req) => {
      hits++;
      const origin = new URL(req.url).origin;
      return Response.json({ value: [{ id: "1" }], "@odata.nextLink": `${origin}/api/projects?steal=1` });
    });
    try {
      const c = client({ graphBaseUrl: `${served.url}/api/sim/graph/v1.0`, simulatorOrigins: [served.url], tokenProvider: staticTokenProvider("x") });
      const e = await failure((async () => {
        for await (const _ of c.fetchAllPages("/users")) void _;
      })());
      expect([e.code, hits]).toEqual(["next_link_origin", 1]);
      expect((await failure(c.requestNextLink(`${served.url}/api/sim/graph/v1.0/../../projects`))).code).toBe("next_link_origin");
    } finally {
      await served.close();
    }
  });
});

describe("shared token fetch", () => {
  it("one caller's cancel does not fail the others waiting for the same token", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowFetch: typeof fetch = async (input, init) => {
      await gate;
      return fetch(input, init);
    };
    const tokenProvider = clientCredentialsTokenProvider({
      cloud: "global", tenantId: "contoso-demo", clientId: "demo-client", clientSecret: "demo-secret", loginBaseUrl: t.loginBaseUrl,
      simulatorOrigins: [t.origin], fetch: slowFetch,
    });
    const first = new AbortController();
    const cancelled = tokenProvider.getToken({ signal: first.signal });
    const other = tokenProvider.getToken();
    first.abort(new Error("user cancelled"));
    await expect(cancelled).rejects.toThrow("user cancelled");
    release();
    expect(await other).toMatch(/\S{20,}/);
  });
});
