/**
 * Runs in the database: a run is a row before it is a promise. The interface is small on
 * purpose (enqueue, start, claim, renew, finish, cancel, reap) so it can move onto a queue
 * over Postgres (pg-boss) without touching the pipeline.
 * - At most one queued or running run per scope: SyncActiveRun's primary key refuses a
 *   second start, across processes (the server's runner and the command line).
 * - A running run holds a lease its owner renews; a run whose lease expired, or whose
 *   owner process on this machine is gone, is marked interrupted: nothing of it is deleted.
 */
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { RecorderSnapshot } from "./recorder";
import type { ResourceCounters, SyncSummary } from "./types";
import { databaseFault } from "./database-fault";
import { parseColumn, toRecord, type NewRun, type SyncRunRecord } from "./run-record";
import { ownerIsGone } from "./run-owner";

export const DEFAULT_LEASE_MS = 30_000;

export const projectScope = (projectId: string) => `project:${projectId}`;
export const integrationScope = (identifier: string) => `integration:${identifier}`;

const INTERRUPTED = "The run stopped without finishing (its process ended or lost its lease); nothing was deleted.";

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === "P2002" || /UNIQUE constraint failed/i.test(e?.message ?? "");
}

/** Finished runs kept per scope: a schedule every 5 minutes would add 288 rows a day. */
export const KEEP_RUNS = 200;

/** Drops the scope's finished runs older than the newest `keep` (queued and running ones stay). */
async function pruneHistory(db: Db, scope: string, keep: number): Promise<void> {
  const finished = { scope, finishedAt: { not: null } };
  const [oldestKept] = await db.syncRun.findMany({ where: finished, orderBy: [{ queuedAt: "desc" }, { id: "desc" }], skip: keep - 1, take: 1, select: { queuedAt: true, id: true } });
  if (!oldestKept) return;
  await db.syncRun.deleteMany({ where: { ...finished, OR: [{ queuedAt: { lt: oldestKept.queuedAt } }, { queuedAt: oldestKept.queuedAt, id: { lt: oldestKept.id } }] } });
}

export interface RunStoreOptions {
  now?: () => number;
  /** Named in database errors. */
  databaseFile?: string;
  /** Finished runs kept per scope (default KEEP_RUNS). */
  keepRuns?: number;
  /**
   * The owner id of a run this process is working on now, if any: never reaped, whatever
   * its lease says (after the clock jumped forward it reads as expired until renewed).
   */
  liveOwner?: () => string | null;
}

