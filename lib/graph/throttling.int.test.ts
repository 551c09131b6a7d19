/**
 * The client against the demo tenant's resource-unit throttling: pages are refused with a
 * fractional Retry-After once the app's bucket is empty, and the client waits exactly that
 * long (on the simulator's clock, so the test never sleeps) and completes the listing.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { demoGraphClient } from "./testing";
import { serveDemoTenant, type ServedDemoTenant } from "../simulators/graph/testing";

let t: ServedDemoTenant;
let clock = Date.now();
beforeAll(async () => {
  // 20 units per 10 s: ten default /users pages (2 units each) before the first 429.
  t = await serveDemoTenant({ throttling: { limit: 20, windowMs: 10_000 }, now: () => clock });
});
afterAll(() => t.close());

it("honours the simulator's Retry-After and sees its resource-unit headers", async () => {
  const waits: number[] = [];
  const client = demoGraphClient(t, {
    onWait: (ms) => {
      waits.push(ms);
      clock += ms;
    },
    random: Math.random,
  });
  const units: string[] = [];
  const percentages: string[] = [];
  let items = 0;
  for await (const page of client.fetchAllPages("/users", { query: { $top: 50 } })) {
    items = page.itemsSoFar;
    units.push(page.response.headers["x-ms-resource-unit"]!);
    if (page.response.headers["x-ms-throttle-limit-percentage"]) percentages.push(page.response.headers["x-ms-throttle-limit-percentage"]);
  }
  expect(items).toBe(1200);
  expect(new Set(units)).toEqual(new Set(["2"]));
  expect(percentages.length).toBeGreaterThan(0);
  expect(percentages.every((p) => Number(p) > 0.8 && Number(p) <= 1)).toBe(true);
  // 24 pages of 2 units against 20 units per 10 s: the client waited for refills, each as long as asked (2 units = 1 s).
  expect(waits.length).toBeGreaterThanOrEqual(14);
  expect(new Set(waits)).toEqual(new Set([1000]));

  // $select costs one unit less; a 429 answers with Graph's headers.
  const raw = await fetch(`${t.graphBaseUrl}/users?$select=id`, { headers: { authorization: `Bearer ${await t.token()}` } });
  expect(raw.headers.get("x-ms-resource-unit")).toBe("1");
  let refused: Response | null = null;
  for (let i = 0; i < 30 && !refused; i++) {
    const r = await fetch(`${t.graphBaseUrl}/users`, { headers: { authorization: `Bearer ${await t.token()}` } });
    if (r.status === 429) refused = r;
  }
  expect(refused?.headers.get("retry-after")).toMatch(/^\d+(\.\d+)?$/);
  expect(refused?.headers.get("x-ms-throttle-information")).toBe("ResourceUnitLimitExceeded");
});
