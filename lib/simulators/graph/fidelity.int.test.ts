/** Defects found in review of the demo tenant (each failed before its fix), over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDemoTenant, type ServedDemoTenant } from "./testing";

type Body = Record<string, unknown> & { value?: Array<Record<string, unknown>>; error?: { code: string; message: string } };

let t: ServedDemoTenant;
let token: string;
beforeAll(async () => {
  t = await serveDemoTenant({ sizes: { users: 25_000 } });
  token = await t.token();
});
afterAll(() => t.close());

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(path.startsWith("http") ? path : `${t.graphBaseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: res.status, body: (await res.json()) as Body };
}

it("answers a broken percent-encoding with Graph's 400 envelope, not a crash", async () => {
  const r = await get("/users/%E0%A4%A");
  expect([r.status, r.body.error!.code]).toEqual([400, "BadRequest"]);
  expect(r.body.error).toHaveProperty("innerError.request-id");
  const tok = await fetch(`${t.loginBaseUrl}/%E0%A4%A/oauth2/v2.0/token`, { method: "POST", body: "grant_type=client_credentials" });
  expect([tok.status, ((await tok.json()) as { error_codes: number[] }).error_codes]).toEqual([400, [90002]]);
});

it("answers empty pages with a nextLink when a filtered scan finds nothing within a page's work", async () => {
  const first = await get("/users?$filter=displayName eq 'Nobody Here'&$top=999");
  expect(first.body.value).toEqual([]);
  expect(String(first.body["@odata.nextLink"])).toContain("$filter=displayName%20eq%20'Nobody%20Here'&$top=999&$skiptoken=");
  let next = first.body["@odata.nextLink"] as string | undefined;
  let pages = 1;
  while (next) {
    const p = await get(next);
    expect(p.body.value).toEqual([]);
    next = p.body["@odata.nextLink"] as string | undefined;
    pages++;
  }
  expect(pages).toBe(3); // 25,000 users, at most 10,000 positions per page
});

describe("delta for applications and service principals", () => {
  it("ends a round with a deltaLink and reports changes", async () => {
    for (const kind of ["applications", "servicePrincipals"] as const) {
      let page = await get(`/${kind}/delta?$select=id,displayName`);
      let seen = page.body.value!.length;
      while (page.body["@odata.nextLink"]) {
        page = await get(String(page.body["@odata.nextLink"]));
        seen += page.body.value!.length;
      }
      expect([kind, seen]).toEqual([kind, t.sim.tenant.count(kind)]);
      const deltaLink = String(page.body["@odata.deltaLink"]);
      expect(deltaLink).toContain(`/${kind}/delta?$deltatoken=`);
      const id = t.sim.tenant.idOf(kind, 3);
      t.sim.mutate.update(kind, id, { displayName: "Renamed" });
      expect((await get(deltaLink)).body.value).toEqual([{ id, displayName: "Renamed" }]);
    }
    expect((await get("/devices/delta")).status).toBe(400);
  });
});

describe("query options as Graph reads them", () => {
  it("answers an option given twice with Graph's 400, however it is spelled", async () => {
    for (const query of ["$top=2&$top=3", "$top=2&top=3", "$TOP=2&$Top=2"]) {
      const r = await get(`/users?${query}`);
      expect([query, r.status, r.body.error!.message]).toEqual([query, 400, "Query option '$top' was specified more than once, but it must be specified at most once."]);
    }
  });

  it("reads option names case-insensitively, and nextLinks repeat them", async () => {
    const first = await get("/users?$TOP=2&$Select=id");
    expect(first.body.value!.map((u) => Object.keys(u))).toEqual([["id"], ["id"]]);
    const next = String(first.body["@odata.nextLink"]);
    expect(next).toContain("$TOP=2&$Select=id&$skiptoken=");
    expect((await get(next)).body.value!.length).toBe(2);
  });
});

describe("v1.0 object shapes", () => {
  // microsoft.graph.application in v1.0 (logo is a stream, never in JSON).
  const V1_APPLICATION = [
    "addIns", "api", "appId", "applicationTemplateId", "appRoles", "certification", "createdDateTime", "defaultRedirectUri",
    "deletedDateTime", "description", "disabledByMicrosoftStatus", "displayName", "groupMembershipClaims", "id", "identifierUris",
    "info", "isDeviceOnlyAuthSupported", "isFallbackPublicClient", "keyCredentials", "nativeAuthenticationApisEnabled", "notes",
    "oauth2RequirePostResponse", "optionalClaims", "parentalControlSettings", "passwordCredentials", "publicClient", "publisherDomain",
    "requestSignatureVerification", "requiredResourceAccess", "samlMetadataUrl", "serviceManagementReference",
    "servicePrincipalLockConfiguration", "signInAudience", "spa", "tags", "tokenEncryptionKeyId", "uniqueName", "verifiedPublisher", "web",
  ];

  it("returns the full v1.0 application by default and accepts $select of every property", async () => {
    const plain = await get("/applications?$top=5");
    for (const app of plain.body.value!) expect(Object.keys(app).sort()).toEqual([...V1_APPLICATION].sort());
    const selected = await get(`/applications?$top=1&$select=${V1_APPLICATION.join(",")}`);
    expect(selected.status).toBe(200);
    expect(Object.keys(selected.body.value![0]!)).toEqual(V1_APPLICATION);
    const all = (await get("/applications?$top=999&$select=id,api,spa,publicClient,appRoles")).body.value!;
    expect(all.some((a) => (a.appRoles as unknown[]).length > 0)).toBe(true);
    expect(all.some((a) => (a.spa as { redirectUris: unknown[] }).redirectUris.length > 0)).toBe(true);
    expect(all.some((a) => (a.publicClient as { redirectUris: unknown[] }).redirectUris.length > 0)).toBe(true);
  });

  it("has no createdDateTime on a v1.0 servicePrincipal; groups carry serviceProvisioningErrors", async () => {
    const sp = await get("/servicePrincipals?$top=999");
    expect(sp.body.value!.some((s) => "createdDateTime" in s)).toBe(false);
    const selected = await get("/servicePrincipals?$select=id,createdDateTime");
    expect([selected.status, selected.body.error!.message]).toEqual([400, "Could not find a property named 'createdDateTime' on type 'microsoft.graph.servicePrincipal'."]);
    const groups = await get("/groups?$top=3");
    expect(groups.body.value!.map((g) => g.serviceProvisioningErrors)).toEqual([[], [], []]);
  });

  it("fills keyCredentials[].key only for one object's $select=keyCredentials", async () => {
    const keyOf = (app: Record<string, unknown>) => (app.keyCredentials as Array<{ key: unknown }>)[0]?.key;
    const listed = (await get("/applications?$top=999&$select=id,keyCredentials")).body.value!.filter((a) => (a.keyCredentials as unknown[]).length > 0);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map(keyOf).every((key) => key === null)).toBe(true);
    const id = String(listed[0]!.id);
    expect(keyOf((await get(`/applications/${id}?$select=keyCredentials`)).body)).toEqual(expect.any(String));
    expect(keyOf((await get(`/applications/${id}`)).body)).toBeNull();
    const delta = (await get("/applications/delta?$select=keyCredentials", { Prefer: "odata.maxpagesize=999" })).body.value!;
    expect(delta.flatMap((a) => (a.keyCredentials as Array<{ key: unknown }>).map((k) => k.key)).every((key) => key === null)).toBe(true);
  });

  it("returns id on every delta item and accepts $filter=id eq '...' (or'ed)", async () => {
    const page = await get("/users/delta?$select=displayName", { Prefer: "odata.maxpagesize=3" });
    expect(page.body.value!.map((u) => Object.keys(u))).toEqual([["id", "displayName"], ["id", "displayName"], ["id", "displayName"]]);
    const [a, b] = [t.sim.tenant.idOf("users", 7), t.sim.tenant.idOf("users", 3)];
    const filtered = await get(`/users/delta?$select=displayName&$filter=id eq '${a}' or id eq '${b}'`);
    expect(filtered.body.value!.map((u) => u.id)).toEqual([b, a]);
    t.sim.mutate.update("users", t.sim.tenant.idOf("users", 5), { displayName: "Not tracked" });
    t.sim.mutate.update("users", a, { displayName: "Tracked" });
    const changes = await get(String(filtered.body["@odata.deltaLink"]));
    expect(changes.body.value).toEqual([{ id: a, displayName: "Tracked" }]);
    const unsupported = await get("/users/delta?$filter=displayName eq 'x'");
    expect([unsupported.status, unsupported.body.error!.code]).toEqual([400, "Request_UnsupportedQuery"]);
  });
});

it("accepts $select of any v1.0 property and returns an unset one as null, as Graph does", async () => {
  const users = await get("/users?$select=id,streetAddress,aboutMe,department&$top=3");
  expect(users.status).toBe(200);
  for (const u of users.body.value!) {
    expect(Object.keys(u).sort()).toEqual(["aboutMe", "department", "id", "streetAddress"]);
    expect([u.streetAddress, u.aboutMe]).toEqual([null, null]);
  }
  const groups = await get("/groups?$select=id,uniqueName,allowExternalSenders&$top=2");
  expect(groups.status).toBe(200);
  expect(Object.keys(groups.body.value![0]!).sort()).toEqual(["allowExternalSenders", "id", "uniqueName"]);
  // Without $select, a group's selected-only properties stay out, and unknown names are still refused.
  const plain = await get("/groups?$top=1");
  expect(plain.body.value![0]).not.toHaveProperty("allowExternalSenders");
  const bogus = await get("/users?$select=id,notAProperty");
  expect(bogus.status).toBe(400);
});
