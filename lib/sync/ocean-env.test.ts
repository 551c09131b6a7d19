import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAllowlist, getCloud } from "@/lib/graph";
import { createNodeJqPool } from "@/lib/jq/server";
import type { JqEngine } from "@/lib/jq";
import { customAuthTokenProvider } from "./custom-auth";
import { cloudOfBaseUrl, parseOceanEnv } from "./ocean-env";

const BASE = {
  OCEAN__PORT__CLIENT_ID: "id",
  OCEAN__PORT__CLIENT_SECRET: "secret",
  OCEAN__INTEGRATION__IDENTIFIER: "entra-id",
  OCEAN__INTEGRATION__CONFIG__BASE_URL: "https://graph.microsoft.us/v1.0/",
  OCEAN__INTEGRATION__CONFIG__AUTH_TYPE: "custom",
  OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST: JSON.stringify({ endpoint: "https://login.microsoftonline.us/t/oauth2/v2.0/token", bodyForm: "grant_type=client_credentials" }),
  OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST_TEMPLATE: JSON.stringify({ headers: { Authorization: "Bearer {{.access_token}}" } }),
  UNRELATED: "x",
};

describe("parseOceanEnv", () => {
  it("reads Ocean's names with Ocean's defaults", () => {
    const s = parseOceanEnv(BASE);
    expect(s).toMatchObject({
      identifier: "entra-id",
      port: { clientId: "id", clientSecret: "secret", baseUrl: "https://api.getport.io" },
      graphBaseUrl: "https://graph.microsoft.us/v1.0",
      initializePortResources: true,
      paginate: false,
      nextLinkPath: "@odata.nextLink",
      maxConcurrentRequests: 10,
      auth: { type: "custom", request: { method: "POST", bodyForm: "grant_type=client_credentials" } },
    });
    expect(cloudOfBaseUrl(s.graphBaseUrl).id).toBe("usGovL4");
    const paged = parseOceanEnv({ ...BASE, OCEAN__INTEGRATION__CONFIG__PAGINATION_TYPE: "next_link", OCEAN__INITIALIZE_PORT_RESOURCES: "false", OCEAN__INTEGRATION__CONFIG__MAX_CONCURRENT_REQUESTS: "4" });
    expect(paged).toMatchObject({ paginate: true, initializePortResources: false, maxConcurrentRequests: 4 });
  });

  it.each([
    [{ OCEAN__INTEGRATION__CONFIG__BASE_URL: "" }, /OCEAN__INTEGRATION__CONFIG__BASE_URL is required/],
    [{ OCEAN__INTEGRATION__CONFIG__AUTH_TYPE: "none" }, /AUTH_TYPE must be custom/],
    [{ OCEAN__INTEGRATION__CONFIG__AUTH_TYPE: "bearer_token" }, /API_TOKEN is required with AUTH_TYPE=bearer_token/],
    [{ OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST: JSON.stringify({ endpoint: "/t", body: {}, bodyForm: "a=b" }) }, /CUSTOM_AUTH_REQUEST give body or bodyForm, not both/],
    [{ OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST_TEMPLATE: "" }, /CUSTOM_AUTH_REQUEST_TEMPLATE is required/],
    [{ OCEAN__INTEGRATION__CONFIG__PAGINATION_TYPE: "offset" }, /PAGINATION_TYPE must be next_link/],
    [{ OCEAN__INITIALIZE_PORT_RESOURCES: "yes" }, /OCEAN__INITIALIZE_PORT_RESOURCES/],
  ])("refuses %o naming the variable", (patch, message) => {
    expect(() => parseOceanEnv({ ...BASE, ...patch })).toThrow(message);
  });
});

describe("customAuthTokenProvider", () => {
  let engine: JqEngine;
  beforeAll(() => {
    engine = createNodeJqPool();
  });
  afterAll(() => engine.close());
  const allowlist = createAllowlist({ cloud: getCloud("global") });

  it("posts the request, reads the token through the template, keeps it for the interval, renews after invalidate", async () => {
    const calls: { url: string; body: string; type: string | null }[] = [];
    let issued = 0;
    const fetchFake: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), body: String(init?.body), type: new Headers(init?.headers).get("content-type") });
      return Response.json({ token_type: "Bearer", access_token: `tok-${++issued}`, expires_in: 3599 });
    };
    let now = 0;
    const provider = customAuthTokenProvider({
      request: { endpoint: "https://login.microsoftonline.com/t/oauth2/v2.0/token", method: "POST", bodyForm: { client_id: "c", grant_type: "client_credentials" }, reauthenticateIntervalSeconds: 600 },
      template: { headers: { Authorization: "Bearer {{ .access_token }}" } },
      baseUrl: "https://graph.microsoft.com/v1.0",
      allowlist,
      engine,
      fetch: fetchFake,
      now: () => now,
    });
    expect(await provider.getToken()).toBe("tok-1");
    now = 500_000;
    expect(await provider.getToken()).toBe("tok-1");
    now = 541_000; // within a tenth of the interval of its end: renewed early
    expect(await provider.getToken()).toBe("tok-2");
    provider.invalidate();
    expect(await provider.getToken()).toBe("tok-3");
    expect(calls[0]).toEqual({ url: "https://login.microsoftonline.com/t/oauth2/v2.0/token", body: "client_id=c&grant_type=client_credentials", type: "application/x-www-form-urlencoded" });
  });

  it("refuses a template Graph cannot use, and a token endpoint outside the allowed hosts", async () => {
    const make = (template: object, endpoint = "https://login.microsoftonline.com/t/oauth2/v2.0/token") =>
      customAuthTokenProvider({ request: { endpoint, method: "POST" }, template, baseUrl: "https://graph.microsoft.com/v1.0", allowlist, engine, fetch: async () => Response.json({ access_token: "x" }) });
    expect(() => make({ headers: { "X-API-Key": "{{.key}}" } })).toThrow(/exactly one header, Authorization/);
    expect(() => make({ headers: { Authorization: "Bearer {{.access_token}}" }, queryParams: { code: "{{.c}}" } })).toThrow(/exactly one header/);
    // Refused when the provider is made (the command's start), before any request.
    expect(() => make({ headers: { Authorization: "Bearer {{.access_token}}" } }, "https://evil.example/token")).toThrow(expect.objectContaining({ code: "host_not_allowed" }));
  });
});