export function createRunStore(db: Db, options: RunStoreOptions = {}) {
  const now = () => new Date((options.now ?? Date.now)());

  /** Ends runs whose owner is gone: lease expired, or its process on this machine exited. */
  async function reapInterrupted(): Promise<string[]> {
    const running = await db.syncRun.findMany({ where: { status: "running" }, select: { id: true, leaseOwner: true, leaseExpiresAt: true } });
    const t = now();
    const alive = options.liveOwner?.() ?? null;
    const gone = running.filter((r) => r.leaseOwner !== alive && ((r.leaseExpiresAt !== null && r.leaseExpiresAt < t) || ownerIsGone(r.leaseOwner)));
    const reaped: string[] = [];
    for (const r of gone) {
      const { count } = await db.syncRun.updateMany({
        where: { id: r.id, status: "running", leaseOwner: r.leaseOwner },
        data: { status: "interrupted", finishedAt: t, deletionSkipped: INTERRUPTED, failure: JSON.stringify({ code: "sync_interrupted", message: INTERRUPTED, hint: "Run it again; the next run continues from what was written." }) },
      });
      await db.syncActiveRun.deleteMany({ where: { runId: r.id } });
      if (count === 1) reaped.push(r.id);
    }
    return reaped;
  }

  /**
   * Takes the scope's slot, then creates the run; or refuses with the run that holds it.
   * Two single statements rather than a transaction: better-sqlite3 is synchronous, so a
   * transaction held across awaits would stall another connection of the same process.
   */
  async function create(input: NewRun, running: { owner: string; leaseMs: number } | null): Promise<SyncRunRecord> {
    try {
      return await createOnce(input, running);
    } catch (error) {
      throw databaseFault(error, options.databaseFile) ?? error;
    }
  }

  async function createOnce(input: NewRun, running: { owner: string; leaseMs: number } | null): Promise<SyncRunRecord> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const id = `run_${randomUUID().replace(/-/g, "")}`;
      try {
        await db.syncActiveRun.create({ data: { scope: input.scope, runId: id } });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (attempt === 0 && (await freeStaleSlot(input.scope))) continue;
        throw await refusal(input);
      }
      const t = now();
      try {
        const row = await db.syncRun.create({
          data: {
            id,
            scope: input.scope,
            projectId: input.projectId ?? null,
            trigger: input.trigger,
            dryRun: input.dryRun ?? false,
            verify: input.verify ?? false,
            queuedAt: t,
            ...(running
              ? { status: "running", startedAt: t, leaseOwner: running.owner, leaseExpiresAt: new Date(t.getTime() + running.leaseMs) }
              : { status: "queued" }),
          },
        });
        return toRecord(row);
      } catch (error) {
        await db.syncActiveRun.deleteMany({ where: { runId: id } });
        throw error;
      }
    }
    throw await refusal(input);
  }

  /** Frees a slot whose run ended without releasing it, or whose owner is gone; true when freed. */
  async function freeStaleSlot(scope: string): Promise<boolean> {
    const active = await db.syncActiveRun.findUnique({ where: { scope } });
    if (!active) return true;
    const holder = await db.syncRun.findUnique({ where: { id: active.runId }, select: { status: true } });
    if (holder?.status === "running" && (await reapInterrupted()).includes(active.runId)) return true;
    // A slot without its run for a moment is a start in progress, not a stale slot.
    const starting = !holder && now().getTime() - active.createdAt.getTime() < 60_000;
    if (holder?.status === "queued" || holder?.status === "running" || starting) return false;
    await db.syncActiveRun.deleteMany({ where: { scope, runId: active.runId } });
    return true;
  }

  async function refusal(input: NewRun): Promise<AppError> {
    const active = await db.syncActiveRun.findUnique({ where: { scope: input.scope } });
    const holder = active ? await db.syncRun.findUnique({ where: { id: active.runId } }) : null;
    const what = input.projectId ? "project" : "integration";
    const detail = holder ? ` (run ${holder.id}, ${holder.trigger}, since ${(holder.startedAt ?? holder.queuedAt).toISOString()})` : "";
    return new AppError("sync_already_running", `A sync of this ${what} is already ${holder?.status ?? "starting"}${detail}.`, {
      status: 409,
      hint: "Wait for it to finish, or cancel it; two syncs of the same catalog at once would undo each other's work.",
    });
  }

