/**
 * Reading all users of a 50,000-user demo tenant with $top=999 keeps memory bounded: the
 * page iterator releases each page once the caller moves on (checked with WeakRefs and a
 * forced GC), and the heap after GC stays far below what holding the tenant would take.
 * The simulator runs in this process, so this also shows it generates users lazily.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serveDemoTenant, type ServedDemoTenant } from "../simulators/graph/testing";
import { clientCredentialsTokenProvider, createGraphClient } from "./index";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const USERS = 50_000;
const MB = 1024 * 1024;

let t: ServedDemoTenant;
beforeAll(async () => {
  t = await serveDemoTenant({ sizes: { users: USERS } });
});
afterAll(() => t.close());

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

it("reads 50,000 users page by page with bounded memory", async () => {
  const client = createGraphClient({
    cloud: "global",
    tokenProvider: clientCredentialsTokenProvider({ cloud: "global", tenantId: "contoso-demo", clientId: "demo-client", clientSecret: "demo-secret", loginBaseUrl: t.loginBaseUrl, simulatorOrigins: [t.origin] }),
    graphBaseUrl: t.graphBaseUrl,
    simulatorOrigins: [t.origin],
  });
  await settle();
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const pageRefs: Array<WeakRef<object>> = [];
  let peak = 0;
  let earlierPagesAlive = 0;
  let largestPageBytes = 0;
  let items = 0;
  let pages = 0;
  let lastId = "";
  let distinctNeighbours = 0; // ids differ from one item to the next (uniqueness is tested in the simulator's tests)

  for await (const page of client.fetchAllPages<{ id: string }>("/users", { query: { $top: 999 } })) {
    pages = page.pageNumber;
    items = page.itemsSoFar;
    for (const u of page.items) {
      if (u.id !== lastId) distinctNeighbours++;
      lastId = u.id;
    }
    pageRefs.push(new WeakRef(page.items));
    largestPageBytes = Math.max(largestPageBytes, Number(page.response.headers["content-length"] ?? 0) || JSON.stringify(page.items).length);
    if (page.pageNumber % 10 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      // Every page before the one in hand must be collectable by now.
      earlierPagesAlive += pageRefs.slice(0, -1).filter((r) => r.deref() !== undefined).length;
    }
  }
  await settle();
  gc();
  const alive = pageRefs.filter((r) => r.deref() !== undefined).length;
  const after = process.memoryUsage().heapUsed - baseline;

  expect(items).toBe(USERS);
  expect(distinctNeighbours).toBe(USERS);
  expect(pages).toBe(Math.ceil(USERS / 999));
  // Structural: the iterator keeps no page the caller has moved past. (At the end, the
  // finished generator's frame may still hold the last page until it is itself dropped.)
  expect(earlierPagesAlive).toBe(0);
  expect(alive).toBeLessThanOrEqual(1);
  // Holding all pages would take about pages x largestPageBytes of JSON text alone (objects take more).
  const wholeCollection = pages * largestPageBytes;
  expect(wholeCollection).toBeGreaterThan(15 * MB);
  expect(peak).toBeLessThan(wholeCollection / 2);
  expect(after).toBeLessThan(wholeCollection / 2);
  console.log(`50k users: ${pages} pages, whole collection ~${(wholeCollection / MB).toFixed(1)} MB of JSON, peak heap growth ${(peak / MB).toFixed(1)} MB, after ${(after / MB).toFixed(1)} MB`);
});
