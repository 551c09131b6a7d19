/** The demo tenant over real HTTP, checked against shared/docs/microsoft-graph.md with plain fetch. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CLIENT_SECRET_ID, DEMO_LIMITED_CLIENT_ID } from "./credentials";
import { serveDemoTenant, type ServedDemoTenant } from "./testing";

type Body = Record<string, unknown> & { value?: Array<Record<string, unknown>>; error?: { code: string; message: string } };

let t: ServedDemoTenant;
let token: string;

beforeAll(async () => {
  t = await serveDemoTenant();
  token = await t.token();
});
afterAll(() => t.close());

async function get(path: string, headers: Record<string, string> = {}, bearer: string | null = token): Promise<{ status: number; body: Body; headers: Headers }> {
  const url = path.startsWith("http") ? path : `${t.graphBaseUrl}${path}`;
  const res = await fetch(url, { headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers } });
  return { status: res.status, body: (await res.json()) as Body, headers: res.headers };
}

async function tokenRequest(tenant: string, fields: Record<string, string>) {
  const res = await fetch(`${t.loginBaseUrl}/${tenant}/oauth2/v2.0/token`, { method: "POST", body: new URLSearchParams(fields) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const creds = { grant_type: "client_credentials", client_id: "demo-client", client_secret: "demo-secret", scope: "https://graph.microsoft.com/.default" };

describe("token endpoint", () => {
  it("issues tokens for the demo apps", async () => {
    const r = await tokenRequest("contoso-demo", creds);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599 });
  });

  it("answers like Entra for bad input", async () => {
    const cases: Array<[string, Record<string, string>, number, string, number]> = [
      ["nope-tenant", creds, 400, "invalid_tenant", 90002],
      ["contoso-demo", { ...creds, client_id: "who" }, 400, "unauthorized_client", 700016],
      ["contoso-demo", { ...creds, client_secret: DEMO_CLIENT_SECRET_ID }, 401, "invalid_client", 7000215],
      ["contoso-demo", { ...creds, client_secret: "" }, 401, "invalid_client", 7000218],
      ["contoso-demo", { ...creds, scope: "https://evil.example/.default" }, 400, "invalid_scope", 70011],
      ["contoso-demo", { ...creds, grant_type: "" }, 400, "invalid_request", 900144],
      ["contoso-demo", { ...creds, grant_type: "password" }, 400, "unsupported_grant_type", 70003],
    ];
    for (const [tenant, fields, status, error, code] of cases) {
      const r = await tokenRequest(tenant, fields);
      expect([tenant, r.status, r.body.error, r.body.error_codes]).toEqual([tenant, status, error, [code]]);
      expect(String(r.body.error_description)).toMatch(new RegExp(`^AADSTS${code}: `));
    }
    const getRes = await fetch(`${t.loginBaseUrl}/contoso-demo/oauth2/v2.0/token`);
    expect(getRes.status).toBe(405);
  });
});

describe("Graph auth", () => {
  it("401 without, with a broken and with an expired token", async () => {
    const none = await get("/users", {}, null);
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: "InvalidAuthenticationToken", message: "Access token is empty." });
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await get("/users", {}, "abc.def.ghi")).status).toBe(401);
    const now = { t: Date.now() };
    const short = await serveDemoTenant({ now: () => now.t, tokenLifetimeSeconds: 60 });
    try {
      const tok = await short.token();
      const ok = await fetch(`${short.graphBaseUrl}/organization`, { headers: { authorization: `Bearer ${tok}` } });
      expect(ok.status).toBe(200);
      now.t += 61_000;
      const expired = await fetch(`${short.graphBaseUrl}/organization`, { headers: { authorization: `Bearer ${tok}` } });
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as Body).error!.message).toBe("Access token has expired or is not yet valid.");
    } finally {
      await short.close();
    }
  });

  it("403 when the demo app lacks Group.Read.All, and only there", async () => {
    const limited = await t.token(DEMO_LIMITED_CLIENT_ID);
    const groups = await get("/groups", {}, limited);
    expect(groups.status).toBe(403);
    expect(groups.body.error).toMatchObject({ code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." });
    expect((await get("/users?$top=1", {}, limited)).status).toBe(200);
  });

  it("denies writes like a read-only app", async () => {
    const res = await fetch(`${t.graphBaseUrl}/users`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: "{}" });
    expect(res.status).toBe(403);
  });
});

describe("collections", () => {
  it("returns the default property set without $select, and exactly the selection with it", async () => {
    const plain = await get("/users?$top=1");
    expect(Object.keys(plain.body.value![0]!).sort()).toEqual(
      ["businessPhones", "displayName", "givenName", "id", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName"],
    );
    expect(plain.body["@odata.context"]).toBe(`${t.graphBaseUrl}/$metadata#users`);
    const sel = await get("/users?$top=1&$select=id,department,accountEnabled");
    expect(Object.keys(sel.body.value![0]!)).toEqual(["id", "department", "accountEnabled"]);
    expect(sel.body["@odata.context"]).toBe(`${t.graphBaseUrl}/$metadata#users(id,department,accountEnabled)`);
    const bad = await get("/users?$select=id,nope");
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toBe("Could not find a property named 'nope' on type 'microsoft.graph.user'.");
  });

  it("hides key material unless keyCredentials is selected", async () => {
    const plain = await get("/applications?$top=100");
    const withKeys = plain.body.value!.find((a) => (a.keyCredentials as unknown[]).length > 0)!;
    expect((withKeys.keyCredentials as Array<{ key: unknown }>)[0]!.key).toBeNull();
    const sel = await get(`/applications/${String(withKeys.id)}?$select=id,keyCredentials`);
    expect((sel.body.keyCredentials as Array<{ key: unknown }>)[0]!.key).toEqual(expect.any(String));
  });

  it("pages 100 by default with opaque skiptoken links that repeat the query", async () => {
    const first = await get("/users?$select=id,displayName&$filter=startsWith(displayName,'A')");
    expect(first.body.value!.length).toBe(100);
    const link = String(first.body["@odata.nextLink"]);
    expect(link.startsWith(`${t.graphBaseUrl}/users?`)).toBe(true);
    const url = new URL(link);
    expect(url.searchParams.get("$select")).toBe("id,displayName");
    expect(url.searchParams.get("$filter")).toBe("startsWith(displayName,'A')");
    expect(url.searchParams.get("$skiptoken")).toMatch(/^RFNwdAIA/);
    const ids = new Set<unknown>();
    let next: string | undefined = `/users?$top=999&$select=id`;
    let pages = 0;
    while (next) {
      const page = await get(next);
      pages++;
      for (const u of page.body.value!) ids.add(u.id);
      next = page.body["@odata.nextLink"] as string | undefined;
    }
    expect([pages, ids.size]).toEqual([2, 1200]);
    expect((await get("/users?$skiptoken=garbage")).body.error!.code).toBe("Directory_ExpiredPageToken");
  });

  it("accepts $top 1..999 and answers Graph's 400 otherwise", async () => {
    expect((await get("/users?$top=1")).body.value!.length).toBe(1);
    expect((await get("/users?$top=999")).body.value!.length).toBe(999);
    for (const top of ["0", "1000", "-1", "abc", "1.5"]) {
      const r = await get(`/users?$top=${top}`);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: "Request_UnsupportedQuery", message: `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.` });
    }
    expect((await get("/users?$skip=10")).status).toBe(400);
  });

  it("caps $expand=members at 20 with no link, members($select=id) included", async () => {
    const r = await get("/groups?$top=3&$expand=members($select=id)&$select=id,displayName");
    const all = r.body.value!.find((g) => g.displayName === "All Company")!;
    const members = all.members as Array<Record<string, unknown>>;
    expect(members.length).toBe(20);
    expect(Object.keys(members[0]!)).toEqual(["@odata.type", "id"]);
    expect(all["members@odata.nextLink"]).toBeUndefined();
    const full = await get(`/groups/${String(all.id)}?$expand=members`);
    expect((full.body.members as unknown[]).length).toBe(20);
  });

  it("filters with eq, startsWith, in and any(); advanced operators need the header and $count", async () => {
    const eq = await get("/users?$filter=department eq 'Engineering'&$select=department&$top=999");
    expect(eq.body.value!.length).toBeGreaterThan(100);
    expect(eq.body.value!.every((u) => u.department === "Engineering")).toBe(true);
    const inR = await get("/users?$filter=department in ('Legal','Finance')&$select=department&$top=999");
    expect(new Set(inR.body.value!.map((u) => u.department))).toEqual(new Set(["Legal", "Finance"]));
    const unified = await get("/groups?$filter=groupTypes/any(c:c eq 'Unified')&$select=groupTypes&$top=999");
    expect(unified.body.value!.every((g) => (g.groupTypes as string[]).includes("Unified"))).toBe(true);
    const ne = await get("/users?$filter=userType ne 'Member'");
    expect(ne.status).toBe(400);
    expect(ne.body.error!.code).toBe("Request_UnsupportedQuery");
    expect(ne.body.error!.message).toMatch(/\$count=true query parameter and ConsistencyLevel:eventual header/);
    const headerOnly = await get("/users?$filter=userType ne 'Member'", { ConsistencyLevel: "eventual" });
    expect(headerOnly.status).toBe(400);
    const adv = await get("/users?$filter=userType ne 'Member'&$count=true&$select=userType&$top=999", { ConsistencyLevel: "eventual" });
    expect(adv.status).toBe(200);
    expect(adv.body.value!.every((u) => u.userType === "Guest")).toBe(true);
    expect(adv.body["@odata.count"]).toBe(adv.body.value!.length);
    const search = await get('/users?$search="displayName:ann"');
    expect(search.body.error!.message).toMatch(/ConsistencyLevel: eventual/);
    const sorted = await get("/users?$filter=department eq 'Sales'&$orderby=displayName");
    expect(sorted.body.error!.message).toMatch(/^Sorting not supported for current query/);
  });

  it("adds @odata.count to the first page only, and only with ConsistencyLevel: eventual", async () => {
    const first = await get("/groups?$count=true&$top=50", { ConsistencyLevel: "eventual" });
    expect(first.body["@odata.count"]).toBe(180);
    const second = await get(String(first.body["@odata.nextLink"]), { ConsistencyLevel: "eventual" });
    expect(second.body["@odata.count"]).toBeUndefined();
    expect((await get("/groups?$count=true&$top=50")).body["@odata.count"]).toBeUndefined();
  });

  it("pages group members with @odata.type, direct and transitive", async () => {
    const g = await get("/groups?$filter=displayName eq 'All Departments'&$select=id");
    const id = String(g.body.value![0]!.id);
    const direct = await get(`/groups/${id}/members?$select=id,displayName`);
    const types = new Set(direct.body.value!.map((m) => m["@odata.type"]));
    expect(types).toEqual(new Set(["#microsoft.graph.user", "#microsoft.graph.group"]));
    const transitive: unknown[] = [];
    let next: string | undefined = `/groups/${id}/transitiveMembers?$top=999&$select=id`;
    while (next) {
      const p = await get(next);
      transitive.push(...p.body.value!);
      next = p.body["@odata.nextLink"] as string | undefined;
    }
    expect(transitive.length).toBeGreaterThan(direct.body.value!.length);
    const all = await get("/groups?$filter=displayName eq 'All Company'&$select=id");
    const big = await get(`/groups/${String(all.body.value![0]!.id)}/members/microsoft.graph.user?$top=999&$select=id`);
    expect(big.body.value!.length).toBe(999);
    expect(big.body["@odata.nextLink"]).toContain("/members/microsoft.graph.user?");
    expect((await get("/groups/00000000-0000-4000-8000-000000000000/members")).body.error!.code).toBe("Request_ResourceNotFound");
  });

  it("serves single objects by id and users by UPN, 404 otherwise", async () => {
    const u = (await get("/users?$top=1&$select=id,userPrincipalName")).body.value![0]!;
    expect((await get(`/users/${String(u.id)}`)).body.userPrincipalName).toBe(u.userPrincipalName);
    expect((await get(`/users/${encodeURIComponent(String(u.userPrincipalName))}`)).body.id).toBe(u.id);
    expect((await get("/users/11111111-2222-4333-8444-555555555555")).status).toBe(404);
    expect((await get("/nonsense")).status).toBe(400);
    expect((await get("/organization")).body.value![0]!.displayName).toBe("Contoso (demo)");
  });
});

describe("signInActivity", () => {
  it("is 403 without premium, and capped at 120 per page with it", async () => {
    const capped = await get("/users?$select=id,signInActivity&$top=999");
    expect(capped.body.value!.length).toBe(120);
    expect(capped.body["@odata.nextLink"]).toContain("$top=999");
    t.sim.settings.premium = false;
    try {
      const denied = await get("/users?$select=id,signInActivity");
      expect(denied.status).toBe(403);
      expect(denied.body.error).toMatchObject({ code: "Authentication_RequestFromNonPremiumTenantOrB2CTenant", message: "Neither tenant is B2C or tenant doesn't have premium license" });
      expect((await get("/users?$filter=signInActivity/lastSignInDateTime le 2025-01-01T00:00:00Z")).status).toBe(403);
    } finally {
      t.sim.settings.premium = true;
    }
  });
});

describe("delta", () => {
  it("ends a round with a deltaLink and then reports changes with @removed", async () => {
    const own = await serveDemoTenant({ sizes: { users: 250, groups: 20 } });
    try {
      const tok = await own.token();
      const call = async (url: string, headers: Record<string, string> = {}) =>
        (await (await fetch(url, { headers: { authorization: `Bearer ${tok}`, ...headers } })).json()) as Body;
      let page = await call(`${own.graphBaseUrl}/users/delta?$select=id,displayName`);
      let seen = page.value!.length;
      while (page["@odata.nextLink"]) {
        expect(String(page["@odata.nextLink"])).toMatch(/\/users\/delta\?\$skiptoken=/);
        page = await call(String(page["@odata.nextLink"]));
        seen += page.value!.length;
      }
      expect(seen).toBe(250);
      const deltaLink = String(page["@odata.deltaLink"]);
      const nothing = await call(deltaLink);
      expect(nothing.value).toEqual([]);
      expect(nothing["@odata.deltaLink"]).toEqual(expect.any(String));

      const ids = (await call(`${own.graphBaseUrl}/users?$top=3&$select=id`)).value!.map((u) => String(u.id));
      own.sim.mutate.update("users", ids[0]!, { displayName: "Renamed Person" });
      own.sim.mutate.remove("users", ids[1]!);
      const added = own.sim.mutate.add("users", { displayName: "New Hire" });
      const changes = await call(deltaLink);
      expect(changes.value).toEqual([
        { id: ids[0], displayName: "Renamed Person" },
        { id: ids[1], "@removed": { reason: "changed" } },
        { id: added, displayName: "New Hire" },
      ]);
      expect((await call(`${own.graphBaseUrl}/users/${ids[1]}`)).error!.code).toBe("Request_ResourceNotFound");
      expect((await call(`${own.graphBaseUrl}/users/delta?$top=5`)).error!.code).toBe("Request_UnsupportedQuery");
    } finally {
      await own.close();
    }
  });

  it("tracks membership with members@delta, a big group spanning several items", async () => {
    const own = await serveDemoTenant({ sizes: { users: 1200, groups: 6 } });
    try {
      const tok = await own.token();
      const call = async (url: string) => (await (await fetch(url, { headers: { authorization: `Bearer ${tok}`, Prefer: "odata.maxpagesize=2" } })).json()) as Body;
      let page = await call(`${own.graphBaseUrl}/groups/delta?$select=id,displayName,members`);
      const items = [...page.value!];
      while (page["@odata.nextLink"]) {
        page = await call(String(page["@odata.nextLink"]));
        items.push(...page.value!);
      }
      const allCompany = items.filter((g) => g.id === items[0]!.id);
      expect(allCompany.length).toBe(3); // 1,200 members in items of 500
      expect(allCompany.reduce((n, g) => n + (g["members@delta"] as unknown[]).length, 0)).toBe(1200);
      const groupId = String(items[0]!.id);
      const userId = String((allCompany[0]!["members@delta"] as Array<{ id: string }>)[0]!.id);
      own.sim.mutate.removeMember(groupId, userId);
      const changes = await call(String(page["@odata.deltaLink"]));
      expect(changes.value![0]!["members@delta"]).toEqual([{ "@odata.type": "#microsoft.graph.user", id: userId, "@removed": { reason: "deleted" } }]);
    } finally {
      await own.close();
    }
  });
});

describe("$batch and base paths", () => {
  it("serves up to 20 requests in one batch", async () => {
    const post = (requests: unknown[]) =>
      fetch(`${t.graphBaseUrl}/$batch`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ requests }) });
    const res = await post([{ id: "1", method: "GET", url: "/users?$top=2" }, { id: "2", method: "GET", url: "/users?$top=0" }]);
    const body = (await res.json()) as { responses: Array<{ id: string; status: number; body: Body }> };
    expect(body.responses.map((r) => [r.id, r.status])).toEqual([["1", 200], ["2", 400]]);
    expect(body.responses[0]!.body.value!.length).toBe(2);
    expect((await post(Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: "GET", url: "/users" })))).status).toBe(400);
  });

  it("builds links from the request's origin and the base path", async () => {
    const app = await serveDemoTenant({ basePath: "/api/sim" });
    try {
      expect(app.graphBaseUrl).toBe(`${app.origin}/api/sim/graph/v1.0`);
      const tok = await app.token();
      const r = (await (await fetch(`${app.graphBaseUrl}/users`, { headers: { authorization: `Bearer ${tok}` } })).json()) as Body;
      expect(String(r["@odata.nextLink"]).startsWith(`${app.origin}/api/sim/graph/v1.0/users?$skiptoken=`)).toBe(true);
      // Tokens are stateless: another instance with the same seed accepts them.
      const r2 = await fetch(`${t.graphBaseUrl}/organization`, { headers: { authorization: `Bearer ${tok}` } });
      expect(r2.status).toBe(200);
      expect((await fetch(`${app.origin}/elsewhere`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe("fault injection", () => {
  it("throttles, fails, truncates and expires tokens on demand", async () => {
    t.sim.faults.add(
      { fault: { type: "throttle", retryAfter: "0.01" }, path: "/devices" },
      { fault: { type: "status", status: 503, retryAfter: "2.128" }, path: "/devices" },
      { fault: { type: "truncate" }, path: "/devices" },
    );
    try {
      const throttled = await get("/devices");
      expect([throttled.status, throttled.headers.get("retry-after"), throttled.body.error!.code]).toEqual([429, "0.01", "TooManyRequests"]);
      const unavailable = await get("/devices");
      expect([unavailable.status, unavailable.headers.get("retry-after")]).toEqual([503, "2.128"]);
      const cut = await fetch(`${t.graphBaseUrl}/devices`, { headers: { authorization: `Bearer ${token}` } });
      expect(cut.status).toBe(200);
      await expect(cut.clone().json()).rejects.toThrow();
      expect((await get("/devices")).status).toBe(200);
      t.sim.faults.add({ fault: { type: "drop" }, path: "/devices" });
      await expect(fetch(`${t.graphBaseUrl}/devices`, { headers: { authorization: `Bearer ${token}` } })).rejects.toThrow();
      t.sim.faults.add({ fault: { type: "expireTokens" } });
      expect((await get("/organization")).status).toBe(401);
      token = await t.token();
      expect((await get("/organization")).status).toBe(200);
    } finally {
      t.sim.faults.clear();
    }
  });
});
