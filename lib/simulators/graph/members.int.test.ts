/** Member lists of the demo tenant over real HTTP: large groups page at the cost of the page, transitive lists, memberOf. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LIMITED_CLIENT_ID } from "./credentials";
import type { MemberRef } from "./tenant";
import { serveDemoTenant, type ServedDemoTenant } from "./testing";

type Body = Record<string, unknown> & { value?: Array<Record<string, unknown>>; error?: { code: string; message: string } };

let t: ServedDemoTenant;
let token: string;
beforeAll(async () => {
  t = await serveDemoTenant();
  token = await t.token();
});
afterAll(() => t.close());

async function getFrom(base: string, bearer: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(path.startsWith("http") ? path : `${base}${path}`, { headers: { authorization: `Bearer ${bearer}`, ...headers } });
  return { status: res.status, body: (await res.json()) as Body };
}
const get = (path: string, headers: Record<string, string> = {}) => getFrom(t.graphBaseUrl, token, path, headers);

async function all(base: string, bearer: string, first: string, onPage?: () => void): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  let next: string | undefined = first;
  while (next) {
    const page = await getFrom(base, bearer, next);
    expect(page.status).toBe(200);
    onPage?.();
    out.push(...page.body.value!);
    next = page.body["@odata.nextLink"] as string | undefined;
  }
  return out;
}

describe("a 100,000-member group", () => {
  it("pages members, transitive members and a sorted listing at a bounded cost per page", async () => {
    const big = await serveDemoTenant({ sizes: { users: 100_000, groups: 8 } });
    try {
      const tok = await big.token();
      const tenant = big.sim.tenant;
      const groupId = tenant.idOf("groups", 0); // All Company: every user
      for (const nav of ["members", "transitiveMembers"]) {
        const perPage: number[] = [];
        let before = tenant.work.visits;
        const members = await all(big.graphBaseUrl, tok, `/groups/${groupId}/${nav}?$top=999&$select=id`, () => {
          perPage.push(tenant.work.visits - before);
          before = tenant.work.visits;
        });
        expect(new Set(members.map((m) => m.id)).size).toBe(100_000);
        expect(perPage.length).toBe(101);
        // Each page reads its 999 member positions and objects, plus the group itself: not the members before it.
        expect(Math.max(...perPage)).toBeLessThanOrEqual(2 * 999 + 4);
      }
      // $orderby: one sort for the whole listing, then pages are slices of it.
      const builds = tenant.orders.builds;
      const perPage: number[] = [];
      let before = tenant.work.visits;
      const sorted = await all(big.graphBaseUrl, tok, "/users?$orderby=displayName&$top=999&$select=id,displayName", () => {
        perPage.push(tenant.work.visits - before);
        before = tenant.work.visits;
      });
      expect(sorted.length).toBe(100_000);
      expect(tenant.orders.builds - builds).toBe(1);
      expect(Math.max(...perPage.slice(1))).toBeLessThanOrEqual(999);
      const names = sorted.map((u) => String(u.displayName ?? "").toLowerCase());
      expect(names.every((n, i) => i === 0 || names[i - 1]! <= n)).toBe(true);
    } finally {
      await big.close();
    }
  }, 30_000);
});

describe("transitive members", () => {
  /** The straightforward walk (breadth-first, a seen set): what the cursor-based listing must equal. */
  function reference(group: number): string[] {
    const tenant = t.sim.tenant;
    const seen = new Set<string>();
    const out: string[] = [];
    const queue = [group];
    while (queue.length) {
      const members = tenant.membersOf(queue.shift()!);
      for (let k = 0; k < members.count; k++) {
        const ref = members.at(k);
        if (!ref || seen.has(`${ref.kind}:${ref.index}`) || (ref.kind === "groups" && ref.index === group)) continue;
        seen.add(`${ref.kind}:${ref.index}`);
        if (tenant.get(ref.kind, ref.index)) out.push(tenant.idOf(ref.kind, ref.index));
        if (ref.kind === "groups") queue.push(ref.index);
      }
    }
    return out;
  }

  it("lists every nested member once, in the order of a breadth-first walk, across page boundaries", async () => {
    const tenant = t.sim.tenant;
    // Overlapping nesting: group 2 also gets group 40, which holds users already listed.
    t.sim.mutate.addMember(tenant.idOf("groups", 2), tenant.idOf("groups", 40));
    for (let g = 0; g < 40; g++) {
      const expected = reference(g);
      const got = await all(t.graphBaseUrl, token, `/groups/${tenant.idOf("groups", g)}/transitiveMembers?$top=11&$select=id`);
      expect([g, got.map((m) => m.id)]).toEqual([g, expected]);
    }
    expect(() => t.sim.mutate.addMember(tenant.idOf("groups", 2), tenant.idOf("groups", 40))).toThrow(/already a member/);
  });
});

