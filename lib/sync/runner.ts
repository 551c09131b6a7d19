/**
 * The runner: one per server process (`startSyncRunner`, called once from
 * instrumentation.ts). Each tick it marks runs whose owner is gone as interrupted (at
 * start-up too), enqueues the projects whose schedule is due, and claims the oldest queued
 * run, which it works on in the background while renewing its lease (execute.ts). Route
 * handlers only enqueue, read, subscribe and cancel; they never await a sync.
 * One run at a time per process; several processes (or replicas) share the queue through
 * the database.
 */
import { errorEntry } from "./recorder";
import { executeRun, failedSummary } from "./execute";
import type { SyncJob } from "./pipeline";
import { createRunStore, DEFAULT_LEASE_MS, projectScope, type RunStore } from "./run-store";
import { leaseOwnerId } from "./run-owner";
import { type SyncRunRecord } from "./run-record";
import { createScheduleStore, type ScheduleStore } from "./schedule";
import type { RunTrigger, SyncEvent } from "./types";
import type { Db } from "@/lib/server/db";

export interface SyncRunnerOptions {
  db: Db;
  /** Builds a run's job: the project's Graph and Port clients, mapping, blueprints, jq engine. */
  loadJob(run: SyncRunRecord): Promise<SyncJob>;
  /** How often to look for work (default 2 s; an enqueue looks at once). */
  pollMs?: number;
  leaseMs?: number;
  now?: () => number;
  owner?: string;
  /** The SQLite file behind `db` (env().databaseFile): cheaper state writes (state-sql.ts). */
  databaseFile?: string;
  /** Told about runs that could not start and ticks that failed (the server log). */
  onProblem?: (message: string, error: unknown) => void;
}

export interface EnqueueInput {
  projectId: string;
  trigger?: Extract<RunTrigger, "button" | "schedule">;
  dryRun?: boolean;
  verify?: boolean;
}

export interface SyncRunner {
  readonly owner: string;
  readonly runs: RunStore;
  readonly schedules: ScheduleStore;
  /** Queues a run of the project (refused with 409 while one is queued or running) and looks for work at once. */
  enqueue(input: EnqueueInput): Promise<SyncRunRecord>;
  /** Cancels a queued run at once, or asks a running one to stop (at once when it runs here). */
  cancel(runId: string): Promise<SyncRunRecord>;
  /** Live events of a run running in this process; returns the unsubscribe. */
  subscribe(runId: string, listener: (event: SyncEvent) => void): () => void;
  /** One pass: reap, schedules, claim. Ticks never overlap. */
  tick(): Promise<void>;
  /** Resolves when this process has no run in progress. */
  idle(): Promise<void>;
  /** Stops polling and waits for the run in progress (cancelled) to be recorded. */
  stop(): Promise<void>;
}

