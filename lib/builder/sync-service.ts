/**
 * The Sync step's server side: route handlers create, read and cancel runs here; they
 * never await a sync (the runner started by instrumentation.ts works on it). Every call
 * takes a project already checked to be the caller's (projectRoute), and a run id is only
 * answered for its own project: another project's run is a 404 like a missing one.
 */
import { AppError } from "../errors";
import { createRunStore, projectScope } from "../sync/run-store";
import { type SyncRunRecord } from "../sync/run-record";
import { syncRunner, type SyncRunner } from "../sync/runner";
import { createScheduleStore } from "../sync/schedule";
import type { BuilderDeps } from "./deps";
import type { ScheduleRequest, SyncOverview, SyncPlanView, SyncRunDetail, SyncRunView, SyncScheduleView, StartSyncRequest } from "./sync-contracts";
import { isTerminal } from "./sync-contracts";
import { syncProblems } from "./sync-readiness";
import { runDetail, runView } from "./sync-views";

/** Runs the history shows. */
export const HISTORY_SIZE = 30;

/** The runner lives in instrumentation's bundle: its AppErrors are recognised by shape (lib/errors.ts). */
async function viaRunner<T>(call: () => Promise<T>): Promise<T> {
  return call();
}

function runnerOrRefusal(): SyncRunner {
  const runner = syncRunner();
  if (!runner) {
    throw new AppError("sync_runner_unavailable", "This server's sync runner is not running, so a sync cannot start.", {
      status: 503,
      hint: "The server log says why it did not start; restart the server once that is fixed.",
    });
  }
  return runner;
}

const notFound = (runId: string) =>
  new AppError("sync_run_not_found", `This project has no sync run ${runId}.`, { status: 404, location: { path: "runId" }, hint: "Reload the run history." });

/** The run, when it belongs to the project. */
export async function projectRun(deps: BuilderDeps, projectId: string, runId: string): Promise<SyncRunRecord> {
  const record = await createRunStore(deps.db).get(runId);
  if (!record || record.projectId !== projectId || record.scope !== projectScope(projectId)) throw notFound(runId);
  return record;
}

/** Queues a run (the runner starts it at once); 409 while one is queued or running. */
export async function startProjectRun(deps: BuilderDeps, userId: string, projectId: string, input: StartSyncRequest): Promise<SyncRunView> {
  const runner = runnerOrRefusal();
  const problem = (await syncProblems(deps, userId, projectId))[0];
  if (problem) throw new AppError(problem.code, problem.message, { status: 409, hint: problem.hint });
  const run = await viaRunner(() => runner.enqueue({ projectId, trigger: "button", dryRun: input.dryRun ?? false, verify: input.verify ?? false }));
  return runView(run);
}

export async function cancelProjectRun(deps: BuilderDeps, projectId: string, runId: string): Promise<SyncRunView> {
  const record = await projectRun(deps, projectId, runId);
  if (isTerminal(record.status)) return runView(record);
  const runner = syncRunner();
  // Without a runner here the database still carries the request to whoever runs it.
  return runView(runner ? await viaRunner(() => runner.cancel(runId)) : await createRunStore(deps.db).cancel(runId));
}

export async function projectRunDetail(deps: BuilderDeps, projectId: string, runId: string): Promise<SyncRunDetail> {
  return runDetail(await projectRun(deps, projectId, runId));
}

export async function projectRuns(deps: BuilderDeps, projectId: string): Promise<SyncRunView[]> {
  return (await createRunStore(deps.db).list(projectScope(projectId), HISTORY_SIZE)).map(runView);
}

function scheduleView(s: { intervalMinutes: number; enabled: boolean; nextRunAt: string; lastRunId: string | null; lastSkippedAt: string | null }): SyncScheduleView {
  return { intervalMinutes: s.intervalMinutes, enabled: s.enabled, nextRunAt: s.enabled ? s.nextRunAt : null, lastRunId: s.lastRunId, lastSkippedAt: s.lastSkippedAt };
}

export async function projectSchedule(deps: BuilderDeps, projectId: string): Promise<SyncScheduleView | null> {
  const s = await createScheduleStore(deps.db).get(projectId);
  return s ? scheduleView(s) : null;
}

export async function setProjectSchedule(deps: BuilderDeps, projectId: string, input: ScheduleRequest): Promise<SyncScheduleView> {
  return scheduleView(await createScheduleStore(deps.db).set(projectId, input));
}

export async function removeProjectSchedule(deps: BuilderDeps, projectId: string): Promise<void> {
  await createScheduleStore(deps.db).remove(projectId);
}

export async function syncOverview(deps: BuilderDeps, userId: string, projectId: string): Promise<SyncOverview> {
  const [problems, schedule, active, port] = await Promise.all([
    syncProblems(deps, userId, projectId),
    projectSchedule(deps, projectId),
    deps.db.syncActiveRun.findUnique({ where: { scope: projectScope(projectId) } }),
    deps.db.portConnection.findUnique({ where: { projectId }, select: { mode: true } }),
  ]);
  const activeRun = active ? await createRunStore(deps.db).get(active.runId) : null;
  return {
    problems,
    runnerAvailable: syncRunner() !== null,
    active: activeRun && !isTerminal(activeRun.status) ? runView(activeRun) : null,
    schedule,
    demoPort: port?.mode === "demo",
  };
}

/** The last finished dry run that has a plan; null before the first one. */
export async function latestPlan(deps: BuilderDeps, projectId: string): Promise<SyncPlanView | null> {
  const row = await deps.db.syncRun.findFirst({
    where: { scope: projectScope(projectId), dryRun: true, finishedAt: { not: null }, summary: { not: null } },
    orderBy: { queuedAt: "desc" },
    select: { id: true },
  });
  if (!row) return null;
  const record = await projectRun(deps, projectId, row.id);
  const detail = runDetail(record);
  return { run: runView(record), plan: detail.plan ?? [], drift: detail.drift, deletion: detail.deletion };
}
