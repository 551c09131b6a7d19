/**
 * The Sync step's API contracts: request bodies (zod, validated at the route boundary)
 * and the answers' shapes. Browser-safe (types and zod only): components/sync imports
 * them, so the page and the routes cannot drift.
 */
import { z } from "zod";
import type { SyncRunRecord } from "../sync/run-record";
import type {
  BlueprintDrift,
  BlueprintPlan,
  DeletionReport,
  RunStatus,
  SyncErrorEntry,
  SyncEvent,
  SyncSummary,
} from "../sync/types";
import type { StepId } from "./contracts";

/** `POST sync/runs`: a real run, a dry run (the plan), or a dry run that also reads Port (drift). */
export const startSyncRequest = z
  .object({
    dryRun: z.boolean().default(false),
    /** Compare Port's entities with what this project wrote ("verify against Port"). */
    verify: z.boolean().default(false),
  })
  .strict();
export type StartSyncRequest = z.input<typeof startSyncRequest>;

/** `PUT sync/schedule` (the limits are lib/sync/schedule.ts's, checked again there). */
export const scheduleRequest = z
  .object({
    intervalMinutes: z.number().int("Use whole minutes").min(5, "Use at least 5 minutes").max(30 * 24 * 60, "Use at most 30 days"),
    enabled: z.boolean().default(true),
  })
  .strict();
export type ScheduleRequest = z.input<typeof scheduleRequest>;

export const TERMINAL_STATUSES: readonly RunStatus[] = ["succeeded", "failed", "partial", "cancelled", "interrupted"];
export const isTerminal = (status: RunStatus) => TERMINAL_STATUSES.includes(status);

/** A run as the history table shows it (no errors, no plan: see SyncRunDetail). */
export interface SyncRunView
  extends Pick<SyncRunRecord, "id" | "status" | "trigger" | "dryRun" | "verify" | "cancelRequested" | "queuedAt" | "startedAt" | "finishedAt" | "counters" | "errorCount" | "failure"> {
  /** From start to finish (or to now while it runs: null). */
  durationMs: number | null;
  totals: SyncSummary["totals"];
  /** Why reconciliation deleted nothing (real runs only). */
  deletionSkipped: string | null;
}

/** `GET sync/runs/[runId]`: the run with its per-entity errors and what it did. */
export interface SyncRunDetail extends SyncRunView {
  errors: SyncErrorEntry[];
  warnings: SyncErrorEntry[];
  deletion: DeletionReport | null;
  blueprints: SyncSummary["blueprints"];
  plan: BlueprintPlan[] | null;
  drift: BlueprintDrift[] | null;
  portWrites: SyncSummary["portWrites"] | null;
}

/** Something that stops a sync before it starts, with the step that fixes it. */
export interface SyncProblem {
  step: StepId;
  code: string;
  message: string;
  hint: string;
}

export interface SyncScheduleView {
  intervalMinutes: number;
  enabled: boolean;
  /** When the next scheduled run is queued (null while disabled). */
  nextRunAt: string | null;
  lastRunId: string | null;
  /** The last slot skipped because a run was still going. */
  lastSkippedAt: string | null;
}

/** `GET sync`: what the page needs first. */
export interface SyncOverview {
  problems: SyncProblem[];
  /** False when this server's sync runner did not start (see the server log). */
  runnerAvailable: boolean;
  /** The queued or running run, if any. */
  active: SyncRunView | null;
  schedule: SyncScheduleView | null;
  /** The project writes to the demo Port: its entities are on the Demo catalog page. */
  demoPort: boolean;
}

/** `GET sync/plan`: the last finished dry run's plan (and drift when it verified). */
export interface SyncPlanView {
  run: SyncRunView;
  plan: BlueprintPlan[];
  drift: BlueprintDrift[] | null;
  deletion: DeletionReport | null;
}

/**
 * `GET sync/runs/[runId]/events` (NDJSON, one per line): the run as stored first, then the
 * engine's events while it runs here, and the stored run again when it ends.
 */
export type SyncStreamMessage = { type: "run"; run: SyncRunView } | { type: "event"; event: SyncEvent };
