/**
 * The sync when things go wrong, over real HTTP against the demo tenant and the demo
 * Port with their fault injection: nothing is deleted after any error, a cancel or over
 * the threshold; retries and token renewal carry a run through; a refused deletion is
 * reported with Port's reason.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { SEED_RESOURCES, seedConfigYaml } from "@/lib/mapping";
import type { BlueprintInput } from "@/lib/port";
import { seedBlueprints } from "@/lib/schema";
import { fakeClock } from "@/lib/simulators/port/testing";
import { FOUR_SEED_RESOURCES, startSyncTestBed, type SyncTestBed } from "./testing";

const SIZES = { users: 60, groups: 12, applications: 8, servicePrincipals: 14, devices: 0 };
/** The users resource alone, 10 per page (6 pages for 60 users). */
const usersYaml = (head = "") => `${head}resources:\n${SEED_RESOURCES.users.replace('$top: "999"', '$top: "10"')}`;

let bed: SyncTestBed;
beforeEach(async () => {
  bed = await startSyncTestBed({ tenant: { sizes: SIZES } });
});
afterEach(async () => bed.close());

async function userIds(): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of bed.portClient().listEntities("entra-id-user")) ids.push(...page.map((e) => e.identifier));
  return ids.sort();
}

describe("no deletion after an error", () => {
  it("Graph failing mid-pagination past its retries: the run fails, nothing is deleted", async () => {
    await bed.sync({ job: bed.job({ yaml: usersYaml() }) });
    const ids = await userIds();
    for (const id of ids.slice(0, 5)) bed.tenant.sim.mutate.remove("users", id);
    bed.tenant.sim.faults.add({ fault: { type: "status", status: 503 }, path: "/users", after: 2, times: 1000 });
    const waits: number[] = [];

    const run = await bed.sync({ job: bed.job({ yaml: usersYaml(), graphOptions: { onWait: (ms) => void waits.push(ms) } }) });
    expect(["failed", "partial"]).toContain(run.status);
    expect(run.resources[0]).toMatchObject({ state: "failed", pages: 2 });
    expect(run.errors[0]).toMatchObject({ stage: "fetch", resource: 0, status: 503 });
    expect(waits.length).toBeGreaterThan(0); // it retried before giving up
    expect(run.deletion).toMatchObject({ performed: false, deleted: 0 });
    expect(run.deletion.skippedReason).toMatch(/error/);
    expect(bed.writes.deletes).toBe(0);
    expect(await userIds()).toEqual(ids);
  });

  it("a Port 429 storm and 207 per-entity errors: retried honouring Retry-After, the rest written, nothing deleted", async () => {
    // Guests break the blueprint's enum: Port answers 207 with an error per guest.
    const blueprints = seedBlueprints() as BlueprintInput[];
    blueprints[0]!.schema!.properties!.userType = { type: "string", enum: ["Member"] };
    const clock = fakeClock();
    const job = () => bed.job({ yaml: usersYaml(), blueprints, port: bed.portClient({ sleep: clock.sleep, now: clock.now }) });
    bed.port.demo.faults.add({ kind: "status", status: 429, retryAfterSeconds: 2, match: /^POST \/v1\/blueprints\/[^/]+\/entities\/bulk$/, times: 12 });

    const first = await bed.sync({ job: job() });
    expect(clock.sleeps.filter((ms) => ms >= 2000).length).toBeGreaterThanOrEqual(12);
    const guests = first.errors.filter((e) => e.stage === "write");
    expect(guests.length).toBeGreaterThan(0);
    expect(guests[0]).toMatchObject({ blueprint: "entra-id-user", status: 422 });
    expect(first.status).toBe("partial");
    expect(first.resources[0]).toMatchObject({ entities: 60, created: 60 - guests.length, failed: guests.length });
    expect((await userIds()).length).toBe(60 - guests.length);

    // Users gone from Entra ID stay in Port while any entity fails.
    const ids = await userIds();
    for (const id of ids.slice(0, 3)) bed.tenant.sim.mutate.remove("users", id);
    const second = await bed.sync({ job: job() });
    expect(second.status).toBe("failed"); // nothing new could be written
    expect(second.deletion).toMatchObject({ performed: false, stale: 3, deleted: 0 });
    expect(second.deletion.skippedReason).toMatch(/nothing was deleted/);
    expect(bed.writes.deletes).toBe(0);
    expect(await userIds()).toEqual(ids);
  });

  it("token expiry mid-run with client credentials: the token is renewed and the run completes", async () => {
    bed.tenant.sim.faults.add({ fault: { type: "expireTokens" }, path: "/users", after: 3 });
    const tokensBefore = bed.tenant.sim.stats.token;
    const run = await bed.sync({ job: bed.job({ yaml: usersYaml() }) });
    expect(run.status).toBe("succeeded");
    expect(run.resources[0]).toMatchObject({ pages: 6, created: 60 });
    expect(bed.tenant.sim.stats.token - tokensBefore).toBe(2);
  });
});

