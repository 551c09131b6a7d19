import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { saveGraphConnection } from "./connections";
import { PREVIEW_MAX_ITEMS, previewSampleRequest, type PreviewSampleRequest } from "./mapping-contracts";
import { fetchPreviewSample } from "./mapping-preview-samples";
import { createBuilderTestbed, type BuilderTestbed } from "./testing";

let bed: BuilderTestbed;
let project: string;
beforeAll(async () => {
  bed = await createBuilderTestbed({ graph: { sizes: { users: 1_200, groups: 40, applications: 5, servicePrincipals: 5 } } });
  project = await bed.project();
  await saveGraphConnection(bed.deps, bed.alice, project, { mode: "demo" });
});
afterAll(() => bed.close());

const sample = (request: PreviewSampleRequest, signal?: AbortSignal) => fetchPreviewSample(bed.deps, bed.alice, project, previewSampleRequest.parse(request), signal);
type User = Record<string, unknown>;
const usersOf = (pages: { body: unknown }[]) => pages.flatMap((p) => (p.body as { value: User[] }).value);

describe("preview samples", () => {
  it("reads the pages a resource's query asks for, up to the bound, and says where it stopped", async () => {
    const s = await sample({ kind: "/users", query_params: { $top: 999, $select: "id,department,accountEnabled" } });
    expect(s.problem).toBeNull();
    expect(s.items).toBe(PREVIEW_MAX_ITEMS);
    expect(s.pages).toHaveLength(2);
    expect(usersOf(s.pages)).toHaveLength(PREVIEW_MAX_ITEMS);
    expect(s.truncated).toMatch(/first 1,000 items \(2 pages\)/);
    expect(s.request).toBe("/users?$top=999&$select=id,department,accountEnabled");
    expect(Object.keys(usersOf(s.pages)[0]!).sort()).toEqual(["accountEnabled", "department", "id"]);
  });

  it("follows the query: without $select Graph's default set comes back, and department is absent", async () => {
    const s = await sample({ kind: "/users", query_params: { $top: "100", $filter: "startsWith(displayName,'A')" } });
    expect(s.problem).toBeNull();
    expect(s.truncated).toBeNull();
    const users = usersOf(s.pages);
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => !("department" in u) && "userPrincipalName" in u)).toBe(true);
  });

  it("sends only the advanced-query headers, and refuses anything but GET", async () => {
    const s = await sample({ kind: "/users", query_params: { $count: "true", $top: "5", $search: '"displayName:a"' }, headers: { consistencylevel: "eventual", Authorization: "Bearer stolen" } });
    expect(s.problem).toBeNull();
    expect(s.notes).toEqual([expect.stringMatching(/header Authorization is not sent/)]);
    expect(typeof (s.pages[0]!.body as Record<string, unknown>)["@odata.count"]).toBe("number");

    const post = await sample({ kind: "/users", method: "POST" });
    expect(post).toMatchObject({ pages: [], problem: { code: "preview_method" } });
  });

  it("reads a nested kind for the given parents, each page with its parameter, every member of a large group", async () => {
    const groups = await sample({ kind: "/groups", query_params: { $select: "id", $top: "999" } });
    const ids = usersOf(groups.pages).map((g) => g.id as string);
    const s = await sample({ kind: "/groups/{group_id}/members", query_params: { $select: "id", $top: "999" }, parent: { param: "group_id", values: ids.slice(0, 25), total: ids.length } });
    expect(s.problem).toBeNull();
    expect(s.parents).toMatchObject({ param: "group_id", sampled: 25, total: 40 });
    expect(s.pages.every((p) => ids.includes(p.pathParams!.group_id!))).toBe(true);
    const big = s.parents!.perParent.find((p) => p.items > 20);
    expect(big).toBeDefined();
    expect(big!.complete).toBe(true);
    // The same group through $expand is cut at 20: the nested listing is what holds them all.
    const count = bed.graph.tenant.memberCount(bed.graph.tenant.locate(big!.value)!.index);
    expect(big!.items).toBe(count);
  });

  it("keeps Graph's error with the pages read before it, and needs the parents for a nested kind", async () => {
    const s = await sample({ kind: "/users", query_params: { $top: "5000" } });
    expect(s.pages).toEqual([]);
    expect(s.problem).toMatchObject({ request: "/users?$top=5000" });
    const missing = await sample({ kind: "/groups/{group_id}/members" }).catch((e: unknown) => e);
    expect(isAppError(missing) && missing.code).toBe("invalid_request");
  });
});
