/**
 * Outbound requests of the Graph client (issue 13): a request path, base URL, nextLink, token
 * endpoint or redirect that points anywhere but the Graph host is refused with a message
 * naming what and why, and no request is made; the token goes to the Graph host only.
 * A canary on another loopback port (another origin) records anything that reaches it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientCredentialsTokenProvider, createGraphClient, GraphError, staticTokenProvider, type GraphClient } from "@/lib/graph";
import { graphFailure } from "@/lib/graph/testing";
import { redirectTo, startCanary, startRecordingServer, type Answer, type RecordingServer } from "./canary";

const TOKEN = "graph-token-for-the-graph-host-only";
let canary: RecordingServer;
let graph: RecordingServer;
/** What the fake Graph answers next; a page by default. */
let nextAnswer: (origin: string) => Answer;
const page = (): Answer => ({ body: JSON.stringify({ value: [{ id: "1" }] }) });

beforeAll(async () => {
  canary = await startCanary();
  graph = await startRecordingServer((_req, origin) => nextAnswer(origin));
});
afterEach(() => {
  nextAnswer = page;
  graph.requests.length = 0;
});
afterAll(async () => {
  // Whatever happened above: the canary never saw a request, let alone the token.
  expect(canary.requests).toEqual([]);
  await graph.close();
  await canary.close();
});

/** Counts what the client hands to fetch: a refusal must come before any request. */
function countingFetch() {
  const calls: string[] = [];
  const f: typeof fetch = (input, init) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return fetch(input, init);
  };
  return { calls, fetch: f };
}

function client(extra: Partial<Parameters<typeof createGraphClient>[0]> = {}): GraphClient {
  return createGraphClient({
    cloud: "global",
    tokenProvider: staticTokenProvider(TOKEN),
    graphBaseUrl: `${graph.origin}/graph/v1.0`,
    simulatorOrigins: [graph.origin],
    retry: { maxAttempts: 1 },
    ...extra,
  });
}

function refusal(fn: () => unknown): GraphError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GraphError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("request paths (a kind, an endpoint) stay under the Graph base URL", () => {
  const paths = [
    `CANARY/users`,
    `//${"CANARY".replace("http://", "")}/users`,
    "/users/%2e%2e/%2e%2e/steal",
    "/users/%2E%2e/x",
    "/users/%252e%252e/%252e%252e/steal",
    "/users/%252f..%252fsteal",
    "/users/../../steal",
    "javascript:alert(1)",
  ];
  it.each(paths)("refuses %s before any request, naming why", async (template) => {
    const path = template.replace("CANARY", canary.origin);
    const counted = countingFetch();
    const e = await graphFailure(client({ fetch: counted.fetch }).request(path));
    expect(e.code).toBe("invalid_path");
    expect(e.message).toMatch(/is not a valid Graph path: (absolute URLs|encoded|'\.' and '\.\.'|encoded slashes)/);
    expect(counted.calls).toEqual([]);
  });
});

describe("the Graph base URL", () => {
  const bases: Array<[string, () => string, string[], RegExp]> = [
    ["another host (the canary)", () => `${canary.origin}/v1.0`, [], /not an allowed host/],
    ["the metadata address", () => "http://169.254.169.254/v1.0", ["169.254.169.254"], /cloud metadata address \(169\.254\.169\.254\)/],
    ["the metadata address in decimal", () => "https://2852039166/v1.0", ["169.254.169.254"], /cloud metadata address \(169\.254\.169\.254\)/],
    ["the IPv6 metadata address", () => "https://[fd00:ec2::254]/v1.0", ["[fd00:ec2::254]"], /fd00:ec2::254/],
    ["metadata.google.internal", () => "https://metadata.google.internal/v1.0", ["metadata.google.internal"], /metadata host name/],
    ["10/8", () => "https://10.0.0.7/v1.0", ["10.0.0.7"], /private address \(10\.0\.0\.0\/8\)/],
    ["172.16/12", () => "https://172.20.1.1/v1.0", ["172.20.1.1"], /private address \(172\.16\.0\.0\/12\)/],
    ["192.168/16", () => "https://192.168.0.10/v1.0", ["192.168.0.10"], /private address \(192\.168\.0\.0\/16\)/],
    ["100.64/10", () => "https://100.100.1.1/v1.0", ["100.100.1.1"], /100\.64\.0\.0\/10/],
    ["fc00::/7", () => "https://[fd12::1]/v1.0", ["[fd12::1]"], /fc00::\/7/],
    ["fe80::/10", () => "https://[fe80::1]/v1.0", ["[fe80::1]"], /fe80::\/10/],
    ["an IPv4-mapped private address", () => "https://[::ffff:10.0.0.1]/v1.0", ["[::ffff:a00:1]"], /IPv4-mapped .*10\.0\.0\.0\/8/],
    ["userinfo on Graph's host", () => `https://me:pw@graph.microsoft.com/v1.0`, [], /user name or password/],
  ];
  it.each(bases)("refuses %s, even when EXTRA_ALLOWED_HOSTS lists it", (_what, base, extra, why) => {
    const counted = countingFetch();
    const e = refusal(() =>
      createGraphClient({ cloud: "global", tokenProvider: staticTokenProvider(TOKEN), graphBaseUrl: base(), extraAllowedHosts: extra, fetch: counted.fetch }),
    );
    expect(e.code).toBe("host_not_allowed");
    expect(e.message).toMatch(why);
    expect(e.message).toMatch(/No request was made/);
    expect(counted.calls).toEqual([]);
  });

  it("refuses a double-encoded '..' in the base URL's path", () => {
    const e = refusal(() => client({ graphBaseUrl: `${graph.origin}/graph/v1.0/%252e%252e/beta` }));
    expect([e.code, e.message]).toEqual(["invalid_base_url", expect.stringMatching(/encoded '\.' and '\.\.' segments/)]);
  });
});

