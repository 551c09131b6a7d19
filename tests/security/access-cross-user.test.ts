/**
 * One user cannot read or change another's projects, connections, samples, documents,
 * mapping versions, sync runs, schedules or secrets, by any route: every route file under
 * app/api/projects and every method it exports is called with user B's session and user
 * A's ids. Each answers 404 (never 200, nor a 403 that would confirm the project exists),
 * shows nothing of A's, and A's data is byte for byte what it was. The routes are found
 * as files, so a route added later is walked too; a new kind of id in a path fails the
 * walk until this test says which of A's ids fills it.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAppDatabase, type AppDatabase } from "./support/app-database";
import { rowCount, snapshotDatabase } from "./support/db-snapshot";
import { API_DIR, callRoute, dynamicSegmentsOf, exportedMethods, listRouteFiles, loadRoute, sameOriginHeaders, type HttpMethod } from "./support/route-walk";
import { PLANTED_SECRETS, seedProject, type SeededProject } from "./support/seed-project";
import { createUserWithSession, type TestUser } from "./support/sessions";

/**
 * Ids of another object of A's that a route's path may carry after the project id, unique
 * across projects (a mapping version is a number within its project: B's project's
 * version 1 is B's own).
 */
const SECOND_IDS = ["runId"] as const;
/** A project id nobody has: what B's answers must not be told apart from. */
const NO_SUCH_PROJECT = "cnosuchproject000000000000";

let database: AppDatabase;
let alice: TestUser;
let bob: TestUser;
let aliceProject: SeededProject;
let bobProject: SeededProject;

const projectRoutes: string[] = listRouteFiles(path.join(API_DIR, "projects")).filter((route) => route !== "projects/route.ts");

/** A's id for each dynamic segment a project route can have. */
function aliceValues(): Record<string, string> {
  // personId: B sharing A's project with B.
  return { id: aliceProject.projectId, runId: aliceProject.runId, version: String(aliceProject.mappingVersion), kind: "fields", personId: bob.id };
}

/** A body of the right type that is valid for no route in particular: refused before it is read. */
const bodyFor = (method: HttpMethod) => (method === "GET" ? undefined : "{}");

/** What B must never see of A's in any answer. */
function aliceSecrets(): string[] {
  return [aliceProject.name, `${aliceProject.name} person`, PLANTED_SECRETS.graphClientSecret, PLANTED_SECRETS.portClientSecret, "contoso.onmicrosoft.com"];
}

/** 404 (or a listed early 400), nothing of A's in it, and the same answer as for a project that does not exist. */
async function expectNothingOfAlice(response: Response, what: string, asIfAbsent: () => Promise<Response>): Promise<void> {
  const text = await response.text();
  expect(response.status, `${what} answered ${response.status}: ${text.slice(0, 200)}`).toBe(404);
  for (const secret of aliceSecrets()) expect(text, `${what} shows "${secret}"`).not.toContain(secret);
  const absent = await asIfAbsent();
  expect({ status: response.status, body: text.replaceAll(aliceProject.projectId, NO_SUCH_PROJECT) }, `${what} tells A's project from none`).toEqual({
    status: absent.status,
    body: await absent.text(),
  });
}

beforeAll(async () => {
  database = openAppDatabase("access-cross-user");
  alice = await createUserWithSession("Alice", "admin");
  bob = await createUserWithSession("Bob", "member");
  aliceProject = await seedProject(alice, "Alice-Contoso-Directory");
  bobProject = await seedProject(bob, "Bob-Fabrikam-Directory");
});

afterAll(() => database.close());

