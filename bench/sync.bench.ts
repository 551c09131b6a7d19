/**
 * The sync end to end: 100,000 users, 20,000 groups, 5,000 applications and 10,000
 * service principals (the four seed resources) from the demo tenant into the demo Port,
 * rate limits off, both simulators in a child process of their own so the sync's memory
 * is measured alone. Figures:
 * - full sync: wall time and entities/s, against the floor measured in the same run (the
 *   same Graph pages fetched raw and the same bulk bodies posted raw, at the same time,
 *   with the client's concurrency): the ratio is the sync's own cost;
 * - peak RSS of the sync's process at 10,000 and at 100,000 users (other sizes equal),
 *   and its growth; the same sync with V8's old generation capped (what it really needs);
 * - the no-change resync: time and Port writes (target 0).
 *
 * The file has two roles: the bench (default export), and with SYNC_BENCH_ROLE set, the
 * child processes it starts: `sims` (serves both simulators) and `sync` (runs the sync).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Bench } from "./report";

type Sizes = { users: number; groups: number; applications: number; servicePrincipals: number; devices: number };

interface SimEndpoints {
  origin: string;
  graphBaseUrl: string;
  loginBaseUrl: string;
  portBaseUrl: string;
}

interface SyncResult {
  entities: number;
  status: string;
  fullMs: number;
  resyncMs: number;
  resyncStatus: string;
  resyncWrites: number;
  peakRssMb: number;
  /** Sampled every 100 ms: where the peak lives (V8 heap, buffers outside it). */
  peakHeapMb: number;
  peakExternalMb: number;
  /** CPU time of the sync's process (all threads) for the full sync: what the machine's load does not change. */
  fullCpuMs: number;
}

const SELF = __filename;

// ---- child roles --------------------------------------------------------------------

async function serveSims(sizes: Sizes): Promise<void> {
  const { serveDemoTenant } = await import("../lib/simulators/graph/testing");
  const { serveDemoPort } = await import("../lib/simulators/port/testing");
  const tenant = await serveDemoTenant({ sizes });
  const port = await serveDemoPort({ rateLimit: false, singleRateLimit: false, storeCap: false });
  const endpoints: SimEndpoints = { origin: tenant.origin, graphBaseUrl: tenant.graphBaseUrl, loginBaseUrl: tenant.loginBaseUrl, portBaseUrl: port.baseUrl };
  process.stdout.write(`${JSON.stringify(endpoints)}\n`);
  await new Promise<void>((resolve) => process.once("SIGTERM", resolve));
  await Promise.all([tenant.close(), port.close()]);
}

async function runSyncChild(sims: SimEndpoints, recordTo: string | null): Promise<void> {
  const { clientCredentialsTokenProvider, createGraphClient } = await import("../lib/graph");
  const { createNodeJqPool } = await import("../lib/jq/server");
  const { parsePortAppConfig, seedConfigYaml } = await import("../lib/mapping");
  const { createPortClient, DEMO_PORT_CREDENTIALS } = await import("../lib/port");
  const { seedBlueprints } = await import("../lib/schema");
  const { createTestDatabase } = await import("../lib/server/db/test-db");
  const { createRunStore, executeRun, leaseOwnerId } = await import("../lib/sync");

  const record = recordTo ? createWriteStream(recordTo) : null;
  let writes = 0;
  const watching: typeof fetch = async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (init?.method === "POST" && url.pathname.endsWith("/entities/bulk")) {
      writes += 1;
      record?.write(`${decodeURIComponent(url.pathname.split("/").at(-3)!)}\t${String(init.body)}\n`);
    }
    return fetch(input, init);
  };
  const peaks = { heap: 0, external: 0 };
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peaks.heap = Math.max(peaks.heap, m.heapUsed);
    peaks.external = Math.max(peaks.external, m.external + m.arrayBuffers);
  }, 100);
  const database = await createTestDatabase();
  const engine = createNodeJqPool();
  try {
    const job = () => ({
      scope: "integration:bench",
      graph: createGraphClient({
        cloud: "global",
        tokenProvider: clientCredentialsTokenProvider({ cloud: "global", tenantId: "contoso-demo", clientId: "demo-client", clientSecret: "demo-secret", loginBaseUrl: sims.loginBaseUrl, simulatorOrigins: [sims.origin] }),
        graphBaseUrl: sims.graphBaseUrl,
        simulatorOrigins: [sims.origin],
      }),
      port: createPortClient({ baseUrl: sims.portBaseUrl, ...DEMO_PORT_CREDENTIALS, fetch: watching }),
      engine,
      config: parsePortAppConfig(seedConfigYaml(["users", "groups", "applications", "servicePrincipals"])).config!,
      blueprints: seedBlueprints(),
    });
    const runs = createRunStore(database.db);
    const once = async () => {
      const owner = leaseOwnerId("cli");
      const run = await runs.start({ scope: "integration:bench", trigger: "cli" }, owner);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const summary = await executeRun({ db: database.db, runs, run, owner, job: job(), databaseFile: database.file });
      const cpu = process.cpuUsage(c0);
      return { summary, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
    };
    const full = await once();
    await new Promise<void>((resolve) => (record ? record.end(resolve) : resolve()));
    const before = writes;
    const resync = await once();
    const result: SyncResult = {
      entities: full.summary.totals.entities,
      status: full.summary.status,
      fullMs: full.ms,
      resyncMs: resync.ms,
      resyncStatus: resync.summary.status,
      resyncWrites: writes - before + resync.summary.portWrites.deleteRequests,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      peakHeapMb: peaks.heap / 1048576,
      peakExternalMb: peaks.external / 1048576,
      fullCpuMs: full.cpuMs,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    clearInterval(sample);
    await engine.close();
    await database.cleanup();
  }
}

if (process.env.SYNC_BENCH_ROLE === "sims") {
  void serveSims(JSON.parse(process.env.SYNC_BENCH_SIZES!) as Sizes);
} else if (process.env.SYNC_BENCH_ROLE === "sync") {
  runSyncChild(JSON.parse(process.env.SYNC_BENCH_SIMS!) as SimEndpoints, process.env.SYNC_BENCH_RECORD || null).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

// ---- the bench --------------------------------------------------------------------

/** Starts this file in a role; resolves with its first stdout line (JSON). */
function child<T>(role: "sims" | "sync", env: Record<string, string>, nodeFlags: string[] = []): { proc: ChildProcess; first: Promise<T> } {
  const proc = spawn(process.execPath, [...nodeFlags, "--import", "tsx", SELF], { env: { ...process.env, ...env, SYNC_BENCH_ROLE: role }, stdio: ["ignore", "pipe", "inherit"] });
  const first = new Promise<T>((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! });
    lines.once("line", (line) => resolve(JSON.parse(line) as T));
    // "close", not "exit": the line it printed may still be in the pipe when it exits.
    proc.once("close", (code) => reject(new Error(`sync bench ${role} child exited with ${code}`)));
  });
  return { proc, first };
}

