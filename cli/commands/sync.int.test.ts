/**
 * `cli sync` over real HTTP against the demo tenant and the demo Port on loopback,
 * configured exactly like Ocean's Docker one-off (client credentials through `custom`
 * auth, `next_link` pagination), with its state in a fresh SQLite file.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { demoGraphClient } from "@/lib/graph/testing";
import { seedConfigYaml } from "@/lib/mapping";
import { createPortClient, DEMO_PORT_CREDENTIALS, DEMO_PORT_PATH, entityFingerprint } from "@/lib/port";
import { createDb } from "@/lib/server/db";
import { serveFetchHandler } from "@/lib/simulators/serve";
import { createDemoPort, createMemoryStore } from "@/lib/simulators/port";
import { seedBlueprints } from "@/lib/schema";
import { serveDemoTenant, type ServedDemoTenant } from "@/lib/simulators/graph/testing";
import { serveDemoPort, type ServedDemoPort } from "@/lib/simulators/port/testing";
import type { SyncSummary } from "@/lib/sync";
import { demoOceanEnv } from "@/lib/sync/testing";
import mapCommand from "./map";
import run from "./sync";

let dir: string;
let out = "";
let err = "";
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

const oceanEnv = (tenant: ServedDemoTenant, port: ServedDemoPort, dataDir: string, identifier = "entra-id-cli") => demoOceanEnv(tenant, port.baseUrl, dataDir, identifier);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sync-cli-"));
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function stubEnv(env: Record<string, string>) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
}

/** What `cli map` predicts for one kind, from the same pages the sync reads. */
async function predicted(tenant: ServedDemoTenant, config: string, kind: string, query: Record<string, string>, params?: Record<string, string>): Promise<{ identifier: string; blueprint: string }[]> {
  const graph = demoGraphClient(tenant);
  const path = params ? kind.replace("{group_id}", params.group_id!) : kind;
  const pages: string[] = [];
  for await (const page of graph.fetchAllPages(path, { query })) pages.push(JSON.stringify(page.response.body));
  const input = file(`pages-${Math.random().toString(36).slice(2)}.ndjson`, `${pages.join("\n")}\n`);
  const before = out.length;
  const argv = ["--config", config, "--kind", kind, "--input", input, ...(params ? ["--param", `group_id=${params.group_id}`] : [])];
  expect(await mapCommand(argv)).toBe(0);
  return (JSON.parse(out.slice(before)) as { entities: { identifier: string; blueprint: string }[] }).entities;
}

async function portFingerprints(port: ServedDemoPort, blueprint: string): Promise<Map<string, string>> {
  const client = createPortClient({ baseUrl: port.baseUrl, ...port.credentials });
  const out = new Map<string, string>();
  for await (const page of client.listEntities(blueprint, { pageSize: 1000 })) for (const e of page) out.set(e.identifier, entityFingerprint(e));
  return out;
}

function lastSummary(): SyncSummary {
  return JSON.parse(out.trim().split("\n").pop()!) as SyncSummary;
}

