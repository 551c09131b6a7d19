/**
 * A sync killed mid-run (SIGKILL: no handler runs, no finally, no last flush), over real
 * HTTP against the demo tenant and a demo Port, state in a real SQLite file: at the next
 * start-up the run is marked interrupted with nothing deleted, the state never claims
 * what Port does not hold, and the next run ends with exactly what `cli map` predicts,
 * deleting only what left Entra ID (the entities the killed run wrote included).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedConfigYaml } from "@/lib/mapping";
import { seedBlueprints } from "@/lib/schema";
import { createDb, type Db } from "@/lib/server/db";
import { serveDemoTenant, type ServedDemoTenant } from "@/lib/simulators/graph/testing";
import { createSyncRunner } from "@/lib/sync/runner";
import { cliMapPrediction, oceanEnv, queryOf, serveWatchedPort, spawnCli, stateRowFingerprint, writeFile, type WatchedPort } from "./support";

const USERS = 200;
const USER_QUERY = { $top: "10" };
let dir: string;
let tenant: ServedDemoTenant;
let port: WatchedPort;
let db: Db | null = null;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "faults-kill-"));
  [tenant, port] = await Promise.all([serveDemoTenant({ sizes: { users: USERS, groups: 0, applications: 0, servicePrincipals: 0, devices: 0 } }), serveWatchedPort()]);
});
afterEach(async () => {
  await db?.$disconnect();
  db = null;
  await Promise.all([tenant.close(), port.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe("a sync killed mid-run", () => {
  it("is marked interrupted at start-up, deletes nothing, keeps state true to Port, and the next run is correct", async () => {
    const config = writeFile(dir, "users.yml", seedConfigYaml(["users"]).replace('$top: "999"', `$top: "${USER_QUERY.$top}"`));
    const blueprints = writeFile(dir, "blueprints.json", JSON.stringify(seedBlueprints()));
    const env = oceanEnv(tenant, port.baseUrl, dir);
    const argv = ["sync", "--config", config, "--blueprints", blueprints];

    const killed = spawnCli(argv, env);
    port.onUpsert = (n) => {
      if (n === 6) killed.proc.kill("SIGKILL");
    };
    const end = await killed.done;
    port.onUpsert = null;
    expect(end.signal).toBe("SIGKILL");
    const written = await port.holdings("entra-id-user");
    expect(written.size).toBeGreaterThanOrEqual(60);
    expect(written.size).toBeLessThan(USERS);
    expect(port.counts.deletes).toBe(0);

    db = createDb(env.DATABASE_URL!);
    const [left] = await db.syncRun.findMany();
    expect(left).toMatchObject({ status: "running" });

    // Start-up: the runner's first tick marks what a dead process left running.
    const runner = createSyncRunner({ db, loadJob: () => Promise.reject(new Error("no job expected")) });
    await runner.tick();
    const reaped = await runner.runs.get(left!.id);
    expect(reaped).toMatchObject({ status: "interrupted", failure: { code: "sync_interrupted" } });
    expect(reaped!.deletionSkipped).toMatch(/nothing was deleted/);
    expect(await db.syncActiveRun.count()).toBe(0);

    // The state never says "Port holds this content" when Port does not, and knows every
    // entity the killed run got into Port (a row without fingerprint: "maybe written").
    const rows = await db.syncEntityState.findMany({ where: { scope: "integration:entra-id-faults" } });
    for (const row of rows.filter((r) => r.fingerprint !== "")) expect(written.get(row.identifier), row.identifier).toBe(stateRowFingerprint(row));
    const known = new Set(rows.map((r) => r.identifier));
    expect([...written.keys()].filter((id) => !known.has(id))).toEqual([]);

    // Meanwhile in Entra ID: three users the killed run had written leave, two change.
    const writtenIds = [...written.keys()].sort();
    const removed = writtenIds.slice(0, 3);
    for (const id of removed) tenant.sim.mutate.remove("users", id);
    for (const id of writtenIds.slice(3, 5)) tenant.sim.mutate.update("users", id, { jobTitle: "Moved" });

    const next = await spawnCli(argv, env).done;
    expect(next.code, next.stderr).toBe(0);
    expect((JSON.parse(next.stdout.trim().split("\n").pop()!) as { status: string }).status).toBe("succeeded");

    const predicted = await cliMapPrediction(tenant, dir, config, "/users", queryOf(seedConfigYaml(["users"]), USER_QUERY));
    const held = await port.holdings("entra-id-user");
    expect(new Map([...held].sort())).toEqual(new Map([...predicted.get("entra-id-user")!].sort()));
    expect(held.size).toBe(USERS - 3);
    expect(port.deleted.sort()).toEqual(removed);
  }, 120_000);
});

