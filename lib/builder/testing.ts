/**
 * For tests: a temp database with two users, and the demo tenant and demo Port served
 * together over real HTTP on one loopback origin, laid out as the app serves them
 * (`/api/sim/graph`, `/api/sim/login`, `/api/sim/port`).
 */
import { createTestDatabase, type TestDatabase } from "../server/db/test-db";
import { createGraphSimulator, type GraphSimulator, type GraphSimulatorOptions } from "../simulators/graph";
import { createDemoPort, createMemoryStore, type DemoPort } from "../simulators/port";
import { serveFetchHandler } from "../simulators/serve";
import { DEMO_PORT_PATH } from "../port";
import type { BuilderDeps } from "./deps";

export interface BuilderTestbed {
  deps: BuilderDeps;
  t: TestDatabase;
  graph: GraphSimulator;
  port: DemoPort;
  origin: string;
  alice: string;
  bob: string;
  /** A fresh project of alice's. */
  project(name?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createBuilderTestbed(options: { graph?: GraphSimulatorOptions } = {}): Promise<BuilderTestbed> {
  const t = await createTestDatabase();
  const graph = createGraphSimulator({ basePath: "/api/sim", sizes: { users: 250, groups: 30, applications: 20, servicePrincipals: 40 }, ...options.graph });
  const port = createDemoPort({ rateLimit: false, singleRateLimit: false, store: createMemoryStore() });
  const served = await serveFetchHandler((request) =>
    new URL(request.url).pathname.startsWith(`${DEMO_PORT_PATH}/`) ? port.handle(request) : graph.handler(request),
  );
  const origin = served.url;
  const { graphBaseUrl, loginBaseUrl } = graph.endpoints(origin);
  const deps: BuilderDeps = {
    db: t.db,
    encryptionKey: Buffer.alloc(32, 7),
    demo: { origin, graphBaseUrl, loginBaseUrl, portBaseUrl: `${origin}${DEMO_PORT_PATH}`, fetch: globalThis.fetch },
    extraAllowedHosts: [],
  };
  const alice = (await t.db.user.create({ data: { email: "alice@example.com", name: "Alice" } })).id;
  const bob = (await t.db.user.create({ data: { email: "bob@example.com", name: "Bob" } })).id;
  return {
    deps, t, graph, port, origin, alice, bob,
    project: async (name = "Entra") => (await t.db.project.create({ data: { name, ownerId: alice } })).id,
    close: async () => {
      await served.close();
      await t.cleanup();
    },
  };
}