describe("cli sync writes what cli map predicts", () => {
  let tenant: ServedDemoTenant;
  let port: ServedDemoPort;
  beforeAll(async () => {
    // Two groups over 1,000 members (All Company, All Employees): complete membership pages through nextLinks.
    tenant = await serveDemoTenant({ sizes: { users: 1_300, groups: 8, applications: 5, servicePrincipals: 8, devices: 0 } });
    port = await serveDemoPort();
  });
  afterAll(async () => {
    await tenant.close();
    await port.close();
  });

  it("for the four seed resources and the complete-membership form", async () => {
    stubEnv(oceanEnv(tenant, port, dir));
    const config = file("port-app-config.yml", seedConfigYaml());
    const blueprints = file("blueprints.json", JSON.stringify(seedBlueprints()));
    expect(await run(["--config", config, "--blueprints", blueprints])).toBe(0);
    const summary = lastSummary();
    expect(summary.status).toBe("succeeded");
    expect(err).toMatch(/\/users: .*written 1,300/);

    const expected = new Map<string, Map<string, string>>();
    const add = (entities: { identifier: string; blueprint: string }[]) => {
      for (const e of entities) {
        const bp = expected.get(e.blueprint) ?? new Map<string, string>();
        bp.set(e.identifier, entityFingerprint(e));
        expected.set(e.blueprint, bp);
      }
    };
    for (const kind of ["/users", "/groups", "/applications", "/servicePrincipals"]) add(await predicted(tenant, config, kind, { $top: "999", ...selectOf(kind) }));
    const groups = expected.get("entra-id-group")!;
    for (const groupId of groups.keys()) add(await predicted(tenant, config, "/groups/{group_id}/members", { $top: "999", $select: "id" }, { group_id: groupId }));

    const memberships = expected.get("entra-id-group-membership")!;
    expect([...memberships.keys()].filter((k) => k.startsWith([...groups.keys()][0]!)).length).toBe(1_300);
    // Port also holds placeholders it created for relation targets the tenant lacks
    // (createMissingRelatedEntities: Microsoft's own apps named by service principals).
    const relationTargets = new Set<string>();
    for (const e of await predicted(tenant, config, "/servicePrincipals", { $top: "999", ...selectOf("/servicePrincipals") })) {
      relationTargets.add((e as unknown as { relations: { application: string } }).relations.application);
    }
    for (const [blueprint, entities] of expected) {
      const held = await portFingerprints(port, blueprint);
      for (const [identifier, fingerprint] of entities) expect(held.get(identifier), `${blueprint} ${identifier}`).toBe(fingerprint);
      const extra = [...held.keys()].filter((id) => !entities.has(id));
      expect(extra.every((id) => blueprint === "entra-id-application" && relationTargets.has(id)), `${blueprint}: ${extra.join(", ")}`).toBe(true);
    }
    expect(summary.totals.entities).toBe([...expected.values()].reduce((a, m) => a + m.size, 0));
  });
});

const SELECTS: Record<string, string> = Object.fromEntries(
  [...seedConfigYaml().matchAll(/- kind: (\/\w+)\n(?:.*\n)*?\s+\$select: (.*)\n/g)].map((m) => [m[1]!, m[2]!]),
);
function selectOf(kind: string): Record<string, string> {
  return SELECTS[kind] ? { $select: SELECTS[kind] } : {};
}

describe("cli sync on a small tenant", () => {
  let tenant: ServedDemoTenant;
  let port: ServedDemoPort;
  beforeEach(async () => {
    tenant = await serveDemoTenant({ sizes: { users: 60, groups: 4, applications: 2, servicePrincipals: 2, devices: 0 } });
    port = await serveDemoPort();
  });
  afterEach(async () => {
    await tenant.close();
    await port.close();
  });
  const usersConfig = () => file("users.yml", seedConfigYaml(["users"]).replace('$top: "999"', '$top: "10"'));
  const blueprintsFile = (mutate?: (b: ReturnType<typeof seedBlueprints>) => void) => {
    const bps = seedBlueprints();
    mutate?.(bps);
    return file("blueprints.json", JSON.stringify({ blueprints: bps }));
  };

  it("token expiry mid-run with client credentials (Ocean's custom auth): renewed once, run complete", async () => {
    stubEnv(oceanEnv(tenant, port, dir));
    tenant.sim.faults.add({ fault: { type: "expireTokens" }, path: "/users", after: 3 });
    const tokens = tenant.sim.stats.token;
    expect(await run(["--config", usersConfig(), "--blueprints", blueprintsFile()])).toBe(0);
    expect(lastSummary().resources[0]).toMatchObject({ pages: 6, created: 60, state: "done" });
    expect(tenant.sim.stats.token - tokens).toBe(2);
  });

  it("exits 3 when it wrote with errors (207 per-entity errors), with nothing deleted", async () => {
    stubEnv(oceanEnv(tenant, port, dir));
    const strict = blueprintsFile((bps) => {
      bps[0]!.schema.properties.userType = { type: "string", enum: ["Member"] };
    });
    expect(await run(["--config", usersConfig(), "--blueprints", strict])).toBe(3);
    const summary = lastSummary();
    expect(summary.status).toBe("partial");
    expect(summary.errorCount).toBeGreaterThan(0);
    expect(summary.deletion.performed).toBe(false);
    expect(err).toMatch(/deletion skipped: The run had \d+ errors?/);
  });

  it("two starts at once: one syncs, the other exits 1 with the reason", async () => {
    stubEnv(oceanEnv(tenant, port, dir));
    const config = usersConfig();
    const blueprints = blueprintsFile();
    const codes = await Promise.all([run(["--config", config, "--blueprints", blueprints]), run(["--config", config, "--blueprints", blueprints])]);
    expect(codes.sort(), err).toEqual([0, 1]);
    expect(err).toMatch(/A sync of this integration is already running/);
  });
});