describe("$search and $orderby on members", () => {
  it("are applied, not silently ignored", async () => {
    const id = t.sim.tenant.idOf("groups", 0);
    const adv = { ConsistencyLevel: "eventual" };
    const searched = await get(`/groups/${id}/members?$search="displayName:Alex"&$select=displayName&$top=999&$count=true`, adv);
    expect(searched.body.value!.length).toBeGreaterThan(0);
    expect(searched.body.value!.every((m) => /(^|\s)alex/i.test(String(m.displayName)))).toBe(true);
    expect(searched.body["@odata.count"]).toBe(searched.body.value!.length);
    const sorted = await all(t.graphBaseUrl, token, `/groups/${id}/members?$orderby=displayName desc&$select=displayName&$top=500`);
    const names = sorted.map((m) => String(m.displayName ?? "").toLowerCase());
    expect(names.length).toBe(1200);
    expect(names.every((n, i) => i === 0 || names[i - 1]! >= n)).toBe(true);
  });
});

describe("memberOf and single objects", () => {
  it("lists a user's groups, paged, with @odata.type; 403 for the app without group permissions; 404 for unknown ids", async () => {
    const tenant = t.sim.tenant;
    const user: MemberRef = { kind: "users", index: 17 };
    const expected: string[] = [];
    for (let g = 0; g < tenant.count("groups"); g++) {
      const members = tenant.membersOf(g);
      for (let k = 0; k < members.count; k++) {
        const r = members.at(k);
        if (r?.kind === "users" && r.index === user.index) expected.push(tenant.idOf("groups", g));
      }
    }
    expect(expected.length).toBeGreaterThan(2);
    const uid = tenant.idOf("users", user.index);
    const first = await get(`/users/${uid}/memberOf?$top=2&$select=id,displayName`);
    expect(first.body["@odata.context"]).toBe(`${t.graphBaseUrl}/$metadata#directoryObjects(id,displayName)`);
    expect(String(first.body["@odata.nextLink"])).toContain(`/users/${uid}/memberOf?$top=2&$select=id,displayName&$skiptoken=`);
    const groups = await all(t.graphBaseUrl, token, `/users/${uid}/memberOf?$top=2`);
    expect(groups.map((g) => g.id)).toEqual(expected);
    expect(new Set(groups.map((g) => g["@odata.type"]))).toEqual(new Set(["#microsoft.graph.group"]));
    expect((await get(`/users/${uid}/memberOf/microsoft.graph.group?$top=999`)).body.value!.length).toBe(expected.length);

    const limited = await getFrom(t.graphBaseUrl, await t.token(DEMO_LIMITED_CLIENT_ID), `/users/${uid}/memberOf`);
    expect([limited.status, limited.body.error!.code]).toEqual([403, "Authorization_RequestDenied"]);
    for (const p of ["/users/11111111-2222-4333-8444-555555555555/memberOf", "/groups/11111111-2222-4333-8444-555555555555", `/groups/${uid}`]) {
      const r = await get(p);
      expect([p, r.status, r.body.error!.code]).toEqual([p, 404, "Request_ResourceNotFound"]);
    }
    const group = await get(`/groups/${expected[0]!}?$select=id,displayName`);
    expect(group.body["@odata.context"]).toBe(`${t.graphBaseUrl}/$metadata#groups(id,displayName)/$entity`);
  });
});
