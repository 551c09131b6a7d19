/**
 * The sync's database under faults, over real HTTP against the demo tenant and the demo
 * Port, in a real SQLite file: locked by another connection (BEGIN EXCLUSIVE) and full
 * (PRAGMA max_page_count). A clear failure (what, where, what to do), nothing deleted,
 * no state that claims what Port does not hold, and the next run correct once the fault
 * is gone.
 */
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { SEED_RESOURCES } from "@/lib/mapping";
import { executeRun } from "@/lib/sync/execute";
import { createRunStore } from "@/lib/sync/run-store";
import { leaseOwnerId } from "@/lib/sync/run-owner";
import { startSyncTestBed, type SyncTestBed } from "@/lib/sync/testing";
import type { SyncSummary } from "@/lib/sync/types";
import { stateRowFingerprint } from "./support";

const USERS = 60;
const usersYaml = () => `resources:\n${SEED_RESOURCES.users.replace('$top: "999"', '$top: "10"')}`;

let bed: SyncTestBed;
beforeEach(async () => {
  bed = await startSyncTestBed({ tenant: { sizes: { users: USERS, groups: 0, applications: 0, servicePrincipals: 0, devices: 0 } } });
});
afterEach(async () => bed.close());

async function portUsers(): Promise<Map<string, string>> {
  const { entityFingerprint } = await import("@/lib/port");
  const out = new Map<string, string>();
  for await (const page of bed.portClient().listEntities("entra-id-user")) for (const e of page) out.set(e.identifier, entityFingerprint(e));
  return out;
}

/** No state row claims content Port does not hold (a row without fingerprint is "maybe written"). */
async function expectStateTrueToPort(): Promise<void> {
  const held = await portUsers();
  for (const row of await bed.database.db.syncEntityState.findMany()) if (row.fingerprint) expect(held.get(row.identifier), row.identifier).toBe(stateRowFingerprint(row));
}

describe("the database locked by another connection", () => {
  it("a sync cannot start: refused with a clear message, nothing written to Port; the next run is correct once it is free", async () => {
    const lock = new Database(bed.database.file);
    lock.exec("BEGIN EXCLUSIVE");
    try {
      const refused = await bed.sync({ job: bed.job({ yaml: usersYaml() }) }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isAppError(refused) && refused.toJSON()).toMatchObject({ code: "database_locked", message: expect.stringMatching(/locked by another connection/), hint: expect.stringMatching(/Close what holds the database/) });
      expect(bed.writes.upserts).toBe(0);
    } finally {
      lock.exec("COMMIT");
      lock.close();
    }
    const next = await bed.sync({ job: bed.job({ yaml: usersYaml() }) });
    expect(next.status).toBe("succeeded");
    expect((await portUsers()).size).toBe(USERS);
  }, 60_000);

  it("held for a moment mid-run: the run waits for it and completes; the state is true to Port", async () => {
    const lock = new Database(bed.database.file);
    let held = false;
    const run = await bed.sync({
      job: bed.job({ yaml: usersYaml() }),
      onEvent: (e) => {
        if (held || e.type !== "progress" || e.resource.pages < 2) return;
        held = true;
        lock.exec("BEGIN EXCLUSIVE");
        setTimeout(() => lock.exec("COMMIT"), 1500);
      },
    });
    lock.close();
    expect(held).toBe(true);
    expect(run.status).toBe("succeeded");
    expect((await portUsers()).size).toBe(USERS);
    await expectStateTrueToPort();
    const again = await bed.sync({ job: bed.job({ yaml: usersYaml() }) });
    expect(again).toMatchObject({ status: "succeeded", portWrites: { upsertRequests: 0, deleteRequests: 0 } });
  }, 60_000);
});

describe("the database full", () => {
  /** One run through Prisma alone (the state on the app's connection, where the cap is set). */
  async function syncOnPrisma(onEvent?: Parameters<typeof executeRun>[0]["onEvent"]): Promise<SyncSummary> {
    const runs = createRunStore(bed.database.db);
    const owner = leaseOwnerId("cli");
    const record = await runs.start({ scope: "integration:test", trigger: "cli" }, owner);
    return executeRun({ db: bed.database.db, runs, run: record, owner, job: bed.job({ yaml: usersYaml() }), onEvent });
  }
  const pages = async () => Number((await bed.database.db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count"))[0]!.page_count);
  const capPages = (n: number) => bed.database.db.$queryRawUnsafe(`PRAGMA max_page_count = ${n}`);

  it("mid-run: the run fails with a clear message and is recorded, nothing is deleted, the next run is correct", async () => {
    let capped = false;
    const run = await syncOnPrisma((e) => {
      if (capped || e.type !== "progress" || e.resource.pages < 1) return;
      capped = true;
      void pages().then(capPages);
    });
    expect(capped).toBe(true);
    expect(run.status).toMatch(/failed|partial/);
    expect(run.errors.find((e) => e.code === "database_full")).toMatchObject({ message: expect.stringMatching(/database.*is full/), hint: expect.stringMatching(/Free disk space/) });
    expect(run.deletion).toMatchObject({ performed: false, deleted: 0 });
    expect(bed.writes.deletes).toBe(0);
    const recorded = await createRunStore(bed.database.db).get(run.runId);
    expect(recorded?.status).toMatch(/failed|partial/);
    expect(await bed.database.db.syncActiveRun.count()).toBe(0);
    await expectStateTrueToPort();

    await capPages(1_000_000);
    const next = await syncOnPrisma();
    expect(next.status).toBe("succeeded");
    expect(next.resources[0]).toMatchObject({ entities: USERS, deleted: 0 });
    const held = await portUsers();
    expect(held.size).toBe(USERS);
    await expectStateTrueToPort();
    expect((await syncOnPrisma()).portWrites.upsertRequests).toBe(0);
  }, 60_000);
});