describe("cli sync killed mid-run", () => {
  it("a killed process deletes nothing; its run is marked interrupted and the next run is correct", async () => {
    const tenant = await serveDemoTenant({ sizes: { users: 60, groups: 4, applications: 2, servicePrincipals: 2, devices: 0 } });
    const demo = createDemoPort({ store: createMemoryStore(), rateLimit: false, singleRateLimit: false });
    // Holds the first bulk upsert of the second run until the child is killed.
    const seen = { holding: false, deletes: 0 };
    let arrived!: () => void;
    const firstBulk = new Promise<void>((r) => (arrived = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const served = await serveFetchHandler(async (request) => {
      const { pathname } = new URL(request.url);
      if (request.method === "POST" && pathname.endsWith("/bulk/entities/delete")) seen.deletes += 1;
      if (seen.holding && request.method === "POST" && pathname.endsWith("/entities/bulk")) {
        arrived();
        await released;
      }
      return demo.handle(request);
    });
    const port = { demo, baseUrl: served.url + DEMO_PORT_PATH, credentials: { ...DEMO_PORT_CREDENTIALS }, close: () => served.close() } as ServedDemoPort;
    try {
      const env = oceanEnv(tenant, port, dir);
      stubEnv(env);
      const config = file("users.yml", seedConfigYaml(["users"]).replace('$top: "999"', '$top: "10"'));
      expect(await run(["--config", config, "--blueprints", file("blueprints.json", JSON.stringify(seedBlueprints()))])).toBe(0);
      const ids = [...(await portFingerprints(port, "entra-id-user")).keys()].sort();
      for (const id of ids.slice(0, 10)) tenant.sim.mutate.update("users", id, { officeLocation: "Moved" });
      for (const id of ids.slice(10, 15)) tenant.sim.mutate.remove("users", id);

      seen.holding = true;
      const child = spawn(process.execPath, ["--import", "tsx", "cli/index.ts", "sync", "--config", config], { env: { ...process.env, ...env }, stdio: "ignore" });
      const exited = new Promise<NodeJS.Signals | null>((r) => child.once("exit", (_code, signal) => r(signal)));
      await firstBulk;
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      seen.holding = false;
      release();

      const db = createDb(env.DATABASE_URL!);
      try {
        const killed = await db.syncRun.findFirst({ where: { trigger: "cli" }, orderBy: { queuedAt: "desc" } });
        expect(killed!.status).toBe("running");
        expect(await run(["--config", config])).toBe(0);
        const next = lastSummary();
        expect(next.resources[0]).toMatchObject({ updated: 10, deleted: 5, created: 0, failed: 0 });
        const after = await db.syncRun.findUnique({ where: { id: killed!.id } });
        expect(after).toMatchObject({ status: "interrupted" });
        expect(after!.deletionSkipped).toMatch(/nothing was deleted/);
      } finally {
        await db.$disconnect();
      }
      // Only the complete run deleted, and only what left Entra ID.
      expect(seen.deletes).toBe(1);
      const users = await portFingerprints(port, "entra-id-user");
      expect([...users.keys()].sort()).toEqual([...ids.slice(0, 10), ...ids.slice(15)].sort());
      expect(await run(["--config", config, "--dry-run", "--verify"])).toBe(0);
      expect(lastSummary().drift![0]).toMatchObject({ blueprint: "entra-id-user", checked: 55, changed: 0, missing: 0 });
    } finally {
      release();
      await tenant.close();
      await port.close();
    }
  });
});
