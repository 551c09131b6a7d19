/**
 * What the faults suite shares: the demo tenant and a demo Port served on loopback with a
 * hook on every Port answer (to count entity writes and act after the Nth), Ocean's
 * environment for `cli sync` in a child process, and what `cli map` predicts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parsePortAppConfig } from "@/lib/mapping";
import { DEMO_PORT_CREDENTIALS, DEMO_PORT_PATH, createPortClient, entityFingerprint, type PortClient } from "@/lib/port";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT } from "@/lib/simulators/graph/credentials";
import type { ServedDemoTenant } from "@/lib/simulators/graph/testing";
import { createDemoPort, createMemoryStore, type DemoPort, type DemoPortOptions } from "@/lib/simulators/port";
import { serveFetchHandler } from "@/lib/simulators/serve";

const ROOT = path.resolve(__dirname, "../..");

export interface WatchedPort {
  demo: DemoPort;
  baseUrl: string;
  /** Entity writes Port accepted (bulk or single upserts) and deletions it was asked for. */
  counts: { upserts: number; deletes: number };
  /** Identifiers Port was asked to delete, in order. */
  deleted: string[];
  /** Called after each accepted upsert, with the count so far (before the answer goes out). */
  onUpsert: ((count: number) => void) | null;
  client(): PortClient;
  /** blueprint -> identifier -> entityFingerprint, of what Port holds. */
  holdings(blueprint: string): Promise<Map<string, string>>;
  close(): Promise<void>;
}

const UPSERT = /\/blueprints\/[^/]+\/entities(\/bulk)?$/;
const BULK_DELETE = /\/blueprints\/[^/]+\/bulk\/entities\/delete$/;
const ONE_DELETE = /\/blueprints\/[^/]+\/entities\/([^/]+)$/;

export async function serveWatchedPort(options: Partial<DemoPortOptions> = {}): Promise<WatchedPort> {
  const demo = createDemoPort({ rateLimit: false, singleRateLimit: false, ...options, store: options.store ?? createMemoryStore() });
  const watched: WatchedPort = {
    demo,
    baseUrl: "",
    counts: { upserts: 0, deletes: 0 },
    deleted: [],
    onUpsert: null,
    client: () => createPortClient({ baseUrl: watched.baseUrl, ...DEMO_PORT_CREDENTIALS }),
    async holdings(blueprint) {
      const out = new Map<string, string>();
      for await (const page of watched.client().listEntities(blueprint, { pageSize: 1000 })) for (const e of page) out.set(e.identifier, entityFingerprint(e));
      return out;
    },
    close: async () => undefined,
  };
  const served = await serveFetchHandler(async (request) => {
    const { pathname } = new URL(request.url);
    if (request.method === "POST" && BULK_DELETE.test(pathname)) {
      const body = (await request.clone().json()) as { entities?: string[] };
      watched.counts.deletes += 1;
      watched.deleted.push(...(body.entities ?? []));
    } else if (request.method === "DELETE" && ONE_DELETE.test(pathname)) {
      watched.counts.deletes += 1;
      watched.deleted.push(decodeURIComponent(ONE_DELETE.exec(pathname)![1]!));
    }
    const response = await demo.handle(request);
    if (request.method === "POST" && UPSERT.test(pathname) && response.status < 300) {
      watched.counts.upserts += 1;
      watched.onUpsert?.(watched.counts.upserts);
    }
    return response;
  });
  watched.baseUrl = served.url + DEMO_PORT_PATH;
  watched.close = () => served.close();
  return watched;
}

