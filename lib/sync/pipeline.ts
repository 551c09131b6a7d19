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
import { compileResource, noSource, type CompiledResource, type PortAppConfig, type SourceMap } from "@/lib/mapping";
import type { BlueprintInput, PortClient, PortEntity } from "@/lib/port";
import type { Db } from "@/lib/server/db";
import { resourcePages, type FetchOptions } from "./fetch";
import { mapPage } from "./map-page";
import { planPage, PlanCollector } from "./plan";
import { DEFAULT_DELETION_THRESHOLD, reconcile } from "./reconcile";
import { errorEntry, RunRecorder, type RecorderSnapshot } from "./recorder";
import { sqliteStateSql, type StateSql } from "./state-sql";
import { createStateStore, type StateStore } from "./state-store";
import { readAhead } from "./streams";
import { totalsOf, type DeletionReport, type ErrorStage, type RunStatus, type SyncEvent, type SyncSummary } from "./types";
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
  /**
   * Port now holds `blueprints` (a real run made sure of them): the builder notes it on
   * the project's Blueprints step. Bookkeeping: its failure is a warning, never the run's.
   */
  onBlueprintsEnsured?(): Promise<void>;
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
  /**
   * The SQLite file behind `db`: the state's hot statements then use a connection of
   * their own (state-sql.ts), much cheaper than raw SQL through Prisma.
   */
  databaseFile?: string;
  now?: () => number;
}

const PAGES_READ_AHEAD = 2;

/** What every step of one run shares. */
interface Run {
  job: SyncJob;
  ctx: RunContext;
  dryRun: boolean;
  recorder: RunRecorder;
  store: StateStore;
  /** Aborted by a cancel (ctx.signal) or by a failure that stops the run. */
  signal: AbortSignal;
  cancelled(): boolean;
  /** Stops the run: Port failed as a whole, or the blueprints could not be made. */
  fail(error: unknown): void;
  failure(): AppErrorShape | null;
  plan?: PlanCollector;
  sql?: StateSql;
}

function openRun(job: SyncJob, ctx: RunContext): Run {
  const stop = new AbortController();
  const sql = ctx.databaseFile ? sqliteStateSql(ctx.databaseFile) : undefined;
  let failure: AppErrorShape | null = null;
  const dryRun = ctx.dryRun ?? false;
  return {
    job,
    ctx,
    dryRun,
    recorder: new RunRecorder(job.config.resources.map((r) => r.kind), { emit: ctx.onEvent, persist: ctx.persist, now: ctx.now }),
    store: createStateStore(ctx.db, job.scope, { sql }),
    sql,
    signal: ctx.signal ? AbortSignal.any([ctx.signal, stop.signal]) : stop.signal,
    cancelled: () => Boolean(ctx.signal?.aborted),
    fail(error) {
      failure ??= toErrorShape(error);
      if (!stop.signal.aborted) stop.abort(error);
    },
    failure: () => failure,
    plan: dryRun ? new PlanCollector() : undefined,
  };
}

/** 1. Blueprints, before any entity needs them (not in a dry run). */
async function ensureBlueprints(run: Run): Promise<SyncSummary["blueprints"]> {
  const { job, recorder } = run;
  if (run.dryRun || !job.blueprints?.length) return null;
  try {
    const report = await job.port.ensureBlueprints(job.blueprints, { signal: run.signal });
    const blueprints = { created: report.created, updated: report.updated.map((u) => u.identifier), unchanged: report.unchanged };
    recorder.emit({ type: "blueprints", created: blueprints.created, updated: blueprints.updated });
    await job.onBlueprintsEnsured?.().catch((error: unknown) => recorder.warning({ ...errorEntry("blueprints", error), code: "blueprints_not_noted" }));
    return blueprints;
  } catch (error) {
    if (!run.cancelled()) {
      recorder.error(errorEntry("blueprints", error));
      run.fail(error);
    }
    return null;
  }
}

