/** A stored run (lib/sync's record) as the Sync page's views: slim for the history, whole for the detail. */
import type { SyncRunRecord } from "../sync/run-record";
import { emptyCounters, totalsOf } from "../sync/types";
import type { SyncRunDetail, SyncRunView } from "./sync-contracts";

export function runView(record: SyncRunRecord): SyncRunView {
  // The summary's counters are final; the row's are the last saved progress.
  const counters = record.summary?.resources ?? record.counters;
  const started = record.startedAt ? Date.parse(record.startedAt) : null;
  const finished = record.finishedAt ? Date.parse(record.finishedAt) : null;
  return {
    id: record.id,
    status: record.status,
    trigger: record.trigger,
    dryRun: record.dryRun,
    verify: record.verify,
    cancelRequested: record.cancelRequested,
    queuedAt: record.queuedAt,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    durationMs: record.summary?.durationMs ?? (started !== null && finished !== null ? Math.max(0, finished - started) : null),
    counters,
    totals: record.summary?.totals ?? totalsOf(counters.length ? counters : [emptyCounters(0, "")]),
    errorCount: record.errorCount,
    deletionSkipped: record.dryRun ? null : record.deletionSkipped,
    failure: record.failure,
  };
}

export function runDetail(record: SyncRunRecord): SyncRunDetail {
  const s = record.summary;
  return {
    ...runView(record),
    errors: s?.errors ?? record.errors,
    warnings: s?.warnings ?? [],
    deletion: s?.deletion ?? null,
    blueprints: s?.blueprints ?? null,
    plan: s?.plan ?? null,
    drift: s?.drift ?? null,
    portWrites: s?.portWrites ?? null,
  };
}
