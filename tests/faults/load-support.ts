/**
 * What the load test and bench share: signed-in people with demo projects of their own, a
 * visit (explore, next page, fetch all, preview), sync runners sharing the app's database
 * as replicas would, and a full garbage collection on demand.
 */
import { DEMO_PORT_PATH } from "@/lib/port";
import { createDemoPort, createMemoryStore, type DemoPort } from "@/lib/simulators/port";
import { serveFetchHandler } from "@/lib/simulators/serve";

export interface LoadUser {
  id: string;
  cookie: string;
  projectId: string;
}

/** What one route call answered: its HTTP status, and the problem when the answer says one. */
export interface LoadAnswer {
  route: string;
  status: number;
  problem: string | null;
  ms: number;
}

async function projectCall(user: LoadUser, route: string, method: "GET" | "POST" | "PUT", body?: unknown, extra: Record<string, string> = {}): Promise<Response> {
  const { callRoute, sameOriginHeaders } = await import("../security/support/route-walk");
  return callRoute({ route, method, params: { id: user.projectId, ...extra }, headers: sameOriginHeaders(user.cookie), body: body === undefined ? undefined : JSON.stringify(body) });
}

/**
 * `count` people, each signed in (a session cookie) with a project of their own made
 * through the app's routes, its Graph and Port connections the demo tenant and demo Port
 * the app serves in-process. Needs the app's database (tests/security/support/app-database).
 */
export async function signedInUsersWithDemoProjects(count: number, prefix = "load"): Promise<LoadUser[]> {
  const { createUserWithSession } = await import("../security/support/sessions");
  const { callRoute, sameOriginHeaders } = await import("../security/support/route-walk");
  const users: LoadUser[] = [];
  for (let i = 0; i < count; i++) {
    const person = await createUserWithSession(`${prefix}${i}`);
    const created = await callRoute({ route: "projects/route.ts", method: "POST", params: {}, headers: sameOriginHeaders(person.cookie), body: JSON.stringify({ name: `${prefix} project ${i}` }) });
    if (created.status !== 201) throw new Error(`creating ${prefix}${i}'s project: ${created.status} ${await created.text()}`);
    const user = { id: person.id, cookie: person.cookie, projectId: ((await created.json()) as { project: { id: string } }).project.id };
    for (const [route, body] of [
      ["projects/[id]/connections/graph/route.ts", { mode: "demo" }],
      ["projects/[id]/connections/port/route.ts", { mode: "demo" }],
    ] as const) {
      const res = await projectCall(user, route, "PUT", body);
      if (res.status >= 300) throw new Error(`${route} for ${prefix}${i}: ${res.status} ${await res.text()}`);
    }
    users.push(user);
  }
  return users;
}

/** The project's Mapping (users only, `top` a page) and Blueprints steps, saved through their routes: ready to sync. */
export async function makeReadyToSync(user: LoadUser, top = 100): Promise<void> {
  const { seedConfigYaml } = await import("@/lib/mapping");
  const { seedBlueprints } = await import("@/lib/schema");
  const yaml = seedConfigYaml(["users"]).replace('$top: "999"', `$top: "${top}"`);
  const blueprints = seedBlueprints().map((b) => ({ identifier: b.identifier, text: JSON.stringify(b) }));
  for (const [route, body, extra] of [
    ["projects/[id]/mapping/route.ts", { version: 0, yaml }, {}],
    ["projects/[id]/documents/[kind]/route.ts", { version: 0, content: { blueprints, pushed: {} } }, { kind: "blueprints" }],
  ] as const) {
    const res = await projectCall(user, route, "PUT", body, extra);
    if (res.status >= 300) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  }
}

/** Reads a route's answer whole and says what went wrong in it, if anything did. */
async function answerOf(route: string, started: number, res: Response, problemIn: (text: string) => string | null): Promise<LoadAnswer> {
  const text = await res.text();
  const problem = res.status >= 300 ? text.slice(0, 300) : problemIn(text);
  return { route, status: res.status, problem, ms: performance.now() - started };
}

const graphProblem = (text: string) => {
  const body = JSON.parse(text) as { status: number; graphError: { message: string } | null };
  return body.graphError ? `Graph ${body.status}: ${body.graphError.message}` : null;
};

/**
 * One visit of the Explore and Mapping steps, as the pages make it: send a request, the
 * next page, fetch every page up to a limit (the NDJSON stream read to its end), a
 * preview sample, and the mapping evaluated over it as the preview does. Each answer is
 * handed to `record` as it comes.
 */