describe("another user's ids reach nothing", () => {
  it("walks every project route (the walk itself works)", () => {
    expect(projectRoutes).toEqual(
      expect.arrayContaining([
        "projects/[id]/route.ts",
        "projects/[id]/connections/graph/route.ts",
        "projects/[id]/samples/route.ts",
        "projects/[id]/documents/[kind]/route.ts",
        "projects/[id]/mapping/versions/[version]/route.ts",
        "projects/[id]/sync/runs/[runId]/route.ts",
        "projects/[id]/sync/schedule/route.ts",
      ]),
    );
  });

  it("the seeded project holds one of everything (so the walk has something to reach)", async () => {
    const ownAnswer = await callRoute({ route: "projects/[id]/sync/runs/[runId]/route.ts", method: "GET", params: { id: aliceProject.projectId, runId: aliceProject.runId }, headers: sameOriginHeaders(alice.cookie) });
    expect(ownAnswer.status).toBe(200);
    const samples = await callRoute({ route: "projects/[id]/samples/route.ts", method: "GET", params: { id: aliceProject.projectId }, headers: sameOriginHeaders(alice.cookie), query: "?endpoint=/users" });
    expect(await samples.text()).toContain(`${aliceProject.name} person`);
    const version = await callRoute({ route: "projects/[id]/mapping/versions/[version]/route.ts", method: "GET", params: { id: aliceProject.projectId, version: String(aliceProject.mappingVersion) }, headers: sameOriginHeaders(alice.cookie) });
    expect(version.status).toBe(200);
  });

  it("B's session with A's ids: every route and method answers 404 and changes nothing", async () => {
    const before = snapshotDatabase(database.file);
    expect(rowCount(before)).toBeGreaterThan(15);
    let calls = 0;
    for (const route of projectRoutes) {
      const methods = exportedMethods(await loadRoute(route));
      expect(methods.length, `${route} exports no handler`).toBeGreaterThan(0);
      for (const method of methods) {
        const call = (id: string) =>
          callRoute({ route, method, params: { ...pick(aliceValues(), dynamicSegmentsOf(route)), id }, headers: sameOriginHeaders(bob.cookie), body: bodyFor(method), query: `?endpoint=${aliceProject.sampleEndpoint}` });
        await expectNothingOfAlice(await call(aliceProject.projectId), `${method} ${route}`, () => call(NO_SUCH_PROJECT));
        calls++;
      }
    }
    expect(calls).toBeGreaterThanOrEqual(30);
    expect(snapshotDatabase(database.file)).toEqual(before);
  });

  it("B's own project with A's run id: 404, and A's run is untouched", async () => {
    const before = snapshotDatabase(database.file);
    const routes = projectRoutes.filter((route) => dynamicSegmentsOf(route).some((segment) => (SECOND_IDS as readonly string[]).includes(segment)));
    expect(routes).toEqual(expect.arrayContaining(["projects/[id]/sync/runs/[runId]/route.ts", "projects/[id]/sync/runs/[runId]/events/route.ts"]));
    for (const route of routes) {
      for (const method of exportedMethods(await loadRoute(route))) {
        const call = (runId: string) =>
          callRoute({ route, method, params: { ...pick(aliceValues(), dynamicSegmentsOf(route)), id: bobProject.projectId, runId }, headers: sameOriginHeaders(bob.cookie), body: bodyFor(method) });
        const response = await call(aliceProject.runId);
        expect(response.status, `${method} ${route} through B's project`).toBe(404);
        const text = await response.text();
        for (const secret of aliceSecrets()) expect(text).not.toContain(secret);
        // The same answer as for a run that never existed.
        const absent = await call("cnosuchrun00000000000000");
        expect({ status: response.status, body: text.replaceAll(aliceProject.runId, "cnosuchrun00000000000000") }).toEqual({ status: absent.status, body: await absent.text() });
      }
    }
    expect(snapshotDatabase(database.file)).toEqual(before);
  });

  it("B's project list shows only B's projects", async () => {
    const response = await callRoute({ route: "projects/route.ts", method: "GET", params: {}, headers: sameOriginHeaders(bob.cookie) });
    const { projects } = (await response.json()) as { projects: { id: string }[] };
    expect(projects.map((p) => p.id)).toEqual([bobProject.projectId]);
  });
});

function pick(values: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const value = values[name];
      if (value === undefined) throw new Error(`The walk has no id of A's for the segment [${name}]: add one to aliceValues()`);
      return [name, value];
    }),
  );
}
