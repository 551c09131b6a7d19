/**
 * The sync's shapes: what a run counts per resource, the errors it keeps, the events it
 * sends out while it works, and the summary it ends with. Browser-safe (types only and
 * small pure helpers), so the Sync page can import them.
 */
import type { AppErrorShape } from "@/lib/errors";

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "partial", "cancelled", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const RUN_TRIGGERS = ["button", "schedule", "cli"] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** Counters of one resource (one `resources:` entry) in one run. */
export interface ResourceCounters {
  /** Position in `resources`. */
  index: number;
  kind: string;
  /** Graph pages read (nested endpoints: every page of every listing). */
  pages: number;
  /** Items after data_path. */
  items: number;
  /** Items the selector kept. */
  selected: number;
  /** Entities the mapping produced. */
  entities: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Entities Port refused (or the mapping could not make writable). */
  failed: number;
  /** Entities of this resource deleted by reconciliation. */
  deleted: number;
  /** Items dropped: selector false, no identifier or blueprint. */
  dropped: number;
  /** "done" when the listing was read to its end; otherwise why not. */
  state: "pending" | "running" | "done" | "failed" | "cancelled";
}

export function emptyCounters(index: number, kind: string): ResourceCounters {
  return { index, kind, pages: 0, items: 0, selected: 0, entities: 0, created: 0, updated: 0, unchanged: 0, failed: 0, deleted: 0, dropped: 0, state: "pending" };
}

export type ErrorStage = "config" | "blueprints" | "fetch" | "map" | "write" | "delete" | "verify" | "run";

/** One error of a run, in the app's error model plus where it happened. */
export interface SyncErrorEntry extends AppErrorShape {
  stage: ErrorStage;
  /** The resource (position in `resources`), when it belongs to one. */
  resource?: number;
  blueprint?: string;
  identifier?: string;
  /** Port's or Graph's HTTP status, when there was one. */
  status?: number;
}

/** One changed key of an entity: `properties.mail`, `relations.group`, `title`. */
export interface PropertyChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface PlanExample {
  identifier: string;
  title?: unknown;
  /** Updates (and drift): what changes, key by key. */
  changes?: PropertyChange[];
}

/** The dry run's plan for one blueprint. */
export interface BlueprintPlan {
  blueprint: string;
  create: number;
  update: number;
  unchanged: number;
  delete: number;
  examples: { create: PlanExample[]; update: PlanExample[]; delete: PlanExample[] };
}

/** "Verify against Port": how Port's entities differ from what this scope wrote. */
export interface BlueprintDrift {
  blueprint: string;
  /** Entities this scope wrote that Port holds. */
  checked: number;
  /** Changed in Port since this scope wrote them (by hand, or by another writer). */
  changed: number;
  /** Written by this scope, no longer in Port. */
  missing: number;
  /** In Port but not written by this scope (left alone). */
  unmanaged: number;
  examples: { changed: PlanExample[]; missing: PlanExample[] };
}

export interface DeletionReport {
  /** True when reconciliation ran (it may still have deleted nothing). */
  performed: boolean;
  /** Why nothing was deleted, when reconciliation did not run. */
  skippedReason: string | null;
  /** Entities this scope had written before this run. */
  previous: number;
  /** Of those, how many this run did not produce. */
  stale: number;
  threshold: number;
  deleted: number;
  /** Port refused these (each one is in the errors with Port's reason). */
  refused: number;
}

export interface SyncSummary {
  runId: string;
  scope: string;
  status: RunStatus;
  dryRun: boolean;
  resources: ResourceCounters[];
  totals: Omit<ResourceCounters, "index" | "kind" | "state">;
  deletion: DeletionReport;
  /** Blueprints created or updated before the entities (when blueprints were given). */
  blueprints: { created: string[]; updated: string[]; unchanged: string[] } | null;
  plan: BlueprintPlan[] | null;
  drift: BlueprintDrift[] | null;
  errors: SyncErrorEntry[];
  errorCount: number;
  /** Not errors: duplicates and other things worth a look (the first 100). */
  warnings: SyncErrorEntry[];
  /** Requests that wrote to Port: entity upserts and deletes (for "0 writes" checks). */
  portWrites: { upsertRequests: number; deleteRequests: number };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** What stopped the run, when something did. */
  failure: AppErrorShape | null;
}

export type SyncEvent =
  | { type: "run-started"; runId: string; scope: string; dryRun: boolean; resources: { index: number; kind: string; expectedItems: number | null }[] }
  | { type: "blueprints"; created: string[]; updated: string[] }
  | { type: "progress"; resource: ResourceCounters }
  | { type: "reconcile"; deletion: DeletionReport }
  | { type: "run-finished"; summary: SyncSummary };

export const MAX_KEPT_ERRORS = 500;
export const MAX_KEPT_WARNINGS = 100;
export const MAX_PLAN_EXAMPLES = 5;

export function totalsOf(resources: readonly ResourceCounters[]): SyncSummary["totals"] {
  const t = { pages: 0, items: 0, selected: 0, entities: 0, created: 0, updated: 0, unchanged: 0, failed: 0, deleted: 0, dropped: 0 };
  for (const r of resources) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += r[k];
  return t;
}
