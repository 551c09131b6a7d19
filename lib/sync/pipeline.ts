/**
 * The sync, as one pipeline (after Airbyte's declarative connectors and Ocean's core):
 *
 *   blueprints -> [verify] -> per resource: fetch -> select + map -> plan -> write -> reconcile
 *
 * Per resource, Graph pages are read ahead while the current one is mapped, planned
 * against the stored state and handed to the writer, which writes while the next pages
 * come in. Memory holds a few pages, never the tenant: what the run produced is marked in
 * the database. Progress goes out as events; the summary says what happened and, when
 * nothing was deleted, why.
 */
import type { AppErrorShape } from "@/lib/errors";
import { toErrorShape } from "@/lib/errors";
import type { GraphClient } from "@/lib/graph";
import type { JqEngine } from "@/lib/jq";
import { compileResource, noSource, type PortAppConfig, type SourceMap } from "@/lib/mapping";
import type { BlueprintInput, PortClient } from "@/lib/port";
import type { Db } from "@/lib/server/db";
import { resourcePages, type FetchOptions } from "./fetch";
import { mapPage } from "./map-page";
import { planPage, PlanCollector } from "./plan";
import { DEFAULT_DELETION_THRESHOLD, reconcile } from "./reconcile";
import { errorEntry, RunRecorder, type RecorderSnapshot } from "./recorder";
import { createStateStore } from "./state-store";
import { readAhead } from "./streams";
import { totalsOf, type ErrorStage, type RunStatus, type SyncEvent, type SyncSummary } from "./types";
import { verifyAgainstPort } from "./verify";
import { EntityWriter } from "./write";

/** What a run syncs: where from, where to, and the mapping. */
export interface SyncJob {
  /** `project:<id>` or `integration:<identifier>` (see scope.ts). */
  scope: string;
  graph: GraphClient;
  port: PortClient;
  engine: JqEngine;
  config: PortAppConfig;
  source?: SourceMap;
  /** Created or completed in Port before any entity is written (skipped by a dry run). */
  blueprints?: readonly BlueprintInput[] | null;
  fetch?: Pick<FetchOptions, "concurrency" | "maxPages" | "nextLinkKey" | "paginate">;
  jqTimeoutMs?: number;
  /** Pages being written at once (default 3). */
  pagesInFlight?: number;
}

export interface RunContext {
  db: Db;
  runId: string;
  dryRun?: boolean;
  /** Compare Port's entities with what this scope wrote first (drift). */
  verify?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: SyncEvent) => void;
  /** Saves progress to the run's row (throttled by the recorder). */
  persist?: (snapshot: RecorderSnapshot) => Promise<void>;
  /** Items each resource had in the last complete run (for an ETA). */
  expectedItems?: readonly (number | null)[];
  now?: () => number;
}

const PAGES_READ_AHEAD = 2;