/** 2. Drift, before the writes (a real run then rewrites what drifted). */
async function verify(run: Run): Promise<SyncSummary["drift"]> {
  if (!run.ctx.verify || run.signal.aborted) return null;
  const names = new Set([...(await run.store.blueprints()).keys(), ...(run.job.blueprints ?? []).map((b) => b.identifier)]);
  try {
    return await verifyAgainstPort({ port: run.job.port, store: run.store, recorder: run.recorder, runId: run.ctx.runId, blueprints: [...names], dryRun: run.dryRun, signal: run.signal });
  } catch (error) {
    if (!run.cancelled()) run.fail(error);
    return null;
  }
}

type Compiled = Promise<{ ok: true; value: CompiledResource } | { ok: false; error: unknown }>;

/**
 * 0. Every resource's mapping compiled at once, at the start (jq checks each expression's
 * syntax): jq's workers then end while the pages stream, when every expression takes the
 * fast path (lib/jq/node-pool.ts). A resource meets its own failure when its turn comes.
 */
function compileAll(job: SyncJob): Compiled[] {
  return job.config.resources.map((resource, index) =>
    compileResource(job.engine, resource, { index, source: job.source ?? noSource }).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  );
}

/** 3. One resource: its pages fetched ahead, each mapped, planned and handed to the writer. */
async function syncResource(run: Run, index: number, compiling: Compiled, writer: EntityWriter, produced: string[]): Promise<void> {
  const { job, recorder } = run;
  const resource = job.config.resources[index]!;
  const counters = recorder.resources[index]!;
  counters.state = "running";
  recorder.progress(index);
  let stage: ErrorStage = "config";
  let failed = false;
  try {
    const outcome = await compiling;
    if (!outcome.ok) throw outcome.error;
    const compiled = outcome.value;
    stage = "fetch";
    const pages = resourcePages(job.graph, job.engine, resource, index, {
      ...job.fetch,
      signal: run.signal,
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
        await planAndWrite(run, index, blueprint, entities, writer);
      }
      recorder.progress(index);
      stage = "fetch";
      if (run.signal.aborted) break;
    }
    counters.state = run.signal.aborted ? (run.cancelled() ? "cancelled" : "failed") : failed ? "failed" : "done";
  } catch (error) {
    counters.state = run.cancelled() ? "cancelled" : "failed";
    if (!run.signal.aborted) recorder.error(errorEntry(stage, error, { resource: index }));
  }
  recorder.progress(index);
}

/** Plan a page's entities of one blueprint; a dry run collects the plan, a real run writes. */
async function planAndWrite(run: Run, index: number, blueprint: string, entities: PortEntity[], writer: EntityWriter): Promise<void> {
  const { recorder, store, ctx } = run;
  const kind = run.job.config.resources[index]!.kind;
  const counters = recorder.resources[index]!;
  const pagePlan = await planPage(store, ctx.runId, blueprint, kind, entities);
  counters.unchanged += pagePlan.unchanged;
  for (const identifier of pagePlan.duplicates) {
    recorder.warning({ stage: "map", resource: index, blueprint, identifier, code: "duplicate_entity", message: `${blueprint} ${identifier} was produced more than once in this run: Port keeps the last one written.` });
  }
  if (!run.plan) return writer.submit(index, kind, blueprint, pagePlan.writes);
  run.plan.add(blueprint, pagePlan);
  for (const w of pagePlan.writes) counters[w.isNew ? "created" : "updated"] += 1;
  // Produced by this run though not written: not a deletion of the plan.
  await store.markSeen(blueprint, pagePlan.writes.filter((w) => !w.isNew).map((w) => w.identifier), ctx.runId, kind);
}

