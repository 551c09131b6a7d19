/** The Graph client against the demo tenant over real HTTP: paging, retries, tokens, hints, guards. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { serveFetchHandler } from "../simulators/serve";
import { DEMO_CLIENT_SECRET_ID, DEMO_LIMITED_CLIENT_ID } from "../simulators/graph/credentials";
import { serveDemoTenant, type ServedDemoTenant } from "../simulators/graph/testing";
import { demoGraphClient, graphFailure } from "./testing";
import { clientCredentialsTokenProvider, createGraphClient, staticTokenProvider, type GraphClientOptions, type GraphPage } from "./index";

let t: ServedDemoTenant;
let waits: number[];

beforeAll(async () => {
  t = await serveDemoTenant();
});
afterAll(() => t.close());
afterEach(() => t.sim.faults.clear());

function provider(overrides: Partial<Parameters<typeof clientCredentialsTokenProvider>[0]> = {}) {
  return clientCredentialsTokenProvider({
    cloud: "global", tenantId: "contoso-demo", clientId: "demo-client", clientSecret: "demo-secret", loginBaseUrl: t.loginBaseUrl,
    simulatorOrigins: [t.origin], ...overrides,
  });
}

function client(options: Partial<GraphClientOptions> = {}) {
  waits = [];
  return demoGraphClient(t, { onWait: (ms) => waits.push(ms), retry: { maxAttempts: 4, baseDelayMs: 100 }, ...options });
}

async function collect<T>(pages: AsyncIterable<GraphPage<T>>): Promise<Array<GraphPage<T>>> {
  const out: Array<GraphPage<T>> = [];
  for await (const p of pages) out.push(p);
  return out;
}

const failure = graphFailure;

describe("requests and pages", () => {
  it("returns status, headers, JSON and timing", async () => {
    const r = await client().request<{ value: Array<{ displayName: string }> }>("/organization", { query: { $select: "id,displayName" } });
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    expect(r.requestId).toEqual(expect.any(String));
    expect(r.body.value[0]!.displayName).toBe("Contoso (demo)");
    expect(r.timing).toMatchObject({ attempts: 1, waitedMs: 0 });
    expect(r.timing.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("follows nextLinks to the last page with progress, and 'next page' for the explorer", async () => {
    const c = client();
    const pages = await collect(c.fetchAllPages("/users", { query: { $top: 500, $select: "id" } }));
    expect(pages.map((p) => [p.pageNumber, p.items.length, p.itemsSoFar, p.nextLink === null])).toEqual([
      [1, 500, 500, false], [2, 500, 1000, false], [3, 200, 1200, true],
    ]);
    const first = await c.request<{ "@odata.nextLink": string }>("/users?$top=2");
    const second = await c.requestNextLink<{ value: unknown[] }>(first.body["@odata.nextLink"]);
    expect(second.body.value.length).toBe(2);
  });

  it("resends headers such as ConsistencyLevel on every page", async () => {
    const pages = await collect(
      client().fetchAllPages("/users", {
        query: { $filter: "userType ne 'Member'", $count: "true", $top: 20, $select: "id,userType" },
        headers: { ConsistencyLevel: "eventual" },
      }),
    );
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0]!.count).toBe(pages.at(-1)!.itemsSoFar);
    expect(pages[1]!.count).toBeNull();
  });

  it("honours a page cap with an error, never a quiet end", async () => {
    const seen: number[] = [];
    const e = await failure((async () => {
      for await (const p of client().fetchAllPages("/users", { maxPages: 3 })) seen.push(p.pageNumber);
    })());
    expect(seen).toEqual([1, 2, 3]);
    expect(e.code).toBe("page_cap_reached");
  });

  it("stops on an AbortSignal", async () => {
    const controller = new AbortController();
    const e = await failure((async () => {
      for await (const _p of client().fetchAllPages("/users", { signal: controller.signal })) controller.abort();
    })());
    expect(e.code).toBe("aborted");
  });
});

describe("retries", () => {
  it("honours fractional Retry-After on 429 and 503, and backs off on 504", async () => {
    t.sim.faults.add(
      { fault: { type: "throttle", retryAfter: "0.01" }, path: "/devices" },
      { fault: { type: "status", status: 503, retryAfter: "0.02" }, path: "/devices" },
      { fault: { type: "status", status: 504 }, path: "/devices" },
    );
    const r = await client().request("/devices");
    expect(r.status).toBe(200);
    expect(waits).toEqual([10, 20, 300]); // 504 without Retry-After: 3rd attempt, step 100*2^2, half fixed + 0.5 of half
    expect(r.timing.attempts).toBe(4);
  });

  it("retries dropped connections and truncated JSON on GET", async () => {
    t.sim.faults.add({ fault: { type: "drop" }, path: "/devices" }, { fault: { type: "truncate" }, path: "/devices" });
    const r = await client().request<{ value: unknown[] }>("/devices");
    expect(r.body.value.length).toBe(100);
    expect(r.timing.attempts).toBe(3);
  });

  it("retries a page that is slower than the per-attempt timeout", async () => {
    t.sim.faults.add({ fault: { type: "slow", ms: 400 }, path: "/devices" });
    const r = await client({ timeoutMs: 100 }).request("/devices");
    expect([r.status, r.timing.attempts]).toEqual([200, 2]);
  });

  it("gives up after the attempts, with Graph's error and a hint", async () => {
    t.sim.faults.add({ fault: { type: "throttle", retryAfter: "0.01" }, path: "/devices", times: 10 });
    const e = await failure(client().request("/devices"));
    expect(e).toMatchObject({ code: "TooManyRequests", status: 429, requestId: expect.any(String) });
    expect(e.hint).toMatch(/throttled/);
    expect(waits.length).toBe(3);
  });

  it("does not wait past the time budget", async () => {
    t.sim.faults.add({ fault: { type: "throttle", retryAfter: "30" }, path: "/devices" });
    const e = await failure(client({ retry: { budgetMs: 5_000 } }).request("/devices"));
    expect(e.code).toBe("TooManyRequests");
    expect(waits).toEqual([]);
  });

  it("fails other 4xx at once", async () => {
    const before = t.sim.stats.graph;
    const e = await failure(client().request("/users", { query: { $top: 1000 } }));
    expect(e).toMatchObject({ code: "Request_UnsupportedQuery", status: 400 });
    expect(t.sim.stats.graph - before).toBe(1);
  });
});

describe("tokens", () => {
  it("renews once on a 401 mid-run and carries on", async () => {
    t.sim.faults.add({ fault: { type: "expireTokens" }, path: "$skiptoken" });
    const before = t.sim.stats.token;
    const pages = await collect(client().fetchAllPages("/users", { query: { $top: 400 } }));
    expect(pages.at(-1)!.itemsSoFar).toBe(1200);
    expect(t.sim.stats.token - before).toBe(2);
  });

  it("fails when the renewed token is refused too", async () => {
    t.sim.faults.add({ fault: { type: "expireTokens" }, path: "/organization", times: 2 });
    const e = await failure(client().request("/organization"));
    expect(e).toMatchObject({ code: "InvalidAuthenticationToken", status: 401 });
  });

  it("renews 5 minutes before expiry and caches until then", async () => {
    let now = Date.now();
    const p = provider({ now: () => now });
    const before = t.sim.stats.token;
    const a = await p.getToken();
    now += 3000_000;
    expect(await p.getToken()).toBe(a);
    now += 300_000; // 3,300 s of 3,599: within 5 minutes of expiry
    expect(await p.getToken()).not.toBe(a);
    expect(t.sim.stats.token - before).toBe(2);
  });

  it("asks for a new paste when a static token expires", async () => {
    const c = client({ tokenProvider: staticTokenProvider(`Bearer ${await t.token()}`) });
    expect((await c.request("/organization")).status).toBe(200);
    t.sim.expireTokens();
    const e = await failure(c.request("/organization"));
    expect(e).toMatchObject({ code: "token_expired", status: 401, message: "The token has expired, paste a new one or use client credentials." });
    expect((await failure(client({ tokenProvider: staticTokenProvider("  ") }).request("/users"))).code).toBe("token_missing");
  });

  it("explains bad client credentials", async () => {
    const cases: Array<[Partial<Parameters<typeof provider>[0]>, string, RegExp]> = [
      [{ clientSecret: DEMO_CLIENT_SECRET_ID }, "invalid_client", /secret's ID, not its value/],
      [{ tenantId: "fabrikam-typo" }, "invalid_tenant", /not found/],
      [{ clientId: "0000-nope" }, "unauthorized_client", /No application with client ID/],
      [{ tenantId: "../evil" }, "invalid_tenant", /Directory \(tenant\) ID/],
    ];
    for (const [o, code, hint] of cases) {
      const e = await failure(provider(o).getToken());
      expect([e.code, e.hint]).toEqual([code, expect.stringMatching(hint)]);
    }
  });
});

describe("hints from Graph", () => {
  it("names the missing permission, the licence and the advanced-query header", async () => {
    const limited = client({ tokenProvider: provider({ clientId: DEMO_LIMITED_CLIENT_ID }) });
    const perm = await failure(limited.request("/groups"));
    expect(perm.code).toBe("Authorization_RequestDenied");
    expect(perm.hint).toMatch(/Group\.Read\.All/);
    expect(perm.hint).toContain("adminconsent?client_id=demo-client-limited");

    t.sim.settings.premium = false;
    try {
      const licence = await failure(client().request("/users", { query: { $select: "id,signInActivity" } }));
      expect(licence.hint).toMatch(/P1 or P2/);
    } finally {
      t.sim.settings.premium = true;
    }
    const adv = await failure(client().request("/users", { query: { $filter: "endsWith(mail,'@contoso-demo.com')" } }));
    expect(adv.hint).toMatch(/ConsistencyLevel: eventual/);
    const size = await failure(client().request("/users?$top=0"));
    expect(size.hint).toMatch(/between 1 and 999/);
    expect(size.response?.status).toBe(400);
  });
});

describe("guards", () => {
  async function fakeGraph(nextLink: (origin: string) => string) {
    let hits = 0;
    const served = await serveFetchHandler((req) => {
      hits++;
      const origin = new URL(req.url).origin;
      return Response.json({ value: [{ id: String(hits) }], "@odata.nextLink": nextLink(origin) });
    });
    const c = client({ graphBaseUrl: `${served.url}/v1.0`, simulatorOrigins: [served.url], tokenProvider: staticTokenProvider("x") });
    return { c, served, hits: () => hits };
  }

  it("detects a loop (the same link twice)", async () => {
    const { c, served, hits } = await fakeGraph((o) => `${o}/v1.0/users?$skiptoken=same`);
    try {
      const e = await failure(collect(c.fetchAllPages("/users")));
      expect(e.code).toBe("pagination_loop");
      expect(hits()).toBe(2); // the second page repeats the link the first gave
    } finally {
      await served.close();
    }
  });

  it("refuses a nextLink to another origin without calling it", async () => {
    const { c, served, hits } = await fakeGraph(() => "http://127.0.0.2:9/v1.0/users?$skiptoken=x");
    try {
      const e = await failure(collect(c.fetchAllPages("/users")));
      expect(e.code).toBe("next_link_origin");
      expect(hits()).toBe(1);
      expect((await failure(c.requestNextLink("https://user:pw@evil.example/v1.0/users"))).code).toBe("next_link_origin");
    } finally {
      await served.close();
    }
  });

  it("only calls allowed hosts; EXTRA_ALLOWED_HOSTS entries open one", () => {
    expect(() => createGraphClient({ cloud: "global", tokenProvider: staticTokenProvider("x"), graphBaseUrl: `${t.origin}/graph/v1.0` })).toThrow(
      expect.objectContaining({ code: "host_not_allowed" }),
    );
    const host = new URL(t.origin).host;
    expect(createGraphClient({ cloud: "global", tokenProvider: staticTokenProvider("x"), graphBaseUrl: t.graphBaseUrl, extraAllowedHosts: [host] }).graphBaseUrl).toBe(t.graphBaseUrl);
    const e = (() => {
      try {
        clientCredentialsTokenProvider({ cloud: "global", tenantId: "t", clientId: "c", clientSecret: "s", loginBaseUrl: "https://login.evil.example", allowlist: client().allowlist });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeUndefined(); // the provider checks on use, see below
  });

  it("never trusts a login host just because it was passed in", async () => {
    let sent = 0;
    const p = clientCredentialsTokenProvider({
      cloud: "global", tenantId: "t", clientId: "c", clientSecret: "s", loginBaseUrl: t.loginBaseUrl,
      fetch: async (...args) => (sent++, fetch(...args)),
    });
    expect((await failure(p.getToken())).code).toBe("host_not_allowed");
    expect(sent).toBe(0);
  });

  it("refuses a login host outside the allowlist before sending the secret", async () => {
    const p = clientCredentialsTokenProvider({ cloud: "global", tenantId: "t", clientId: "c", clientSecret: "s", loginBaseUrl: "https://login.evil.example", allowlist: client().allowlist });
    expect((await failure(p.getToken())).code).toBe("host_not_allowed");
  });

  it("rejects paths that are URLs", async () => {
    const c = client();
    for (const p of ["https://evil.example/x", "//evil.example/x", "/users/../..", "/users%2fx"]) {
      expect((await failure(c.request(p))).code).toBe("invalid_path");
    }
  });

  it("picks the login host, Graph host and scope of each cloud", async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      const url = String(input);
      calls.push(url);
      if (url.includes("/oauth2/")) {
        calls.push(new URLSearchParams(String(init?.body)).get("scope")!);
        return Response.json({ access_token: "tok", expires_in: 3599, token_type: "Bearer" });
      }
      return Response.json({ value: [] });
    };
    for (const [cloud, login, graph] of [
      ["usGovL4", "login.microsoftonline.us", "graph.microsoft.us"],
      ["usGovL5", "login.microsoftonline.us", "dod-graph.microsoft.us"],
      ["china", "login.chinacloudapi.cn", "microsoftgraph.chinacloudapi.cn"],
      ["global", "login.microsoftonline.com", "graph.microsoft.com"],
    ] as const) {
      calls.length = 0;
      const tp = clientCredentialsTokenProvider({ cloud, tenantId: "t1", clientId: "c", clientSecret: "s", fetch: fakeFetch });
      await createGraphClient({ cloud, tokenProvider: tp, fetch: fakeFetch }).request("/users");
      expect(calls).toEqual([`https://${login}/t1/oauth2/v2.0/token`, `https://${graph}/.default`, `https://${graph}/v1.0/users`]);
    }
  });
});