async function withSims<T>(sizes: Sizes, work: (sims: SimEndpoints) => Promise<T>): Promise<T> {
  const sims = child<SimEndpoints>("sims", { SYNC_BENCH_SIZES: JSON.stringify(sizes) });
  try {
    return await work(await sims.first);
  } finally {
    const exited = new Promise((r) => sims.proc.once("exit", r));
    sims.proc.kill("SIGTERM");
    await exited;
  }
}

const syncIn = (sims: SimEndpoints, record: string | null, nodeFlags: string[] = []) =>
  child<SyncResult>("sync", { SYNC_BENCH_SIMS: JSON.stringify(sims), ...(record ? { SYNC_BENCH_RECORD: record } : {}) }, nodeFlags).first;

/**
 * V8 lets garbage pile up to several times the live heap before a full collection (the
 * live heap after one is about 45 MB at 10,000 and at 40,000 users): the same sync with
 * the old generation capped shows what the process needs.
 */
const HEAP_CAP = ["--max-old-space-size=192"];

/** The floor: the same pages fetched raw and the same bulk bodies posted raw, both at once. */
async function floor(sims: SimEndpoints, bodiesFile: string, queries: { path: string; query: string }[]): Promise<{ ms: number; cpuMs: number; entities: number }> {
  const { createPortClient, DEMO_PORT_CREDENTIALS } = await import("../lib/port");
  const { seedBlueprints } = await import("../lib/schema");
  const port = createPortClient({ baseUrl: sims.portBaseUrl, ...DEMO_PORT_CREDENTIALS });
  await port.ensureBlueprints(seedBlueprints());
  const graphToken = ((await (await fetch(`${sims.loginBaseUrl}/contoso-demo/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: "demo-client", client_secret: "demo-secret", scope: "https://graph.microsoft.com/.default" }),
  })).json()) as { access_token: string }).access_token;
  const portToken = ((await (await fetch(`${sims.portBaseUrl}/v1/auth/access_token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(DEMO_PORT_CREDENTIALS) })).json()) as { accessToken: string }).accessToken;

  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const fetching = (async () => {
    for (const q of queries) {
      let next: string | undefined = `${sims.graphBaseUrl}${q.path}?${q.query}`;
      while (next) {
        const body = (await (await fetch(next, { headers: { authorization: `Bearer ${graphToken}` } })).json()) as { "@odata.nextLink"?: string };
        next = body["@odata.nextLink"];
      }
    }
  })();
  let entities = 0;
  const posting = (async () => {
    const lines = createInterface({ input: createReadStream(bodiesFile) })[Symbol.asyncIterator]();
    const worker = async () => {
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        const tab = next.value.indexOf("\t");
        const res = await fetch(`${sims.portBaseUrl}/v1/blueprints/${encodeURIComponent(next.value.slice(0, tab))}/entities/bulk?upsert=true&merge=true&create_missing_related_entities=true`, {
          method: "POST",
          headers: { authorization: `Bearer ${portToken}`, "content-type": "application/json" },
          body: next.value.slice(tab + 1),
        });
        entities += ((await res.json()) as { entities?: unknown[] }).entities?.length ?? 0;
      }
    };
    // The sync's Port client keeps at most 8 requests in flight.
    await Promise.all(Array.from({ length: 8 }, worker));
  })();
  await Promise.all([fetching, posting]);
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, entities };
}

