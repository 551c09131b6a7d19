/**
 * Outbound requests of the builder's Explore step (send, next page, fetch all) against a
 * demo-tenant-like server that misbehaves: an endpoint, a stored nextLink or a redirect
 * pointing at another host is refused with the reason shown to the person, nothing reaches
 * the canary (another loopback origin), and the token goes to the tenant's Graph only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FetchAllEvent } from "@/lib/builder/contracts";
import { fetchAllPages, sendExplore, sendNextPage } from "@/lib/builder/explore";
import { redirectTo, startCanary, startHostileTenantBed, type Answer, type HostileTenantBed, type RecordingServer } from "./canary";

let canary: RecordingServer;
let bed: HostileTenantBed;
let nextAnswer: (path: string, origin: string) => Answer;
const onePage = (): Answer => ({ body: JSON.stringify({ value: [{ id: "1", displayName: "One" }] }) });

beforeAll(async () => {
  canary = await startCanary();
  bed = await startHostileTenantBed((req, origin) => nextAnswer(req.path, origin));
});
afterEach(() => {
  nextAnswer = onePage;
  bed.server.requests.length = 0;
});
afterAll(async () => {
  expect(canary.requests).toEqual([]);
  await bed.close();
  await canary.close();
});

const explore = async (path: string) => sendExplore(bed.deps, bed.alice, await bed.project(), { path, query: {}, consistencyLevelEventual: false });

async function events(gen: AsyncGenerator<FetchAllEvent>): Promise<FetchAllEvent[]> {
  const out: FetchAllEvent[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

describe("Explore: send", () => {
  it.each(["CANARY/users", "//CANARY_HOST/users", "/users/%2e%2e/%2e%2e/api/projects", "/users/%252e%252e/%252e%252e/api/projects", "/users/..%252fx"])(
    "an endpoint of %s is refused with the reason, and no request is made",
    async (template) => {
      const path = template.replace("CANARY_HOST", new URL(canary.origin).host).replace("CANARY", canary.origin);
      const res = await explore(path);
      expect(res.graphError).toMatchObject({ code: "invalid_path", message: expect.stringMatching(/is not a valid Graph path: /) });
      expect(res.sample).toBeNull();
      expect(bed.server.requests).toEqual([]);
    },
  );

  it("a redirect to another host is shown as refused, and not followed", async () => {
    nextAnswer = () => redirectTo(`${canary.origin}/graph/v1.0/users`, 302);
    const res = await explore("/users");
    expect(res.graphError).toMatchObject({ code: "redirect_refused", message: expect.stringContaining(`a redirect to ${canary.origin}/graph/v1.0/users; it was not followed`) });
    expect(bed.graphRequests()).toHaveLength(1);
  });

  it("the token goes to the tenant's Graph, and no response header or body hands it to the browser", async () => {
    const res = await explore("/users");
    expect(res.graphError).toBeNull();
    expect(bed.graphRequests().map((r) => r.headers.authorization)).toEqual(["Bearer HOSTILE-TENANT-TOKEN"]);
    expect(JSON.stringify(res)).not.toContain("HOSTILE-TENANT-TOKEN");
  });

  it("a Graph answer that quotes the token is shown without it", async () => {
    nextAnswer = (_path) => ({ status: 401, body: JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: "Access token is invalid: Bearer HOSTILE-TENANT-TOKEN" } }) });
    const res = await explore("/users");
    expect(res.graphError).toMatchObject({ code: "InvalidAuthenticationToken" });
    expect(JSON.stringify(res)).toContain("Access token is invalid: Bearer [redacted]");
    expect(JSON.stringify(res)).not.toContain("HOSTILE-TENANT-TOKEN");
  });
});

describe("Explore: next page and fetch all", () => {
  const links: Array<[string, (origin: string) => string]> = [
    ["another origin (the canary)", () => `${canary.origin}/graph/v1.0/users?$skiptoken=2`],
    ["the app's own routes on the tenant's origin", (origin) => `${origin}/api/projects`],
    ["a double-encoded '..'", (origin) => `${origin}/graph/v1.0/%252e%252e/%252e%252e/api/projects`],
    ["the metadata address", () => "http://169.254.169.254/latest/meta-data/iam/"],
  ];

  it.each(links)("a nextLink to %s is kept server-side and refused when followed", async (_what, link) => {
    nextAnswer = (_path, origin) => ({ body: JSON.stringify({ value: [{ id: "1" }], "@odata.nextLink": link(origin) }) });
    const project = await bed.project();
    const first = await sendExplore(bed.deps, bed.alice, project, { path: "/users", query: {}, consistencyLevelEventual: false });
    expect(first.hasNextPage).toBe(true);
    expect(JSON.stringify(first.sample)).not.toContain(link(bed.server.origin));
    const next = await sendNextPage(bed.deps, bed.alice, project, "/users");
    expect(next.graphError).toMatchObject({ code: "next_link_origin", message: expect.stringMatching(/it was not followed/) });
    expect(bed.graphRequests()).toHaveLength(1);
  });

  it.each(links)("fetch all stops at a nextLink to %s, says so, and keeps the sample as partial", async (_what, link) => {
    nextAnswer = (_path, origin) => ({ body: JSON.stringify({ value: [{ id: "1" }], "@odata.nextLink": link(origin) }) });
    const all = await events(fetchAllPages(bed.deps, bed.alice, await bed.project(), { path: "/users", query: {}, consistencyLevelEventual: false, maxPages: 10 }));
    expect(all.at(-1)).toMatchObject({ type: "error", pages: 1, error: { code: "next_link_origin" } });
    expect(bed.graphRequests()).toHaveLength(1);
  });
});