describe("nextLinks", () => {
  const links: Array<[string, (origin: string) => string]> = [
    ["another loopback origin (the canary)", () => `${canary.origin}/graph/v1.0/users?$skiptoken=x`],
    ["the same origin outside the Graph base path", (o) => `${o}/api/projects`],
    ["a double-encoded '..' under the base path", (o) => `${o}/graph/v1.0/%252e%252e/%252e%252e/api/projects`],
    ["an encoded '..' (normalised out of the base path)", (o) => `${o}/graph/v1.0/%2e%2e/%2E%2e/api/projects`],
    ["userinfo", (o) => `${o.replace("http://", "http://x:y@")}/graph/v1.0/users`],
    ["the metadata address", () => "http://169.254.169.254/latest/meta-data/"],
  ];

  it.each(links)("a page's nextLink to %s is not followed, and the listing fails (never looks complete)", async (_what, link) => {
    nextAnswer = (origin) => ({ body: JSON.stringify({ value: [{ id: "1" }], "@odata.nextLink": link(origin) }) });
    const e = await graphFailure((async () => {
      for await (const _ of client().fetchAllPages("/users")) void _;
    })());
    expect(e.code).toBe("next_link_origin");
    expect(e.message).toMatch(/it was not followed/);
    expect(graph.requests).toHaveLength(1);
  });

  it.each(links)("requestNextLink (Explore's next page) refuses %s before any request", async (_what, link) => {
    const counted = countingFetch();
    const e = await graphFailure(client({ fetch: counted.fetch }).requestNextLink(link(graph.origin)));
    expect(e.code).toBe("next_link_origin");
    expect(counted.calls).toEqual([]);
  });
});

describe("redirects", () => {
  it.each([301, 302, 303, 307, 308])("a %i from Graph to another host is not followed, so the token stays", async (status) => {
    nextAnswer = () => redirectTo(`${canary.origin}/steal`, status);
    const e = await graphFailure(client().request("/users"));
    expect(e.code).toBe("redirect_refused");
    expect(e.message).toBe(`${new URL(graph.origin).host} answered ${status} with a redirect to ${canary.origin}/steal; it was not followed, so the token was not sent there.`);
    expect(graph.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`]);
  });

  it("a redirect from the token endpoint does not carry the client secret elsewhere", async () => {
    nextAnswer = () => redirectTo(`${canary.origin}/token`);
    const provider = clientCredentialsTokenProvider({
      cloud: "global", tenantId: "t", clientId: "c", clientSecret: "CLIENT-SECRET", loginBaseUrl: `${graph.origin}/login`, simulatorOrigins: [graph.origin],
    });
    const e = await graphFailure(provider.getToken());
    expect([e.code, e.message]).toEqual(["redirect_refused", expect.stringContaining(`a redirect to ${canary.origin}/token; it was not followed`)]);
    expect(graph.requests[0]!.body).toContain("CLIENT-SECRET");
  });

  it("a token endpoint on another host is refused before the secret is sent", async () => {
    const counted = countingFetch();
    const provider = clientCredentialsTokenProvider({ cloud: "global", tenantId: "t", clientId: "c", clientSecret: "CLIENT-SECRET", loginBaseUrl: `${canary.origin}/login`, fetch: counted.fetch });
    const e = await graphFailure(provider.getToken());
    expect([e.code, counted.calls]).toEqual(["host_not_allowed", []]);
  });
});

it("the token goes to the Graph host, and only there", async () => {
  await client().request("/users");
  expect(graph.requests.map((r) => [r.path, r.headers.authorization])).toEqual([["/graph/v1.0/users", `Bearer ${TOKEN}`]]);
});
