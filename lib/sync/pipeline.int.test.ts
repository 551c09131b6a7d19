/**
 * The sync engine end to end over real HTTP: the demo tenant and the demo Port on
 * loopback, a fresh database, the Node jq pool. Small tenants keep the file fast.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { entityFingerprint } from "@/lib/port";
import { startSyncTestBed, type SyncTestBed } from "./testing";

const SIZES = { users: 60, groups: 12, applications: 8, servicePrincipals: 14, devices: 0 };

let bed: SyncTestBed;
beforeEach(async () => {
  bed = await startSyncTestBed({ tenant: { sizes: SIZES } });
});
afterEach(async () => bed.close());

async function portEntities(blueprint: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const page of bed.portClient().listEntities(blueprint)) for (const e of page) out.set(e.identifier, entityFingerprint(e));
  return out;
}

describe("sync pipeline", () => {
  it("writes every entity once, then a resync with no change writes nothing", async () => {
    const first = await bed.sync();
    expect(first.status).toBe("succeeded");
    expect(first.resources.map((r) => [r.kind, r.state, r.entities, r.created])).toEqual([
      ["/users", "done", 60, 60],
      ["/groups", "done", 12, 12],
      ["/applications", "done", 8, 8],
      ["/servicePrincipals", "done", 14, 14],
    ]);
    expect((await portEntities("entra-id-user")).size).toBe(60);
    expect(first.deletion).toMatchObject({ performed: true, stale: 0, deleted: 0 });

    const before = bed.writes.upserts;
    const second = await bed.sync();
    expect(second.status).toBe("succeeded");
    expect(second.totals).toMatchObject({ entities: 94, created: 0, updated: 0, unchanged: 94, deleted: 0 });
    expect(bed.writes.upserts - before).toBe(0);
    expect(second.portWrites).toEqual({ upsertRequests: 0, deleteRequests: 0 });
  });
});

describe("changes in Entra ID", () => {
  it("after 10 users change and 5 disappear: 10 updates, 5 deletions, nothing else", async () => {
    await bed.sync();
    const tenant = bed.tenant.sim;
    const ids = [...(await portEntities("entra-id-user")).keys()].sort();
    for (const id of ids.slice(0, 10)) tenant.mutate.update("users", id, { jobTitle: `Changed ${id.slice(0, 4)}` });
    for (const id of ids.slice(10, 15)) tenant.mutate.remove("users", id);
    const upsertsBefore = bed.writes.upserts;

    const run = await bed.sync();
    expect(run.status).toBe("succeeded");
    expect(run.totals).toMatchObject({ created: 0, updated: 10, deleted: 5, failed: 0, unchanged: 94 - 15 });
    expect(run.resources[0]).toMatchObject({ kind: "/users", updated: 10, deleted: 5, unchanged: 45 });
    expect(run.deletion).toMatchObject({ performed: true, previous: 94, stale: 5, deleted: 5, refused: 0 });
    // 10 entities fit one bulk: one upsert request for them, none for the 79 unchanged.
    expect(bed.writes.upserts - upsertsBefore).toBe(1);
    const users = await portEntities("entra-id-user");
    expect(users.size).toBe(55);
    for (const id of ids.slice(10, 15)) expect(users.has(id)).toBe(false);
  });

  it("dry run: the plan per blueprint with a property-level diff, and nothing written or deleted", async () => {
    await bed.sync();
    const ids = [...(await portEntities("entra-id-user")).keys()].sort();
    bed.tenant.sim.mutate.update("users", ids[0]!, { jobTitle: "Chief Tester", department: null });
    bed.tenant.sim.mutate.remove("users", ids[1]!);
    const writes = { ...bed.writes };

    const dry = await bed.sync({ dryRun: true });
    expect(dry.status).toBe("succeeded");
    expect(bed.writes).toEqual(writes);
    const users = dry.plan!.find((p) => p.blueprint === "entra-id-user")!;
    expect(users).toMatchObject({ create: 0, update: 1, unchanged: 58, delete: 1 });
    expect(users.examples.update[0]!.identifier).toBe(ids[0]);
    const changes = users.examples.update[0]!.changes!;
    expect(changes.map((c) => c.path).sort()).toEqual(["properties.department", "properties.jobTitle"]);
    expect(changes.find((c) => c.path === "properties.jobTitle")!.after).toBe("Chief Tester");
    expect(changes.find((c) => c.path === "properties.department")!.after).toBeNull();
    expect(users.examples.delete.map((e) => e.identifier)).toEqual([ids[1]]);
    expect(dry.plan!.find((p) => p.blueprint === "entra-id-group")).toMatchObject({ create: 0, update: 0, delete: 0, unchanged: 12 });
    expect(dry.deletion).toMatchObject({ performed: false, stale: 1, skippedReason: null });

    // The dry run changed nothing: the real run still has the update and the deletion to do.
    const real = await bed.sync();
    expect(real.totals).toMatchObject({ updated: 1, deleted: 1, created: 0 });
  });

  it("verify against Port: drift changed by hand and missing in Port, repaired by the next real run", async () => {
    await bed.sync();
    const ids = [...(await portEntities("entra-id-user")).keys()].sort();
    const port = bed.portClient();
    await port.upsertEntities("entra-id-user", [{ identifier: ids[0]!, properties: { jobTitle: "Edited in Port" }, relations: {} }]);
    await port.deleteEntities("entra-id-user", [ids[1]!]);

    const dry = await bed.sync({ dryRun: true, verify: true });
    const drift = dry.drift!.find((d) => d.blueprint === "entra-id-user")!;
    expect(drift).toMatchObject({ checked: 59, changed: 1, missing: 1, unmanaged: 0 });
    expect(drift.examples.changed[0]).toMatchObject({ identifier: ids[0], changes: [{ path: "properties.jobTitle", after: "Edited in Port" }] });
    expect(drift.examples.missing.map((m) => m.identifier)).toEqual([ids[1]]);
    expect(dry.drift!.find((d) => d.blueprint === "entra-id-group")).toMatchObject({ changed: 0, missing: 0 });

    const repair = await bed.sync({ verify: true });
    expect(repair.status).toBe("succeeded");
    expect(repair.totals).toMatchObject({ updated: 2, created: 0, deleted: 0 });
    const after = await bed.sync({ dryRun: true, verify: true });
    expect(after.drift!.find((d) => d.blueprint === "entra-id-user")).toMatchObject({ checked: 60, changed: 0, missing: 0 });
  });
});