export async function runSync(job: SyncJob, ctx: RunContext): Promise<SyncSummary> {
  const now = ctx.now ?? Date.now;
  const startedAt = now();
  const dryRun = ctx.dryRun ?? false;
  const resources = job.config.resources;
  const recorder = new RunRecorder(resources.map((r) => r.kind), { emit: ctx.onEvent, persist: ctx.persist, now });
  const store = createStateStore(ctx.db, job.scope);
  const stop = new AbortController();
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, stop.signal]) : stop.signal;
  let fatal: AppErrorShape | null = null;
  const failRun = (error: unknown) => {
    fatal ??= toErrorShape(error);
    if (!stop.signal.aborted) stop.abort(error);
  };
  const cancelled = () => Boolean(ctx.signal?.aborted);

  const previous = await store.count();
  recorder.emit({
    type: "run-started",
    runId: ctx.runId,
    scope: job.scope,
    dryRun,
    resources: resources.map((r, index) => ({ index, kind: r.kind, expectedItems: ctx.expectedItems?.[index] ?? null })),
  });

  // 1. Blueprints, before any entity needs them.
  let blueprints: SyncSummary["blueprints"] = null;
  if (!dryRun && job.blueprints?.length) {
    try {
      const report = await job.port.ensureBlueprints(job.blueprints, { signal });
      blueprints = { created: report.created, updated: report.updated.map((u) => u.identifier), unchanged: report.unchanged };
      recorder.emit({ type: "blueprints", created: blueprints.created, updated: blueprints.updated });
    } catch (error) {
      if (!cancelled()) {
        recorder.error(errorEntry("blueprints", error));
        failRun(error);
      }
    }
  }

  // 2. Drift, before the writes (a real run then rewrites what drifted).
  let drift: SyncSummary["drift"] = null;
  if (ctx.verify && !signal.aborted) {
    const names = new Set([...(await store.blueprints()).keys(), ...(job.blueprints ?? []).map((b) => b.identifier)]);
    try {
      drift = await verifyAgainstPort({ port: job.port, store, recorder, runId: ctx.runId, blueprints: [...names], dryRun, signal });
    } catch (error) {
      if (!cancelled()) failRun(error);
    }
  }

  // 3. Resources, one after the other; pages streamed within each.
  const plan = dryRun ? new PlanCollector() : undefined;
  const writer = new EntityWriter(job.port, store, recorder, {
    runId: ctx.runId,
    signal,
    pagesInFlight: job.pagesInFlight,
    createMissingRelatedEntities: job.config.createMissingRelatedEntities,
    onFatal: failRun,
  });
  const produced: string[] = [];
  for (const [index, resource] of resources.entries()) {
    if (signal.aborted) break;
    const counters = recorder.resources[index]!;
    counters.state = "running";
    recorder.progress(index);
    let stage: ErrorStage = "config";
    let failed = false;
    try {
      const compiled = await compileResource(job.engine, resource, { index, source: job.source ?? noSource });
      stage = "fetch";
      const pages = resourcePages(job.graph, job.engine, resource, index, {
        ...job.fetch,
        signal,
        onProblem: (problem) => {
          failed = true;
          recorder.error(problem);
        },
      });
      for await (const page of readAhead(pages, PAGES_READ_AHEAD)) {
        stage = "map";
        const mapped = await mapPage(compiled, page, { engine: job.engine, recorder, timeoutMs: job.jqTimeoutMs });
        failed ||= mapped.failed;
        for (const [blueprint, entities] of mapped.byBlueprint) {
          if (!produced.includes(blueprint)) produced.push(blueprint);
          const pagePlan = await planPage(store, ctx.runId, blueprint, resource.kind, entities);
          counters.unchanged += pagePlan.unchanged;
          for (const identifier of pagePlan.duplicates) {
            recorder.warning({ stage: "map", resource: index, blueprint, identifier, code: "duplicate_entity", message: `${blueprint} ${identifier} was produced more than once in this run: Port keeps the last one written.` });
          }
          if (plan) {
            plan.add(blueprint, pagePlan);
            for (const w of pagePlan.writes) counters[w.isNew ? "created" : "updated"] += 1;
            // Produced by this run though not written: not a deletion of the plan.
            await store.markSeen(blueprint, pagePlan.writes.filter((w) => !w.isNew).map((w) => w.entity.identifier), ctx.runId, resource.kind);
          } else {
            await writer.submit(index, resource.kind, blueprint, pagePlan.writes);
          }
        }
        recorder.progress(index);
        stage = "fetch";
        if (signal.aborted) break;
      }
      if (signal.aborted) counters.state = cancelled() ? "cancelled" : "failed";
      else counters.state = failed ? "failed" : "done";
    } catch (error) {
      counters.state = cancelled() ? "cancelled" : "failed";
      if (!signal.aborted) recorder.error(errorEntry(stage, error, { resource: index }));
    }
    recorder.progress(index);
  }
  await writer.drain();

  // 4. Reconciliation, only after a run without any error.
  const resourceOfKind = new Map(resources.map((r, i) => [r.kind, i] as const).reverse());
  const firstError = recorder.errors[0];
  const blocked = cancelled()
    ? "The run was cancelled before it finished; nothing was deleted."
    : recorder.errorCount > 0
      ? `The run had ${recorder.errorCount} error${recorder.errorCount > 1 ? "s" : ""} (first: ${firstError?.message ?? "see the errors"}); nothing was deleted, so an incomplete read cannot remove real entities.`
      : null;
  const deletion = await reconcile({
    port: job.port,
    store,
    recorder,
    runId: ctx.runId,
    previous,
    threshold: job.config.entityDeletionThreshold ?? DEFAULT_DELETION_THRESHOLD,
    deleteDependents: job.config.deleteDependentEntities,
    blocked,
    order: [...produced].reverse(),
    resourceOfKind,
    signal,
    dryRun,
    plan,
  }).catch((error: unknown) => {
    recorder.error(errorEntry("delete", error));
    return { performed: false, skippedReason: toErrorShape(error).message, previous, stale: 0, threshold: job.config.entityDeletionThreshold ?? DEFAULT_DELETION_THRESHOLD, deleted: 0, refused: 0 };
  });
  recorder.emit({ type: "reconcile", deletion });
  await recorder.flush();

  const totals = totalsOf(recorder.resources);
  const madeProgress = dryRun ? totals.entities > 0 : totals.created + totals.updated + totals.deleted > 0;
  const status: RunStatus = cancelled() ? "cancelled" : recorder.errorCount === 0 ? "succeeded" : madeProgress ? "partial" : "failed";
  const finishedAt = now();
  const summary: SyncSummary = {
    runId: ctx.runId,
    scope: job.scope,
    status,
    dryRun,
    resources: recorder.resources.map((r) => ({ ...r })),
    totals,
    deletion,
    blueprints,
    plan: plan?.result() ?? null,
    drift,
    errors: [...recorder.errors],
    errorCount: recorder.errorCount,
    warnings: [...recorder.warnings],
    portWrites: { ...recorder.portWrites },
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    durationMs: finishedAt - startedAt,
    failure: cancelled() ? { code: "sync_cancelled", message: "The run was cancelled.", hint: "Start it again when you are ready." } : fatal,
  };
  recorder.emit({ type: "run-finished", summary });
  return summary;
}
