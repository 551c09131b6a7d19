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