const bench: Bench = async ({ quick, report }) => {
  const sizes: Sizes = quick
    ? { users: 10_000, groups: 2_000, applications: 500, servicePrincipals: 1_000, devices: 0 }
    : { users: 100_000, groups: 20_000, applications: 5_000, servicePrincipals: 10_000, devices: 0 };
  const small: Sizes = { ...sizes, users: sizes.users / 10 };
  const { seedConfigYaml, parsePortAppConfig } = await import("../lib/mapping");
  const queries = parsePortAppConfig(seedConfigYaml(["users", "groups", "applications", "servicePrincipals"])).config!.resources.map((r) => ({
    path: r.kind,
    query: Object.entries(r.selector.query_params ?? {}).map(([k, v]) => `${k}=${encodeURIComponent(String(v)).replace(/%24/g, "$").replace(/%2C/g, ",")}`).join("&"),
  }));
  const dir = mkdtempSync(path.join(tmpdir(), "sync-bench-"));
  const bodies = path.join(dir, "bulks.tsv");
  try {
    const smallRun = await withSims(small, (sims) => syncIn(sims, null));
    // First an untimed sync that records the bulk bodies the floor posts (writing them out
    // is the bench's own work, not the sync's); then two alternating rounds of sync and
    // floor, the best of each: the machine is shared.
    await withSims(sizes, (sims) => syncIn(sims, bodies));
    const syncs: SyncResult[] = [];
    const floors: Awaited<ReturnType<typeof floor>>[] = [];
    for (let round = 0; round < 2; round++) {
      syncs.push(await withSims(sizes, (sims) => syncIn(sims, null)));
      floors.push(await withSims(sizes, (sims) => floor(sims, bodies, queries)));
    }
    const big = syncs.reduce((a, b) => (b.fullMs < a.fullMs ? b : a));
    const raw = floors.reduce((a, b) => (b.ms < a.ms ? b : a));
    const capped = await withSims(sizes, (sims) => syncIn(sims, null, HEAP_CAP));
    const cappedSmall = await withSims(small, (sims) => syncIn(sims, null, HEAP_CAP));
    const label = `${sizes.users.toLocaleString("en-US")} users, ${sizes.groups.toLocaleString("en-US")} groups, ${sizes.applications.toLocaleString("en-US")} apps, ${sizes.servicePrincipals.toLocaleString("en-US")} SPs`;
    const peakRss = Math.max(...syncs.map((r) => r.peakRssMb));

    report({ name: `full sync (${label}; ${big.entities.toLocaleString("en-US")} entities, ${big.status}) wall time, best of 2`, value: big.fullMs / 1000, unit: "s", baseline: { name: "floor: same pages fetched raw + same bulks posted raw, best of 2", value: raw.ms / 1000 } });
    report({ name: "full sync throughput", value: big.entities / (big.fullMs / 1000), unit: "entities/s", baseline: { name: "floor", value: raw.entities / (raw.ms / 1000) } });
    report({ name: "full sync CPU time of the sync's process (all threads)", value: big.fullCpuMs / 1000, unit: "s", baseline: { name: "floor's client CPU", value: raw.cpuMs / 1000 } });
    report({ name: `sync process peak RSS at ${sizes.users.toLocaleString("en-US")} users`, value: peakRss, unit: "MB", baseline: { name: `at ${small.users.toLocaleString("en-US")} users`, value: smallRun.peakRssMb } });
    report({ name: `sync process peak V8 heap (sampled) at ${sizes.users.toLocaleString("en-US")} users`, value: Math.max(...syncs.map((r) => r.peakHeapMb)), unit: "MB", baseline: { name: `at ${small.users.toLocaleString("en-US")} users`, value: smallRun.peakHeapMb } });
    report({ name: `the same sync under node ${HEAP_CAP.join(" ")}: peak RSS`, value: capped.peakRssMb, unit: "MB", baseline: { name: "uncapped", value: peakRss } });
    report({ name: `under node ${HEAP_CAP.join(" ")}: peak RSS at ${sizes.users.toLocaleString("en-US")} users`, value: capped.peakRssMb, unit: "MB", baseline: { name: `at ${small.users.toLocaleString("en-US")} users`, value: cappedSmall.peakRssMb } });
    report({ name: `the same sync under node ${HEAP_CAP.join(" ")}: wall time`, value: capped.fullMs / 1000, unit: "s", baseline: { name: "uncapped, best of 2", value: big.fullMs / 1000 } });
    report({ name: `no-change resync (${big.resyncStatus}) wall time`, value: big.resyncMs / 1000, unit: "s", baseline: { name: "full sync", value: big.fullMs / 1000 } });
    report({ name: "no-change resync Port writes", value: Math.max(...syncs.map((r) => r.resyncWrites)), unit: "requests" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
