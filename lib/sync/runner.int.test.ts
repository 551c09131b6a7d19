/**
 * The server's runner over the demo tenant and demo Port: queued runs claimed and run in
 * the background, refusals, cancel, runs left by a dead process marked interrupted at
 * start-up, and schedules that survive a restart and never overlap a running sync.
 * The runner's clock is injected; ticks are called by the test (no polling timers).
 */
import { hostname } from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedConfigYaml } from "@/lib/mapping";
import { createSyncRunner, type SyncRunnerOptions } from "./runner";
import { projectScope } from "./run-store";
import { startSyncTestBed, type SyncTestBed } from "./testing";
import type { SyncEvent } from "./types";

let bed: SyncTestBed;
let clock: number;
beforeEach(async () => {
  bed = await startSyncTestBed({ tenant: { sizes: { users: 40, groups: 5, applications: 3, servicePrincipals: 4, devices: 0 } } });
  clock = Date.UTC(2026, 5, 1, 12);
});
afterEach(async () => bed.close());

const usersYaml = seedConfigYaml(["users"]).replace('$top: "999"', '$top: "5"');

function runner(overrides: Partial<SyncRunnerOptions> = {}) {
  return createSyncRunner({
    db: bed.database.db,
    loadJob: async (run) => bed.job({ scope: run.scope, yaml: usersYaml }),
    now: () => clock,
    ...overrides,
  });
}

describe("sync runner", () => {
  it("runs a queued run in the background and records it; a second start is refused meanwhile", async () => {
    const r = runner();
    const run = await r.enqueue({ projectId: "p1" });
    expect(run).toMatchObject({ status: "queued", trigger: "button", scope: projectScope("p1") });
    await expect(r.enqueue({ projectId: "p1" })).rejects.toMatchObject({ code: "sync_already_running", status: 409 });
    await r.idle();
    const done = await r.runs.get(run.id);
    expect(done).toMatchObject({ status: "succeeded", trigger: "button" });
    expect(done!.counters[0]).toMatchObject({ kind: "/users", pages: 8, created: 40, state: "done" });
    expect(done!.summary!.deletion.performed).toBe(true);
    // Free again once finished; another project is independent.
    expect((await r.enqueue({ projectId: "p1", dryRun: true })).dryRun).toBe(true);
    await r.idle();
    expect((await r.runs.list(projectScope("p1"))).map((x) => x.status)).toEqual(["succeeded", "succeeded"]);
  });

  it("cancel: a running run stops, is recorded as cancelled, and deleted nothing", async () => {
    const r = runner();
    const run = await r.enqueue({ projectId: "p1" });
    const events: SyncEvent[] = [];
    r.subscribe(run.id, (e) => {
      events.push(e);
      if (e.type === "progress" && e.resource.pages === 2) void r.cancel(run.id);
    });
    await r.idle();
    const record = await r.runs.get(run.id);
    expect(record).toMatchObject({ status: "cancelled" });
    expect(record!.counters[0]!.pages).toBeLessThan(8);
    expect(events.at(-1)).toMatchObject({ type: "run-finished", summary: { status: "cancelled", deletion: { performed: false } } });
    // A queued run is cancelled at once.
    const queued = await r.runs.enqueue({ scope: projectScope("p2"), projectId: "p2", trigger: "button" });
    expect(await r.cancel(queued.id)).toMatchObject({ status: "cancelled" });
  });

  it("a run whose job cannot be built fails with the reason", async () => {
    const r = runner({ loadJob: async () => Promise.reject(Object.assign(new Error("x"), { code: "sync_no_mapping" })) });
    const run = await r.enqueue({ projectId: "p1" });
    await r.idle();
    expect(await r.runs.get(run.id)).toMatchObject({ status: "failed", errorCount: 1 });
  });

  it("at start-up, runs left running by a dead process or with an expired lease are marked interrupted, their slot freed", async () => {
    const db = bed.database.db;
    const dead = await db.syncRun.create({ data: { scope: projectScope("p1"), projectId: "p1", status: "running", trigger: "button", leaseOwner: `server:${hostname()}:999999:abcd1234`, leaseExpiresAt: new Date(clock + 60_000) } });
    await db.syncActiveRun.create({ data: { scope: projectScope("p1"), runId: dead.id } });
    const expired = await db.syncRun.create({ data: { scope: projectScope("p2"), projectId: "p2", status: "running", trigger: "schedule", leaseOwner: "server:other-host:1:abcd1234", leaseExpiresAt: new Date(clock - 1) } });
    const alive = await db.syncRun.create({ data: { scope: projectScope("p3"), projectId: "p3", status: "running", trigger: "button", leaseOwner: "server:other-host:1:ffff0000", leaseExpiresAt: new Date(clock + 60_000) } });

    const r = runner();
    await r.tick();
    await r.idle();
    for (const id of [dead.id, expired.id]) {
      const run = await r.runs.get(id);
      expect(run).toMatchObject({ status: "interrupted" });
      expect(run!.deletionSkipped).toMatch(/nothing was deleted/);
    }
    expect((await r.runs.get(alive.id))!.status).toBe("running");
    expect(await db.syncActiveRun.findUnique({ where: { scope: projectScope("p1") } })).toBeNull();
    expect((await r.enqueue({ projectId: "p1" })).status).toBe("queued");
    await r.idle();
  });
});

