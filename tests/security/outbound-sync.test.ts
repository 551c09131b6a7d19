/**
 * Outbound requests of `cli map`/`cli sync` (lib/sync): Ocean's environment names the Graph
 * base URL, the custom auth request and Port's URL, and the mapping names each `kind`. Any
 * of them pointing elsewhere than the hosts they are for is refused before a request; the
 * custom-auth token goes to the integration's base URL host only. A canary on another
 * loopback port records anything that reaches it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GraphError } from "@/lib/graph";
import { graphFailure } from "@/lib/graph/testing";
import type { JqEngine } from "@/lib/jq";
import { createNodeJqPool } from "@/lib/jq/server";
import type { ResourceConfig } from "@/lib/mapping";
import { oceanClients, parseOceanEnv } from "@/lib/sync";
import { resourcePages } from "@/lib/sync/fetch";
import { redirectTo, startCanary, startRecordingServer, type Answer, type RecordingServer } from "./canary";

let engine: JqEngine;
let canary: RecordingServer;
/** A stand-in for Entra ID's token endpoint and Graph, on a loopback host an administrator allowed. */
let tenant: RecordingServer;
let nextAnswer: (path: string, origin: string) => Answer;

const issueTokenOrPage = (path: string): Answer =>
  path.startsWith("/login/") ? { body: JSON.stringify({ access_token: "custom-auth-token", expires_in: 3600 }) } : { body: JSON.stringify({ value: [{ id: "u1" }] }) };

beforeAll(async () => {
  engine = createNodeJqPool();
  canary = await startCanary();
  tenant = await startRecordingServer((req, origin) => nextAnswer(req.path, origin));
});
afterEach(() => {
  nextAnswer = issueTokenOrPage;
  tenant.requests.length = 0;
});
afterAll(async () => {
  expect(canary.requests).toEqual([]);
  await engine.close();
  await tenant.close();
  await canary.close();
});

function env(patch: Record<string, string> = {}): Record<string, string> {
  return {
    OCEAN__PORT__CLIENT_ID: "port-id",
    OCEAN__PORT__CLIENT_SECRET: "PORT-SECRET",
    OCEAN__INTEGRATION__IDENTIFIER: "entra-id",
    OCEAN__INTEGRATION__CONFIG__BASE_URL: `${tenant.origin}/graph/v1.0`,
    OCEAN__INTEGRATION__CONFIG__AUTH_TYPE: "custom",
    OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST: JSON.stringify({ endpoint: `${tenant.origin}/login/t/oauth2/v2.0/token`, bodyForm: "client_secret=GRAPH-SECRET&grant_type=client_credentials" }),
    OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST_TEMPLATE: JSON.stringify({ headers: { Authorization: "Bearer {{.access_token}}" } }),
    OCEAN__INTEGRATION__CONFIG__PAGINATION_TYPE: "next_link",
    OCEAN__PORT__BASE_URL: "https://api.port.io",
    ...patch,
  };
}

const tenantHost = () => new URL(tenant.origin).host;
const countingFetch = () => {
  const calls: string[] = [];
  const f: typeof fetch = (input, init) => {
    calls.push(String(input));
    return fetch(input, init);
  };
  return { calls, fetch: f };
};

function clients(patch: Record<string, string> = {}, extraAllowedHosts: string[] = [], doFetch?: typeof fetch) {
  return oceanClients(parseOceanEnv(env(patch)), { extraAllowedHosts: [tenantHost(), ...extraAllowedHosts], engine, fetch: doFetch });
}

function refusedAtStart(patch: Record<string, string>, extra?: string[]): { error: Error & { code?: string }; calls: string[] } {
  const counted = countingFetch();
  try {
    clients(patch, extra, counted.fetch);
  } catch (error) {
    return { error: error as Error & { code?: string }, calls: counted.calls };
  }
  throw new Error("expected the clients to be refused");
}

describe("configuration pointing elsewhere is refused when the command starts, before any request", () => {
  it.each<[string, Record<string, string>, string[] | undefined, string, RegExp]>([
    ["Graph base URL on another host (the canary)", { OCEAN__INTEGRATION__CONFIG__BASE_URL: "CANARY/v1.0" }, undefined, "host_not_allowed", /not an allowed host/],
    ["Graph base URL at the metadata address", { OCEAN__INTEGRATION__CONFIG__BASE_URL: "http://169.254.169.254/v1.0" }, ["169.254.169.254"], "host_not_allowed", /cloud metadata address/],
    ["Graph base URL on a private address", { OCEAN__INTEGRATION__CONFIG__BASE_URL: "https://10.0.0.4/v1.0" }, ["10.0.0.4"], "host_not_allowed", /private address \(10\.0\.0\.0\/8\)/],
    ["Graph base URL with userinfo", { OCEAN__INTEGRATION__CONFIG__BASE_URL: "https://u:p@graph.microsoft.com/v1.0" }, undefined, "host_not_allowed", /user name or password/],
    ["custom auth endpoint on another host (the canary)", { OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST: JSON.stringify({ endpoint: "CANARY/token", bodyForm: "client_secret=GRAPH-SECRET" }) }, undefined, "host_not_allowed", /not an allowed host/],
    ["custom auth endpoint at metadata.google.internal", { OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST: JSON.stringify({ endpoint: "https://metadata.google.internal/token" }) }, ["metadata.google.internal"], "host_not_allowed", /metadata host name/],
    ["custom auth endpoint with userinfo", { OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST: JSON.stringify({ endpoint: "https://x:y@login.microsoftonline.com/t/oauth2/v2.0/token" }) }, undefined, "host_not_allowed", /user name or password/],
    ["Port URL on another host (the canary)", { OCEAN__PORT__BASE_URL: "CANARY" }, undefined, "port_host_not_allowed", /is not a Port API host/],
    ["Port URL at the metadata address", { OCEAN__PORT__BASE_URL: "https://169.254.169.254" }, ["169.254.169.254"], "port_host_not_allowed", /cloud metadata address/],
    ["Port URL on an IPv4-mapped private address", { OCEAN__PORT__BASE_URL: "https://[::ffff:192.168.1.1]" }, ["[::ffff:c0a8:101]"], "port_host_not_allowed", /IPv4-mapped .*192\.168\.0\.0\/16/],
    ["Port URL with userinfo", { OCEAN__PORT__BASE_URL: "https://u:p@api.port.io" }, undefined, "port_host_not_allowed", /must not carry credentials/],
  ])("%s", (_what, patch, extra, code, why) => {
    const withCanary = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v.replace("CANARY", canary.origin)]));
    const { error, calls } = refusedAtStart(withCanary, extra);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(why);
    expect(calls).toEqual([]);
  });
});

