/**
 * Hostile requests against the demo tenant over real HTTP: each gets a bounded, clear 4xx
 * (never a 500 or a blocked server), and the work done for it is counted, not timed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CLIENT_ID } from "./credentials";
import { DEFAULT_SEED } from "./data";
import { serveDemoTenant, type ServedDemoTenant } from "./testing";
import { TokenSigner } from "./tokens";

type GraphError = { code: string; message: string };
type Body = Record<string, unknown> & { value?: Array<Record<string, unknown>>; error?: GraphError };
type BatchBody = { responses?: Array<{ id: string; status: number; body: Body }>; error?: GraphError };

let t: ServedDemoTenant;
let token: string;
beforeAll(async () => {
  t = await serveDemoTenant();
  token = await t.token();
});
afterAll(() => t.close());

async function get(path: string, headers: Record<string, string> = {}, bearer = token) {
  const res = await fetch(path.startsWith("http") ? path : `${t.graphBaseUrl}${path}`, { headers: { authorization: `Bearer ${bearer}`, ...headers } });
  return { status: res.status, body: (await res.json()) as Body };
}

async function batch(body: string) {
  const res = await fetch(`${t.graphBaseUrl}/$batch`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
  return { status: res.status, body: (await res.json()) as BatchBody };
}

describe("unbounded query options", () => {
  it("answers a $batch step with a 120,000-space $search with a 400, reading no object, while a concurrent request is served", async () => {
    const url = `/users?$search="displayName:a${" ".repeat(120_000)}x"`;
    const visitsBefore = t.sim.tenant.work.visits;
    const [hostile, cheap] = await Promise.all([
      batch(JSON.stringify({ requests: [{ id: "1", method: "GET", url, headers: { ConsistencyLevel: "eventual" } }] })),
      get("/organization"),
    ]);
    expect(cheap.status).toBe(200);
    const step = hostile.body.responses![0]!;
    expect([hostile.status, step.status, step.body.error!.code]).toEqual([200, 400, "BadRequest"]);
    expect(step.body.error!.message).toMatch(/URL is \d+ characters long; the demo tenant accepts at most 16384/);
    // Organization reads no directory object: any visit would be the search scanning users.
    expect(t.sim.tenant.work.visits - visitsBefore).toBe(0);
  });

  it("bounds each option's length, top-level and in $batch, naming the option", async () => {
    const long = `"displayName:a${" ".repeat(5_000)}x"`;
    const top = await get(`/users?$search=${encodeURIComponent(long)}`, { ConsistencyLevel: "eventual" });
    expect([top.status, top.body.error!.code]).toEqual([400, "BadRequest"]);
    expect(top.body.error!.message).toMatch(/^The query option '\$search' is \d+ characters long; the demo tenant accepts at most 4096/);
    const inBatch = await batch(JSON.stringify({ requests: [{ id: "a", method: "GET", url: `/users?$filter=${"x".repeat(5_000)}` }] }));
    expect(inBatch.body.responses![0]!.body.error!.message).toMatch(/^The query option '\$filter' is 5000 characters long/);
  });

  it("still parses a long but bounded $search (one scan, quotes respected)", async () => {
    const spaced = await get(`/users?$search=${encodeURIComponent(`"displayName:a${" ".repeat(4_000)}x"`)}&$select=id`, { ConsistencyLevel: "eventual" });
    expect([spaced.status, spaced.body.value]).toEqual([200, []]);
    const joined = await get(`/users?$search=${encodeURIComponent('"displayName:a" AND "mail:a"')}&$select=id,displayName`, { ConsistencyLevel: "eventual" });
    expect(joined.status).toBe(200);
    expect(joined.body.value!.length).toBeGreaterThan(0);
    const broken = await get(`/users?$search=${encodeURIComponent('"displayName:a" NEAR "mail:a"')}`, { ConsistencyLevel: "eventual" });
    expect([broken.status, broken.body.error!.message]).toEqual([400, expect.stringMatching(/^Syntax error: AND or OR expected at position 16 in \$search/)]);
  });

  it("answers deeply nested $filter parentheses with a 400, not a stack overflow", async () => {
    const nested = (depth: number) => `/users?$filter=${"(".repeat(depth)}id eq 'x'${")".repeat(depth)}`;
    const hostile = await get(nested(3_000));
    expect([hostile.status, hostile.body.error!.code]).toEqual([400, "BadRequest"]);
    const deep = await get(nested(1_000));
    expect([deep.status, deep.body.error!.message]).toEqual([400, "Invalid filter clause: parentheses and 'not' nest deeper than 100 levels at position 100."]);
    expect((await get(`${nested(100)}&$select=id`)).status).toBe(200);
  });
});

describe("malformed $batch bodies", () => {
  const step = { id: "1", method: "GET", url: "/users?$top=1" };
  const cases: Array<[string, string, string]> = [
    ["null", "null", "Invalid batch payload format: body: must be a JSON object with a requests array."],
    ["[null]", JSON.stringify({ requests: [null] }), "Invalid batch payload format: requests[0]: must be an object with id, method and url."],
    ["a bad header name", JSON.stringify({ requests: [{ ...step, headers: { "bad header": "x" } }] }), "Invalid batch payload format: requests[0].headers.bad header: is not a valid header name."],
    ["a header value with a line break", JSON.stringify({ requests: [{ ...step, headers: { "x-a": "1\r\nx-b: 2" } }] }), "Invalid batch payload format: requests[0].headers.x-a: holds characters a header cannot carry."],
    ["method GE T", JSON.stringify({ requests: [{ ...step, method: "GE T" }] }), "Invalid batch payload format: requests[0].method: 'GE T' is not a method a batch step can use (GET, POST, PUT, PATCH, DELETE)."],
    ["method CONNECT", JSON.stringify({ requests: [step, { ...step, id: "2", method: "CONNECT" }] }), "Invalid batch payload format: requests[1].method: 'CONNECT' is not a method a batch step can use (GET, POST, PUT, PATCH, DELETE)."],
    ["an absolute url", JSON.stringify({ requests: [{ ...step, url: "https://evil.example/users" }] }), "Invalid batch payload format: requests[0].url: must be relative to the version, such as /users?$top=5."],
    ["a url leaving the version", JSON.stringify({ requests: [{ ...step, url: "/../../login/x" }] }), "Invalid batch payload format: requests[0].url: must name a resource under the version, and not $batch."],
    ["a nested $batch", JSON.stringify({ requests: [{ ...step, url: "/$batch" }] }), "Invalid batch payload format: requests[0].url: must name a resource under the version, and not $batch."],
    ["duplicate ids", JSON.stringify({ requests: [step, step] }), "Invalid batch payload format: requests[1].id: '1' is used by an earlier request; ids must be unique within a batch."],
    ["no requests", JSON.stringify({ requests: [] }), "Invalid batch payload format: requests: must hold at least one request."],
    ["text", "not json", "Invalid batch payload format: body: is not valid JSON."],
  ];
  it.each(cases)("answers %s with Graph's 400 naming the field", async (_, body, message) => {
    const r = await batch(body);
    expect([r.status, r.body.error]).toEqual([400, expect.objectContaining({ code: "BadRequest", message })]);
  });

  it("refuses a body past Graph's 4 MB without serving any step", async () => {
    const visitsBefore = t.sim.tenant.work.visits;
    const padding = "x".repeat(4 * 1024 * 1024);
    const r = await batch(JSON.stringify({ requests: [{ ...step, headers: { "x-pad": padding } }] }));
    expect([r.status, r.body.error!.code]).toEqual([413, "RequestEntityTooLarge"]);
    expect(t.sim.tenant.work.visits).toBe(visitsBefore);
  });
});

describe("page and delta tokens", () => {
  const forge = (state: unknown) => `RFNwdAIA${Buffer.from(JSON.stringify(state)).toString("base64url")}`;

  it("answers forged, garbled or transplanted delta tokens with 410 syncStateNotFound", async () => {
    const forged = [
      `/users/delta?$skiptoken=${forge({ k: "users", s: 5, m: false, p: [0, 0], v: 0, t: Date.now() })}`,
      `/users/delta?$deltatoken=${forge({ k: "users", s: null, m: false, v: 0, t: Date.now(), d: "x" })}`,
      "/users/delta?$deltatoken=garbage",
    ];
    const round = await get("/groups/delta?$select=id");
    const groupsPage = String(round.body["@odata.nextLink"]).split("$skiptoken=")[1]!;
    const transplanted = [`/users/delta?$skiptoken=${groupsPage}`, `/groups/delta?$deltatoken=${groupsPage}`];
    for (const path of [...forged, ...transplanted]) {
      const r = await get(path);
      expect([path, r.status, r.body.error!.code]).toEqual([path, 410, "syncStateNotFound"]);
      expect(r.body.error!.message).toMatch(/Start a new round of delta queries without a token \(full resync\)\.$/);
    }
  });

  it("refuses a deltaLink of a restarted demo tenant (same seed, new instance)", async () => {
    const before = await serveDemoTenant({ sizes: { users: 30 } });
    let deltaLink: string;
    try {
      const tok = await before.token();
      const page = (await (await fetch(`${before.graphBaseUrl}/users/delta?$select=id`, { headers: { authorization: `Bearer ${tok}` } })).json()) as Body;
      deltaLink = String(page["@odata.deltaLink"]);
    } finally {
      await before.close();
    }
    const r = await get(`/users/delta?${new URL(deltaLink).search.slice(1)}`);
    expect([r.status, r.body.error!.code]).toEqual([410, "syncStateNotFound"]);
  });

  it("answers forged or transplanted page tokens with 400 Directory_ExpiredPageToken", async () => {
    const groupsLink = String((await get("/groups?$top=2&$select=id")).body["@odata.nextLink"]);
    const groupsToken = new URL(groupsLink).searchParams.get("$skiptoken")!;
    const member = String((await get("/groups?$top=1&$select=id")).body.value![0]!.id);
    for (const path of [`/users?$skiptoken=${forge({ p: 1e300 })}`, `/users?$skiptoken=${groupsToken}`, `/groups/${member}/members?$skiptoken=${forge({ c: [1e9, 0] })}`]) {
      const r = await get(path);
      expect([path, r.status, r.body.error!.code]).toEqual([path, 400, "Directory_ExpiredPageToken"]);
    }
    expect((await get(groupsLink)).status).toBe(200);
  });
});

describe("broken encodings and claims", () => {
  it("answers a broken percent-encoding anywhere in the URL with a 400", async () => {
    for (const path of ["/users/%E0%A4%A", "/users?$filter=displayName eq '%E0%A4%A'", "/users?%E0%A4%A=1"]) {
      const r = await get(path);
      expect([path, r.status, r.body.error!.code]).toEqual([path, 400, "BadRequest"]);
      expect(r.body.error!.message).toMatch(/broken percent-encoding/);
    }
    const inBatch = await batch(JSON.stringify({ requests: [{ id: "1", method: "GET", url: "/users?$select=%E0%A4%A" }] }));
    expect(inBatch.body.responses![0]!.status).toBe(400);
  });

  it("answers a well-signed token whose claims have the wrong types with 401", async () => {
    // The signing key derives from the (public) seed: anyone can sign, so claims are checked too.
    const signer = new TokenSigner(DEFAULT_SEED);
    const now = Math.floor(Date.now() / 1000);
    const claims = { aud: "https://graph.microsoft.com", iss: "x", iat: now, nbf: now, exp: now + 600, appid: DEMO_CLIENT_ID, tid: t.sim.tenant.ctx.tenantId, roles: ["User.Read.All"], gen: 0 };
    expect((await get("/users?$top=1", {}, signer.issue(claims))).status).toBe(200);
    for (const bad of [{ roles: 5 }, { roles: [5] }, { exp: "never" }, { tid: null }]) {
      const r = await get("/users?$top=1", {}, signer.issue({ ...claims, ...bad } as unknown as typeof claims));
      expect([bad, r.status, r.body.error!.code]).toEqual([bad, 401, "InvalidAuthenticationToken"]);
    }
  });
});

describe("token endpoint", () => {
  it("refuses a body past 64 KB unread, and still issues tokens", async () => {
    const big = `grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret&pad=${"x".repeat(200_000)}`;
    const res = await fetch(`${t.loginBaseUrl}/contoso-demo/oauth2/v2.0/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe("invalid_request");
    expect(await t.token()).toMatch(/\./);
  });
});
