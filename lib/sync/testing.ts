/**
 * For tests and benchmarks: the demo tenant and the demo Port served on loopback, a test
 * database, the Node jq pool, and a way to run the sync against them exactly as the
 * runner does (a run row, a lease, executeRun). Each caller closes what it started.
 */
import { demoGraphClient, type DemoClientOptions } from "../graph/testing";
import { createNodeJqPool } from "../jq/server";
import type { JqEngine } from "../jq";
import { parsePortAppConfig, seedConfigYaml, type PortAppConfig, type SeedName } from "../mapping";
import path from "node:path";
import { createPortClient, DEMO_PORT_CREDENTIALS, type BlueprintInput, type PortClient, type PortClientOptions } from "../port";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT } from "../simulators/graph/credentials";
import { seedBlueprints } from "../schema";
import { createTestDatabase, type TestDatabase } from "../server/db/test-db";
import { serveDemoTenant, type ServedDemoTenant } from "../simulators/graph/testing";
import type { GraphSimulatorOptions } from "../simulators/graph/simulator";
import { serveDemoPort, type ServedDemoPort } from "../simulators/port/testing";
import type { DemoPortOptions } from "../simulators/port";
import { executeRun } from "./execute";
import type { SyncJob } from "./pipeline";
import { createRunStore } from "./run-store";
import { leaseOwnerId } from "./run-owner";
import { type NewRun } from "./run-record";
import type { SyncEvent, SyncSummary } from "./types";

/**
 * Ocean's variables for `cli sync` against a served demo tenant (custom auth to its token
 * endpoint, as the export's Docker one-off configures it) and a demo Port at `portBaseUrl`,
 * with the state in `dataDir`.
 */
export function demoOceanEnv(tenant: ServedDemoTenant, portBaseUrl: string, dataDir: string, identifier: string): Record<string, string> {
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
  };
}

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