describe("cancel and concurrent starts", () => {
  it("cancel mid-run: nothing deleted, the state stays true to Port, the next run is correct", async () => {
    await bed.sync({ job: bed.job({ yaml: usersYaml() }) });
    const ids = await userIds();
    for (const id of ids.slice(0, 4)) bed.tenant.sim.mutate.update("users", id, { jobTitle: "Renamed" });
    for (const id of ids.slice(50, 55)) bed.tenant.sim.mutate.remove("users", id);

    const cancel = new AbortController();
    const run = await bed.sync({
      job: bed.job({ yaml: usersYaml() }),
      signal: cancel.signal,
      onEvent: (e) => {
        if (e.type === "progress" && e.resource.pages >= 2) cancel.abort();
      },
    });
    expect(run.status).toBe("cancelled");
    expect(run.resources[0]!.state).toBe("cancelled");
    expect(run.deletion).toMatchObject({ performed: false, deleted: 0 });
    expect(bed.writes.deletes).toBe(0);
    expect((await userIds()).length).toBe(60);

    const check = await bed.sync({ dryRun: true, verify: true, job: bed.job({ yaml: usersYaml() }) });
    expect(check.drift![0]).toMatchObject({ blueprint: "entra-id-user", changed: 0, missing: 0 });

    const next = await bed.sync({ job: bed.job({ yaml: usersYaml() }) });
    expect(next.status).toBe("succeeded");
    expect(next.resources[0]!.updated + run.resources[0]!.updated).toBe(4);
    expect(next.resources[0]).toMatchObject({ deleted: 5, created: 0 });
    expect((await userIds()).length).toBe(55);
  });

  it("two starts at once: one runs, the other is refused with the reason", async () => {
    const results = await Promise.allSettled([bed.sync(), bed.sync()]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as unknown;
    expect(isAppError(reason) && reason.code).toBe("sync_already_running");
    expect((results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ status: string }>).value.status).toBe("succeeded");
    // The slot is free again once the run ended.
    expect((await bed.sync()).status).toBe("succeeded");
  });
});

describe("deletion limits", () => {
  it("deletions over entityDeletionThreshold: none, with the reason", async () => {
    const yaml = seedConfigYaml(FOUR_SEED_RESOURCES).replace("resources:", "entityDeletionThreshold: 0.2\nresources:");
    await bed.sync({ job: bed.job({ yaml }) });
    const ids = await userIds();
    for (const id of ids.slice(0, 30)) bed.tenant.sim.mutate.remove("users", id);

    const run = await bed.sync({ job: bed.job({ yaml }) });
    expect(run.status).toBe("succeeded");
    expect(run.deletion).toMatchObject({ performed: false, previous: 94, stale: 30, threshold: 0.2, deleted: 0 });
    expect(run.deletion.skippedReason).toMatch(/30 of the 94 .*entityDeletionThreshold/);
    expect(bed.writes.deletes).toBe(0);
    expect(await userIds()).toEqual(ids);
  });

  it("a deletion Port refuses (a required relation points at it) is reported; the others are deleted", async () => {
    const badge: BlueprintInput = {
      identifier: "badge",
      title: "Badge",
      schema: { properties: {} },
      relations: { holder: { target: "entra-id-user", required: true, many: false } },
    };
    const yaml = usersYaml("deleteDependentEntities: false\n");
    await bed.sync({ job: bed.job({ yaml, blueprints: [...(seedBlueprints() as BlueprintInput[]), badge] }) });
    const ids = await userIds();
    const port = bed.portClient();
    await port.upsertEntities("badge", [{ identifier: "badge-1", properties: {}, relations: { holder: ids[0]! } }]);
    bed.tenant.sim.mutate.remove("users", ids[0]!);
    bed.tenant.sim.mutate.remove("users", ids[1]!);

    const run = await bed.sync({ job: bed.job({ yaml }) });
    expect(run.deletion).toMatchObject({ performed: true, stale: 2, deleted: 1, refused: 1 });
    expect(run.errors).toEqual([expect.objectContaining({ stage: "delete", identifier: ids[0], code: "has_dependents" })]);
    expect(run.errors[0]!.message).toMatch(/badge-1/);
    expect(run.status).toBe("partial");
    const left = await userIds();
    expect(left).toContain(ids[0]);
    expect(left).not.toContain(ids[1]);
    // The refused one is still this sync's: the next run tries again (and is refused again).
    const again = await bed.sync({ job: bed.job({ yaml }) });
    expect(again.deletion).toMatchObject({ stale: 1, refused: 1 });
  });
});