/** 4. Reconciliation: only after a run without any error, and never a cancelled one. */
async function reconcileRun(run: Run, previous: number, produced: readonly string[]): Promise<DeletionReport> {
  const { job, recorder } = run;
  const threshold = job.config.entityDeletionThreshold ?? DEFAULT_DELETION_THRESHOLD;
  const n = recorder.errorCount;
  const blocked = run.cancelled()
    ? "The run was cancelled before it finished; nothing was deleted."
    : n > 0
      ? `The run had ${n} error${n > 1 ? "s" : ""} (first: ${recorder.errors[0]?.message ?? "see the errors"}); nothing was deleted, so an incomplete read cannot remove real entities.`
      : null;
  try {
    return await reconcile({
      port: job.port,
      store: run.store,
      recorder,
      runId: run.ctx.runId,
      previous,
      threshold,
      deleteDependents: job.config.deleteDependentEntities,
      blocked,
      order: [...produced].reverse(),
      resourceOfKind: new Map(job.config.resources.map((r, i) => [r.kind, i] as const).reverse()),
      signal: run.signal,
      dryRun: run.dryRun,
      plan: run.plan,
    });
  } catch (error) {
    recorder.error(errorEntry("delete", error));
    return { performed: false, skippedReason: toErrorShape(error).message, previous, stale: 0, threshold, deleted: 0, refused: 0 };
  }
}

/** 5. The outcome: succeeded without errors; partial when it wrote despite errors; else failed. */
function summarize(run: Run, parts: Pick<SyncSummary, "blueprints" | "drift" | "deletion">, startedAt: number): SyncSummary {
  const { recorder } = run;
  const now = run.ctx.now ?? Date.now;
  const totals = totalsOf(recorder.resources);
  const madeProgress = run.dryRun ? totals.entities > 0 : totals.created + totals.updated + totals.deleted > 0;
  const status: RunStatus = run.cancelled() ? "cancelled" : recorder.errorCount === 0 ? "succeeded" : madeProgress ? "partial" : "failed";
  const finishedAt = now();
  return {
    runId: run.ctx.runId,
    scope: run.job.scope,
    status,
    dryRun: run.dryRun,
    resources: recorder.resources.map((r) => ({ ...r })),
    totals,
    ...parts,
    plan: run.plan?.result() ?? null,
    errors: [...recorder.errors],
    errorCount: recorder.errorCount,
    warnings: [...recorder.warnings],
    portWrites: { ...recorder.portWrites },
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    durationMs: finishedAt - startedAt,
    failure: run.cancelled() ? { code: "sync_cancelled", message: "The run was cancelled.", hint: "Start it again when you are ready." } : run.failure(),
  };
}

export async function runSync(job: SyncJob, ctx: RunContext): Promise<SyncSummary> {
  const startedAt = (ctx.now ?? Date.now)();
  const run = openRun(job, ctx);
  const compiled = compileAll(job);
  try {
    const previous = await run.store.count();
    run.recorder.emit({
      type: "run-started",
      runId: ctx.runId,
      scope: job.scope,
      dryRun: run.dryRun,
      resources: job.config.resources.map((r, index) => ({ index, kind: r.kind, expectedItems: ctx.expectedItems?.[index] ?? null })),
    });

    const blueprints = await ensureBlueprints(run);
    const drift = await verify(run);

    // Resources one after the other; the writer keeps writing while the next one is read.
    const writer = new EntityWriter(job.port, run.store, run.recorder, {
      runId: ctx.runId,
      signal: run.signal,
      pagesInFlight: job.pagesInFlight,
      createMissingRelatedEntities: job.config.createMissingRelatedEntities,
      onFatal: (error) => run.fail(error),
    });
    const produced: string[] = [];
    for (const index of job.config.resources.keys()) {
      if (run.signal.aborted) break;
      await syncResource(run, index, compiled[index]!, writer, produced);
    }
    await writer.drain();
    // What the run wrote and produced, on disk before anything reads the scope as a whole.
    await run.store.flush().catch((error: unknown) => run.recorder.error(errorEntry("write", error)));

    const deletion = await reconcileRun(run, previous, produced);
    run.recorder.emit({ type: "reconcile", deletion });
    await run.recorder.flush();
    const summary = summarize(run, { blueprints, drift, deletion }, startedAt);
    run.recorder.emit({ type: "run-finished", summary });
    return summary;
  } finally {
    // Its thread ends; a failure to close changes nothing of the run's result.
    await run.sql?.close().catch(() => undefined);
  }
}
