/**
 * A sync run as the app and the command line read it: the SyncRun row with its JSON
 * columns parsed (a column that does not parse reads as empty, never as an error).
 */
import type { Db } from "@/lib/server/db";
import type { ResourceCounters, RunStatus, RunTrigger, SyncErrorEntry, SyncSummary } from "./types";

export interface SyncRunRecord {
  id: string;
  scope: string;
  projectId: string | null;
  status: RunStatus;
  trigger: RunTrigger;
  dryRun: boolean;
  verify: boolean;
  cancelRequested: boolean;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  counters: ResourceCounters[];
  errors: SyncErrorEntry[];
  errorCount: number;
  deletionSkipped: string | null;
  summary: SyncSummary | null;
  failure: { code: string; message: string; hint?: string } | null;
}

export interface NewRun {
  scope: string;
  projectId?: string | null;
  trigger: RunTrigger;
  dryRun?: boolean;
  verify?: boolean;
}

export type Row = NonNullable<Awaited<ReturnType<Db["syncRun"]["findUnique"]>>>;

/** A JSON column, or `fallback` when it is empty or does not parse. */
export function parseColumn<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toRecord(row: Row): SyncRunRecord {
  return {
    id: row.id,
    scope: row.scope,
    projectId: row.projectId,
    status: row.status as RunStatus,
    trigger: row.trigger as RunTrigger,
    dryRun: row.dryRun,
    verify: row.verify,
    cancelRequested: row.cancelRequested,
    queuedAt: row.queuedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    counters: parseColumn(row.counters, []),
    errors: parseColumn(row.errors, []),
    errorCount: row.errorCount,
    deletionSkipped: row.deletionSkipped,
    summary: parseColumn(row.summary, null),
    failure: parseColumn(row.failure, null),
  };
}