/** Ocean's variables for `cli sync` against the demo tenant and a demo Port, state in `dataDir`. */
export function oceanEnv(tenant: ServedDemoTenant, portBaseUrl: string, dataDir: string, identifier = "entra-id-faults"): Record<string, string> {
  return {
    OCEAN__PORT__CLIENT_ID: DEMO_PORT_CREDENTIALS.clientId,
    OCEAN__PORT__CLIENT_SECRET: DEMO_PORT_CREDENTIALS.clientSecret,
    OCEAN__PORT__BASE_URL: portBaseUrl,
    OCEAN__INTEGRATION__IDENTIFIER: identifier,
    OCEAN__INITIALIZE_PORT_RESOURCES: "true",
    OCEAN__INTEGRATION__CONFIG__BASE_URL: tenant.graphBaseUrl,
    OCEAN__INTEGRATION__CONFIG__AUTH_TYPE: "custom",
    OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST: JSON.stringify({
      endpoint: `${tenant.loginBaseUrl}/${DEMO_TENANT}/oauth2/v2.0/token`,
      method: "POST",
      bodyForm: new URLSearchParams({ client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET, scope: "https://graph.microsoft.com/.default", grant_type: "client_credentials" }).toString(),
      reauthenticateIntervalSeconds: 3000,
    }),
    OCEAN__INTEGRATION__CONFIG__CUSTOM_AUTH_REQUEST_TEMPLATE: JSON.stringify({ headers: { Authorization: "Bearer {{.access_token}}" } }),
    OCEAN__INTEGRATION__CONFIG__PAGINATION_TYPE: "next_link",
    EXTRA_ALLOWED_HOSTS: new URL(tenant.origin).host,
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, "app.db")}`,
    LOG_LEVEL: "silent",
  };
}

export interface CliRun {
  proc: ChildProcess;
  /** Exit code (null when killed) and signal, with what it printed. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `npm run cli -- <argv>` in a child process of its own (a process that can really be killed). */
export function spawnCli(argv: string[], env: Record<string, string>): CliRun {
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "cli/index.ts"), ...argv], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  proc.stdout!.on("data", (b: Buffer) => (stdout += b.toString()));
  proc.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    proc.once("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { proc, done };
}

export function writeFile(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

/**
 * What `cli map` predicts for `kind` (blueprint -> identifier -> fingerprint), from the
 * pages the tenant serves now: the command itself, run in this process on those pages.
 */
export async function cliMapPrediction(tenant: ServedDemoTenant, dir: string, config: string, kind: string, query: Record<string, string>): Promise<Map<string, Map<string, string>>> {
  const { default: mapCommand } = await import("@/cli/commands/map");
  const { demoGraphClient } = await import("@/lib/graph/testing");
  const pages: string[] = [];
  for await (const page of demoGraphClient(tenant).fetchAllPages(kind, { query })) pages.push(JSON.stringify(page.response.body));
  const input = writeFile(dir, `pages-${pages.length}-${Date.now()}.ndjson`, `${pages.join("\n")}\n`);
  let out = "";
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string | Uint8Array) => ((out += String(s)), true)) as typeof process.stdout.write;
  let code: number;
  try {
    code = await mapCommand(["--config", config, "--kind", kind, "--input", input]);
  } finally {
    process.stdout.write = write;
  }
  if (code !== 0) throw new Error(`cli map exited with ${code}`);
  const predicted = new Map<string, Map<string, string>>();
  for (const e of (JSON.parse(out) as { entities: ({ blueprint: string } & Parameters<typeof entityFingerprint>[0])[] }).entities) {
    const bp = predicted.get(e.blueprint) ?? new Map<string, string>();
    bp.set(e.identifier, entityFingerprint(e));
    predicted.set(e.blueprint, bp);
  }
  return predicted;
}

/** The query parameters the first resource of `yaml` sends (what the sync reads), with `overrides`. */
export function queryOf(yaml: string, overrides: Record<string, string> = {}): Record<string, string> {
  const resource = parsePortAppConfig(yaml).config!.resources[0]!;
  return { ...Object.fromEntries(Object.entries(resource.selector.query_params ?? {}).map(([k, v]) => [k, String(v)])), ...overrides };
}

/** The fingerprint of what a state row says was written (its `content` JSON). */
export function stateRowFingerprint(row: { identifier: string; content: string }): string {
  return entityFingerprint({ identifier: row.identifier, ...(JSON.parse(row.content) as Omit<Parameters<typeof entityFingerprint>[0], "identifier">) });
}

export type Unreachable = "closed port" | "accepts and never answers" | "resets mid-body";

/** A loopback origin that fails the way `kind` says; `connections` counts who reached it. */
export async function serveUnreachable(kind: Unreachable): Promise<{ origin: string; connections: () => number; close(): Promise<void> }> {
  const net = await import("node:net");
  let connections = 0;
  const sockets = new Set<import("node:net").Socket>();
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
    if (kind !== "resets mid-body") return; // silent: reads, never answers
    socket.once("data", () => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{"value":[{"id":"');
      setImmediate(() => socket.resetAndDestroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as import("node:net").AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  if (kind === "closed port") await close();
  return { origin: `http://127.0.0.1:${port}`, connections: () => connections, close: kind === "closed port" ? async () => undefined : close };
}

// ---- load: signed-in people using the builder, and several projects syncing at once ----

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
