/**
 * Sync schedules: every N minutes per project (like Ocean's scheduledResyncInterval), the
 * next run time persisted so a restart keeps the rhythm. A due slot is claimed by moving
 * `nextRunAt` on in one conditional update, so two runners never both enqueue it; slots
 * missed while the server was down (or skipped by a clock jumping forward) give one run,
 * not a burst; a clock jumping back does not stall the schedule (rebaseAfterBackwardJump).
 * A slot that comes while the project's sync is still running is skipped (and noted),
 * never run on top of it.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";

export const MAX_INTERVAL_MINUTES = 30 * 24 * 60;

export const scheduleInput = z.object({
  intervalMinutes: z.number().int("Use whole minutes").min(5, "Use at least 5 minutes").max(MAX_INTERVAL_MINUTES, "Use at most 30 days"),
  enabled: z.boolean().default(true),
});
export type ScheduleInput = z.input<typeof scheduleInput>;

export interface SyncSchedule {
  projectId: string;
  intervalMinutes: number;
  enabled: boolean;
  nextRunAt: string;
  lastRunId: string | null;
  lastSkippedAt: string | null;
}

type Row = NonNullable<Awaited<ReturnType<Db["syncSchedule"]["findUnique"]>>>;

const toSchedule = (r: Row): SyncSchedule => ({
  projectId: r.projectId,
  intervalMinutes: r.intervalMinutes,
  enabled: r.enabled,
  nextRunAt: r.nextRunAt.toISOString(),
  lastRunId: r.lastRunId,
  lastSkippedAt: r.lastSkippedAt?.toISOString() ?? null,
});

/** The first slot after `now`, in steps of the interval from `from`. */
export function nextSlot(from: number, intervalMs: number, now: number): number {
  if (from > now) return from;
  return from + (Math.floor((now - from) / intervalMs) + 1) * intervalMs;
}

export function createScheduleStore(db: Db, options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;

  /**
   * A slot more than one interval ahead can only come from a clock that went back (an NTP
   * correction, a restored VM): left alone, the schedule would stall for the size of the
   * jump. It is brought back to one interval from now.
   */
  async function rebaseAfterBackwardJump(t: number): Promise<void> {
    const ahead = await db.syncSchedule.findMany({ where: { enabled: true, nextRunAt: { gt: new Date(t) } } });
    for (const s of ahead) {
      const interval = s.intervalMinutes * 60_000;
      if (s.nextRunAt.getTime() - t <= interval) continue;
      await db.syncSchedule.updateMany({ where: { projectId: s.projectId, nextRunAt: s.nextRunAt }, data: { nextRunAt: new Date(t + interval) } });
    }
  }

  return {
    async set(projectId: string, input: ScheduleInput): Promise<SyncSchedule> {
      const parsed = scheduleInput.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new AppError("invalid_schedule", `${issue.path.join(".") || "schedule"}: ${issue.message}`, { status: 400, location: { path: issue.path.join(".") }, hint: "Give the interval in minutes, e.g. 60." });
      }
      const { intervalMinutes, enabled } = parsed.data;
      const current = await db.syncSchedule.findUnique({ where: { projectId } });
      // A new interval (or switching it on) starts counting now.
      const restart = !current || current.intervalMinutes !== intervalMinutes || (!current.enabled && enabled);
      const nextRunAt = restart ? new Date(now() + intervalMinutes * 60_000) : current.nextRunAt;
      const row = await db.syncSchedule.upsert({
        where: { projectId },
        create: { projectId, intervalMinutes, enabled, nextRunAt },
        update: { intervalMinutes, enabled, nextRunAt },
      });
      return toSchedule(row);
    },

    async get(projectId: string): Promise<SyncSchedule | null> {
      const row = await db.syncSchedule.findUnique({ where: { projectId } });
      return row ? toSchedule(row) : null;
    },

    async remove(projectId: string): Promise<void> {
      await db.syncSchedule.deleteMany({ where: { projectId } });
    },

    /** Due schedules, each claimed for this caller (its nextRunAt moved to the next slot). */
    async claimDue(): Promise<string[]> {
      const t = now();
      await rebaseAfterBackwardJump(t);
      const due = await db.syncSchedule.findMany({ where: { enabled: true, nextRunAt: { lte: new Date(t) } } });
      const claimed: string[] = [];
      for (const s of due) {
        const next = new Date(nextSlot(s.nextRunAt.getTime(), s.intervalMinutes * 60_000, t));
        const { count } = await db.syncSchedule.updateMany({ where: { projectId: s.projectId, nextRunAt: s.nextRunAt }, data: { nextRunAt: next } });
        if (count === 1) claimed.push(s.projectId);
      }
      return claimed;
    },

    async recordRun(projectId: string, runId: string): Promise<void> {
      await db.syncSchedule.updateMany({ where: { projectId }, data: { lastRunId: runId } });
    },

    async recordSkip(projectId: string): Promise<void> {
      await db.syncSchedule.updateMany({ where: { projectId }, data: { lastSkippedAt: new Date(now()) } });
    },
  };
}

export type ScheduleStore = ReturnType<typeof createScheduleStore>;