export async function exploreAndPreview(user: LoadUser, engine: import("@/lib/jq").JqEngine, record: (answer: LoadAnswer) => void): Promise<void> {
  const { compileResource, evaluatePage, parsePortAppConfig, seedConfigYaml } = await import("@/lib/mapping");
  let t = performance.now();
  record(await answerOf("explore", t, await projectCall(user, "projects/[id]/explore/route.ts", "POST", { path: "/users", query: { $top: "50" } }), graphProblem));
  t = performance.now();
  record(await answerOf("explore/next", t, await projectCall(user, "projects/[id]/explore/next/route.ts", "POST", { endpoint: "/users" }), graphProblem));
  t = performance.now();
  const fetchAll = await projectCall(user, "projects/[id]/explore/fetch-all/route.ts", "POST", { path: "/groups", query: { $top: "50" }, maxPages: 4 });
  record(
    await answerOf("explore/fetch-all", t, fetchAll, (text) => {
      const last = JSON.parse(text.trim().split("\n").pop()!) as { type: string; error?: { message: string } };
      return last.type === "done" ? null : `fetch-all ended with ${last.type}: ${last.error?.message ?? ""}`;
    }),
  );
  t = performance.now();
  const preview = await projectCall(user, "projects/[id]/mapping/preview-sample/route.ts", "POST", { kind: "/users", query_params: { $top: "100" } });
  const answer = await answerOf("mapping/preview-sample", t, preview.clone(), (text) => {
    const body = JSON.parse(text) as { problem: { message: string } | null; items: number };
    return body.problem ? body.problem.message : body.items === 0 ? "an empty preview sample" : null;
  });
  if (answer.problem === null) {
    const sample = (await preview.json()) as { pages: { body: unknown }[] };
    const compiled = await compileResource(engine, parsePortAppConfig(seedConfigYaml(["users"])).config!.resources[0]!);
    let entities = 0;
    for (const page of sample.pages) entities += (await evaluatePage(compiled, page.body, { engine })).entities.length;
    if (entities === 0) answer.problem = "the preview mapped no entity";
    answer.ms = performance.now() - t;
  }
  record(answer);
}

/**
 * The app's demo tenant (the one its Explore step reads) and a demo Port of its own
 * (memory store), both served on one loopback origin: the demo endpoints for sync runners.
 */
export async function servedDemoEndpoints(): Promise<{ demo: import("@/lib/builder/deps").DemoEndpoints; port: DemoPort; close(): Promise<void> }> {
  const { appDemoGraphSimulator } = await import("@/lib/simulators/graph");
  const port = createDemoPort({ rateLimit: false, singleRateLimit: false, store: createMemoryStore() });
  const served = await serveFetchHandler((request) =>
    new URL(request.url).pathname.startsWith(`${DEMO_PORT_PATH}/`) ? port.handle(request) : appDemoGraphSimulator().handler(request),
  );
  const demo = { origin: served.url, ...appDemoGraphSimulator().endpoints(served.url), portBaseUrl: served.url + DEMO_PORT_PATH, fetch: globalThis.fetch };
  return { demo, port, close: () => served.close() };
}

/**
 * `count` sync runners over the app's database, as `count` server replicas sharing its
 * queue would be (one run at a time each, lib/sync/runner.ts), their projects' demo
 * services at `demo`: the first is the process's own runner (the one the Sync route
 * queues into), the others replicas, one jq pool between them all. Runs are queued
 * through the route by their project's owner; `claimAll` has every replica take one.
 */
export async function syncReplicas(count: number, demo: import("@/lib/builder/deps").DemoEndpoints) {
  const { appBuilderDeps } = await import("@/lib/builder/app-deps");
  const { createNodeJqPool } = await import("@/lib/jq/server");
  const { createSyncRunner, startSyncRunner } = await import("@/lib/sync/runner");
  const { projectJobLoader } = await import("@/lib/sync/project-job");
  const { env } = await import("@/lib/server/env");
  const deps = { ...appBuilderDeps(), demo };
  const engine = createNodeJqPool();
  const options = { db: deps.db, databaseFile: env().databaseFile, loadJob: projectJobLoader({ deps, engine }) };
  const replicas = [startSyncRunner(options)];
  for (let i = 1; i < count; i++) replicas.push(createSyncRunner(options));
  return {
    replicas,
    /** Queues a run of the user's project through the Sync route (202 expected). */
    queue: async (user: LoadUser) => {
      const t = performance.now();
      return answerOf("sync/runs", t, await projectCall(user, "projects/[id]/sync/runs/route.ts", "POST", {}), () => null);
    },
    /** Every replica takes a queued run (one each), then all run at once. */
    claimAll: () => Promise.all(replicas.map((r) => r.tick())),
    idle: () => Promise.all(replicas.map((r) => r.idle())),
    async close() {
      await Promise.all(replicas.map((r) => r.stop()));
      await engine.close();
    },
  };
}

/**
 * A full garbage collection on demand (V8's own `gc`, exposed at run time), so memory
 * retained by a workload is measured as a count of live bytes, not as whatever garbage
 * happened to be waiting for a collection.
 */
export async function fullGc(): Promise<() => void> {
  const { setFlagsFromString } = await import("node:v8");
  const { runInNewContext } = await import("node:vm");
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}
