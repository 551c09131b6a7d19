import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/server/db/test-db";
import { createRunStore } from "./run-store";
import { leaseOwnerId } from "./run-owner";
import type { SyncSummary } from "./types";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

/** What finish records of a run that succeeded with nothing to do. */
const summaryOf = (runId: string, scope: string, at: number): SyncSummary =>
  ({ runId, scope, status: "succeeded", dryRun: false, resources: [], errors: [], errorCount: 0, deletion: { skippedReason: null }, failure: null, finishedAt: new Date(at).toISOString() }) as unknown as SyncSummary;

describe("the run history", () => {
  it("keeps the newest finished runs of a scope, leaves queued and running ones and other scopes alone", async () => {
    let clock = Date.parse("2026-12-01T00:00:00Z");
    const runs = createRunStore(t.db, { keepRuns: 3, now: () => clock });
    const owner = leaseOwnerId("cli");
    const other = await runs.start({ scope: "integration:other", trigger: "cli" }, owner);
    await runs.finish(other.id, owner, summaryOf(other.id, "integration:other", clock));
    // A run still queued from long ago (finishedAt null): never pruned.
    const queued = await t.db.syncRun.create({ data: { scope: "integration:a", status: "queued", trigger: "schedule", queuedAt: new Date(clock - 86_400_000) } });
    const finished: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock += 60_000;
      const run = await runs.start({ scope: "integration:a", trigger: "cli" }, owner);
      await runs.finish(run.id, owner, summaryOf(run.id, "integration:a", clock));
      finished.push(run.id);
    }
    const left = await t.db.syncRun.findMany({ where: { scope: "integration:a" }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([queued.id, ...finished.slice(-3)].sort());
    expect(await t.db.syncRun.count({ where: { scope: "integration:other" } })).toBe(1);
  });
});
