/**
 * For tests and benchmarks: the demo tenant and the demo Port served on loopback, a test
 * database, the Node jq pool, and a way to run the sync against them exactly as the
 * runner does (a run row, a lease, executeRun). Each caller closes what it started.
 */
import { demoGraphClient, type DemoClientOptions } from "../graph/testing";
import { createNodeJqPool } from "../jq/server";
import type { JqEngine } from "../jq";
import { parsePortAppConfig, seedConfigYaml, type PortAppConfig, type SeedName } from "../mapping";
import { createPortClient, type BlueprintInput, type PortClient, type PortClientOptions } from "../port";
import { seedBlueprints } from "../schema";
import { createTestDatabase, type TestDatabase } from "../server/db/test-db";
import { serveDemoTenant, type ServedDemoTenant } from "../simulators/graph/testing";
import type { GraphSimulatorOptions } from "../simulators/graph/simulator";
import { serveDemoPort, type ServedDemoPort } from "../simulators/port/testing";
import type { DemoPortOptions } from "../simulators/port";
import { executeRun } from "./execute";
import type { SyncJob } from "./pipeline";
import { createRunStore, leaseOwnerId, type NewRun } from "./run-store";
import type { SyncEvent, SyncSummary } from "./types";

/** Port requests that wrote entities, counted at the network edge. */
export interface PortWriteLog {
  upserts: number;
  deletes: number;
}

export interface SyncTestBed {
  tenant: ServedDemoTenant;
  port: ServedDemoPort;
  database: TestDatabase;
  engine: JqEngine;
  writes: PortWriteLog;
  portClient(options?: Partial<PortClientOptions>): PortClient;
  job(overrides?: Partial<SyncJob> & { yaml?: string; graphOptions?: DemoClientOptions }): SyncJob;
  /** One run through the run store and executeRun, as the runner would do it. */
  sync(options?: Partial<NewRun> & { job?: SyncJob; signal?: AbortSignal; onEvent?: (e: SyncEvent) => void }): Promise<SyncSummary>;
  close(): Promise<void>;
}

export const TEST_SCOPE = "integration:test";

export function parseConfig(yaml: string): PortAppConfig {
  const parsed = parsePortAppConfig(yaml);
  if (!parsed.config || parsed.issues.length) throw new Error(`test config: ${parsed.issues[0]?.message ?? "unusable"}`);
  return parsed.config;
}

/** The seed mapping without the membership resource: users, groups, applications, service principals. */
export const FOUR_SEED_RESOURCES: SeedName[] = ["users", "groups", "applications", "servicePrincipals"];

export async function startSyncTestBed(options: { tenant?: GraphSimulatorOptions; port?: Partial<DemoPortOptions> } = {}): Promise<SyncTestBed> {
  const [tenant, port, database] = await Promise.all([serveDemoTenant(options.tenant), serveDemoPort(options.port), createTestDatabase()]);
  const engine = createNodeJqPool();
  const writes: PortWriteLog = { upserts: 0, deletes: 0 };
  const countingFetch: typeof fetch = async (input, init) => {
    const method = init?.method ?? "GET";
    const path = new URL(typeof input === "string" || input instanceof URL ? input : input.url).pathname;
    if (method === "POST" && /\/entities(\/bulk)?$/.test(path)) writes.upserts += 1;
    if ((method === "POST" && /\/bulk\/entities\/delete$/.test(path)) || (method === "DELETE" && /\/entities\//.test(path))) writes.deletes += 1;
    return fetch(input, init);
  };
  const portClient = (o: Partial<PortClientOptions> = {}) => createPortClient({ baseUrl: port.baseUrl, ...port.credentials, fetch: countingFetch, ...o });
  const bed: SyncTestBed = {
    tenant,
    port,
    database,
    engine,
    writes,
    portClient,
    job: ({ yaml, graphOptions, ...overrides } = {}) => ({
      scope: TEST_SCOPE,
      graph: demoGraphClient(tenant, graphOptions),
      port: portClient(),
      engine,
      config: parseConfig(yaml ?? seedConfigYaml(FOUR_SEED_RESOURCES)),
      blueprints: seedBlueprints() as BlueprintInput[],
      ...overrides,
    }),
    async sync({ job, signal, onEvent, ...run } = {}) {
      const runs = createRunStore(database.db);
      const owner = leaseOwnerId("cli");
      const theJob = job ?? bed.job();
      const record = await runs.start({ scope: theJob.scope, trigger: "cli", ...run }, owner);
      return executeRun({ db: database.db, runs, run: record, owner, job: theJob, signal, onEvent, databaseFile: database.file });
    },
    async close() {
      await Promise.all([tenant.close(), port.close(), engine.close()]);
      await database.cleanup();
    },
  };
  return bed;
}
