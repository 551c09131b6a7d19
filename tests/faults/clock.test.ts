/**
 * The clock jumping (an NTP correction, a suspended laptop, a VM restored), with the
 * server's runner on a clock it is given, syncing the demo tenant into the demo Port over
 * real HTTP: one catch-up run after a forward jump (not one per missed slot), no stall
 * after a backward jump, and a run in progress is neither taken for dead nor overlapped.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientCredentialsTokenProvider, createGraphClient } from "@/lib/graph";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT } from "@/lib/simulators/graph/credentials";
import { serveDemoTenant } from "@/lib/simulators/graph/testing";
import { SEED_RESOURCES } from "@/lib/mapping";
import { fakeClock, type FakeClock } from "@/lib/simulators/port/testing";
import { projectScope } from "@/lib/sync/run-store";
import { createSyncRunner } from "@/lib/sync/runner";
import { startSyncTestBed, type SyncTestBed } from "@/lib/sync/testing";

const PROJECT = "clock-project";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const usersYaml = () => `resources:\n${SEED_RESOURCES.users.replace('$top: "999"', '$top: "10"')}`;

let bed: SyncTestBed;
let clock: FakeClock;
let runner: ReturnType<typeof createSyncRunner>;

beforeEach(async () => {
  bed = await startSyncTestBed({ tenant: { sizes: { users: 30, groups: 0, applications: 0, servicePrincipals: 0, devices: 0 } } });
  clock = fakeClock(Date.now());
  runner = createSyncRunner({
    db: bed.database.db,
    now: clock.now,
    databaseFile: bed.database.file,
    loadJob: () => Promise.resolve(bed.job({ yaml: usersYaml(), scope: projectScope(PROJECT) })),
  });
});
afterEach(async () => {
  await runner.stop();
  await bed.close();
});

const scheduledRuns = async () => (await runner.runs.list(projectScope(PROJECT))).filter((r) => r.trigger === "schedule");

/** One runner pass and the run it started, to its end. */
async function tickAndSettle(): Promise<void> {
  await runner.tick();
  await runner.idle();
}

describe("the clock jumping", () => {
  it("forward an hour between scheduled runs: one catch-up run, not one per missed slot", async () => {
    await runner.schedules.set(PROJECT, { intervalMinutes: 5 });
    clock.advance(HOUR);
    await tickAndSettle();
    await tickAndSettle();
    const runs = await scheduledRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe("succeeded");
    // The rhythm goes on from the new time: the next slot is within one interval.
    const next = Date.parse((await runner.schedules.get(PROJECT))!.nextRunAt);
    expect(next - clock.now()).toBeGreaterThan(0);
    expect(next - clock.now()).toBeLessThanOrEqual(5 * MINUTE);
  });

  it("backward an hour between scheduled runs: the next run still comes within one interval", async () => {
    await runner.schedules.set(PROJECT, { intervalMinutes: 5 });
    clock.advance(5 * MINUTE);
    await tickAndSettle();
    expect(await scheduledRuns()).toHaveLength(1);
    clock.advance(-HOUR);
    await tickAndSettle(); // the runner's next poll
    expect(await scheduledRuns()).toHaveLength(1);
    clock.advance(5 * MINUTE + 1000);
    await tickAndSettle();
    expect(await scheduledRuns()).toHaveLength(2);
  });

  it("forward an hour during a run: the run is not taken for dead, and the due slot does not start a second one", async () => {
    await runner.schedules.set(PROJECT, { intervalMinutes: 5 });
    let jumped = false;
    const started = await runner.enqueue({ projectId: PROJECT });
    runner.subscribe(started.id, (e) => {
      if (jumped || e.type !== "progress" || e.resource.pages < 1) return;
      jumped = true;
      clock.advance(HOUR);
      void runner.tick();
    });
    await runner.idle();
    expect(jumped).toBe(true);
    expect((await runner.runs.get(started.id))!.status).toBe("succeeded");
    // The slot that came due during the run was skipped, not run on top of it.
    expect((await runner.schedules.get(PROJECT))!.lastSkippedAt).not.toBeNull();
    expect(await scheduledRuns()).toHaveLength(0);
  });

  it("backward an hour during a run: the run completes and the schedule keeps going", async () => {
    await runner.schedules.set(PROJECT, { intervalMinutes: 5 });
    let jumped = false;
    const started = await runner.enqueue({ projectId: PROJECT });
    runner.subscribe(started.id, (e) => {
      if (jumped || e.type !== "progress" || e.resource.pages < 1) return;
      jumped = true;
      clock.advance(-HOUR);
    });
    await runner.idle();
    expect((await runner.runs.get(started.id))!.status).toBe("succeeded");
    clock.advance(5 * MINUTE + 1000);
    await tickAndSettle();
    expect(await scheduledRuns()).toHaveLength(1);
  });
});

describe("the clock jumping past a Graph token's expiry", () => {
  it("forward an hour: the cached token is renewed, not sent expired", async () => {
    const graphClock = fakeClock(Date.now());
    // The tenant on the same clock, so a token older than its lifetime is refused as Entra would.
    const tenant = await serveDemoTenant({ now: graphClock.now, sizes: { users: 5, groups: 0, applications: 0, servicePrincipals: 0, devices: 0 } });
    try {
      const tokens = clientCredentialsTokenProvider({
        cloud: "global", tenantId: DEMO_TENANT, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET,
        loginBaseUrl: tenant.loginBaseUrl, simulatorOrigins: [tenant.origin], now: graphClock.now,
      });
      const graph = createGraphClient({ cloud: "global", tokenProvider: tokens, graphBaseUrl: tenant.graphBaseUrl, simulatorOrigins: [tenant.origin] });
      const before = await tokens.getToken();
      expect((await graph.request<{ value: unknown[] }>("/users")).body.value).toHaveLength(5);
      expect(await tokens.getToken()).toBe(before);
      expect(tenant.sim.stats).toEqual({ token: 1, graph: 1 });

      graphClock.advance(HOUR + MINUTE);
      const after = await tokens.getToken();
      expect(after).not.toBe(before);
      expect((await graph.request<{ value: unknown[] }>("/users")).body.value).toHaveLength(5);
      // One new token and one Graph request: the expired token was not tried first (a 401 and a retry).
      expect(tenant.sim.stats).toEqual({ token: 2, graph: 2 });
    } finally {
      await tenant.close();
    }
  });
});
