/**
 * The sync engine (server only): Graph pages -> selection -> mapping -> plan against the
 * stored state -> Port writes -> reconciliation, with progress events out.
 *
 *   const runs = createRunStore(db);
 *   const run = await runs.start({ scope: integrationScope("entra-id"), trigger: "cli" }, owner);
 *   const summary = await executeRun({ db, runs, run, owner, job: { scope, graph, port, engine, config, blueprints } });
 *
 * The server's runner (`startSyncRunner`) claims queued runs (button, schedule) and runs
 * them the same way; the command line (cli/commands/sync.ts) starts one in its own process.
 * A project's job (its connections, mapping, blueprints) is built by
 * `projectJobLoader` in lib/sync/project-job.ts (kept out of this index: it needs lib/builder).
 * Files, in pipeline order: fetch.ts, map-page.ts, plan.ts, write.ts, reconcile.ts
 * (verify.ts for drift), put together in pipeline.ts; state-store.ts and run-store.ts
 * hold what lives in the database.
 */
export { runSync, type SyncJob, type RunContext } from "./pipeline";
export { startSyncRunner, syncRunner, createSyncRunner, type SyncRunner, type SyncRunnerOptions, type EnqueueInput } from "./runner";
export { createScheduleStore, scheduleInput, nextSlot, type ScheduleStore, type SyncSchedule, type ScheduleInput } from "./schedule";
export { executeRun, failedSummary, type ExecuteOptions } from "./execute";
export { createRunStore, projectScope, integrationScope, DEFAULT_LEASE_MS, type RunStore } from "./run-store";
export { leaseOwnerId, ownerIsGone } from "./run-owner";
export type { SyncRunRecord, NewRun } from "./run-record";
export { createStateStore, type StateStore } from "./state-store";
export { resourcePages, DEFAULT_NESTED_CONCURRENCY, type FetchedPage, type FetchOptions } from "./fetch";
export { propertyChanges, contentJson, type EntityContent } from "./diff";
export { DEFAULT_DELETION_THRESHOLD, thresholdProblem } from "./reconcile";
export { parseOceanEnv, oceanClients, cloudOfBaseUrl, oceanEnvSchema, type OceanSettings } from "./ocean-env";
export { customAuthTokenProvider, customAuthRequestSchema, customAuthTemplateSchema } from "./custom-auth";
export * from "./types";