describe("sync schedule", () => {
  it("runs every N minutes from its persisted next time, across a restart, skipping a slot that would overlap", async () => {
    const first = runner();
    const schedule = await first.schedules.set("p1", { intervalMinutes: 15 });
    expect(schedule.nextRunAt).toBe(new Date(clock + 15 * 60_000).toISOString());
    await first.tick();
    expect(await first.runs.list(projectScope("p1"))).toHaveLength(0);

    clock += 15 * 60_000;
    await first.tick();
    await first.idle();
    const runs = await first.runs.list(projectScope("p1"));
    expect(runs.map((r) => [r.trigger, r.status])).toEqual([["schedule", "succeeded"]]);
    expect((await first.schedules.get("p1"))!.nextRunAt).toBe(new Date(clock + 15 * 60_000).toISOString());

    // A restart: a new runner reads the same schedule; two missed slots give one run.
    const second = runner();
    clock += 40 * 60_000;
    // A sync of the project is still going (started elsewhere): the due slot is skipped.
    const busy = await second.runs.start({ scope: projectScope("p1"), projectId: "p1", trigger: "button" }, "server:other-host:2:00000000");
    await second.tick();
    const skipped = await second.schedules.get("p1");
    expect(skipped!.lastSkippedAt).toBe(new Date(clock).toISOString());
    expect(skipped!.nextRunAt).toBe(new Date(clock + 5 * 60_000).toISOString());
    expect(await second.runs.list(projectScope("p1"))).toHaveLength(2);

    await bed.database.db.syncRun.update({ where: { id: busy.id }, data: { status: "succeeded" } });
    await bed.database.db.syncActiveRun.deleteMany({ where: { runId: busy.id } });
    clock += 5 * 60_000;
    await second.tick();
    await second.idle();
    expect((await second.runs.list(projectScope("p1"))).filter((r) => r.trigger === "schedule")).toHaveLength(2);
  });

  it("the schedule of a project that no longer exists ends with its failed run", async () => {
    const gone = Object.assign(new Error("The project of this sync no longer exists."), { code: "project_not_found" });
    const r = runner({ loadJob: async () => Promise.reject(gone) });
    await r.schedules.set("deleted", { intervalMinutes: 5 });
    clock += 5 * 60_000;
    await r.tick();
    await r.idle();
    expect((await r.runs.list(projectScope("deleted")))[0]).toMatchObject({ trigger: "schedule", status: "failed" });
    expect(await r.schedules.get("deleted")).toBeNull();
  });

  it("refuses an interval it cannot keep", async () => {
    await expect(runner().schedules.set("p1", { intervalMinutes: 1 })).rejects.toMatchObject({ code: "invalid_schedule" });
  });
});
