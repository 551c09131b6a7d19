/**
 * State-changing routes refuse cross-site requests (CSRF), even with the user's own valid
 * session cookie: every route file under app/api and every method it exports besides GET,
 * sent as another site's page would send it (an `Origin: https://evil.example` JSON call,
 * and a form post: `Sec-Fetch-Site: cross-site` with a text/plain body and no Origin),
 * answers 403 and changes nothing. Checked at both doors: the route handler itself and
 * proxy.ts in front of every request (pages included: a server action is a POST to one).
 * And no GET changes anything, since SameSite=Lax cookies ride along on a cross-site
 * top-level GET.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { openAppDatabase, type AppDatabase } from "./support/app-database";
import { rowCount, snapshotDatabase } from "./support/db-snapshot";
import { listPages, pagePath } from "./support/page-walk";
import { APP_ORIGIN, callRoute, exportedMethods, listRouteFiles, loadRoute, routePath, sameOriginHeaders, type HttpMethod } from "./support/route-walk";
import { segmentValues } from "./support/route-values";
import { seedProject, type SeededProject } from "./support/seed-project";
import { createUserWithSession, type TestUser } from "./support/sessions";

const EVIL = "https://evil.example";

/**
 * Routes whose handlers do not check the request's site themselves; proxy.ts refuses
 * their cross-site writes (tested below), and why that is enough.
 */
const HANDLER_LEAVES_TO_PROXY: Record<string, string> = {
  "sim/graph/[...path]/route.ts": "the demo tenant: bearer tokens only, no cookie a browser would send",
  "sim/port/[...path]/route.ts": "the demo Port: bearer tokens only, no cookie a browser would send",
  "sim/login/[tenant]/oauth2/v2.0/token/route.ts": "the demo tenant's token endpoint: client credentials in the body, no cookie",
};

let database: AppDatabase;
let alice: TestUser;
let project: SeededProject;

const routes = listRouteFiles();

/** The two ways another site's page sends a write, with the user's cookie riding along. */
function crossSiteVariants(cookie: string): { name: string; headers: Record<string, string>; body: string }[] {
  return [
    { name: "Origin: evil.example", headers: { cookie, origin: EVIL, "content-type": "application/json" }, body: JSON.stringify({ name: "taken over" }) },
    { name: "a cross-site text/plain form", headers: { cookie, "sec-fetch-site": "cross-site", "content-type": "text/plain" }, body: '{"name":"taken over"}' },
    // A sibling subdomain's page (SameSite cookies ride along); the header alone decides.
    { name: "a sibling subdomain (same-site)", headers: { cookie, "sec-fetch-site": "same-site", "content-type": "application/json" }, body: "{}" },
  ];
}

async function writeMethods(route: string): Promise<HttpMethod[]> {
  return exportedMethods(await loadRoute(route)).filter((method) => method !== "GET");
}

beforeAll(async () => {
  database = openAppDatabase("access-cross-site");
  alice = await createUserWithSession("Alice", "admin");
  project = await seedProject(alice, "Alice-Cross-Site");
});

afterAll(() => database.close());

describe("cross-site writes are refused", () => {
  it("every route handler refuses them with 403 and changes nothing", async () => {
    const before = snapshotDatabase(database.file);
    expect(rowCount(before)).toBeGreaterThan(10);
    let calls = 0;
    for (const route of routes.filter((r) => !(r in HANDLER_LEAVES_TO_PROXY))) {
      for (const method of await writeMethods(route)) {
        for (const variant of crossSiteVariants(alice.cookie)) {
          const response = await callRoute({ route, method, params: segmentValues(project), headers: variant.headers, body: variant.body });
          const what = `${method} ${route} (${variant.name})`;
          expect(response.status, what).toBe(403);
          expect(((await response.json()) as { error: { code: string } }).error.code, what).toBe("cross_site_request");
          calls++;
        }
      }
    }
    expect(calls).toBeGreaterThanOrEqual(60);
    expect(snapshotDatabase(database.file)).toEqual(before);
  });

  it("proxy.ts refuses them before any handler or page, for every route and page path", async () => {
    const targets: { path: string; methods: HttpMethod[] }[] = [];
    for (const route of routes) targets.push({ path: routePath(route, segmentValues(project)), methods: await writeMethods(route) });
    for (const page of listPages()) targets.push({ path: pagePath(page, segmentValues(project)), methods: ["POST"] });
    let calls = 0;
    for (const { path, methods } of targets) {
      for (const method of methods) {
        for (const variant of crossSiteVariants(alice.cookie)) {
          const response = await proxy(new NextRequest(`${APP_ORIGIN}${path}`, { method, headers: variant.headers, body: variant.body }));
          expect(response.status, `${method} ${path} (${variant.name})`).toBe(403);
          calls++;
        }
      }
    }
    expect(calls).toBeGreaterThanOrEqual(90);
  });

  it("the builder's own pages still write (the refusal is not a blanket one)", async () => {
    const response = await callRoute({ route: "projects/[id]/route.ts", method: "PATCH", params: segmentValues(project), headers: sameOriginHeaders(alice.cookie), body: JSON.stringify({ name: "Renamed by Alice" }) });
    expect(response.status).toBe(200);
    const passed = await proxy(new NextRequest(`${APP_ORIGIN}/api/projects/${project.projectId}`, { method: "PATCH", headers: sameOriginHeaders(alice.cookie), body: "{}" }));
    expect(passed.headers.get("x-middleware-next")).toBe("1");
  });

  it("the handlers left to proxy.ts exist and take no session cookie", () => {
    for (const route of Object.keys(HANDLER_LEAVES_TO_PROXY)) expect(routes).toContain(route);
  });

  it("no GET changes anything, whichever route a cross-site link or image points at", async () => {
    const before = snapshotDatabase(database.file);
    let calls = 0;
    for (const route of routes.filter((r) => r.startsWith("projects/") || r.startsWith("demo-catalog"))) {
      if (!exportedMethods(await loadRoute(route)).includes("GET")) continue;
      const response = await callRoute({ route, method: "GET", params: segmentValues(project), headers: { cookie: alice.cookie, "sec-fetch-site": "cross-site" }, query: `?endpoint=${project.sampleEndpoint}` });
      // Drains streams to their end so everything the GET might do has happened.
      await response.text();
      calls++;
    }
    expect(calls).toBeGreaterThanOrEqual(15);
    expect(snapshotDatabase(database.file)).toEqual(before);
  });
});