export function createSyncRunner(options: SyncRunnerOptions): SyncRunner & { start(): void } {
  const owner = options.owner ?? leaseOwnerId("server");
  let current: { runId: string; cancel: AbortController; done: Promise<void> } | null = null;
  // Our own run is alive whatever its lease says (the clock may have jumped forward).
  const runs = createRunStore(options.db, { now: options.now, databaseFile: options.databaseFile, liveOwner: () => (current ? owner : null) });
  const schedules = createScheduleStore(options.db, { now: options.now });
  const listeners = new Map<string, Set<(event: SyncEvent) => void>>();
  const problem = options.onProblem ?? (() => undefined);
  let ticking: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;

  const emit = (runId: string, event: SyncEvent) => {
    for (const l of listeners.get(runId) ?? []) {
      try {
        l(event);
      } catch {
        // A listener (an SSE stream that went away) must not stop the sync.
      }
    }
  };

  async function work(run: SyncRunRecord, cancel: AbortController): Promise<void> {
    let job: SyncJob;
    try {
      job = await options.loadJob(run);
    } catch (error) {
      problem(`sync run ${run.id} could not start`, error);
      // Schedules have no foreign key to projects: a deleted project's schedule ends here.
      if ((error as { code?: string }).code === "project_not_found" && run.projectId) await schedules.remove(run.projectId);
      const summary = failedSummary(run, [], error, (options.now ?? Date.now)());
      summary.errors = [errorEntry("config", error)];
      await runs.finish(run.id, owner, summary);
      emit(run.id, { type: "run-finished", summary });
      return;
    }
    await executeRun({ db: options.db, runs, run, owner, job, leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS, signal: cancel.signal, onEvent: (e) => emit(run.id, e), now: options.now, databaseFile: options.databaseFile });
  }

  async function pass(): Promise<void> {
    await runs.reapInterrupted();
    for (const projectId of await schedules.claimDue()) {
      try {
        const run = await runs.enqueue({ scope: projectScope(projectId), projectId, trigger: "schedule" });
        await schedules.recordRun(projectId, run.id);
      } catch (error) {
        if ((error as { code?: string }).code === "sync_already_running") await schedules.recordSkip(projectId);
        else problem(`scheduled sync of project ${projectId} could not be queued`, error);
      }
    }
    if (current || stopped) return;
    const run = await runs.claim(owner, options.leaseMs ?? DEFAULT_LEASE_MS);
    if (!run) return;
    const cancel = new AbortController();
    const done = work(run, cancel)
      .catch((error: unknown) => problem(`sync run ${run.id} failed`, error))
      .finally(() => {
        current = null;
        listeners.delete(run.id);
        // The next queued run, if any, without waiting for the poll.
        if (!stopped) void runner.tick();
      });
    current = { runId: run.id, cancel, done };
  }

  const runner = {
    owner,
    runs,
    schedules,
    async enqueue(input: EnqueueInput) {
      const run = await runs.enqueue({ scope: projectScope(input.projectId), projectId: input.projectId, trigger: input.trigger ?? "button", dryRun: input.dryRun, verify: input.verify });
      void runner.tick();
      return run;
    },
    async cancel(runId: string) {
      const record = await runs.cancel(runId);
      if (current?.runId === runId) current.cancel.abort(new Error("cancelled"));
      return record;
    },
    subscribe(runId: string, listener: (event: SyncEvent) => void) {
      let set = listeners.get(runId);
      if (!set) listeners.set(runId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    tick(): Promise<void> {
      if (ticking) {
        again = true;
        return ticking;
      }
      ticking = (async () => {
        do {
          again = false;
          try {
            await pass();
          } catch (error) {
            problem("sync runner tick failed", error);
          }
        } while (again && !stopped);
      })().finally(() => {
        ticking = null;
      });
      return ticking;
    },
    async idle() {
      while (ticking || current) {
        await ticking;
        await current?.done;
      }
    },
    start() {
      if (timer || stopped) return;
      void runner.tick();
      timer = setInterval(() => void runner.tick(), options.pollMs ?? 2000);
      timer.unref?.();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      current?.cancel.abort(new Error("server stopping"));
      await runner.idle();
    },
  };
  return runner;
}

const globalRunner = globalThis as unknown as { __entraPortSyncRunner?: SyncRunner & { start(): void } };

/**
 * Starts this process's runner (once: later calls return the same one) and returns it.
 * Its first tick marks runs left running by a previous process as interrupted.
 */
export function startSyncRunner(options: SyncRunnerOptions): SyncRunner {
  // Kept on globalThis so Next's dev-mode module reloads do not start a second runner.
  globalRunner.__entraPortSyncRunner ??= createSyncRunner(options);
  globalRunner.__entraPortSyncRunner.start();
  return globalRunner.__entraPortSyncRunner;
}

/** The runner started in this process, or null (route handlers: enqueue, cancel, subscribe). */
export function syncRunner(): SyncRunner | null {
  return globalRunner.__entraPortSyncRunner ?? null;
}
