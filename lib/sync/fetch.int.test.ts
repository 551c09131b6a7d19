/**
 * The fetch step against the demo tenant over loopback: nested endpoints read with a
 * bounded number of listings at once, values URL-encoded into the path, and discovery
 * records without a usable value reported instead of silently skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoGraphClient } from "@/lib/graph/testing";
import { createNodeJqPool } from "@/lib/jq/server";
import type { JqEngine } from "@/lib/jq";
import { serveDemoTenant, type ServedDemoTenant } from "@/lib/simulators/graph/testing";
import { resourcePages } from "./fetch";
import { parseConfig } from "./testing";
import type { SyncErrorEntry } from "./types";

let tenant: ServedDemoTenant;
let engine: JqEngine;
beforeAll(async () => {
  tenant = await serveDemoTenant({ sizes: { users: 40, groups: 30, applications: 1, servicePrincipals: 1, devices: 0 } });
  engine = createNodeJqPool();
});
afterAll(async () => {
  await tenant.close();
  await engine.close();
});

/** A Graph client whose requests are watched at the network edge. */
function watchedClient() {
  const watch = { urls: [] as string[], open: 0, peakMembers: 0 };
  const graph = demoGraphClient(tenant, {
    fetch: async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      watch.urls.push(url);
      const members = url.includes("/members");
      if (members) watch.peakMembers = Math.max(watch.peakMembers, ++watch.open);
      try {
        return await fetch(input, init);
      } finally {
        if (members) watch.open -= 1;
      }
    },
  });
  return { graph, watch };
}

const membersYaml = (field: string, filter = "") => `resources:
  - kind: /groups/{group_id}/members
    selector:
      query: 'true'
      data_path: .value
      query_params: {$top: "5"}
      path_parameters:
        group_id: {endpoint: /groups, data_path: .value, field: '${field}'${filter}, query_params: {$top: "7"}}
    port:
      entity:
        mappings: {identifier: .id, blueprint: '"m"'}
`;

describe("nested endpoints", () => {
  it("reads every group's members with at most `concurrency` listings at once, each page tagged with its group", async () => {
    const { graph, watch } = watchedClient();
    const resource = parseConfig(membersYaml(".id")).resources[0]!;
    const byGroup = new Map<string, number>();
    for await (const page of resourcePages(graph, engine, resource, 0, { concurrency: 3 })) {
      const id = page.pathParams!.group_id!;
      byGroup.set(id, (byGroup.get(id) ?? 0) + (page.body as { value: unknown[] }).value.length);
    }
    expect(byGroup.size).toBe(30);
    expect(watch.peakMembers).toBe(3);
    // Every member of every group, checked against a direct listing of one large group.
    const [largest] = [...byGroup.entries()].sort((a, b) => b[1] - a[1]);
    let direct = 0;
    for await (const p of graph.fetchAllPages(`/groups/${largest![0]}/members`, { query: { $top: 999 } })) direct += p.items.length;
    expect(largest![1]).toBe(direct);
  });

  it("URL-encodes the value in the path, and reports what the listing could not read", async () => {
    const { graph, watch } = watchedClient();
    // displayName as the value: "All Company" has a space; Graph has no such group id.
    const resource = parseConfig(membersYaml(".displayName", ", filter: '.displayName == \"All Company\"'")).resources[0]!;
    const pages = resourcePages(graph, engine, resource, 0);
    await expect(async () => {
      for await (const _ of pages) void _;
    }).rejects.toMatchObject({ code: "Request_ResourceNotFound" });
    expect(watch.urls.some((u) => u.includes("/groups/All%20Company/members"))).toBe(true);
  });

  it("a discovery record without a usable value is reported, not skipped in silence", async () => {
    const { graph } = watchedClient();
    const resource = parseConfig(membersYaml(".noSuchField")).resources[0]!;
    const problems: SyncErrorEntry[] = [];
    let pages = 0;
    for await (const _ of resourcePages(graph, engine, resource, 0, { onProblem: (p) => problems.push(p) })) pages += 1;
    expect(pages).toBe(0);
    expect(problems).toHaveLength(30);
    expect(problems[0]).toMatchObject({ stage: "fetch", code: "path_parameter_value" });
    expect(problems[0]!.message).toMatch(/\.noSuchField gave null/);
  });
});
