/**
 * Runs one claimed run to its end, the same way for the server's runner and the command
 * line: renews the lease while the pipeline works (a cancel asked through the database
 * is seen at each renewal), saves progress to the row, and records the outcome.
 */
import { toErrorShape } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { runSync, type SyncJob } from "./pipeline";
import { DEFAULT_LEASE_MS, type RunStore } from "./run-store";
import { type SyncRunRecord } from "./run-record";
import { DEFAULT_DELETION_THRESHOLD } from "./reconcile";
import { totalsOf, emptyCounters, type SyncEvent, type SyncSummary } from "./types";

export interface ExecuteOptions {
  db: Db;
  runs: RunStore;
  /** A run in status running under `owner`'s lease (from `claim` or `start`). */
  run: SyncRunRecord;
  owner: string;
  job: SyncJob;
  leaseMs?: number;
  /** Cancels from this process (Ctrl-C, the runner's cancel). */
  signal?: AbortSignal;
  onEvent?: (event: SyncEvent) => void;
  now?: () => number;
  /** The SQLite file behind `db` (see RunContext.databaseFile). */
  databaseFile?: string;
}

/** The summary of a run that could not even start its pipeline. */
export function failedSummary(run: SyncRunRecord, kinds: readonly string[], error: unknown, now = Date.now()): SyncSummary {
  const failure = toErrorShape(error);
  const resources = kinds.map((k, i) => ({ ...emptyCounters(i, k), state: "failed" as const }));
  const at = new Date(now).toISOString();
  return {
    runId: run.id,
    scope: run.scope,
    status: "failed",
    dryRun: run.dryRun,
    resources,
    totals: totalsOf(resources),
    deletion: { performed: false, skippedReason: `The run failed before it could read anything: ${failure.message}`, previous: 0, stale: 0, threshold: DEFAULT_DELETION_THRESHOLD, deleted: 0, refused: 0 },
    blueprints: null,
    plan: null,
    drift: null,
    errors: [{ stage: "run", ...failure }],
    errorCount: 1,
    warnings: [],
    portWrites: { upsertRequests: 0, deleteRequests: 0 },
    startedAt: run.startedAt ?? at,
    finishedAt: at,
    durationMs: 0,
    failure,
  };
}

export async function executeRun(o: ExecuteOptions): Promise<SyncSummary> {
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  const cancel = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, cancel.signal]) : cancel.signal;
  const renewal = setInterval(() => {
    o.runs.renew(o.run.id, o.owner, leaseMs).then(
      ({ held, cancelRequested }) => {
        // Lost lease: another process marked the run interrupted; stop writing for it.
        if (!held || cancelRequested) cancel.abort(new Error(held ? "cancel requested" : "lease lost"));
      },
      () => undefined, // a failed renewal is retried at the next tick
    );
  }, Math.max(50, Math.floor(leaseMs / 3)));
  renewal.unref?.();
  const kinds = o.job.config.resources.map((r) => r.kind);
  let summary: SyncSummary;
  try {
    const expectedItems = await o.runs.expectedItems(o.run.scope, kinds);
    summary = await runSync(o.job, {
      db: o.db,
      runId: o.run.id,
      dryRun: o.run.dryRun,
      verify: o.run.verify,
      signal,
      onEvent: o.onEvent,
      persist: (snapshot) => o.runs.saveProgress(o.run.id, o.owner, snapshot),
      expectedItems,
      now: o.now,
      databaseFile: o.databaseFile,
    });
  } catch (error) {
    summary = failedSummary(o.run, kinds, error, (o.now ?? Date.now)());
  } finally {
    clearInterval(renewal);
  }
  await o.runs.finish(o.run.id, o.owner, summary);
  return summary;
}