/** Records the outcome and frees the scope's slot. */
async function finishOnce(runId: string, owner: string, summary: SyncSummary): Promise<boolean> {
    const { count } = await db.syncRun.updateMany({
      where: { id: runId, status: "running", leaseOwner: owner },
      data: {
        status: summary.status,
        finishedAt: new Date(summary.finishedAt),
        leaseExpiresAt: null,
        counters: JSON.stringify(summary.resources),
        errors: JSON.stringify(summary.errors),
        errorCount: summary.errorCount,
        deletionSkipped: summary.dryRun ? null : summary.deletion.skippedReason,
        summary: JSON.stringify(summary),
        failure: summary.failure ? JSON.stringify(summary.failure) : null,
      },
    });
    await db.syncActiveRun.deleteMany({ where: { runId } });
    if (count === 1) await pruneHistory(db, summary.scope, options.keepRuns ?? KEEP_RUNS);
    return count === 1;
  }

  return {
    reapInterrupted,

    /** A queued run, for the runner (button, schedule). */
    enqueue: (input: NewRun) => create(input, null),

    /** A run that starts at once in this process (the command line). */
    start: (input: NewRun, owner: string, leaseMs = DEFAULT_LEASE_MS) => create(input, { owner, leaseMs }),

    /** The oldest queued run, now running under `owner`'s lease; null when none is queued. */
    async claim(owner: string, leaseMs = DEFAULT_LEASE_MS): Promise<SyncRunRecord | null> {
      for (;;) {
        const next = await db.syncRun.findFirst({ where: { status: "queued" }, orderBy: { queuedAt: "asc" }, select: { id: true } });
        if (!next) return null;
        const t = now();
        const { count } = await db.syncRun.updateMany({
          where: { id: next.id, status: "queued" },
          data: { status: "running", startedAt: t, leaseOwner: owner, leaseExpiresAt: new Date(t.getTime() + leaseMs) },
        });
        if (count === 1) return toRecord((await db.syncRun.findUnique({ where: { id: next.id } }))!);
      }
    },

    /** Extends the lease; `held: false` means the run is no longer this owner's (stop working on it). */
    async renew(runId: string, owner: string, leaseMs = DEFAULT_LEASE_MS): Promise<{ held: boolean; cancelRequested: boolean }> {
      const { count } = await db.syncRun.updateMany({
        where: { id: runId, status: "running", leaseOwner: owner },
        data: { leaseExpiresAt: new Date(now().getTime() + leaseMs) },
      });
      const row = await db.syncRun.findUnique({ where: { id: runId }, select: { cancelRequested: true } });
      return { held: count === 1, cancelRequested: row?.cancelRequested ?? false };
    },

    async saveProgress(runId: string, owner: string, snapshot: RecorderSnapshot): Promise<void> {
      await db.syncRun.updateMany({
        where: { id: runId, status: "running", leaseOwner: owner },
        data: { counters: JSON.stringify(snapshot.resources), errors: JSON.stringify(snapshot.errors), errorCount: snapshot.errorCount },
      });
    },

    /**
     * Records the outcome and frees the scope's slot. When the database refuses the full
     * record (full or locked), the outcome alone is tried (a smaller row); failing that,
     * a clear error: the run stays running until its lease ends, then reads interrupted.
     */
    async finish(runId: string, owner: string, summary: SyncSummary): Promise<boolean> {
      try {
        return await finishOnce(runId, owner, summary);
      } catch (error) {
        const fault = databaseFault(error, options.databaseFile);
        if (!fault) throw error;
        try {
          const { count } = await db.syncRun.updateMany({
            where: { id: runId, status: "running", leaseOwner: owner },
            data: { status: "failed", finishedAt: new Date(summary.finishedAt), leaseExpiresAt: null, errors: "[]", summary: null, deletionSkipped: "The run could not be recorded in full; nothing was deleted.", failure: JSON.stringify(fault.toJSON()) },
          });
          await db.syncActiveRun.deleteMany({ where: { runId } });
          return count === 1;
        } catch {
          throw fault;
        }
      }
    },

    /** A queued run is cancelled at once; a running one is asked to stop (its owner sees it at the next renewal). */
    async cancel(runId: string): Promise<SyncRunRecord> {
      const t = now();
      const { count } = await db.syncRun.updateMany({
        where: { id: runId, status: "queued" },
        data: { status: "cancelled", finishedAt: t, cancelRequested: true, deletionSkipped: "The run was cancelled before it started; nothing was deleted." },
      });
      if (count === 1) await db.syncActiveRun.deleteMany({ where: { runId } });
      else await db.syncRun.updateMany({ where: { id: runId, status: "running" }, data: { cancelRequested: true } });
      const row = await db.syncRun.findUnique({ where: { id: runId } });
      if (!row) throw new AppError("sync_run_not_found", `There is no sync run ${runId}.`, { status: 404, hint: "Reload the run history." });
      return toRecord(row);
    },

    async get(runId: string): Promise<SyncRunRecord | null> {
      const row = await db.syncRun.findUnique({ where: { id: runId } });
      return row ? toRecord(row) : null;
    },

    async list(scope: string, take = 50): Promise<SyncRunRecord[]> {
      const rows = await db.syncRun.findMany({ where: { scope }, orderBy: { queuedAt: "desc" }, take });
      return rows.map(toRecord);
    },

    /** Items per resource of the scope's last complete, non-dry run (for an ETA). */
    async expectedItems(scope: string, kinds: readonly string[]): Promise<(number | null)[]> {
      const row = await db.syncRun.findFirst({ where: { scope, status: "succeeded", dryRun: false }, orderBy: { queuedAt: "desc" }, select: { counters: true } });
      const counters = parseColumn<ResourceCounters[]>(row?.counters ?? null, []);
      return kinds.map((kind, i) => (counters[i]?.kind === kind ? counters[i]!.items : null));
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
