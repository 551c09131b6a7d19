/**
 * Graph paging throughput against the demo tenant over loopback HTTP: the client's
 * fetchAllPages (token, retries, guards, paging) against a bare fetch loop following
 * nextLinks, measured in the same run. Also the generator alone, the ceiling of both.
 * The simulator runs in this process, so both share the CPU with it; each is measured in
 * two alternating rounds and the best round is reported (the first round warms the JIT).
 */
import type { Bench } from "./report";
import { clientCredentialsTokenProvider, createGraphClient } from "../lib/graph";
import { demoRecords } from "../lib/simulators/graph";
import { serveDemoTenant } from "../lib/simulators/graph/testing";

const bench: Bench = async ({ quick, report }) => {
  const users = quick ? 20_000 : 100_000;
  const t = await serveDemoTenant({ sizes: { users } });
  try {
    const client = createGraphClient({
      cloud: "global",
      tokenProvider: clientCredentialsTokenProvider({ cloud: "global", tenantId: "contoso-demo", clientId: "demo-client", clientSecret: "demo-secret", loginBaseUrl: t.loginBaseUrl, simulatorOrigins: [t.origin] }),
      graphBaseUrl: t.graphBaseUrl,
      simulatorOrigins: [t.origin],
    });
    const token = await t.token();

    const t0 = performance.now();
    let generated = 0;
    for (const u of demoRecords("users", users)) if (u.id) generated++;
    const generatorRate = generated / ((performance.now() - t0) / 1000);
    report({ name: `demo tenant generator (${users.toLocaleString("en-US")} users, full objects)`, value: generatorRate, unit: "items/s" });

    // Paths measured: /users with default properties and with a $select, then the members of
    // "All Company" (every user): a page must cost its own items, not the members before it.
    const allCompany = `/groups/${t.sim.tenant.idOf("groups", 0)}/members`;
    for (const [path, select] of [["/users", null], ["/users", "id,displayName,mail,department,accountEnabled"], [allCompany, "id"]] as const) {
      const query = `$top=999${select ? `&$select=${select}` : ""}`;
      let rawRate = 0;
      let rate = 0;
      let items = 0;
      for (let round = 0; round < 2; round++) {
        // Baseline: a bare loop (fetch, JSON.parse, follow nextLink) with no retries or guards.
        const r0 = performance.now();
        let rawItems = 0;
        let next: string | undefined = `${t.graphBaseUrl}${path}?${query}`;
        while (next) {
          const body = (await (await fetch(next, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: unknown[]; "@odata.nextLink"?: string };
          rawItems += body.value.length;
          next = body["@odata.nextLink"];
        }
        rawRate = Math.max(rawRate, rawItems / ((performance.now() - r0) / 1000));

        const c0 = performance.now();
        for await (const page of client.fetchAllPages(path, { query: { $top: 999, ...(select ? { $select: select } : {}) } })) items = page.itemsSoFar;
        rate = Math.max(rate, items / ((performance.now() - c0) / 1000));
      }
      report({
        name: `Graph paging ${path === allCompany ? "/groups/{id}/members $select=id" : `/users ${select ? "$select=5 fields" : "default properties"}`} $top=999 (${items.toLocaleString("en-US")} items)`,
        value: rate,
        unit: "items/s",
        baseline: { name: "bare fetch loop", value: rawRate },
      });
    }
  } finally {
    await t.close();
  }
};

export default bench;