function resource(kind: string, pathParameters?: ResourceConfig["selector"]["path_parameters"]): ResourceConfig {
  return {
    kind,
    selector: { query: "true", method: "GET", ...(pathParameters ? { path_parameters: pathParameters } : {}) },
    port: { entity: { mappings: { identifier: ".id", blueprint: '"u"', properties: {}, relations: {} } }, itemsToParseName: "item", itemsToParseTopLevelTransform: true },
  };
}

async function readAll(res: ResourceConfig) {
  const { graph } = clients();
  const bodies: unknown[] = [];
  for await (const page of resourcePages(graph, engine, res, 0)) bodies.push(page.body);
  return bodies;
}

describe("what the sync reads", () => {
  it("sends the custom-auth secret to its endpoint and the token to the base URL host only", async () => {
    expect(await readAll(resource("/users"))).toEqual([{ value: [{ id: "u1" }] }]);
    expect(tenant.requests.map((r) => [r.path, r.headers.authorization ?? null])).toEqual([
      ["/login/t/oauth2/v2.0/token", null],
      ["/graph/v1.0/users", "Bearer custom-auth-token"],
    ]);
  });

  it.each(["CANARY/users", "/users/%2e%2e/%2e%2e/steal", "/users/%252e%252e/steal"])("a kind of %s is refused before any request", async (kind) => {
    const e = await graphFailure(readAll(resource(kind.replace("CANARY", canary.origin))));
    expect(e.code).toBe("invalid_path");
    expect(tenant.requests.filter((r) => r.path.startsWith("/graph/"))).toEqual([]);
  });

  it("a page's nextLink to another host stops the listing with an error (nothing is followed)", async () => {
    nextAnswer = (path) => (path.startsWith("/login/") ? issueTokenOrPage(path) : { body: JSON.stringify({ value: [{ id: "u1" }], "@odata.nextLink": `${canary.origin}/graph/v1.0/users?$skiptoken=1` }) });
    const e = await graphFailure(readAll(resource("/users")));
    expect(e.code).toBe("next_link_origin");
  });

  it("ids from Graph put into a nested kind cannot walk out of the path", async () => {
    nextAnswer = (path) =>
      path.startsWith("/login/") ? issueTokenOrPage(path)
      : path.startsWith("/graph/v1.0/groups?") || path === "/graph/v1.0/groups" ? { body: JSON.stringify({ value: [{ id: ".." }, { id: "../../steal" }, { id: "%2e%2e" }] }) }
      : { body: JSON.stringify({ value: [] }) };
    const e = await graphFailure(readAll(resource("/groups/{group_id}/members", { group_id: { endpoint: "/groups", method: "GET", data_path: ".value", field: ".id" } })));
    expect(e.code).toBe("invalid_path");
    expect(tenant.requests.map((r) => r.path).filter((p) => !p.startsWith("/login/"))).toEqual(["/graph/v1.0/groups"]);
  });

  it("a redirect from the token endpoint does not take the secret to another host", async () => {
    nextAnswer = () => redirectTo(`${canary.origin}/token`, 308);
    const e = await graphFailure(readAll(resource("/users")));
    expect(e).toBeInstanceOf(GraphError);
    expect([e.code, e.message]).toEqual(["redirect_refused", expect.stringContaining(`a redirect to ${canary.origin}/token; it was not followed`)]);
  });

  it("a redirect from Graph does not take the token to another host", async () => {
    nextAnswer = (path) => (path.startsWith("/login/") ? issueTokenOrPage(path) : redirectTo(`${canary.origin}/graph/v1.0/users`, 302));
    const e = await graphFailure(readAll(resource("/users")));
    expect(e.code).toBe("redirect_refused");
    // Refused at once: a redirect is not a network failure to retry.
    expect(tenant.requests.filter((r) => r.path.startsWith("/graph/"))).toHaveLength(1);
  });

  it("a token answer over 1 MB is refused as it streams in", async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    nextAnswer = () => ({ body: (function* () {
      for (let i = 0; i < 1024; i++) yield chunk; // 64 MB if it were all read
    })() });
    const e = await graphFailure(readAll(resource("/users")));
    expect([e.code, e.message]).toEqual(["custom_auth_failed", expect.stringMatching(/larger than 1 MB; it was not read/)]);
    expect(tenant.bytesSent()).toBeLessThan(16 * 1024 * 1024);
  });
});
